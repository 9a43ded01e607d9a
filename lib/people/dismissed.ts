/**
 * Who is dismissed. Bitrix24 keeps a leaver's account and switches it off: dismissing an employee
 * sets ACTIVE to false, and nothing else marks a leaver — no date, no reason (b24restdocs
 * api-reference/user/user-get.md; docs/bitrix24-platform.md "Users and rights"). So a dismissed
 * employee is an account of USER_TYPE "employee" (not an extranet guest, an e-mail user or a bot)
 * that is not active, and every tool asks the portal for them with the same filter.
 */
import { isYes } from "../bitrix24";

/** user.get FILTER for the dismissed employees (ACTIVE is sent as "N"). */
export const DISMISSED_EMPLOYEES = { ACTIVE: false, USER_TYPE: "employee" } as const;

/** user.get FILTER for the employees still at work (ACTIVE is sent as "Y"). */
export const ACTIVE_EMPLOYEES = { ACTIVE: true, USER_TYPE: "employee" } as const;

/** Whether a user.get record is an active account (its ACTIVE, however the portal spells it). */
export function isActive(user: { ACTIVE?: unknown }): boolean {
  return isYes(user.ACTIVE);
}
