/**
 * crm.activity.add and crm.activity.update. Follows b24restdocs
 * api-reference/crm/timeline/activities/activity-base/crm-activity-add.md and
 * crm-activity-update.md; errors are `{"error": "", ...}` HTTP 400 with the documented texts.
 * App-configured activities (PROVIDER_ID REST_APP) refuse crm.activity.update ("Use
 * crm.activity.configurable.update for this activity provider"), as the doc's table says.
 * Rights: an activity is changeable with its owner record (crm-access.ts), and always by its
 * responsible person.
 */
import { RestError, type MethodCall } from "../../rest/method-registry";
import { ACTIVITY_KINDS, type Communication } from "../../seed/derive";
import { param } from "../../seed/read-params";
import { secondsFromIso } from "../../seed/table";
import { activityReader, activityRow } from "./activity-record";
import { canReadCrm, canWriteCrm } from "./crm-access";

const fail = (msg: string) => new RestError("", msg, 400);

function communicationsOf(value: unknown): Communication[] | null {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : null;
  if (!list) return null;
  const out: Communication[] = [];
  for (const c of list as Array<Record<string, unknown>>) {
    if (!c || typeof c !== "object" || !String(c.VALUE ?? "").trim()) return null;
    out.push({
      ID: "0",
      TYPE: (String(c.TYPE ?? "") as Communication["TYPE"]) || "",
      VALUE: String(c.VALUE),
      ENTITY_ID: String(c.ENTITY_ID ?? "0"),
      ENTITY_TYPE_ID: String(c.ENTITY_TYPE_ID ?? "0"),
    });
  }
  return out;
}

const KIND_BY_TYPE: Record<number, number> = { 4: 0, 2: 1, 1: 2, 6: 3 };

export function addActivity(call: MethodCall) {
  const f = param(call.params, "fields", "FIELDS") as Record<string, unknown> | undefined;
  if (!f || typeof f !== "object") throw fail("Parameter 'fields' must be array.");
  const d = call.portal.data;
  const typeId = Number(f.TYPE_ID);
  if (!(typeId in KIND_BY_TYPE))
    throw fail(typeId === 6 ? "The custom activity without provider is not supported in current context." : "The field TYPE_ID is not defined or invalid.");
  if (!String(f.SUBJECT ?? "").trim()) throw fail("The field SUBJECT is not defined or empty.");
  const responsible = Number(f.RESPONSIBLE_ID ?? call.user.id);
  if (!call.portal.users.has(responsible)) throw fail("The field RESPONSIBLE_ID is not defined or invalid.");
  const comms = communicationsOf(f.COMMUNICATIONS);
  if ((typeId === 4 || typeId === 2) && (!comms || comms.length === 0)) throw fail("The field COMMUNICATIONS is not defined or invalid.");
  // Owner: OWNER_TYPE_ID/OWNER_ID, else the first binding, else the first communication's entity.
  const bindings = (Array.isArray(f.BINDINGS) ? f.BINDINGS : f.BINDINGS && typeof f.BINDINGS === "object" ? Object.values(f.BINDINGS) : []) as Array<
    Record<string, unknown>
  >;
  let ownerType = Number(f.OWNER_TYPE_ID ?? bindings[0]?.OWNER_TYPE_ID ?? comms?.[0]?.ENTITY_TYPE_ID ?? 0);
  let ownerId = Number(f.OWNER_ID ?? bindings[0]?.OWNER_ID ?? comms?.[0]?.ENTITY_ID ?? 0);
  if (!d.crm.has(ownerType) || !d.crm.get(ownerType)!.has(ownerId)) {
    ownerType = 0;
    ownerId = 0;
    throw fail("Could not build binding. Please ensure that owner info and communications are defined correctly.");
  }
  if (!canWriteCrm(call.portal, call.user, ownerType, ownerId - 1) && !canReadCrm(call.portal, call.user, ownerType, ownerId - 1)) throw fail("Access denied.");
  const a = d.activities;
  const row = a.addRow();
  const now = Math.floor(call.now.getTime() / 1000);
  const start = f.START_TIME ? (secondsFromIso(String(f.START_TIME)) ?? now) : now;
  const end = f.END_TIME ? (secondsFromIso(String(f.END_TIME)) ?? start) : start;
  a.setInt("kind", row, KIND_BY_TYPE[typeId]);
  a.setInt("responsibleId", row, responsible);
  a.setInt("authorId", row, call.user.id);
  a.setInt("ownerTypeId", row, ownerType);
  a.setInt("ownerId", row, ownerId);
  a.setInt("completed", row, String(f.COMPLETED ?? "N").toUpperCase() === "Y" ? 1 : 0);
  a.setInt("direction", row, Number(f.DIRECTION ?? 0) || 0);
  a.setInt("createdAt", row, now);
  a.setInt("startTime", row, start);
  a.setInt("endTime", row, end);
  a.setInt("priority", row, Number(f.PRIORITY ?? 2) || 2);
  a.setOverride(row, "subject", String(f.SUBJECT));
  a.setOverride(row, "description", String(f.DESCRIPTION ?? ""));
  a.setOverride(row, "descriptionType", Number(f.DESCRIPTION_TYPE ?? 1) || 1);
  a.setOverride(
    row,
    "communications",
    (comms ?? []).map((c, i) => ({ ...c, ID: String(row * 4 + i + 1), TYPE: c.TYPE || (typeId === 4 ? "EMAIL" : typeId === 2 ? "PHONE" : "") })),
  );
  // b24restdocs api-reference/crm/timeline/activities/events/on-crm-activity-add.md: data[FIELDS][ID];
  // the activity exists even when the sending below fails, so the event goes out first.
  call.emit("ONCRMACTIVITYADD", { FIELDS: { ID: String(row + 1) } });
  // An outgoing e-mail added as completed is SENT by the portal (b24restdocs
  // tutorials/crm/how-to-add-crm-objects/how-to-send-email.md: TYPE_ID 4 + DIRECTION 2 + COMPLETED Y
  // start the sending; without SETTINGS.MESSAGE_FROM and no mailbox connected to the CRM the
  // answer is 'Email send error. "From" is not found' — after the activity was created).
  // The emulated portals have no CRM mailboxes; with MESSAGE_FROM the e-mail counts as sent.
  if (typeId === 4 && Number(f.DIRECTION) === 2 && String(f.COMPLETED ?? "N").toUpperCase() === "Y") {
    const settings = (f.SETTINGS && typeof f.SETTINGS === "object" ? f.SETTINGS : {}) as Record<string, unknown>;
    if (!String(settings.MESSAGE_FROM ?? "").trim()) throw fail('Email send error. "From" is not found');
    a.setOverride(row, "sentFrom", String(settings.MESSAGE_FROM));
  }
  return { result: row + 1 };
}

