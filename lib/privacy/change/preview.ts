/**
 * What an anonymisation or erasure will change, shown before the typed confirmation: each field
 * the plan writes that would actually change, with its current value and the new one. Values
 * go to the requesting user's screen only; nothing of it is stored.
 */
import type { Bitrix24Client } from "../../bitrix24";
import type { Lang } from "../../i18n";
import { anonymisationPlan, erasurePlan } from "./field-plans";
import { FORMER_EMPLOYEE } from "../portal-texts";
import { displayName } from "../../people";
import { readProfile } from "../profile";

export interface FieldChange {
  field: string;
  label: string;
  current: string;
  next: string;
}

const shown = (v: unknown) =>
  v === null || v === undefined || v === false ? "" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v);

export async function previewChange(
  client: Pick<Bitrix24Client, "call" | "batch" | "listAll">,
  memberId: string,
  subjectUserId: number,
  kind: "anonymise" | "erase",
  /** The portal's language: the pseudonym is written in it (portal-texts.ts). */
  portalLang: Lang,
): Promise<{ name: string; changes: FieldChange[] }> {
  const profile = await readProfile(client, subjectUserId);
  const plan =
    kind === "anonymise"
      ? anonymisationPlan(memberId, subjectUserId, FORMER_EMPLOYEE[portalLang], profile.customFields)
      : erasurePlan(subjectUserId, profile.customFields);
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(plan)) {
    const current = field === "ACTIVE" ? (profile.user.ACTIVE === false ? "N" : "Y") : shown(profile.user[field]);
    if (current === next) continue;
    if (!(field in profile.user) && next === "" && field !== "ACTIVE") continue;
    changes.push({ field, label: profile.labels[field] ?? field, current, next });
  }
  return { name: displayName(profile.user), changes };
}
