/**
 * Addresses of records and people in the portal's own UI (the sidebar's links): the portal's base
 * URL (lib/portal-address), a CRM record's page (lib/ownership recordPath: /crm/{type}/details/{id}/)
 * and a user's profile (lib/people profilePath).
 */
import { recordPath, type CrmTypeKey } from "../ownership";
import { profilePath } from "../people";
import { portalUrl } from "../portal-address";

/** The CRM types the sidebar shows and creates (their entityTypeIds: lib/ownership CRM_TYPES). */
export type CrmKind = Extract<CrmTypeKey, "contact" | "lead" | "company" | "deal">;

export const crmLink = (base: string, kind: CrmKind, id: number) => portalUrl(base, recordPath(kind, id) ?? "/crm/");
export const userLink = (base: string, id: number) => portalUrl(base, profilePath(id));
