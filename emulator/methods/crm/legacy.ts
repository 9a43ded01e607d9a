/**
 * crm.lead.* / crm.deal.* / crm.contact.* / crm.company.* / crm.quote.* — list, get, add, update, fields
 * (quotes: api-reference/crm/quote/crm-quote-list.md and siblings; their stage is STATUS_ID).
 * Follows b24restdocs api-reference/crm/deals/crm-deal-list.md, crm-deal-get.md,
 * crm-deal-add.md, crm-deal-update.md, crm-deal-fields.md and their leads/, contacts/,
 * companies/ twins: UPPER_CASE fields printed as strings, `result` is the array / record / new ID
 * / true; errors are `{"error": "", "error_description": "..."}` with HTTP 400.
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { ENTITY } from "../../seed/crm-catalog";
import { param, readId, readObject, readSelect } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";
import { canAddCrm, canReadCrm, canWriteCrm, crmReader } from "./crm-access";
import { crmView, fieldsOf, formatCrm, selectFields, type CrmField } from "./crm-fields";
import { applyCrmFields, FieldError, newCrmRow } from "./crm-write";
import { crmRecordEvent, crmStageEntered, stageIndex } from "./crm-events";

const fail = (msg: string) => new RestError("", msg, 400);

function rowOf(call: MethodCall, etid: number): number {
  const id = readId(param(call.params, "id", "ID"));
  if (id === null) throw fail("ID is not defined or invalid.");
  if (!call.portal.data.crm.get(etid)!.has(id)) throw fail("Not found");
  return id - 1;
}

function fieldsParam(call: MethodCall): Record<string, unknown> {
  const f = param(call.params, "fields", "FIELDS");
  if (!f || typeof f !== "object" || Array.isArray(f)) throw fail("Parameter 'fields' must be array.");
  return f as Record<string, unknown>;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FieldError) throw fail(`Invalid value for the "${e.message}" field`);
    throw e;
  }
}

const TYPE_OF: Record<string, string> = {
  int: "integer",
  float: "double",
  string: "string",
  date: "datetime",
  flag: "char",
  list: "integer",
  multi: "crm_multifield",
};
const READONLY = new Set([
  "ID",
  "CREATED_BY_ID",
  "MODIFY_BY_ID",
  "DATE_CREATE",
  "DATE_MODIFY",
  "HAS_EMAIL",
  "HAS_PHONE",
  "STATUS_SEMANTIC_ID",
  "STAGE_SEMANTIC_ID",
  "CLOSED",
]);

export function describeFields(fields: CrmField[], key: (f: CrmField) => string) {
  return Object.fromEntries(
    fields.map((f) => [
      key(f),
      {
        type: f.upper === "ASSIGNED_BY_ID" || f.upper.endsWith("BY_ID") ? "user" : TYPE_OF[f.kind],
        isRequired: false,
        isReadOnly: READONLY.has(f.upper),
        isImmutable: f.upper === "CATEGORY_ID",
        isMultiple: f.kind === "list" || f.kind === "multi",
        isDynamic: false,
        title: f.upper,
      },
    ]),
  );
}

function family(prefix: string, etid: number) {
  const list = (call: MethodCall) => {
    const p = call.params;
    const filter = readObject(param(p, "filter", "FILTER"), "filter", fail);
    const orderRaw = readObject(param(p, "order", "ORDER"), "order", fail);
    const view = crmView(call.portal.data, etid, "legacy");
    const order = parseOrder(view, orderRaw, {});
    const page = runQuery(view, call.portal.data.crm.get(etid)!, { filter, order, start: readStart(p) }, {}, crmReader(call.portal, call.user, etid));
    const fields = selectFields(etid, "legacy", readSelect(param(p, "select", "SELECT")));
    return { result: page.rows.map((r) => formatCrm(call.portal.data, etid, r, fields, "legacy")), total: page.total, next: page.next };
  };
  const get = (call: MethodCall) => {
    const row = rowOf(call, etid);
    if (!canReadCrm(call.portal, call.user, etid, row)) throw fail("Access denied.");
    return { result: formatCrm(call.portal.data, etid, row, fieldsOf(etid, "legacy"), "legacy") };
  };
  const add = (call: MethodCall) => {
    const fields = fieldsParam(call);
    if (!canAddCrm(call.user)) throw fail("Access denied.");
    const row = guard(() => newCrmRow(call, etid, fields));
    crmRecordEvent(call, etid, row, "ADD");
    crmStageEntered(call, etid, row, null);
    return { result: row + 1 };
  };
  const update = (call: MethodCall) => {
    const row = rowOf(call, etid);
    const fields = fieldsParam(call);
    if (!canWriteCrm(call.portal, call.user, etid, row)) throw fail("Access denied.");
    const before = stageIndex(call, etid, row);
    guard(() => applyCrmFields(call, etid, row, fields));
    crmRecordEvent(call, etid, row, "UPDATE");
    crmStageEntered(call, etid, row, before);
    return { result: true };
  };
  const fields = () => ({ result: describeFields(fieldsOf(etid, "legacy"), (f) => f.upper) });
  defineMethods(
    { name: `crm.${prefix}.list`, scope: "crm", handler: list },
    { name: `crm.${prefix}.get`, scope: "crm", handler: get },
    { name: `crm.${prefix}.add`, scope: "crm", handler: add },
    { name: `crm.${prefix}.update`, scope: "crm", handler: update },
    { name: `crm.${prefix}.fields`, scope: "crm", handler: fields },
  );
}

family("lead", ENTITY.lead);
family("deal", ENTITY.deal);
family("contact", ENTITY.contact);
family("company", ENTITY.company);
family("quote", ENTITY.quote);
