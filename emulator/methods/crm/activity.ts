/**
 * crm.activity.list / get / add / update, and crm.timeline.comment.add.
 * Follows b24restdocs api-reference/crm/timeline/activities/activity-base/crm-activity-list.md,
 * crm-activity-get.md, crm-activity-add.md, crm-activity-update.md, crm-activity-fields.md and
 * timeline/comments/crm-timeline-comment-add.md. Errors are `{"error": "", ...}` HTTP 400 with the
 * documented texts. App-configured activities (PROVIDER_ID REST_APP) refuse crm.activity.update
 * ("Use crm.activity.configurable.update for this activity provider"), as the doc's table says.
 * Rights: an activity is readable/changeable with its owner record (crm-access.ts), and always
 * by its responsible person.
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { ACTIVITY_KINDS, activityCommunications, activityDescription, activitySubject, type Communication } from "../../seed/derive";
import { makeView, param, parseOrder, readId, readObject, readSelect, runQuery, type View } from "../../seed/query";
import { isoFromSeconds, secondsFromIso } from "../../seed/table";
import type { PortalData } from "../../state/portal-data";
import type { Portal, PortalUser } from "../../state/types";
import { canReadCrm, canWriteCrm, crmReader } from "./crm-access";

const fail = (msg: string) => new RestError("", msg, 400);
const views = new WeakMap<PortalData, View>();

function activityView(d: PortalData): View {
  let v = views.get(d);
  if (v) return v;
  const a = d.activities;
  const col = (c: Parameters<typeof a.col>[0]) => ({
    kind: "int" as const,
    get: (r: number) => a.col(c)[r],
    get column() {
      return a.col(c);
    },
  });
  const date = (c: Parameters<typeof a.col>[0]) => ({ kind: "date" as const, get: (r: number) => a.col(c)[r] });
  v = makeView({
    ID: { kind: "int", get: (r) => r + 1 },
    OWNER_ID: col("ownerId"),
    OWNER_TYPE_ID: col("ownerTypeId"),
    TYPE_ID: { kind: "int", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].typeId },
    PROVIDER_ID: { kind: "string", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].providerId },
    PROVIDER_TYPE_ID: { kind: "string", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].providerTypeId },
    SUBJECT: { kind: "string", get: (r) => activitySubject(d, r) },
    COMPLETED: { kind: "flag", get: (r) => (a.int("completed", r) ? "Y" : "N") },
    STATUS: { kind: "int", get: (r) => (a.int("completed", r) ? 2 : 1) },
    RESPONSIBLE_ID: col("responsibleId"),
    AUTHOR_ID: col("authorId"),
    DIRECTION: col("direction"),
    PRIORITY: col("priority"),
    CREATED: date("createdAt"),
    START_TIME: date("startTime"),
    END_TIME: date("endTime"),
    DEADLINE: date("endTime"),
    // The rest of crm-activity-fields.md's filterable fields, with the values format() prints.
    ASSOCIATED_ENTITY_ID: { kind: "int", get: () => 0 },
    LAST_UPDATED: { kind: "date", get: (r) => ((a.override(r) ?? {}).updatedAt as number) ?? a.int("createdAt", r) },
    NOTIFY_TYPE: { kind: "int", get: () => 0 },
    DESCRIPTION: { kind: "string", get: (r) => activityDescription(d, r) },
    DESCRIPTION_TYPE: { kind: "int", get: (r) => ((a.override(r) ?? {}).descriptionType as number) ?? 1 },
    LOCATION: { kind: "string", get: () => "" },
    EDITOR_ID: { kind: "int", get: (r) => ((a.override(r) ?? {}).editorId as number) ?? a.int("authorId", r) },
  });
  views.set(d, v);
  return v;
}

const OUTPUT = [
  "ID",
  "OWNER_ID",
  "OWNER_TYPE_ID",
  "TYPE_ID",
  "PROVIDER_ID",
  "PROVIDER_TYPE_ID",
  "ASSOCIATED_ENTITY_ID",
  "SUBJECT",
  "CREATED",
  "LAST_UPDATED",
  "START_TIME",
  "END_TIME",
  "DEADLINE",
  "COMPLETED",
  "STATUS",
  "RESPONSIBLE_ID",
  "PRIORITY",
  "NOTIFY_TYPE",
  "DESCRIPTION",
  "DESCRIPTION_TYPE",
  "DIRECTION",
  "LOCATION",
  "AUTHOR_ID",
  "EDITOR_ID",
  "COMMUNICATIONS",
];

function format(d: PortalData, row: number, select: Set<string> | null): Record<string, unknown> {
  const a = d.activities;
  const kind = ACTIVITY_KINDS[a.int("kind", row)];
  const o = a.override(row) ?? {};
  const value: Record<string, () => unknown> = {
    ID: () => String(row + 1),
    OWNER_ID: () => String(a.int("ownerId", row)),
    OWNER_TYPE_ID: () => String(a.int("ownerTypeId", row)),
    TYPE_ID: () => String(kind.typeId),
    PROVIDER_ID: () => kind.providerId,
    PROVIDER_TYPE_ID: () => kind.providerTypeId,
    ASSOCIATED_ENTITY_ID: () => "0",
    SUBJECT: () => activitySubject(d, row),
    CREATED: () => isoFromSeconds(a.int("createdAt", row)),
    LAST_UPDATED: () => isoFromSeconds((o.updatedAt as number) ?? a.int("createdAt", row)),
    START_TIME: () => isoFromSeconds(a.int("startTime", row)),
    END_TIME: () => isoFromSeconds(a.int("endTime", row)),
    DEADLINE: () => isoFromSeconds(a.int("endTime", row)),
    COMPLETED: () => (a.int("completed", row) ? "Y" : "N"),
    STATUS: () => (a.int("completed", row) ? "2" : "1"),
    RESPONSIBLE_ID: () => String(a.int("responsibleId", row)),
    PRIORITY: () => String(a.int("priority", row)),
    NOTIFY_TYPE: () => "0",
    DESCRIPTION: () => activityDescription(d, row),
    DESCRIPTION_TYPE: () => String((o.descriptionType as number) ?? 1),
    DIRECTION: () => String(a.int("direction", row)),
    LOCATION: () => "",
    AUTHOR_ID: () => String(a.int("authorId", row)),
    EDITOR_ID: () => String((o.editorId as number) ?? a.int("authorId", row)),
    COMMUNICATIONS: () => activityCommunications(d, row),
  };
  const out: Record<string, unknown> = {};
  for (const k of OUTPUT) if (select ? select.has(k) : k !== "COMMUNICATIONS") out[k] = value[k]();
  return out;
}

function reader(portal: Portal, user: PortalUser): ((row: number) => boolean) | undefined {
  if (user.admin) return undefined;
  const a = portal.data.activities;
  const resp = a.col("responsibleId");
  const ownerType = a.col("ownerTypeId");
  const ownerId = a.col("ownerId");
  const byType = new Map<number, ((r: number) => boolean) | undefined>();
  return (r) => {
    if (resp[r] === user.id) return true;
    const etid = ownerType[r];
    if (!portal.data.crm.has(etid)) return false;
    if (!byType.has(etid)) byType.set(etid, crmReader(portal, user, etid));
    const can = byType.get(etid);
    return !can || can(ownerId[r] - 1);
  };
}

/**
 * The BINDINGS filter (fields.md: BINDINGS, crm_activity_binding): a list of {OWNER_TYPE_ID,
 * OWNER_ID}; an activity matches when it is bound to one of them. Emulated activities have one
 * binding, their owner.
 */
