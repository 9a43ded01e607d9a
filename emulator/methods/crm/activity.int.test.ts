/**
 * crm.activity.* and crm.timeline.comment.add over HTTP. Follows b24restdocs
 * api-reference/crm/timeline/activities/activity-base/crm-activity-list.md, crm-activity-add.md,
 * crm-activity-update.md (error texts, configurable activities refusing update),
 * tutorials/crm/how-to-add-crm-objects/how-to-send-email.md (what sends an e-mail) and
 * timeline/comments/crm-timeline-comment-add.md (result = new ID).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { methodWorld, narrowToken, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm"]);

describe("crm.activity", () => {
  it("lists open activities of a responsible with UPPER_CASE string fields", async () => {
    const r = await call("crm.activity.list", {
      filter: { RESPONSIBLE_ID: 1, COMPLETED: "N" },
      select: ["ID", "RESPONSIBLE_ID", "COMPLETED", "TYPE_ID", "PROVIDER_ID"],
    });
    expect(r.body.total).toBeGreaterThan(0);
    for (const a of r.body.result) expect(a).toMatchObject({ RESPONSIBLE_ID: "1", COMPLETED: "N" });
  });

  it("filters by BINDINGS (fields.md: the activity's owner bindings), not ignoring it", async () => {
    const some = (await call("crm.activity.list", { select: ["ID", "OWNER_TYPE_ID", "OWNER_ID"] })).body.result[0];
    const r = await call("crm.activity.list", {
      filter: { BINDINGS: [{ OWNER_TYPE_ID: Number(some.OWNER_TYPE_ID), OWNER_ID: Number(some.OWNER_ID) }] },
      select: ["ID", "OWNER_TYPE_ID", "OWNER_ID"],
    });
    expect(r.body.result.map((x: { ID: string }) => x.ID)).toContain(some.ID);
    for (const a of r.body.result) expect(a).toMatchObject({ OWNER_TYPE_ID: some.OWNER_TYPE_ID, OWNER_ID: some.OWNER_ID });
    const all = await call("crm.activity.list", { select: ["ID"] });
    expect(r.body.total).toBeLessThan(all.body.total);
    expect((await call("crm.activity.list", { filter: { BINDINGS: [{ OWNER_TYPE_ID: 2, OWNER_ID: 999_999 }] } })).body.result).toEqual([]);
  });

  it("logs an e-mail (TYPE_ID 4) with COMMUNICATIONS and owner, and reads it back", async () => {
    const contact = (await call("crm.contact.get", { id: 4 })).body.result;
    const add = await call("crm.activity.add", {
      fields: {
        TYPE_ID: 4,
        DIRECTION: 1,
        SUBJECT: "Re: offer",
        DESCRIPTION: "<p>hi</p>",
        DESCRIPTION_TYPE: 3,
        COMPLETED: "Y",
        RESPONSIBLE_ID: 1,
        OWNER_TYPE_ID: 3,
        OWNER_ID: 4,
        COMMUNICATIONS: [{ VALUE: contact.EMAIL[0].VALUE, ENTITY_TYPE_ID: 3, ENTITY_ID: 4 }],
      },
    });
    expect(typeof add.body.result).toBe("number");
    const got = await call("crm.activity.get", { id: add.body.result });
    expect(got.body.result).toMatchObject({ TYPE_ID: "4", OWNER_TYPE_ID: "3", OWNER_ID: "4", SUBJECT: "Re: offer", COMPLETED: "Y", DESCRIPTION_TYPE: "3" });
    expect(got.body.result.COMMUNICATIONS[0]).toMatchObject({ VALUE: contact.EMAIL[0].VALUE, TYPE: "EMAIL", ENTITY_ID: "4" });
    const noComm = await call("crm.activity.add", { fields: { TYPE_ID: 4, SUBJECT: "x", OWNER_TYPE_ID: 3, OWNER_ID: 4 } });
    expect(noComm).toMatchObject({ status: 400, body: { error: "", error_description: "The field COMMUNICATIONS is not defined or invalid." } });
  });

  it("sends an outgoing e-mail added as completed (how-to-send-email.md), but not one added open and completed after", async () => {
    const contact = (await call("crm.contact.get", { id: 4 })).body.result;
    const base = {
      TYPE_ID: 4,
      DIRECTION: 2,
      SUBJECT: "Offer",
      RESPONSIBLE_ID: 1,
      OWNER_TYPE_ID: 3,
      OWNER_ID: 4,
      COMMUNICATIONS: [{ VALUE: contact.EMAIL[0].VALUE, ENTITY_TYPE_ID: 3, ENTITY_ID: 4 }],
    };
    const before = (await call("crm.activity.list", { filter: { OWNER_TYPE_ID: 3, OWNER_ID: 4 }, select: ["ID"] })).body.total;
    // No mailbox in the emulated CRM and no MESSAGE_FROM: the send fails after the activity was created.
    const sent = await call("crm.activity.add", { fields: { ...base, COMPLETED: "Y" } });
    expect(sent).toMatchObject({ status: 400, body: { error: "", error_description: 'Email send error. "From" is not found' } });
    expect((await call("crm.activity.list", { filter: { OWNER_TYPE_ID: 3, OWNER_ID: 4 }, select: ["ID"] })).body.total).toBe(before + 1);
    expect((await call("crm.activity.add", { fields: { ...base, COMPLETED: "Y", SETTINGS: { MESSAGE_FROM: "me@acme.test" } } })).body.result).toBeTypeOf(
      "number",
    );
    // crm-activity-add.md: to record without sending, add with COMPLETED=N, then complete it by update.
    const logged = await call("crm.activity.add", { fields: { ...base, COMPLETED: "N" } });
    expect((await call("crm.activity.update", { id: logged.body.result, fields: { COMPLETED: "Y" } })).body.result).toBe(true);
    expect((await call("crm.activity.get", { id: logged.body.result })).body.result).toMatchObject({ DIRECTION: "2", COMPLETED: "Y" });
  });

  it("moves RESPONSIBLE_ID, but app-configured activities refuse crm.activity.update", async () => {
    const list = await call("crm.activity.list", { filter: { PROVIDER_ID: "REST_APP" }, select: ["ID"] });
    const todo = await call("crm.activity.list", { filter: { PROVIDER_ID: "CRM_TODO" }, select: ["ID"] });
    const refused = await call("crm.activity.update", { id: Number(list.body.result[0].ID), fields: { RESPONSIBLE_ID: 2 } });
    expect(refused).toMatchObject({ status: 400, body: { error: "", error_description: "Use crm.activity.configurable.update for this activity provider" } });
    const ok = await call("crm.activity.update", { id: Number(todo.body.result[0].ID), fields: { RESPONSIBLE_ID: 2 } });
    expect(ok.body.result).toBe(true);
    expect((await call("crm.activity.get", { id: Number(todo.body.result[0].ID) })).body.result.RESPONSIBLE_ID).toBe("2");
    expect(await call("crm.activity.get", { id: 99999999 })).toMatchObject({ status: 400, body: { error_description: "Activity is not found." } });
  });

  it("adds a timeline comment and answers its ID", async () => {
    const r = await call("crm.timeline.comment.add", { fields: { ENTITY_ID: 4, ENTITY_TYPE: "contact", COMMENT: "Logged from Gmail" } });
    expect(typeof r.body.result).toBe("number");
    expect(world().emu.store.portals.get("acme")!.data.timelineComments.at(-1)).toMatchObject({ entityTypeId: 3, entityId: 4 });
  });
});

describe("crm.activity.list: every field of crm.activity.fields as filter and select; documented errors", () => {
  type Act = Record<string, unknown>;
  const acts = async (params: object) => (await call("crm.activity.list", params)).body.result as Act[];

  it("filters by every field crm.activity.fields lists that has a scalar value", async () => {
    const fields = Object.keys((await call("crm.activity.fields", {})).body.result);
    const [first] = await acts({ order: { ID: "ASC" }, select: ["*"] });
    let checked = 0;
    for (const field of fields) {
      const value = first[field];
      if (value === undefined || value === null || typeof value === "object") continue;
      const rows = await acts({ filter: { [field]: value, "<=ID": first.ID }, order: { ID: "DESC" }, select: ["ID", field] });
      expect(rows[0]?.ID, `${field}=${String(value)}`).toBe(first.ID);
      for (const row of rows) expect(String(row[field]).toLowerCase(), field).toBe(String(value).toLowerCase());
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("selects every field crm.activity.fields lists (ID always comes along)", async () => {
    const fields = Object.keys((await call("crm.activity.fields", {})).body.result);
    for (const field of fields) {
      const [row] = await acts({ filter: { ID: 1 }, select: [field] });
      expect(Object.keys(row).sort(), field).toEqual([...new Set(["ID", field])].sort());
    }
  });

  it("answers 'Activity is not found.', 'ID is not defined or invalid.', and Access denied. for another's activity", async () => {
    expect(await call("crm.activity.get", { id: 99999999 })).toMatchObject({ status: 400, body: { error: "", error_description: "Activity is not found." } });
    expect(await call("crm.activity.get", { id: "x" })).toMatchObject({ status: 400, body: { error_description: "ID is not defined or invalid." } });
    const portal = world().emu.store.portals.get("acme")!;
    const extranet = [...portal.users.values()].find((u) => u.active && u.userType === "extranet");
    if (extranet) {
      const [other] = await acts({ filter: { "!RESPONSIBLE_ID": extranet.id }, select: ["ID"] });
      expect(await call("crm.activity.get", { id: other.ID }, extranet.id)).toMatchObject({ status: 400, body: { error_description: "Access denied." } });
    }
  });

  it("needs the crm scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}crm.activity.list`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});
