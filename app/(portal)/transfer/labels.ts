import type { Translate } from "@/lib/i18n";

/** A duration as the progress and the history show it: seconds under a minute and a half, else minutes. */
export function durationLabel(t: Translate, seconds: number): string {
  return seconds < 90 ? t("transfer.duration.seconds", { n: seconds }) : t("transfer.duration.minutes", { n: Math.round(seconds / 60) });
}