function withBindings(visible: ((row: number) => boolean) | undefined, d: PortalData, filter: Record<string, unknown>): ((row: number) => boolean) | undefined {
  const key = Object.keys(filter).find((k) => k.toUpperCase() === "BINDINGS");
  if (!key) return visible;
  const raw = filter[key];
  const list = (Array.isArray(raw) ? raw : raw && typeof raw === "object" ? Object.values(raw) : []) as Array<Record<string, unknown>>;
  const wanted = new Set(list.filter((b) => b && typeof b === "object").map((b) => `${Number(b.OWNER_TYPE_ID)}:${Number(b.OWNER_ID)}`));
  const a = d.activities;
  const bound = (r: number) => wanted.has(`${a.int("ownerTypeId", r)}:${a.int("ownerId", r)}`);
  return visible ? (r) => bound(r) && visible(r) : bound;
}

function rowOf(call: MethodCall): number {
  const id = readId(param(call.params, "id", "ID"));
  if (id === null) throw fail("ID is not defined or invalid.");
  if (!call.portal.data.activities.has(id)) throw fail("Activity is not found.");
  return id - 1;
}

function list(call: MethodCall) {
  const p = call.params;
  const d = call.portal.data;
  const view = activityView(d);
  const filter = readObject(param(p, "filter", "FILTER"), "filter", fail);
  const order = parseOrder(view, readObject(param(p, "order", "ORDER"), "order", fail), {});
  const visible = withBindings(reader(call.portal, call.user), d, filter);
  const page = runQuery(view, d.activities, { filter, order, start: readStart(p) }, { ignore: (k) => k.toUpperCase() === "BINDINGS" }, visible);
  const sel = readSelect(param(p, "select", "SELECT"));
  const select =
    sel && !sel.includes("*")
      ? new Set(["ID", ...sel.map((s) => s.toUpperCase())])
      : sel
        ? new Set(OUTPUT.filter((k) => k !== "COMMUNICATIONS").concat(sel.map((s) => s.toUpperCase())))
        : null;
  return { result: page.rows.map((r) => format(d, r, select)), total: page.total, next: page.next };
}

