/**
 * The record types and roles of the ownership catalogue as plain facts: our type keys, the CRM
 * `entityTypeId` of each CRM type (b24restdocs api-reference/crm/universal/index.md: lead 1,
 * deal 2, contact 3, company 4, quote 7, smart invoice 31; smart processes have the IDs
 * `crm.type.list` returns, 128 and up), and the order lists show them in. No server imports:
 * client components read it through lib/ownership/client.ts.
 */

export const CRM_TYPES = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 } as const;

export type CrmTypeKey = keyof typeof CRM_TYPES;

/** Every record type in the catalogue's order; "dynamic" stands for each smart process ("dynamic-128"). */
export const RECORD_TYPES = ["task", "lead", "deal", "contact", "company", "quote", "invoice", "dynamic", "activity", "workgroup", "department"] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

/** Every role a user can hold on a record. */
export const ROLES = ["responsible", "creator", "accomplice", "auditor", "assigned", "owner", "head"] as const;

export type Role = (typeof ROLES)[number];

const DYNAMIC = /^dynamic-(\d+)$/;

/** The entityTypeId of a smart process's type key ("dynamic-128" → 128), or null for any other key. */
export function smartProcessId(type: string): number | null {
  const m = DYNAMIC.exec(type);
  return m ? Number(m[1]) : null;
}

/** Our type key of a CRM entityTypeId ("deal", or "dynamic-128" for a smart process). */
export function crmTypeKey(entityTypeId: number): string {
  const named = (Object.keys(CRM_TYPES) as CrmTypeKey[]).find((key) => CRM_TYPES[key] === entityTypeId);
  return named ?? `dynamic-${entityTypeId}`;
}

/** The CRM entityTypeId of a type key ("deal" → 2, "dynamic-128" → 128), or null for a type outside the CRM. */
export function typeEntityId(type: string): number | null {
  return Object.hasOwn(CRM_TYPES, type) ? CRM_TYPES[type as CrmTypeKey] : smartProcessId(type);
}

/** Whether a CRM type has pipelines: deals, smart invoices and smart processes (leads, contacts, companies and quotes have none). */
export function hasPipelines(entityTypeId: number): boolean {
  return entityTypeId === CRM_TYPES.deal || entityTypeId === CRM_TYPES.invoice || entityTypeId >= 128;
}

/** Where a type goes in lists and charts: the catalogue's order, smart processes by their ID after invoices. */
export function typeRank(type: string): number {
  const smart = smartProcessId(type);
  const at = (RECORD_TYPES as readonly string[]).indexOf(smart === null ? type : "dynamic");
  return (at < 0 ? RECORD_TYPES.length : at) * 1_000_000 + (smart ?? 0);
}

/** Types (or rows with a type) in the catalogue's order. */
export function byTypeOrder<T extends string | { type: string }>(items: readonly T[]): T[] {
  const typeOf = (x: T) => (typeof x === "string" ? x : x.type);
  return [...items].sort((a, b) => typeRank(typeOf(a)) - typeRank(typeOf(b)));
}
