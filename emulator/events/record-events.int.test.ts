/**
 * Record events as a portal sends them (b24restdocs api-reference/events/index.md, event-bind.md,
 * offline-events.md, event-offline-get.md, event-offline-list.md, event-offline-clear.md,
 * test-handler.md; crm/…/events/on-crm-deal-add.md and siblings, on-crm-dynamic-item-add.md,
 * tasks/events-tasks/on-task-*.md, user/events/on-user-add.md): the app binds handlers served by
 * this test, changes records through REST, and the form-encoded deliveries are checked field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait-for";
import { CLIENT_ID, postJson, startWorld, type World } from "../testing/harness";

let w: World;
const call = (method: string, params: object, userId = 1) => postJson(`${w.rest}${method}`, { auth: w.token(userId), ...params });
const handler = () => `${w.app.url}/events`;

beforeAll(async () => {
  w = await startWorld({}, ["user", "department", "crm", "task"]);
  w.emu.store.limits.get("acme")!.enabled = false;
});
afterAll(async () => {
  await w?.close();
});

/** The next delivery of an event to the test's handler (waits for the portal's background queue). */
async function delivery(event: string, after = 0): Promise<URLSearchParams> {
  let found: URLSearchParams | undefined;
  await waitFor(
    () => {
      found = w.app.received.slice(after).find((r) => r.path === "/events" && r.body.get("event") === event)?.body;
      return found !== undefined;
    },
    { message: `${event} delivery` },
  );
  return found!;
}

const data = (body: URLSearchParams) => Object.fromEntries([...body].filter(([k]) => k.startsWith("data[")));

async function bind(event: string, extra: object = {}) {
  const r = await call("event.bind", { event, handler: handler(), ...extra });
  expect(r.body, event).toEqual(expect.objectContaining({ result: true }));
  return w.emu.store.portals.get("acme")!.eventBindings.at(-1)!.id;
}

describe("event.bind", () => {
  it("answers ERROR_EVENT_NOT_FOUND for an unknown event and for an event outside the token's scopes", async () => {
    expect(await call("event.bind", { event: "ONSOMETHINGMADEUP", handler: handler() })).toMatchObject({
      status: 400,
      body: { error: "ERROR_EVENT_NOT_FOUND", error_description: "Event not found" },
    });
    // An app with only the user scope cannot bind CRM events (the server looks in the token's scopes).
    await postJson(`${w.emu.httpUrl}/_emulator/apps`, { clientId: "app.narrow", clientSecret: "s", handlerUrl: `${w.app.url}/narrow`, scopes: ["user"] });
    await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/install`, { clientId: "app.narrow", userId: 1 });
    const narrow = (await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/tokens`, { clientId: "app.narrow", userId: 1 })).body.access_token;
    expect(await postJson(`${w.rest}event.bind`, { auth: narrow, event: "ONCRMDEALADD", handler: handler() })).toMatchObject({
      status: 400,
      body: { error: "ERROR_EVENT_NOT_FOUND" },
    });
    expect((await postJson(`${w.rest}event.bind`, { auth: narrow, event: "ONUSERADD", handler: handler() })).body.result).toBe(true);
  });

  it("answers ERROR_ARGUMENT without a handler, and refuses binding the same handler twice", async () => {
    expect(await call("event.bind", { event: "ONTASKCOMMENTADD" })).toMatchObject({ status: 400 });
    expect(await call("event.bind", { event: "ONCRMLEADADD" })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    await bind("ONCRMLEADADD");
    expect(await call("event.bind", { event: "ONCRMLEADADD", handler: handler() })).toMatchObject({ status: 400, body: { error: "ERROR_CORE" } });
  });
});

describe("events", () => {
  it("lists the events of the token's scopes, of one SCOPE, or all with FULL, smart processes with their own (events.md)", async () => {
    const etid = w.emu.store.portals.get("acme")!.data.catalog.types[0].entityTypeId;
    const mine = (await call("events", {})).body.result as string[];
    expect(mine).toEqual(expect.arrayContaining(["ONAPPINSTALL", "ONAPPTEST", "ONUSERADD", "ONCRMDEALUPDATE", "ONTASKADD", `ONCRMDYNAMICITEMADD_${etid}`]));
    expect(mine).not.toContain("ONCRMDYNAMICITEMADD_31");
    expect(mine.some((e) => e.startsWith("ONDEPARTMENT"))).toBe(false);
    const user = (await call("events", { SCOPE: "user" })).body.result;
    expect(user).toEqual(["ONUSERADD"]);
    expect((await call("events", { SCOPE: "task", FULL: true })).body.result).toEqual(["ONTASKADD", "ONTASKUPDATE", "ONTASKDELETE"]);
    expect((await call("events", { FULL: true })).body.result).toEqual(expect.arrayContaining(mine));
  });
});

