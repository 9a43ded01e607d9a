/**
 * crm.type.list, crm.category.list, crm.status.list: the portal's CRM configuration.
 * Follows b24restdocs api-reference/crm/universal/user-defined-object-types/crm-type-list.md
 * (`result.types`), universal/category/crm-category-list.md (`result.categories`, entityTypeId
 * required) and status/crm-status-list.md (flat array, SEMANTICS null/S/F with EXTRA).
 */
import { defineMethods, pageOf, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { param, readObject } from "../../seed/query";

function typeList(call: MethodCall) {
  const types = call.portal.data.catalog.types.map((t) => ({
    id: t.id,
    title: t.title,
    code: "",
    createdBy: t.createdBy,
    entityTypeId: t.entityTypeId,
    customSectionId: null,
    isCategoriesEnabled: t.isCategoriesEnabled ? "Y" : "N",
    isStagesEnabled: "Y",
    isBeginCloseDatesEnabled: "Y",
    isClientEnabled: "Y",
    isUseInUserfieldEnabled: "N",
    isLinkWithProductsEnabled: "N",
    isMycompanyEnabled: "N",
    isDocumentsEnabled: "N",
    isSourceEnabled: "N",
    isObserversEnabled: t.isObserversEnabled ? "Y" : "N",
    isRecyclebinEnabled: "Y",
    isAutomationEnabled: "N",
    isBizProcEnabled: "N",
    isSetOpenPermissions: "Y",
    isPaymentsEnabled: "N",
    isCountersEnabled: "N",
    createdTime: t.createdTime,
    updatedTime: t.createdTime,
    updatedBy: t.createdBy,
  }));
  const page = pageOf(types, readStart(call.params));
  return { result: { types: page.page }, total: page.total, next: page.next };
}

function categoryList(call: MethodCall) {
  const etid = Number(param(call.params, "entityTypeId"));
  const d = call.portal.data;
  if (!d.crm.has(etid)) throw new RestError("NOT_FOUND", "Smart process not found", 400);
  const cats = d.catalog.categories
    .filter((c) => c.entityTypeId === etid)
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map((c) => ({ id: c.id, name: c.name, sort: c.sort, entityTypeId: c.entityTypeId, isDefault: c.isDefault ? "Y" : "N" }));
  const page = pageOf(cats, readStart(call.params));
  return { result: { categories: page.page }, total: page.total, next: page.next };
}

function statusList(call: MethodCall) {
  const filter = readObject(param(call.params, "filter", "FILTER"), "filter", (m) => new RestError("", m, 400));
  const rows = call.portal.data.catalog.statuses.map((s) => ({
    ID: String(s.id),
    ENTITY_ID: s.entityId,
    STATUS_ID: s.statusId,
    NAME: s.name,
    NAME_INIT: s.name,
    SORT: String(s.sort),
    SYSTEM: s.sort === 10 || s.semantics !== "P" ? "Y" : "N",
    CATEGORY_ID: s.categoryId === null ? null : String(s.categoryId),
    COLOR: s.color,
    SEMANTICS: s.semantics === "P" ? null : s.semantics,
    EXTRA: { SEMANTICS: s.semantics === "S" ? "success" : s.semantics === "F" ? "failure" : "process", COLOR: s.color },
  }));
  const conds = Object.entries(filter).map(([k, v]) => [k.toUpperCase(), String(v)] as const);
  const matching = rows.filter((r) => conds.every(([k, v]) => String((r as Record<string, unknown>)[k] ?? "") === v));
  matching.sort((a, b) => (a.ENTITY_ID < b.ENTITY_ID ? -1 : a.ENTITY_ID > b.ENTITY_ID ? 1 : Number(a.SORT) - Number(b.SORT)));
  return { result: matching };
}

defineMethods(
  { name: "crm.type.list", scope: "crm", handler: typeList },
  { name: "crm.category.list", scope: "crm", handler: categoryList },
  { name: "crm.status.list", scope: "crm", handler: statusList },
);
