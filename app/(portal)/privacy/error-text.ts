import type { MessageKey, Translate } from "@/lib/i18n";

const OWN: Record<string, MessageKey> = {
  switch_off: "privacy.error.switch_off",
  no_right: "privacy.error.no_right",
  admin_self: "privacy.error.admin_self",
  own_data_only: "privacy.error.own_data_only",
  not_admin: "privacy.error.not_admin",
  subject_admin: "privacy.error.subject_admin",
  in_progress: "privacy.error.in_progress",
  nothing_to_do: "privacy.error.nothing_to_do",
  confirmation: "privacy.error.confirmation",
};

/** The message of a failed action: the Privacy tool's own refusals from its keys, the rest as lib/errors worded them. */
export function errorText(t: Translate, result: { error: string; message?: string }): string {
  const own = OWN[result.error];
  if (own) return t(own);
  return result.message ?? t("errors.internal");
}
