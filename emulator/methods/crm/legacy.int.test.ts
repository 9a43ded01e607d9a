/**
 * crm.lead / deal / contact / company / quote .list / .get / .update against b24restdocs
 * api-reference/crm/deals/crm-deal-list.md (and its leads/, contacts/, companies/, quote/ twins):
 * one case per field that crm.{type}.fields documents, as a filter key and as a select, one per
 * filter operator (>=, >, <=, <, @, !@, %, =%, %=, =, !=, !), order, and each documented error
 * (missing record, bad ID, missing fields, missing rights, missing scope).
 */
import { describe, expect, it } from "vitest";
import { methodWorld, narrowToken, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm"]);

type Row = Record<string, unknown>;
const TYPES = ["lead", "deal", "contact", "company", "quote"] as const;
const list = async (type: string, params: object) => (await call(`crm.${type}.list`, params)).body.result as Row[];

/** A record with as many fields set as possible, read with crm.{type}.get. */
async function fullRecord(type: string): Promise<Row> {
  const rows = await list(type, { order: { ID: "ASC" }, filter: { "!ASSIGNED_BY_ID": 0, "!COMPANY_ID": 0 }, select: ["ID"] });
  const id = rows[0]?.ID ?? (await list(type, { order: { ID: "ASC" }, select: ["ID"] }))[0].ID;
  return (await call(`crm.${type}.get`, { id })).body.result as Row;
}

describe.each(TYPES)("crm.%s.list", (type) => {
  it("filters by every field crm.X.fields lists, each as an exact-match key", async () => {
    const fields = Object.keys((await call(`crm.${type}.fields`, {})).body.result);
    const record = await fullRecord(type);
    let checked = 0;
    for (const field of fields) {
      let value = record[field];
      if (value === undefined || value === null || value === "") continue;
      // Multi-fields (EMAIL, PHONE) filter by one of their values.
      if (Array.isArray(value)) value = (value[0] as { VALUE: string }).VALUE;
      const rows = await list(type, { filter: { [field]: value, "<=ID": record.ID }, order: { ID: "DESC" }, select: ["ID", field] });
      expect(rows[0]?.ID, `${type} ${field}=${String(value)}`).toBe(record.ID);
      for (const row of rows) {
        const got = row[field];
        if (Array.isArray(got))
          expect(
            got.map((m: { VALUE: string }) => m.VALUE.toLowerCase()),
            field,
          ).toContain(String(value).toLowerCase());
        else if (field === "OPPORTUNITY") expect(Number(got), field).toBe(Number(value));
        else expect(String(got).toLowerCase(), field).toBe(String(value).toLowerCase());
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  });

  it("selects every field crm.X.fields lists (ID always comes along; an empty multi-field is left out)", async () => {
    const fields = Object.keys((await call(`crm.${type}.fields`, {})).body.result);
    const record = await fullRecord(type);
    for (const field of fields) {
      const [row] = await list(type, { filter: { ID: record.ID }, select: [field] });
      const expected = ["ID", field].filter((f, i, a) => a.indexOf(f) === i && (record[f] !== undefined || f === "ID"));
      expect(Object.keys(row).sort(), field).toEqual(expected.sort());
    }
    // "*" gives every field but the multi-fields, which come only by name (crm-contact-list.md).
    const [star] = await list(type, { filter: { ID: record.ID }, select: ["*"] });
    expect(star).not.toHaveProperty("EMAIL");
    expect(Object.keys(star).length).toBeGreaterThan(8);
  });
});

describe("crm.deal.list operators and order", () => {
  const ids = (rows: Row[]) => rows.map((r) => Number(r.ID));

  it("compares numbers and dates with >=, >, <=, <", async () => {
    const num = async (filter: object) => (await list("deal", { filter, select: ["ID", "OPPORTUNITY", "DATE_CREATE"] })).map((r) => Number(r.OPPORTUNITY));
    expect((await num({ ">=OPPORTUNITY": 5000 })).every((v) => v >= 5000)).toBe(true);
    expect((await num({ ">OPPORTUNITY": 5000 })).every((v) => v > 5000)).toBe(true);
    expect((await num({ "<=OPPORTUNITY": 5000 })).every((v) => v <= 5000)).toBe(true);
    expect((await num({ "<OPPORTUNITY": 5000 })).every((v) => v < 5000)).toBe(true);
    const [mid] = await list("deal", { order: { ID: "ASC" }, start: 50, select: ["ID", "DATE_CREATE"] });
    const after = await list("deal", { filter: { ">DATE_CREATE": mid.DATE_CREATE }, select: ["ID", "DATE_CREATE"] });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => Date.parse(String(r.DATE_CREATE)) > Date.parse(String(mid.DATE_CREATE)))).toBe(true);
  });

  it("takes lists with @ (IN) and !@ (NOT IN)", async () => {
    const inList = await list("deal", { filter: { "@ASSIGNED_BY_ID": [1, 2] }, select: ["ID", "ASSIGNED_BY_ID"] });
    expect(inList.length).toBeGreaterThan(0);
    expect(inList.every((r) => ["1", "2"].includes(String(r.ASSIGNED_BY_ID)))).toBe(true);
    const notIn = await list("deal", { filter: { "!@ASSIGNED_BY_ID": [1, 2] }, select: ["ID", "ASSIGNED_BY_ID"] });
    expect(notIn.every((r) => !["1", "2"].includes(String(r.ASSIGNED_BY_ID)))).toBe(true);
  });

  it("searches text with % (substring), =% and %= (pattern with %)", async () => {
    const [first] = await list("deal", { order: { ID: "ASC" }, select: ["ID", "TITLE"] });
    const title = String(first.TITLE);
    const part = title.slice(2, 6);
    const sub = await list("deal", { filter: { "%TITLE": part }, select: ["ID", "TITLE"] });
    expect(ids(sub)).toContain(Number(first.ID));
    expect(sub.every((r) => String(r.TITLE).toLowerCase().includes(part.toLowerCase()))).toBe(true);
    const prefix = title.slice(0, 4);
    const starts = await list("deal", { filter: { "=%TITLE": `${prefix}%` }, select: ["ID", "TITLE"] });
    expect(starts.every((r) => String(r.TITLE).toLowerCase().startsWith(prefix.toLowerCase()))).toBe(true);
    expect(ids(await list("deal", { filter: { "%=TITLE": `${prefix}%` }, select: ["ID"] }))).toEqual(ids(starts));
    // Without a % the pattern is the whole value.
    expect(ids(await list("deal", { filter: { "=%TITLE": prefix }, select: ["ID"] }))).not.toContain(Number(first.ID));
  });

  it("matches exactly with = (and no prefix), excludes with != and !", async () => {
    const eq = await list("deal", { filter: { "=ASSIGNED_BY_ID": 1 }, select: ["ID", "ASSIGNED_BY_ID"] });
    expect(eq.length).toBeGreaterThan(0);
    expect(eq.every((r) => r.ASSIGNED_BY_ID === "1")).toBe(true);
    expect((await list("deal", { filter: { "!=ASSIGNED_BY_ID": 1 }, select: ["ID", "ASSIGNED_BY_ID"] })).every((r) => r.ASSIGNED_BY_ID !== "1")).toBe(true);
    expect((await list("deal", { filter: { "!ASSIGNED_BY_ID": 1 }, select: ["ID", "ASSIGNED_BY_ID"] })).every((r) => r.ASSIGNED_BY_ID !== "1")).toBe(true);
  });

  it("orders by any field, ASC or DESC, and pages by 50", async () => {
    const desc = await list("deal", { order: { OPPORTUNITY: "DESC" }, select: ["ID", "OPPORTUNITY"] });
    const values = desc.map((r) => Number(r.OPPORTUNITY));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const r = await call("crm.deal.list", { order: { ID: "ASC" }, select: ["ID"], start: 50 });
    expect(r.body.result[0].ID).toBe("51");
    expect(r.body.total).toBeGreaterThan(50);
  });
});

describe("crm.deal documented errors", () => {
  it("answers Not found for a missing deal and 'ID is not defined or invalid.' for a bad ID", async () => {
    expect(await call("crm.deal.get", { id: 99999999 })).toMatchObject({ status: 400, body: { error: "", error_description: "Not found" } });
    expect(await call("crm.deal.get", { id: "x" })).toMatchObject({ status: 400, body: { error: "", error_description: "ID is not defined or invalid." } });
    expect(await call("crm.deal.update", { id: 99999999, fields: { TITLE: "x" } })).toMatchObject({ status: 400, body: { error_description: "Not found" } });
  });

  it("answers 'Parameter 'fields' must be array.' without fields", async () => {
    expect(await call("crm.deal.update", { id: 1 })).toMatchObject({
      status: 400,
      body: { error: "", error_description: "Parameter 'fields' must be array." },
    });
    expect(await call("crm.deal.add", {})).toMatchObject({ status: 400, body: { error_description: "Parameter 'fields' must be array." } });
  });

  it("answers Access denied. to a user without rights to the deal", async () => {
    const portal = world().emu.store.portals.get("acme")!;
    // An employee who heads no department, and a deal neither theirs nor observed by them.
    const heads = new Set([...portal.departments.values()].map((d) => d.headUserId));
    const u = [...portal.users.values()].find((x) => x.active && !x.admin && x.userType === "employee" && !heads.has(x.id))!;
    const items = (await call("crm.item.list", { entityTypeId: 2, filter: { "!assignedById": u.id }, select: ["id", "observers"] })).body.result.items;
    const foreign = items.find((i: { observers: number[] }) => !i.observers.includes(u.id));
    const denied = await call("crm.deal.update", { id: foreign.id, fields: { TITLE: "x" } }, u.id);
    expect(denied).toMatchObject({ status: 400, body: { error: "", error_description: "Access denied." } });
  });

  it("needs the crm scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}crm.deal.list`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});