function get(call: MethodCall) {
  const row = rowOf(call);
  const r = reader(call.portal, call.user);
  if (r && !r(row)) throw fail("Access denied.");
  return { result: format(call.portal.data, row, new Set(OUTPUT)) };
}

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

function add(call: MethodCall) {
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

function update(call: MethodCall) {
  const row = rowOf(call);
  const f = param(call.params, "fields", "FIELDS") as Record<string, unknown> | undefined;
  if (!f || typeof f !== "object") throw fail("Parameter 'fields' must be array.");
  const d = call.portal.data;
  const a = d.activities;
  const r = reader(call.portal, call.user);
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

function commentAdd(call: MethodCall) {
  const f = param(call.params, "fields", "FIELDS") as Record<string, unknown> | undefined;
  if (!f || typeof f !== "object") throw fail("Parameter 'fields' must be array.");
  const d = call.portal.data;
  const etid = Number(f.ENTITY_TYPE ? { lead: 1, deal: 2, contact: 3, company: 4 }[String(f.ENTITY_TYPE).toLowerCase()] : f.ENTITY_TYPE_ID);
  const id = Number(f.ENTITY_ID);
  if (!d.crm.has(etid) || !d.crm.get(etid)!.has(id)) throw fail("Entity not found.");
  if (!String(f.COMMENT ?? "").trim()) throw fail("Comment is empty.");
  if (!canReadCrm(call.portal, call.user, etid, id - 1)) throw fail("Access denied.");
  const comment = {
    id: d.timelineComments.length + 1,
    entityTypeId: etid,
    entityId: id,
    authorId: Number(f.AUTHOR_ID ?? call.user.id),
    comment: String(f.COMMENT),
    createdAt: isoFromSeconds(Math.floor(call.now.getTime() / 1000)),
  };
  d.timelineComments.push(comment);
  return { result: comment.id };
}

/** crm.activity.fields (crm-activity-fields.md): the fields above, with their type and flags. */
function fields() {
  const TYPES: Record<string, string> = {
    COMMUNICATIONS: "crm_activity_communication",
    COMPLETED: "char",
    SUBJECT: "string",
    DESCRIPTION: "string",
    LOCATION: "string",
    PROVIDER_ID: "string",
    PROVIDER_TYPE_ID: "string",
  };
  const READONLY = new Set(["ID", "CREATED", "LAST_UPDATED", "AUTHOR_ID", "EDITOR_ID", "STATUS"]);
  return {
    result: Object.fromEntries(
      OUTPUT.map((k) => [
        k,
        {
          type: TYPES[k] ?? (/TIME|CREATED|UPDATED|DEADLINE/.test(k) ? "datetime" : "integer"),
          isRequired: ["OWNER_ID", "OWNER_TYPE_ID", "TYPE_ID", "COMMUNICATIONS", "SUBJECT"].includes(k),
          isReadOnly: READONLY.has(k),
          isImmutable: k === "OWNER_ID" || k === "OWNER_TYPE_ID" || k === "TYPE_ID",
          isMultiple: k === "COMMUNICATIONS",
          isDynamic: false,
          title: k,
        },
      ]),
    ),
  };
}

defineMethods(
  { name: "crm.activity.fields", scope: "crm", handler: fields },
  { name: "crm.activity.list", scope: "crm", handler: list },
  { name: "crm.activity.get", scope: "crm", handler: get },
  { name: "crm.activity.add", scope: "crm", handler: add },
  { name: "crm.activity.update", scope: "crm", handler: update },
  { name: "crm.timeline.comment.add", scope: "crm", handler: commentAdd },
);