export function updateActivity(call: MethodCall) {
  const row = activityRow(call);
  const f = param(call.params, "fields", "FIELDS") as Record<string, unknown> | undefined;
  if (!f || typeof f !== "object") throw fail("Parameter 'fields' must be array.");
  const d = call.portal.data;
  const a = d.activities;
  const r = activityReader(call.portal, call.user);
  const own = a.int("responsibleId", row) === call.user.id;
  const ownerType = a.int("ownerTypeId", row);
  if (!call.user.admin && !own && !(d.crm.has(ownerType) && canWriteCrm(call.portal, call.user, ownerType, a.int("ownerId", row) - 1))) {
    throw fail(r && !r(row) ? "Activity is not found." : "Access denied.");
  }
  if (ACTIVITY_KINDS[a.int("kind", row)].providerId === "REST_APP") throw fail("Use crm.activity.configurable.update for this activity provider");
  const writes: Array<() => void> = [];
  for (const [key, value] of Object.entries(f)) {
    switch (key.toUpperCase()) {
      case "RESPONSIBLE_ID": {
        const id = Number(value);
        if (!call.portal.users.has(id)) throw fail("The field RESPONSIBLE_ID is not defined or invalid.");
        writes.push(() => a.setInt("responsibleId", row, id));
        break;
      }
      case "SUBJECT":
        if (!String(value ?? "").trim()) throw fail("The field SUBJECT is not defined or empty.");
        writes.push(() => a.setOverride(row, "subject", String(value)));
        break;
      case "DESCRIPTION":
        writes.push(() => a.setOverride(row, "description", String(value ?? "")));
        break;
      case "COMPLETED":
        writes.push(() => a.setInt("completed", row, String(value).toUpperCase() === "Y" ? 1 : 0));
        break;
      default:
        break;
    }
  }
  for (const w of writes) w();
  a.setOverride(row, "updatedAt", Math.floor(call.now.getTime() / 1000));
  a.setOverride(row, "editorId", call.user.id);
  call.emit("ONCRMACTIVITYUPDATE", { FIELDS: { ID: String(row + 1) } });
  return { result: true };
}
