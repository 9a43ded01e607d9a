/**
 * Addresses of records inside the portal (relative to the portal's base URL), for "open in
 * Bitrix24" links in the overview. Paths as the portal's own UI uses them: CRM details pages
 * `/crm/{deal|lead|contact|company}/details/{id}/`, the universal `/crm/type/{entityTypeId}/details/{id}/`
 * for quotes, smart invoices and smart processes, tasks under the responsible person's profile,
 * workgroups under `/workgroups/group/{id}/`.
 */
import { CRM_TYPES } from "./crm-entries";

const NAMED: Record<number, string> = { [CRM_TYPES.lead]: "lead", [CRM_TYPES.deal]: "deal", [CRM_TYPES.contact]: "contact", [CRM_TYPES.company]: "company" };

function crmPath(entityTypeId: number, id: number): string {
  const named = NAMED[entityTypeId];
  return named ? `/crm/${named}/details/${id}/` : `/crm/type/${entityTypeId}/details/${id}/`;
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

/** The CRM entityTypeId of a type key ("deal" → 2, "dynamic-128" → 128), or null. */
export function typeEntityId(type: string): number | null {
  if (type in CRM_TYPES) return CRM_TYPES[type as keyof typeof CRM_TYPES];
  const dynamic = /^dynamic-(\d+)$/.exec(type);
  return dynamic ? Number(dynamic[1]) : null;
}
