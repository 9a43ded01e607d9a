import type { Translate } from "@/lib/i18n";

/** "dismissed" beside a person, agreeing with their gender where the language needs it (ru: уволен, уволена; уволен(а) when the profile does not say). */
export function dismissedLabel(t: Translate, person: { gender?: "female" | "male" | null }): string {
  return t(person.gender ? `transfer.person.dismissed.${person.gender}` : "transfer.person.dismissed");
}

/** A duration as the progress and the history show it: seconds under a minute and a half, else minutes. */
export function durationLabel(t: Translate, seconds: number): string {
  return seconds < 90 ? t("transfer.duration.seconds", { n: seconds }) : t("transfer.duration.minutes", { n: Math.round(seconds / 60) });
}
