/**
 * CRM items — leads, deals, contacts, companies, quotes, smart invoices and every smart-process
 * type — through the universal methods (b24restdocs api-reference/crm/universal/crm-item-list.md,
 * crm-item-get.md, crm-item-update.md): `entityTypeId` 1, 2, 3, 4, 7, 31 and each type
 * `crm.type.list` returns (user-defined-object-types/crm-type-list.md). camelCase filter and
 * fields: `assignedById`, `stageSemanticId` (P in progress, S success, F failure), `categoryId`,
 * `stageId`, `createdTime`, `updatedTime`, `companyId`, `contactId`.
 *
 * Open = stage semantics P. Contacts and companies have no stages: they are never closed.
 */
import { dateFilter } from "./query-filters";
import { CRM_TYPES, crmTypeKey } from "./record-types";
import { num, type OwnershipRole, type RecordSnapshot } from "./types";

/** What a snapshot takes (a list reads thousands of records a request: every field costs). */
const SELECT = ["id", "assignedById", "stageSemanticId", "companyId", "contactId"];

export function crmRole(entityTypeId: number): OwnershipRole {
  const hasStages = entityTypeId !== CRM_TYPES.contact && entityTypeId !== CRM_TYPES.company;
  const snapshot = (item: Record<string, unknown>): RecordSnapshot => ({
    id: num(item.id),
    holders: [num(item.assignedById)],
    open: !hasStages || (item.stageSemanticId ?? "P") === "P",
    // A company is its own group; a contact's group is its company.
    companyId: entityTypeId === CRM_TYPES.company ? num(item.id) : num(item.companyId),
    contactId: entityTypeId === CRM_TYPES.contact ? num(item.id) : num(item.contactId),
  });
  return {
    type: crmTypeKey(entityTypeId),
    role: "assigned",
    multi: false,
    entityTypeId,
    hasOpenState: hasStages,
    filters: hasStages ? ["category", "stage", "created", "changed"] : ["created", "changed"],
    list: (userId, query) => {
      const pipeline = hasStages && query.crmEntityTypeId === entityTypeId;
      return {
        method: "crm.item.list",
        params: {
          entityTypeId,
          filter: {
            assignedById: userId,
            ...(hasStages && query.openOnly ? { stageSemanticId: "P" } : {}),
            // Only the type the pipeline is for; `@` is IN with an array (crm-item-list.md "filter").
            ...(pipeline && query.categoryId !== undefined ? { categoryId: query.categoryId } : {}),
            ...(pipeline && query.stageIds?.length ? { "@stageId": query.stageIds } : {}),
            ...dateFilter(query, { created: "createdTime", changed: "updatedTime" }),
          },
          select: SELECT,
        },
      };
    },
    snapshot,
    read: (id) => ({ method: "crm.item.get", params: { entityTypeId, id } }),
    readSnapshot: (result) => {
      const item = (result as { item?: Record<string, unknown> } | null)?.item;
      return item && typeof item === "object" ? snapshot(item) : null;
    },
    change: (record, _from, to) => ({ method: "crm.item.update", params: { entityTypeId, id: record.id, fields: { assignedById: to } } }),
  };
}
