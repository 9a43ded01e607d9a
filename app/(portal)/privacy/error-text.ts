import type { Translate } from "@/lib/i18n";

const OWN = new Set(["switch_off", "no_right", "admin_self", "not_admin", "subject_admin", "in_progress", "nothing_to_do", "confirmation"]);

/** The message of a failed action: the Privacy tool's own refusals from its keys, the rest as lib/errors worded them. */
export function errorText(t: Translate, result: { error: string; message?: string }): string {
  if (OWN.has(result.error)) return t(`privacy.error.${result.error}`);
  return result.message ?? t("errors.generic");
}
