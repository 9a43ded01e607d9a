/**
 * Deleting CRM records: crm.lead/deal/contact/company.delete (b24restdocs
 * api-reference/crm/deals/crm-deal-delete.md and siblings: `result` true; "Not found"; "Access
 * denied."), crm.item.delete (api-reference/crm/universal/crm-item-delete.md: `result` [];
 * NOT_FOUND, ACCESS_DENIED) and crm.activity.delete (…/activities/crm-activity-delete.md). Each
 * sends its …DELETE event (crm-events.ts). A deleted record's ID is never given out again.
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import { ENTITY } from "../../seed/crm-catalog";
import { param, readId } from "../../seed/read-params";
import { canWriteCrm } from "./crm-access";
import { crmRecordEvent } from "./crm-events";

function legacyDelete(etid: number) {
  return (call: MethodCall) => {
    const id = readId(param(call.params, "id", "ID"));
    if (id === null) throw new RestError("", "ID is not defined or invalid.", 400);
    const t = call.portal.data.crm.get(etid)!;
    if (!t.has(id)) throw new RestError("", "Not found", 400);
    if (!canWriteCrm(call.portal, call.user, etid, id - 1)) throw new RestError("", "Access denied.", 400);
    t.remove(id - 1);
    crmRecordEvent(call, etid, id - 1, "DELETE");
    return { result: true };
  };
}

function itemDelete(call: MethodCall) {
  const etid = Number(param(call.params, "entityTypeId"));
  const t = call.portal.data.crm.get(etid);
  if (!t) throw new RestError("NOT_FOUND", "Smart process not found", 400);
  const id = readId(param(call.params, "id"));
  if (id === null || !t.has(id)) throw new RestError("NOT_FOUND", "Element not found", 400);
  if (!canWriteCrm(call.portal, call.user, etid, id - 1)) throw new RestError("ACCESS_DENIED", "Access denied", 400);
  t.remove(id - 1);
  crmRecordEvent(call, etid, id - 1, "DELETE");
  return { result: [] };
}

function activityDelete(call: MethodCall) {
  const id = readId(param(call.params, "id", "ID"));
  if (id === null) throw new RestError("", "ID is not defined or invalid.", 400);
  const d = call.portal.data;
  const a = d.activities;
  if (!a.has(id)) throw new RestError("", "Not found", 400);
  const row = id - 1;
  const ownerType = a.int("ownerTypeId", row);
  const own = a.int("responsibleId", row) === call.user.id;
  if (!call.user.admin && !own && !(d.crm.has(ownerType) && canWriteCrm(call.portal, call.user, ownerType, a.int("ownerId", row) - 1))) {
    throw new RestError("", "Access denied.", 400);
  }
  a.remove(row);
  call.emit("ONCRMACTIVITYDELETE", { FIELDS: { ID: String(id) } });
  return { result: true };
}

defineMethods(
  { name: "crm.lead.delete", scope: "crm", handler: legacyDelete(ENTITY.lead) },
  { name: "crm.deal.delete", scope: "crm", handler: legacyDelete(ENTITY.deal) },
  { name: "crm.contact.delete", scope: "crm", handler: legacyDelete(ENTITY.contact) },
  { name: "crm.company.delete", scope: "crm", handler: legacyDelete(ENTITY.company) },
  { name: "crm.quote.delete", scope: "crm", handler: legacyDelete(ENTITY.quote) },
  { name: "crm.item.delete", scope: "crm", handler: itemDelete },
  { name: "crm.activity.delete", scope: "crm", handler: activityDelete },
);
