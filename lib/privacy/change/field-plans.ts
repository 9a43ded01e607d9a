/**
 * What anonymisation and erasure write, field by field. The fields are those `user.update`
 * accepts (the server's rest/lib/api/user.php $allowedUserFields; b24restdocs
 * api-reference/user/user-update.md); everything else of an account (LOGIN, the ID, XML_ID,
 * authorship of records, names written inside other people's texts) an app cannot change, and
 * the UI says so (NOT_ERASABLE below).
 *
 * Both plans are fixed values, not derived from the current ones: writing a plan twice (a job
 * retried after a crash) leaves the same state as writing it once and loses nothing.
 */
import { createHash } from "node:crypto";

/** Profile fields that identify or describe the person and that user.update can write. */
export const PERSONAL_FIELDS = [
  "NAME",
  "LAST_NAME",
  "SECOND_NAME",
  "EMAIL",
  "PERSONAL_GENDER",
  "PERSONAL_PROFESSION",
  "PERSONAL_WWW",
  "PERSONAL_BIRTHDAY",
  "PERSONAL_PHOTO",
  "PERSONAL_ICQ",
  "PERSONAL_PHONE",
  "PERSONAL_FAX",
  "PERSONAL_MOBILE",
  "PERSONAL_PAGER",
  "PERSONAL_STREET",
  "PERSONAL_CITY",
  "PERSONAL_STATE",
  "PERSONAL_ZIP",
  "PERSONAL_COUNTRY",
  "WORK_POSITION",
  "WORK_PHONE",
  "UF_INTERESTS",
  "UF_SKILLS",
  "UF_WEB_SITES",
  "UF_XING",
  "UF_LINKEDIN",
  "UF_FACEBOOK",
  "UF_TWITTER",
  "UF_SKYPE",
  "UF_DISTRICT",
  "UF_PHONE_INNER",
] as const;

/** Fields kept by both: the account's place in the company, not facts about the person. */
export const KEPT_FIELDS = ["ID", "ACTIVE", "UF_DEPARTMENT", "WORK_COMPANY", "USER_TYPE"] as const;

/** What an app cannot erase through the API (shown to the user before they confirm). */
export const NOT_ERASABLE = ["login", "userId", "authorship", "mentions", "messages", "files", "history"] as const;

/** Four hex digits that stay the same for a user on a portal ("Former employee 4F2A"). */
export function pseudonymCode(memberId: string, userId: number): string {
  return createHash("sha256").update(`staffsuite-pseudonym:${memberId}:${userId}`).digest("hex").slice(0, 4).toUpperCase();
}

export type Plan = Record<string, string>;

/**
 * Anonymisation: the name becomes the pseudonym, the e-mail a non-deliverable address made from
 * the user ID (unique per portal, unlike the 4-digit code), the photo is deleted (an empty
 * PERSONAL_PHOTO becomes `del=Y` in user.php prepareUserData) and every other personal field is
 * cleared. The account stays active or dismissed as it was, so records stay readable.
 */
export function anonymisationPlan(memberId: string, userId: number, formerEmployee: string, customFields: readonly string[]): Plan {
  const plan = clearAll(customFields);
  plan.NAME = formerEmployee;
  plan.LAST_NAME = pseudonymCode(memberId, userId);
  plan.EMAIL = `former-employee-${userId}@anonymised.invalid`;
  return plan;
}

/**
 * Erasure: every personal field cleared and the account deactivated. EMAIL cannot be empty on an
 * intranet account, so it becomes a non-deliverable address made from the user ID.
 */
export function erasurePlan(userId: number, customFields: readonly string[]): Plan {
  const plan = clearAll(customFields);
  plan.EMAIL = `erased-${userId}@erased.invalid`;
  plan.ACTIVE = "N";
  return plan;
}

function clearAll(customFields: readonly string[]): Plan {
  const plan: Plan = {};
  for (const f of PERSONAL_FIELDS) plan[f] = "";
  // Custom fields of the portal (user.userfield.list) other than the department list.
  for (const f of customFields) if (f.startsWith("UF_") && f !== "UF_DEPARTMENT") plan[f] = "";
  return plan;
}
