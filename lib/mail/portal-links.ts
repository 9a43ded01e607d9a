/**
 * Addresses of records in the portal's own UI (the sidebar's links). Paths as Bitrix24 cloud
 * portals print them in their CRM and user cards: /crm/{type}/details/{id}/ and
 * /company/personal/user/{id}/.
 */
export type CrmKind = "contact" | "lead" | "company" | "deal";

export const ENTITY_TYPE_ID: Record<CrmKind, number> = { lead: 1, deal: 2, contact: 3, company: 4 };
export const KIND_OF_TYPE: Record<number, CrmKind> = { 1: "lead", 2: "deal", 3: "contact", 4: "company" };

export function portalBase(portal: { protocol: string; domain: string }): string {
  return `${portal.protocol === "http" ? "http" : "https"}://${portal.domain}`;
}

export const crmLink = (base: string, kind: CrmKind, id: number) => `${base}/crm/${kind}/details/${id}/`;
export const userLink = (base: string, id: number) => `${base}/company/personal/user/${id}/`;
