import type { MessageKey, Translate } from "@/lib/i18n";

const ORDER = ["task", "lead", "deal", "contact", "company", "quote", "invoice", "dynamic", "activity", "workgroup", "department"];

/** Where a type goes in lists and charts: the catalogue's order, smart processes by their ID after invoices. */
export function typeRank(type: string): number {
  const dynamic = /^dynamic-(\d+)$/.exec(type);
  const at = ORDER.indexOf(dynamic ? "dynamic" : type);
  return (at < 0 ? ORDER.length : at) * 1_000_000 + (dynamic ? Number(dynamic[1]) : 0);
}

/** Types (or rows with a type) in the catalogue's order. */
export function byTypeOrder<T extends string | { type: string }>(items: readonly T[]): T[] {
  const typeOf = (x: T) => (typeof x === "string" ? x : x.type);
  return [...items].sort((a, b) => typeRank(typeOf(a)) - typeRank(typeOf(b)));
}

/** The label of an object type; smart processes by the portal's own title. */
export function typeLabel(t: Translate, type: string, smartProcesses: Array<{ entityTypeId: number; title: string }> = []): string {
  const dynamic = /^dynamic-(\d+)$/.exec(type);
  if (dynamic) return smartProcesses.find((s) => s.entityTypeId === Number(dynamic[1]))?.title || `${t("transfer.type.dynamic")} ${dynamic[1]}`;
  return t(`transfer.type.${type}` as MessageKey);
}

export function roleLabel(t: Translate, role: string): string {
  return t(`transfer.role.${role}` as MessageKey);
}

/** A duration as the progress and the history show it: seconds under a minute and a half, else minutes. */
export function durationLabel(t: Translate, seconds: number): string {
  return seconds < 90 ? t("transfer.duration.seconds", { n: seconds }) : t("transfer.duration.minutes", { n: Math.round(seconds / 60) });
}
