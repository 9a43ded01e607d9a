/**
 * crm.type.list, crm.category.list, crm.status.list: the portal's CRM configuration.
 * Follows b24restdocs api-reference/crm/universal/user-defined-object-types/crm-type-list.md
 * (`result.types`; filter by any field of the type with the ORM's prefixes and nested `logic`
 * groups, order by any field, INVALID_ARG_VALUE for an unknown field or direction),
 * universal/category/crm-category-list.md (`result.categories`, entityTypeId required) and
 * status/crm-status-list.md (flat array, SEMANTICS null/S/F with EXTRA; order and filter by the
 * record's fields).
 */
import { defineMethods, pageOf, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { makeView, type FieldDef, type View } from "../../seed/field-view";
import { param, readObject } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";

const invalid = (m: string) => new RestError("INVALID_ARG_VALUE", m, 400);

/** A filter view over plain records: numbers are int, "Y"/"N" flags, *Time fields dates, the rest text. */
function recordView(records: Array<Record<string, unknown>>, sample: Record<string, unknown>): View {
  const defs: Record<string, FieldDef> = {};
  for (const [key, v] of Object.entries(sample)) {
    const kind = /Time$/.test(key) ? "date" : typeof v === "number" ? "int" : v === "Y" || v === "N" ? "flag" : "string";
    defs[key] = {
      kind,
      get: (r) => {
        const value = records[r][key];
        return kind === "date" ? Date.parse(String(value)) / 1000 : kind === "int" ? Number(value ?? 0) : (value ?? "");
      },
    };
  }
  return makeView(defs);
}

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
  if (types.length === 0) return { result: { types: [] }, total: 0 };
  const view = recordView(types, types[0]);
  const filter = readObject(param(call.params, "filter"), "filter", invalid);
  const order = parseOrder(
    view,
    readObject(param(call.params, "order"), "order", invalid),
    {
      onUnknownOrder: (f) => {
        throw invalid(`Invalid order: field '${f}' is not allowed in order`);
      },
    },
    (f, dir) => {
      if (dir !== "ASC" && dir !== "DESC") throw invalid(`Invalid order: allowed sort directions are ASC, DESC. But got '${dir}' for field '${f}'`);
    },
  );
  const page = runQuery(
    view,
    types.length,
    { filter, order, start: readStart(call.params) },
    {
      nested: true,
      idIsRow: false,
      onUnknownFilter: (f) => {
        throw invalid(`Invalid filter: field '${f}' is not allowed in filter`);
      },
    },
  );
  return { result: { types: page.rows.map((r) => types[r]) }, total: page.total, next: page.next };
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
  // order: by the record's fields (numbers as numbers), then the default order above.
  const order = Object.entries(readObject(param(call.params, "order", "ORDER"), "order", (m) => new RestError("", m, 400))).map(
    ([k, dir]) => [k.toUpperCase(), String(dir).toUpperCase() === "DESC" ? -1 : 1] as const,
  );
  if (order.length) {
    const key = (r: Record<string, unknown>, k: string) => (k === "ID" || k === "SORT" || k === "CATEGORY_ID" ? Number(r[k] ?? -1) : String(r[k] ?? ""));
    matching.sort((a, b) => {
      for (const [k, dir] of order) {
        const x = key(a, k);
        const y = key(b, k);
        if (x !== y) return (x < y ? -1 : 1) * dir;
      }
      return 0;
    });
  }
  return { result: matching };
}

defineMethods(
  { name: "crm.type.list", scope: "crm", handler: typeList },
  { name: "crm.category.list", scope: "crm", handler: categoryList },
  { name: "crm.status.list", scope: "crm", handler: statusList },
);
