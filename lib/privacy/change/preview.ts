/**
 * What an anonymisation or erasure will change, shown before the typed confirmation: each field
 * the plan writes that would actually change, with its current value and the new one, in words
 * the reader reads — fields by the portal's names (profile.ts), dates, yes/no and gender in the
 * reader's language. Values go to the requesting user's screen only; nothing of it is stored.
 */
import type { Bitrix24Client } from "../../bitrix24";
import { formatters, translator, type Lang } from "../../i18n";
import { anonymisationPlan, erasurePlan } from "./field-plans";
import { FORMER_EMPLOYEE } from "../portal-texts";
import { displayName, isActive } from "../../people";
import { readProfile } from "../profile";

export interface FieldChange {
  field: string;
  label: string;
  current: string;
  next: string;
}

const raw = (v: unknown) =>
  v === null || v === undefined || v === false ? "" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v);

/** A value as the reader reads it: a calendar date in their language, yes/no, a gender in words. */
export function valueInWords(lang: Lang, field: string, value: string, type: string | undefined): string {
  if (value === "") return "";
  const t = translator(lang);
  if (field === "ACTIVE" || type === "boolean") {
    if (["Y", "1", "true"].includes(value)) return t("privacy.value.yes");
    if (["N", "0", "false"].includes(value)) return t("privacy.value.no");
  }
  if (field === "PERSONAL_GENDER" && (value === "M" || value === "F")) return t(`privacy.value.gender.${value}`);
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (day && (field === "PERSONAL_BIRTHDAY" || type === "date" || type === "datetime")) {
    // The calendar day as written: read in UTC so no time zone moves a birthday to the day before.
    return formatters(lang).date(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
  }
  return value;
}

export async function previewChange(
  client: Pick<Bitrix24Client, "call" | "batch" | "listAll">,
  memberId: string,
  subjectUserId: number,
  kind: "anonymise" | "erase",
  langs: {
    /** The portal's language: the pseudonym is written in it (portal-texts.ts). */
    portal: Lang;
    /** The reader's: field names and values are shown in it. */
    reader: Lang;
  },
): Promise<{ name: string; changes: FieldChange[] }> {
  const profile = await readProfile(client, subjectUserId, langs.reader);
  const plan =
    kind === "anonymise"
      ? anonymisationPlan(memberId, subjectUserId, FORMER_EMPLOYEE[langs.portal], profile.customFields)
      : erasurePlan(subjectUserId, profile.customFields);
  const changes: FieldChange[] = [];
  for (const [field, next] of Object.entries(plan)) {
    const current = field === "ACTIVE" ? (isActive(profile.user) ? "Y" : "N") : raw(profile.user[field]);
    if (current === next) continue;
    if (!(field in profile.user) && next === "" && field !== "ACTIVE") continue;
    const type = profile.customTypes[field];
    changes.push({
      field,
      label: profile.labels[field] ?? field,
      current: valueInWords(langs.reader, field, current, type),
      next: valueInWords(langs.reader, field, next, type),
    });
  }
  return { name: displayName(profile.user), changes };
}