describe("online record events", () => {
  it("delivers ONCRMDEALADD / UPDATE / DELETE of the app's own REST changes, form-encoded, field by field", async () => {
    const addId = await bind("ONCRMDEALADD");
    await bind("ONCRMDEALUPDATE");
    await bind("ONCRMDEALDELETE");
    const before = w.app.received.length;
    const id = (await call("crm.deal.add", { fields: { TITLE: "Event test deal" } })).body.result as number;
    const ev = await delivery("ONCRMDEALADD", before);
    const portal = w.emu.store.portals.get("acme")!;
    expect(ev.get("event_handler_id")).toBe(String(addId));
    expect(data(ev)).toEqual({ "data[FIELDS][ID]": String(id) });
    expect(Number(ev.get("ts"))).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(ev.get("auth[domain]")).toBe(portal.domain);
    expect(ev.get("auth[client_endpoint]")).toBe(w.rest);
    expect(ev.get("auth[server_endpoint]")).toBe(`${w.emu.httpUrl}/rest/`);
    expect(ev.get("auth[member_id]")).toBe(portal.memberId);
    expect(ev.get("auth[application_token]")).toBe(portal.installs.get(CLIENT_ID)!.applicationToken);
    expect(ev.get("auth[user_id]")).toBe("1");
    expect(ev.get("auth[scope]")).toBe("user,department,crm,task");
    // The event's token works on the portal.
    expect((await postJson(`${ev.get("auth[client_endpoint]")}profile`, { auth: ev.get("auth[access_token]") })).body.result.ID).toBe("1");

    await call("crm.deal.update", { id, fields: { TITLE: "Renamed" } });
    expect(data(await delivery("ONCRMDEALUPDATE", before))).toEqual({ "data[FIELDS][ID]": String(id) });
    expect((await call("crm.deal.delete", { id })).body.result).toBe(true);
    expect(data(await delivery("ONCRMDEALDELETE", before))).toEqual({ "data[FIELDS][ID]": String(id) });
    expect(await call("crm.deal.get", { id })).toMatchObject({ status: 400, body: { error_description: "Not found" } });
  });

  it("sends smart-process items as ONCRMDYNAMICITEM* with ENTITY_TYPE_ID, quotes as ONCRMQUOTE*, activities as ONCRMACTIVITY*", async () => {
    const etid = w.emu.store.portals.get("acme")!.data.catalog.types[0].entityTypeId;
    await bind("ONCRMDYNAMICITEMADD");
    await bind("ONCRMDYNAMICITEMDELETE");
    await bind("ONCRMQUOTEUPDATE");
    await bind("ONCRMACTIVITYADD");
    const before = w.app.received.length;
    const item = (await call("crm.item.add", { entityTypeId: etid, fields: { title: "SP item" } })).body.result.item;
    expect(data(await delivery("ONCRMDYNAMICITEMADD", before))).toEqual({ "data[FIELDS][ID]": String(item.id), "data[FIELDS][ENTITY_TYPE_ID]": String(etid) });
    expect((await call("crm.item.delete", { entityTypeId: etid, id: item.id })).body.result).toEqual([]);
    expect(data(await delivery("ONCRMDYNAMICITEMDELETE", before))).toEqual({
      "data[FIELDS][ID]": String(item.id),
      "data[FIELDS][ENTITY_TYPE_ID]": String(etid),
    });

    const quote = (await call("crm.item.add", { entityTypeId: 7, fields: { title: "Q" } })).body.result.item;
    await call("crm.item.update", { entityTypeId: 7, id: quote.id, fields: { title: "Q2" } });
    expect(data(await delivery("ONCRMQUOTEUPDATE", before))).toEqual({ "data[FIELDS][ID]": String(quote.id) });

    const contact = (await call("crm.contact.add", { fields: { NAME: "Ann", EMAIL: [{ VALUE: "ann@example.com", VALUE_TYPE: "WORK" }] } })).body
      .result as number;
    const act = await call("crm.activity.add", {
      fields: { OWNER_TYPE_ID: 3, OWNER_ID: contact, TYPE_ID: 2, SUBJECT: "Call", COMMUNICATIONS: [{ VALUE: "+100", ENTITY_ID: contact, ENTITY_TYPE_ID: 3 }] },
    });
    expect(data(await delivery("ONCRMACTIVITYADD", before))).toEqual({ "data[FIELDS][ID]": String(act.body.result) });
  });

  it("sends smart invoices (31) as ONCRMDYNAMICITEM*, smart processes also as their type's own ONCRMDYNAMICITEM*_{entityTypeId} (crm/universal/events/index.md)", async () => {
    const portal = w.emu.store.portals.get("acme")!;
    const etid = portal.data.catalog.types[0].entityTypeId;
    // Bound in the test before: ONCRMDYNAMICITEMADD, ONCRMDYNAMICITEMDELETE.
    const addId = portal.eventBindings.find((b) => b.clientId === CLIENT_ID && b.event === "ONCRMDYNAMICITEMADD")!.id;
    await bind("ONCRMDYNAMICITEMUPDATE");
    const typedUpdate = await bind(`ONCRMDYNAMICITEMUPDATE_${etid}`);
    const before = w.app.received.length;
    const invoice = (await call("crm.item.add", { entityTypeId: 31, fields: { title: "Invoice" } })).body.result.item;
    const ev = await delivery("ONCRMDYNAMICITEMADD", before);
    expect(ev.get("event")).toBe("ONCRMDYNAMICITEMADD");
    expect(ev.get("event_handler_id")).toBe(String(addId));
    expect(data(ev)).toEqual({ "data[FIELDS][ID]": String(invoice.id), "data[FIELDS][ENTITY_TYPE_ID]": "31" });
    expect(Number(ev.get("ts"))).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(ev.get("auth[domain]")).toBe(portal.domain);
    expect(ev.get("auth[client_endpoint]")).toBe(w.rest);
    expect(ev.get("auth[member_id]")).toBe(portal.memberId);
    expect(ev.get("auth[application_token]")).toBe(portal.installs.get(CLIENT_ID)!.applicationToken);

    await call("crm.item.update", { entityTypeId: 31, id: invoice.id, fields: { title: "Invoice 2" } });
    const common = await delivery("ONCRMDYNAMICITEMUPDATE", before);
    expect(data(common)).toEqual({ "data[FIELDS][ID]": String(invoice.id), "data[FIELDS][ENTITY_TYPE_ID]": "31" });
    await call("crm.item.delete", { entityTypeId: 31, id: invoice.id });
    expect(data(await delivery("ONCRMDYNAMICITEMDELETE", before))).toEqual({ "data[FIELDS][ID]": String(invoice.id), "data[FIELDS][ENTITY_TYPE_ID]": "31" });

    // The smart process's own event reaches only its type's handler.
    await call("crm.item.update", { entityTypeId: etid, id: 1, fields: { title: "SP 1" } });
    const typed = await delivery(`ONCRMDYNAMICITEMUPDATE_${etid}`, before);
    expect(typed.get("event_handler_id")).toBe(String(typedUpdate));
    expect(data(typed)).toEqual({ "data[FIELDS][ID]": "1", "data[FIELDS][ENTITY_TYPE_ID]": String(etid) });
    expect(w.app.received.slice(before).filter((r) => r.body.get("event") === "ONCRMDYNAMICITEMADD")).toHaveLength(1);
  });

  it("knows no department events, no type-specific event of smart invoices or of a type the portal lacks (ERROR_EVENT_NOT_FOUND)", async () => {
    for (const event of [
      "ONDEPARTMENTADD",
      "ONDEPARTMENTUPDATE",
      "ONDEPARTMENTDELETE",
      "ONCRMDYNAMICITEMADD_999",
      "ONCRMDYNAMICITEMADD_2",
      "ONCRMDYNAMICITEMADD_31",
    ]) {
      expect(await call("event.bind", { event, handler: handler() }), event).toMatchObject({ status: 400, body: { error: "ERROR_EVENT_NOT_FOUND" } });
    }
  });

  it("delivers ONTASKADD / UPDATE / DELETE with FIELDS_BEFORE / FIELDS_AFTER, to a handler bound with auth_type as that user", async () => {
    await bind("ONTASKADD");
    await bind("ONTASKUPDATE", { auth_type: 2 });
    await bind("ONTASKDELETE");
    const before = w.app.received.length;
    const task = (await call("tasks.task.add", { fields: { TITLE: "Evented", RESPONSIBLE_ID: 1 } })).body.result.task;
    expect(data(await delivery("ONTASKADD", before))).toEqual({
      "data[FIELDS_BEFORE]": "undefined",
      "data[FIELDS_AFTER][ID]": String(task.id),
      "data[IS_ACCESSIBLE_BEFORE]": "N",
      "data[IS_ACCESSIBLE_AFTER]": "undefined",
    });
    await call("tasks.task.update", { taskId: task.id, fields: { TITLE: "Evented 2" } });
    const upd = await delivery("ONTASKUPDATE", before);
    expect(data(upd)).toEqual({
      "data[FIELDS_BEFORE][ID]": String(task.id),
      "data[FIELDS_AFTER][ID]": String(task.id),
      "data[IS_ACCESSIBLE_BEFORE]": "undefined",
      "data[IS_ACCESSIBLE_AFTER]": "undefined",
    });
    expect(upd.get("auth[user_id]")).toBe("2");
    expect((await call("tasks.task.delete", { taskId: task.id })).body.result).toEqual({ task: true });
    expect(data(await delivery("ONTASKDELETE", before))).toEqual({
      "data[FIELDS_BEFORE][ID]": String(task.id),
      "data[FIELDS_AFTER]": "undefined",
      "data[IS_ACCESSIBLE_BEFORE]": "undefined",
      "data[IS_ACCESSIBLE_AFTER]": "undefined",
    });
  });

  it("delivers ONUSERADD when a new employee completes registration", async () => {
    await bind("ONUSERADD");
    const before = w.app.received.length;
    const user = (
      await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/users`, {
        email: "new.hire@example.com",
        name: "New",
        lastName: "Hire",
        departmentIds: [1],
        workPosition: "Analyst",
      })
    ).body;
    const ev = await delivery("ONUSERADD", before);
    expect(data(ev)).toMatchObject({
      "data[ID]": String(user.id),
      "data[ACTIVE]": "1",
      "data[EMAIL]": "new.hire@example.com",
      "data[NAME]": "New",
      "data[LAST_NAME]": "Hire",
      "data[UF_DEPARTMENT][0]": "1",
      "data[WORK_POSITION]": "Analyst",
    });
    expect(ev.get("auth[user_id]")).toBe(String(user.id));
  });

  it("event.test sends ONAPPTEST with the call's parameters under data[QUERY] and answers 1", async () => {
    await bind("ONAPPTEST");
    const before = w.app.received.length;
    expect((await call("event.test", { any: "data" })).body.result).toBe(1);
    expect(data(await delivery("ONAPPTEST", before))).toEqual({ "data[QUERY][any]": "data", "data[LANGUAGE_ID]": "en" });
  });
});

describe("offline events", () => {
  it("queue one entry per changed object, hand it out with event.offline.get, clear it; the app's own auth_connector is skipped", async () => {
    expect((await call("event.bind", { event: "ONCRMCONTACTUPDATE", event_type: "offline", auth_connector: "sync1" })).body.result).toBe(true);
    expect((await call("event.get", {})).body.result).toEqual(expect.arrayContaining([{ event: "ONCRMCONTACTUPDATE", connector_id: "sync1", offline: 1 }]));
    const employee = [...w.emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;
    expect(await call("event.offline.get", {}, employee.id)).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });

    const contact = (await call("crm.contact.add", { fields: { NAME: "Offline" } })).body.result as number;
    await call("crm.contact.update", { id: contact, fields: { NAME: "Once" } });
    await call("crm.contact.update", { id: contact, fields: { NAME: "Twice" } });
    // A change made through the binding's own channel is not recorded (offline-events.md, cycles).
    await call("crm.contact.update", { id: contact, fields: { NAME: "Mine" }, auth_connector: "sync1" });
    const list = await call("event.offline.list", { auth_connector: "sync1" });
    expect(list.body.total).toBe(1);
    expect(list.body.result[0]).toMatchObject({
      EVENT_NAME: "ONCRMCONTACTUPDATE",
      EVENT_DATA: { FIELDS: { ID: String(contact) } },
      PROCESS_ID: "",
      ERROR: "0",
    });

    const got = await call("event.offline.get", { clear: 0, auth_connector: "sync1" });
    expect(got.body.result.process_id).toMatch(/^[0-9a-f]{32}$/);
    expect(got.body.result.events).toEqual([expect.objectContaining({ EVENT_NAME: "ONCRMCONTACTUPDATE", EVENT_ADDITIONAL: { user_id: "1" } })]);
    // Taken by a process: another caller gets nothing of it.
    expect((await call("event.offline.get", { auth_connector: "sync1" })).body.result).toEqual({ process_id: null, events: [] });
    expect((await call("event.offline.clear", { process_id: got.body.result.process_id, auth_connector: "sync1" })).body.result).toBe(true);
    expect((await call("event.offline.list", { auth_connector: "sync1" })).body.total).toBe(0);
  });

  it("event.offline.get with the default clear=1 hands out and deletes; a filter key outside the documented ones is refused", async () => {
    expect((await call("event.bind", { event: "ONCRMCOMPANYADD", event_type: "offline" })).body.result).toBe(true);
    await call("crm.company.add", { fields: { TITLE: "Queued" } });
    expect(await call("event.offline.get", { filter: { PROCESS_ID: "x" } })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    const got = await call("event.offline.get", { filter: { "=EVENT_NAME": "ONCRMCOMPANYADD" } });
    expect(got.body.result.process_id).toBeNull();
    expect(got.body.result.events).toHaveLength(1);
    expect((await call("event.offline.list", {})).body.total).toBe(0);
  });
});
