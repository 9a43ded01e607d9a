/**
 * Addresses of records in the portal's own UI (the sidebar's links). Paths as Bitrix24 cloud
 * portals print them in their CRM and user cards: /crm/{type}/details/{id}/ and
 * /company/personal/user/{id}/.
 */
import type { CrmTypeKey } from "../ownership";

/** The CRM types the sidebar shows and creates (their entityTypeIds: lib/ownership CRM_TYPES). */
export type CrmKind = Extract<CrmTypeKey, "contact" | "lead" | "company" | "deal">;

export function portalBase(portal: { protocol: string; domain: string }): string {
  return `${portal.protocol === "http" ? "http" : "https"}://${portal.domain}`;
}

export const crmLink = (base: string, kind: CrmKind, id: number) => `${base}/crm/${kind}/details/${id}/`;
export const userLink = (base: string, id: number) => `${base}/company/personal/user/${id}/`;
