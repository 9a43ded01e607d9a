/**
 * The words for record types and roles, in the portal's language (lib/i18n/ownership): Transfer's
 * counts and history, Privacy's preview and the overview all say them the same way. A smart
 * process is named by the portal's own title when the caller has it (read live, never stored).
 * Client-safe: takes the translate function of either side.
 */
import type { MessageKey, Translate } from "../i18n";
import { RECORD_TYPES, ROLES, smartProcessId } from "./record-types";

const isOneOf = (list: readonly string[], v: string) => list.includes(v);

/** A kind of record in a list of kinds ("Tasks"); a smart process by its title, else "Smart process 128". */
export function typeLabel(t: Translate, type: string, smartProcesses: ReadonlyArray<{ entityTypeId: number; title: string }> = []): string {
  const smart = smartProcessId(type);
  if (smart !== null) return smartProcesses.find((s) => s.entityTypeId === smart)?.title || t("ownership.types.dynamic", { id: smart });
  return isOneOf(RECORD_TYPES, type) ? t(`ownership.types.${type}` as MessageKey) : type;
}

/** The kind of one record ("Task", "Smart process 128"). */
export function recordTypeLabel(t: Translate, type: string): string {
  const smart = smartProcessId(type);
  if (smart !== null) return t("ownership.type.dynamic", { id: smart });
  return isOneOf(RECORD_TYPES, type) ? t(`ownership.type.${type}` as MessageKey) : type;
}

/** How a user holds a record ("responsible", "observer", …). */
export function roleLabel(t: Translate, role: string): string {
  return isOneOf(ROLES, role) ? t(`ownership.role.${role}` as MessageKey) : role;
}
