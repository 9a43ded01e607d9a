/**
 * Who may do what, in one pure function the pages and the server actions both call (so what the
 * UI offers and what the server accepts cannot drift apart).
 *
 * - Everyone may download their own data, and only their own (administrators too).
 * - Anonymising or erasing one's own data needs the master switch on AND the admin-granted right;
 *   an administrator may only download their own data (the reference app: "administrator
 *   privileges need to be revoked first").
 * - An administrator may anonymise or erase another, non-admin user (the Dismissed users tab)
 *   while the master switch is on.
 * - Whether the subject is an administrator is what the portal says now (subjects.ts), never what
 *   a stored sign-in said; where the portal cannot say (`isAdmin: null`), the answer is no.
 */
import { Refused } from "../../errors";
import type { PrivacySettings } from "../settings";
import type { UserRights } from "../rights";

export type PrivacyAction = "download" | "anonymise" | "erase";

export interface Actor {
  userId: number;
  isAdmin: boolean;
}

export type Refusal = "switch_off" | "no_right" | "admin_self" | "not_admin" | "subject_admin" | "admin_unknown" | "own_data_only";

export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

/**
 * A decision's "no" as the one refusal family (lib/errors), with its words at
 * `privacy.refused.<reason>`; about another person, the words name them.
 */
export function refusal(reason: Refusal, subject?: { userId: number; name: string }): Refused {
  if (!subject) return new Refused(`privacy.refused.${reason}`, { status: 403 });
  return new Refused(`privacy.refused.${reason}`, { status: 403, userIds: [subject.userId], params: { name: subject.name || `#${subject.userId}` } });
}

export function decide(
  action: PrivacyAction,
  actor: Actor,
  /** isAdmin: what the portal says; null when it cannot say. */
  subject: { userId: number; isAdmin: boolean | null },
  settings: PrivacySettings,
  actorRights: UserRights,
): Decision {
  const self = actor.userId === subject.userId;
  // Art. 15/20 is the person's own right: nobody downloads another's data, an administrator
  // included (the reference app: administrators, too, download only their own).
  if (action === "download") return self ? { allowed: true } : { allowed: false, reason: actor.isAdmin ? "admin_self" : "own_data_only" };
  const switchOn = action === "anonymise" ? settings.allowAnonymisation : settings.allowErasure;
  if (!switchOn) return { allowed: false, reason: "switch_off" };
  if (self) {
    if (actor.isAdmin || subject.isAdmin === true) return { allowed: false, reason: "admin_self" };
    if (!actorRights[action]) return { allowed: false, reason: "no_right" };
    return subject.isAdmin === null ? { allowed: false, reason: "admin_unknown" } : { allowed: true };
  }
  if (!actor.isAdmin) return { allowed: false, reason: "not_admin" };
  if (subject.isAdmin === null) return { allowed: false, reason: "admin_unknown" };
  if (subject.isAdmin) return { allowed: false, reason: "subject_admin" };
  return { allowed: true };
}
