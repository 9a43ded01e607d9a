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
 */
import { Refused } from "../../errors";
import type { PrivacySettings } from "../settings";
import type { UserRights } from "../rights";

export type PrivacyAction = "download" | "anonymise" | "erase";

export interface Actor {
  userId: number;
  isAdmin: boolean;
}

export type Refusal = "switch_off" | "no_right" | "admin_self" | "not_admin" | "subject_admin" | "own_data_only";

export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

/** A decision's "no" as the one refusal family (lib/errors), with its words at `privacy.refused.<reason>`. */
export function refusal(reason: Refusal): Refused {
  return new Refused(`privacy.refused.${reason}`, { status: 403 });
}

export function decide(
  action: PrivacyAction,
  actor: Actor,
  subject: { userId: number; isAdmin: boolean },
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
    if (actor.isAdmin) return { allowed: false, reason: "admin_self" };
    return actorRights[action] ? { allowed: true } : { allowed: false, reason: "no_right" };
  }
  if (!actor.isAdmin) return { allowed: false, reason: "not_admin" };
  if (subject.isAdmin) return { allowed: false, reason: "subject_admin" };
  return { allowed: true };
}
