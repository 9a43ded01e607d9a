/**
 * CRM over HTTP. Follows b24restdocs api-reference/crm/deals/crm-deal-list.md / crm-deal-get.md
 * (UPPER_CASE strings, `{"error": "", ...}` errors), contacts/crm-contact-get.md (EMAIL/PHONE
 * multi-fields), universal/crm-item-list.md / crm-item-get.md / crm-item-update.md (camelCase,
 * result.items, NOT_FOUND, INVALID_ARG_VALUE), category/crm-category-list.md, status/crm-status-list.md,
 * user-defined-object-types/crm-type-list.md and duplicates/crm-duplicate-find-by-comm.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { methodWorld } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm"]);

describe("crm.deal / contact / lead / company (old methods)", () => {
  it("lists deals as UPPER_CASE strings with total/next and operator filters", async () => {
    const r = await call("crm.deal.list", {
      filter: { ">=OPPORTUNITY": 1000, ASSIGNED_BY_ID: 1 },
      select: ["ID", "TITLE", "STAGE_ID", "OPPORTUNITY", "ASSIGNED_BY_ID", "CLOSED"],
    });
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    for (const d of r.body.result) {
      expect(d.ASSIGNED_BY_ID).toBe("1");
      expect(Number(d.OPPORTUNITY)).toBeGreaterThanOrEqual(1000);
      expect(d.OPPORTUNITY).toMatch(/^\d+\.\d\d$/);
      expect(["Y", "N"]).toContain(d.CLOSED);
    }
    const page2 = await call("crm.deal.list", { order: { ID: "ASC" }, select: ["ID"], start: 50 });
    expect(page2.body.result[0].ID).toBe("51");
  });

  it("gets a contact with EMAIL and PHONE multi-fields and answers Not found / ID errors", async () => {
    const r = await call("crm.contact.get", { id: 3 });
    expect(r.body.result.ID).toBe("3");
    expect(r.body.result.EMAIL[0]).toMatchObject({ VALUE_TYPE: "WORK", TYPE_ID: "EMAIL" });
    expect(typeof r.body.result.EMAIL[0].ID).toBe("string");
    expect(await call("crm.contact.get", { id: 999999 })).toMatchObject({ status: 400, body: { error: "", error_description: "Not found" } });
    expect(await call("crm.deal.get", { id: "x" })).toMatchObject({ status: 400, body: { error: "" } });
  });

  it("leaves EMAIL and PHONE out of a contact that has none (crm-contact-get.md), and deletes it (crm-contact-delete.md)", async () => {
    const id = (await call("crm.contact.add", { fields: { NAME: "No", LAST_NAME: "Address" } })).body.result as number;
    const got = (await call("crm.contact.get", { id })).body.result;
    expect(got).toMatchObject({ ID: String(id), HAS_EMAIL: "N", HAS_PHONE: "N" });
    expect(got).not.toHaveProperty("EMAIL");
    expect(got).not.toHaveProperty("PHONE");
    const listed = (await call("crm.contact.list", { filter: { ID: id }, select: ["ID", "EMAIL", "PHONE"] })).body.result[0];
    expect(listed).toEqual({ ID: String(id) });
    expect((await call("crm.contact.delete", { id })).body.result).toBe(true);
    expect(await call("crm.contact.delete", { id })).toMatchObject({ status: 400, body: { error: "", error_description: "Not found" } });
    expect((await call("crm.contact.list", { filter: { ID: id } })).body.result).toEqual([]);
  });

  it("adds a contact in the multi-field format and finds it by e-mail", async () => {
    const add = await call("crm.contact.add", { fields: { NAME: "Ada", LAST_NAME: "Lovelace", EMAIL: [{ VALUE: "Ada@Example.test", VALUE_TYPE: "WORK" }] } });
    expect(typeof add.body.result).toBe("number");
    const found = await call("crm.duplicate.findbycomm", { type: "EMAIL", values: ["ada@example.test"], entity_type: "CONTACT" });
    expect(found.body.result).toEqual({ CONTACT: [add.body.result] });
    const none = await call("crm.duplicate.findbycomm", { type: "EMAIL", values: ["nobody@nowhere.test"] });
    expect(none.body.result).toEqual([]);
    const tooMany = await call("crm.duplicate.findbycomm", { type: "EMAIL", values: Array.from({ length: 21 }, (_, i) => `a${i}@x.test`) });
    expect(tooMany.status).toBe(400);
    expect(await call("crm.duplicate.findbycomm", { values: ["a@b.c"] })).toMatchObject({
      status: 400,
      body: { error_description: "Communication type is not defined." },
    });
  });

  it("updates ASSIGNED_BY_ID of a lead and lets an ordinary user change only their own records", async () => {
    const r = await call("crm.lead.update", { id: 2, fields: { ASSIGNED_BY_ID: 5 } });
    expect(r.body.result).toBe(true);
    expect((await call("crm.lead.get", { id: 2 })).body.result.ASSIGNED_BY_ID).toBe("5");
    const list = await call("crm.lead.list", { filter: { "!ASSIGNED_BY_ID": 6 }, select: ["ID", "ASSIGNED_BY_ID"] }, 6);
    const foreign = list.body.result.find((l: { ID: string }) => l.ID);
    const denied = await call("crm.lead.update", { id: Number(foreign.ID), fields: { TITLE: "x" } }, 6);
    expect(denied).toMatchObject({ status: 400, body: { error: "", error_description: "Access denied." } });
  });
});

describe("crm.item.* and configuration", () => {
  it("lists items camelCase under result.items, numbers as numbers, and rejects unknown filter fields", async () => {
    const r = await call("crm.item.list", {
      entityTypeId: 2,
      filter: { assignedById: 1, "@stageId": ["NEW", "WON"] },
      select: ["id", "title", "stageId", "assignedById", "observers"],
    });
    expect(r.status).toBe(200);
    for (const it of r.body.result.items) {
      expect(typeof it.id).toBe("number");
      expect(it.assignedById).toBe(1);
      expect(["NEW", "WON"]).toContain(it.stageId);
      expect(Array.isArray(it.observers)).toBe(true);
    }
    const bad = await call("crm.item.list", { entityTypeId: 2, filter: { NOPE: 1 } });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: "INVALID_ARG_VALUE", error_description: "Invalid filter: field 'NOPE' is not allowed in filter" },
    });
    expect(await call("crm.item.list", { entityTypeId: 999 })).toMatchObject({ status: 400, body: { error: "NOT_FOUND" } });
  });

  it("updates assignedById and observers of a smart process item and of a quote", async () => {
    const types = await call("crm.type.list", {});
    const etid = types.body.result.types[0].entityTypeId;
    expect(etid).toBeGreaterThanOrEqual(128);
    const upd = await call("crm.item.update", { entityTypeId: etid, id: 1, fields: { assignedById: 4, observers: [2, 3] } });
    expect(upd.body.result.item).toMatchObject({ id: 1, assignedById: 4, observers: [2, 3], entityTypeId: etid });
    const q = await call("crm.item.update", { entityTypeId: 7, id: 1, fields: { assignedById: 3 } });
    expect(q.body.result.item.assignedById).toBe(3);
    expect(await call("crm.item.get", { entityTypeId: 31, id: 999999 })).toMatchObject({ status: 400, body: { error: "NOT_FOUND" } });
  });

  it("lists pipelines and their stages with semantics", async () => {
    const cats = await call("crm.category.list", { entityTypeId: 2 });
    expect(cats.body.result.categories.find((c: { isDefault: string }) => c.isDefault === "Y")).toMatchObject({ id: 0, entityTypeId: 2 });
    const other = cats.body.result.categories.find((c: { id: number }) => c.id !== 0);
    const stages = await call("crm.status.list", { filter: { ENTITY_ID: `DEAL_STAGE_${other.id}` } });
    expect(stages.body.result.length).toBeGreaterThan(2);
    expect(stages.body.result.map((s: { SEMANTICS: string | null }) => s.SEMANTICS)).toEqual(expect.arrayContaining([null, "S", "F"]));
    expect(stages.body.result[0].STATUS_ID).toMatch(new RegExp(`^C${other.id}:`));
  });
});
