/**
 * crm.item.* and the CRM configuration methods against b24restdocs
 * api-reference/crm/universal/crm-item-list.md, crm-item-get.md, crm-item-update.md,
 * crm-item-fields.md, user-defined-object-types/crm-type-list.md, category/crm-category-list.md and
 * status/crm-status-list.md: one case per field crm.item.fields documents (as a filter key and as a
 * select) for deals, quotes, smart invoices and a smart process; the filter's operators and nested
 * `logic` groups; order; and each documented error.
 */
import { describe, expect, it } from "vitest";
import { methodWorld, narrowToken, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm"]);

type Item = Record<string, unknown>;
const items = async (params: object) => {
  const r = await call("crm.item.list", params);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.result.items as Item[];
};
const spType = () => world().emu.store.portals.get("acme")!.data.catalog.types[0].entityTypeId;

describe.each([
  ["deals", () => 2],
  ["quotes", () => 7],
  ["smart invoices", () => 31],
  ["a smart process", spType],
])("crm.item.list for %s", (_name, etidOf) => {
  it("filters by every field crm.item.fields lists (exact match on a record's own value)", async () => {
    const entityTypeId = etidOf();
    const fields = Object.keys((await call("crm.item.fields", { entityTypeId })).body.result.fields);
    const [first] = await items({ entityTypeId, order: { id: "ASC" }, filter: { "!assignedById": 0 }, select: ["*"] });
    const record = (await call("crm.item.get", { entityTypeId, id: first.id })).body.result.item as Item;
    let checked = 0;
    for (const field of fields) {
      let value = record[field];
      if (value === undefined || value === null || value === "" || field === "fm") continue;
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        value = value[0];
      }
      const rows = await items({ entityTypeId, filter: { [field]: value, "<=id": record.id }, order: { id: "DESC" }, select: ["id", field] });
      expect(rows[0]?.id, `${field}=${String(value)}`).toBe(record.id);
      for (const row of rows) {
        const got = row[field];
        if (Array.isArray(got)) expect(got, field).toContain(value);
        else expect(String(got).toLowerCase(), field).toBe(String(value).toLowerCase());
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });

  it("selects every field crm.item.fields lists; id always comes along", async () => {
    const entityTypeId = etidOf();
    const fields = Object.keys((await call("crm.item.fields", { entityTypeId })).body.result.fields);
    const [first] = await items({ entityTypeId, order: { id: "ASC" }, select: ["id"] });
    for (const field of fields) {
      const [row] = await items({ entityTypeId, filter: { id: first.id }, select: [field] });
      expect(Object.keys(row).sort(), field).toEqual([...new Set(["id", field])].sort());
    }
  });
});

describe("crm.item.list filter operators, logic and order", () => {
  const ids = (rows: Item[]) => rows.map((r) => Number(r.id));

  it("reads >=, >, <=, <, @, !@, %, =%, !=, ! like the old methods", async () => {
    const base = { entityTypeId: 2, select: ["id", "opportunity", "assignedById", "title"] };
    expect((await items({ ...base, filter: { ">=opportunity": 5000 } })).every((r) => Number(r.opportunity) >= 5000)).toBe(true);
    expect((await items({ ...base, filter: { ">opportunity": 5000 } })).every((r) => Number(r.opportunity) > 5000)).toBe(true);
    expect((await items({ ...base, filter: { "<=opportunity": 5000 } })).every((r) => Number(r.opportunity) <= 5000)).toBe(true);
    expect((await items({ ...base, filter: { "<opportunity": 5000 } })).every((r) => Number(r.opportunity) < 5000)).toBe(true);
    expect((await items({ ...base, filter: { "@assignedById": [1, 2] } })).every((r) => [1, 2].includes(Number(r.assignedById)))).toBe(true);
    expect((await items({ ...base, filter: { "!@assignedById": [1, 2] } })).every((r) => ![1, 2].includes(Number(r.assignedById)))).toBe(true);
    expect((await items({ ...base, filter: { "!=assignedById": 1 } })).every((r) => r.assignedById !== 1)).toBe(true);
    expect((await items({ ...base, filter: { "!assignedById": 1 } })).every((r) => r.assignedById !== 1)).toBe(true);
    const [first] = await items({ ...base, order: { id: "ASC" } });
    const part = String(first.title).slice(1, 5);
    expect(ids(await items({ ...base, filter: { "%title": part } }))).toContain(first.id);
    expect(ids(await items({ ...base, filter: { "=%title": `${String(first.title).slice(0, 4)}%` } }))).toContain(first.id);
  });

  it("combines a nested group with logic OR (crm-item-list.md)", async () => {
    const either = await items({
      entityTypeId: 2,
      filter: { "0": { logic: "OR", "0": { assignedById: 1 }, "1": { assignedById: 2 } } },
      select: ["id", "assignedById"],
    });
    const one = await call("crm.item.list", { entityTypeId: 2, filter: { assignedById: 1 }, select: ["id"] });
    const two = await call("crm.item.list", { entityTypeId: 2, filter: { assignedById: 2 }, select: ["id"] });
    expect(either.every((r) => r.assignedById === 1 || r.assignedById === 2)).toBe(true);
    const total = (await call("crm.item.list", { entityTypeId: 2, filter: { "0": { logic: "OR", "0": { assignedById: 1 }, "1": { assignedById: 2 } } } })).body
      .total;
    expect(total).toBe(one.body.total + two.body.total);
  });

  it("orders by a field, ASC or DESC", async () => {
    const rows = await items({ entityTypeId: 2, order: { opportunity: "DESC" }, select: ["id", "opportunity"] });
    const values = rows.map((r) => Number(r.opportunity));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it("refuses an unknown filter field, order field and direction with INVALID_ARG_VALUE", async () => {
    expect(await call("crm.item.list", { entityTypeId: 2, filter: { NOPE: 1 } })).toMatchObject({
      status: 400,
      body: { error: "INVALID_ARG_VALUE", error_description: "Invalid filter: field 'NOPE' is not allowed in filter" },
    });
    expect(await call("crm.item.list", { entityTypeId: 2, order: { nope: "ASC" } })).toMatchObject({
      status: 400,
      body: { error: "INVALID_ARG_VALUE", error_description: "Invalid order: field 'nope' is not allowed in order" },
    });
    expect(await call("crm.item.list", { entityTypeId: 2, order: { id: "UP" } })).toMatchObject({ status: 400, body: { error: "INVALID_ARG_VALUE" } });
  });
});

describe("crm.item documented errors", () => {
  it("answers NOT_FOUND for an unknown entity type and a missing item", async () => {
    expect(await call("crm.item.list", { entityTypeId: 999 })).toMatchObject({ status: 400, body: { error: "NOT_FOUND" } });
    expect(await call("crm.item.get", { entityTypeId: 2, id: 99999999 })).toMatchObject({ status: 400, body: { error: "NOT_FOUND" } });
    expect(await call("crm.item.update", { entityTypeId: 31, id: 99999999, fields: { title: "x" } })).toMatchObject({
      status: 400,
      body: { error: "NOT_FOUND" },
    });
  });

  it("answers ACCESS_DENIED to a user without rights to the item", async () => {
    const portal = world().emu.store.portals.get("acme")!;
    const heads = new Set([...portal.departments.values()].map((d) => d.headUserId));
    const u = [...portal.users.values()].find((x) => x.active && !x.admin && x.userType === "employee" && !heads.has(x.id))!;
    const rows = await items({ entityTypeId: 2, filter: { "!assignedById": u.id, opened: "N", "!createdBy": u.id }, select: ["id", "observers"] });
    const foreign = rows.find((r) => !(r.observers as number[]).includes(u.id))!;
    expect(await call("crm.item.get", { entityTypeId: 2, id: foreign.id }, u.id)).toMatchObject({ status: 400, body: { error: "ACCESS_DENIED" } });
    expect(await call("crm.item.update", { entityTypeId: 2, id: foreign.id, fields: { title: "x" } }, u.id)).toMatchObject({
      status: 400,
      body: { error: "ACCESS_DENIED" },
    });
  });

  it("answers INVALID_ARG_VALUE without fields", async () => {
    expect(await call("crm.item.update", { entityTypeId: 2, id: 1 })).toMatchObject({ status: 400, body: { error: "INVALID_ARG_VALUE" } });
  });

  it("needs the crm scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}crm.item.list`, { auth: token, entityTypeId: 2 })).toMatchObject({
      status: 403,
      body: { error: "insufficient_scope" },
    });
  });
});

describe("crm.type.list", () => {
  it("filters by the type's fields (incl. a nested OR group) and orders by them", async () => {
    const all = (await call("crm.type.list", {})).body.result.types as Item[];
    expect(all.length).toBeGreaterThan(1);
    const [a, b] = all;
    expect((await call("crm.type.list", { filter: { entityTypeId: a.entityTypeId } })).body.result.types.map((t: Item) => t.id)).toEqual([a.id]);
    expect((await call("crm.type.list", { filter: { "%title": String(b.title).slice(0, 5) } })).body.result.types.map((t: Item) => t.id)).toContain(b.id);
    expect((await call("crm.type.list", { filter: { isObserversEnabled: a.isObserversEnabled } })).body.total).toBe(
      all.filter((t) => t.isObserversEnabled === a.isObserversEnabled).length,
    );
    const either = await call("crm.type.list", { filter: { "0": { logic: "OR", "0": { id: a.id }, "1": { id: b.id } } } });
    expect(either.body.result.types.map((t: Item) => t.id).sort()).toEqual([a.id, b.id].sort());
    const desc = (await call("crm.type.list", { order: { id: "DESC" } })).body.result.types.map((t: Item) => Number(t.id));
    expect(desc).toEqual([...desc].sort((x, y) => y - x));
  });

  it("refuses an unknown filter or order field and a bad direction with INVALID_ARG_VALUE", async () => {
    expect(await call("crm.type.list", { filter: { nope: 1 } })).toMatchObject({
      status: 400,
      body: { error: "INVALID_ARG_VALUE", error_description: "Invalid filter: field 'nope' is not allowed in filter" },
    });
    expect(await call("crm.type.list", { order: { nope: "ASC" } })).toMatchObject({ status: 400, body: { error: "INVALID_ARG_VALUE" } });
    expect(await call("crm.type.list", { order: { id: "sideways" } })).toMatchObject({
      status: 400,
      body: {
        error: "INVALID_ARG_VALUE",
        error_description: "Invalid order: allowed sort directions are ASC, DESC. But got 'SIDEWAYS' for field 'id'",
      },
    });
  });
});

describe("crm.category.list and crm.status.list", () => {
  it("crm.category.list needs a known entityTypeId (NOT_FOUND)", async () => {
    expect((await call("crm.category.list", { entityTypeId: 2 })).body.result.categories.length).toBeGreaterThan(1);
    expect(await call("crm.category.list", { entityTypeId: 999 })).toMatchObject({ status: 400, body: { error: "NOT_FOUND" } });
  });

  it("crm.status.list filters by ENTITY_ID and orders by SORT", async () => {
    const r = (await call("crm.status.list", { filter: { ENTITY_ID: "DEAL_STAGE" }, order: { SORT: "DESC" } })).body.result as Item[];
    expect(r.length).toBeGreaterThan(2);
    expect(r.every((s) => s.ENTITY_ID === "DEAL_STAGE")).toBe(true);
    const sorts = r.map((s) => Number(s.SORT));
    expect(sorts).toEqual([...sorts].sort((x, y) => y - x));
  });
});
