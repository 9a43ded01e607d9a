/**
 * Addresses of records inside the portal (relative to the portal's base URL), for "open in
 * Bitrix24" links in the overview. Paths as the portal's own UI uses them: CRM details pages
 * `/crm/{deal|lead|contact|company}/details/{id}/`, the universal `/crm/type/{entityTypeId}/details/{id}/`
 * for quotes, smart invoices and smart processes, tasks under the responsible person's profile,
 * workgroups under `/workgroups/group/{id}/`. Client-safe (lib/ownership/client.ts).
 */
import { crmTypeKey, typeEntityId } from "./record-types";

/** The CRM types with details pages of their own; the others open in the universal one. */
const OWN_PAGES = new Set(["lead", "deal", "contact", "company"]);

function crmPath(entityTypeId: number, id: number): string {
  const key = crmTypeKey(entityTypeId);
  return OWN_PAGES.has(key) ? `/crm/${key}/details/${id}/` : `/crm/type/${entityTypeId}/details/${id}/`;
}

/** Path of one record; `holder` = a user who holds it (tasks live under a user's profile). */
export function recordPath(type: string, id: number, options: { holder?: number; ownerRef?: string } = {}): string | null {
  if (type === "task") return `/company/personal/user/${options.holder ?? 0}/tasks/task/view/${id}/`;
  if (type === "workgroup") return `/workgroups/group/${id}/`;
  if (type === "department") return `/company/structure.php?set_filter_structure=Y&structure_UF_DEPARTMENT=${id}`;
  if (type === "activity") {
    const [ownerType, ownerId] = (options.ownerRef ?? "").split(":").map(Number);
    return ownerType && ownerId ? crmPath(ownerType, ownerId) : null;
  }
  const entityTypeId = typeEntityId(type);
  return entityTypeId ? crmPath(entityTypeId, id) : null;
}
