/**
 * crm.item.list / get / add / update / fields — the universal methods for every CRM type by
 * entityTypeId. Follows b24restdocs api-reference/crm/universal/crm-item-list.md, crm-item-get.md,
 * crm-item-add.md, crm-item-update.md, object-fields.md: camelCase fields, `result.items` /
 * `result.item`, errors NOT_FOUND / ACCESS_DENIED / INVALID_ARG_VALUE (HTTP 400).
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { param, readId, readObject, readSelect } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";
import { canAddCrm, canReadCrm, canWriteCrm, crmReader } from "./crm-access";
import { crmView, fieldsOf, formatCrm, selectFields } from "./crm-fields";
import { applyCrmFields, FieldError, newCrmRow } from "./crm-write";
import { describeFields } from "./legacy";
import { crmRecordEvent, crmStageEntered, stageIndex } from "./crm-events";

const err = (code: string, msg: string) => new RestError(code, msg, 400);

function entityType(call: MethodCall): number {
  const etid = Number(param(call.params, "entityTypeId"));
  if (!call.portal.data.crm.has(etid)) throw err("NOT_FOUND", "Smart process not found");
  return etid;
}

function itemRow(call: MethodCall, etid: number): number {
  const id = readId(param(call.params, "id"));
  if (id === null || !call.portal.data.crm.get(etid)!.has(id)) throw err("NOT_FOUND", "Element not found");
  return id - 1;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FieldError) throw err("CRM_FIELD_ERROR_VALUE_NOT_VALID", `Invalid value for field "${e.message}"`);
    throw e;
  }
}

function fieldsParam(call: MethodCall): Record<string, unknown> {
  const f = param(call.params, "fields");
  if (!f || typeof f !== "object" || Array.isArray(f)) throw err("INVALID_ARG_VALUE", "Parameter 'fields' must be array.");
  return f as Record<string, unknown>;
}

function list(call: MethodCall) {
  const etid = entityType(call);
  const p = call.params;
  const view = crmView(call.portal.data, etid, "item");
  const filter = readObject(param(p, "filter"), "filter", (m) => err("INVALID_ARG_VALUE", m));
  const orderRaw = readObject(param(p, "order"), "order", (m) => err("INVALID_ARG_VALUE", m));
  const order = parseOrder(
    view,
    orderRaw,
    {
      onUnknownOrder: (f) => {
        throw err("INVALID_ARG_VALUE", `Invalid order: field '${f}' is not allowed in order`);
      },
    },
    (f, dir) => {
      if (dir !== "ASC" && dir !== "DESC")
        throw err("INVALID_ARG_VALUE", `Invalid order: allowed sort directions are ASC, DESC. But got '${dir}' for field '${f}'`);
    },
  );
  const page = runQuery(
    view,
    call.portal.data.crm.get(etid)!,
    { filter, order, start: readStart(p) },
    {
      nested: true,
      onUnknownFilter: (f) => {
        throw err("INVALID_ARG_VALUE", `Invalid filter: field '${f}' is not allowed in filter`);
      },
    },
    crmReader(call.portal, call.user, etid),
  );
  const fields = selectFields(etid, "item", readSelect(param(p, "select")));
  return { result: { items: page.rows.map((r) => formatCrm(call.portal.data, etid, r, fields, "item")) }, total: page.total, next: page.next };
}

function get(call: MethodCall) {
  const etid = entityType(call);
  const row = itemRow(call, etid);
  if (!canReadCrm(call.portal, call.user, etid, row)) throw err("ACCESS_DENIED", "You do not have permission to view this item");
  return { result: { item: formatCrm(call.portal.data, etid, row, selectFields(etid, "item", ["*"]), "item") } };
}

function add(call: MethodCall) {
  const etid = entityType(call);
  const fields = fieldsParam(call);
  if (!canAddCrm(call.user)) throw err("ACCESS_DENIED", "Access denied");
  const row = guard(() => newCrmRow(call, etid, fields));
  crmRecordEvent(call, etid, row, "ADD");
  crmStageEntered(call, etid, row, null);
  return { result: { item: formatCrm(call.portal.data, etid, row, selectFields(etid, "item", ["*"]), "item") } };
}

function update(call: MethodCall) {
  const etid = entityType(call);
  const row = itemRow(call, etid);
  const fields = fieldsParam(call);
  if (!canWriteCrm(call.portal, call.user, etid, row)) throw err("ACCESS_DENIED", "Access denied");
  const before = stageIndex(call, etid, row);
  guard(() => applyCrmFields(call, etid, row, fields));
  crmRecordEvent(call, etid, row, "UPDATE");
  crmStageEntered(call, etid, row, before);
  return { result: { item: formatCrm(call.portal.data, etid, row, selectFields(etid, "item", ["*"]), "item") } };
}

function fields(call: MethodCall) {
  const etid = entityType(call);
  return { result: { fields: describeFields(fieldsOf(etid, "item"), (f) => f.camel) } };
}

defineMethods(
  { name: "crm.item.list", scope: "crm", handler: list },
  { name: "crm.item.get", scope: "crm", handler: get },
  { name: "crm.item.add", scope: "crm", handler: add },
  { name: "crm.item.update", scope: "crm", handler: update },
  { name: "crm.item.fields", scope: "crm", handler: fields },
);
