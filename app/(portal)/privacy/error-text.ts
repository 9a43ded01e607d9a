import type { Translate } from "@/lib/i18n";

/** The message of a failed action as the server worded it in the session's language (a refusal of lib/privacy, or a general error). */
export function errorText(t: Translate, result: { error: string; message?: string }): string {
  return result.message ?? t("errors.internal");
}
