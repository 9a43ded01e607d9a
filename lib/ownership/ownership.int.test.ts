/**
 * The ownership catalogue against the emulator over HTTP and a real PostgreSQL: counts in a
 * couple of batch calls that agree with the portal's stored state, listing by role, reading the
 * current holder, and changing it (single owners and co-executor lists).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import type { Bitrix24Client } from "../bitrix24";
import { changeHolders, countOwned, findRole, HeldReader, loadCatalogue, readRecords, remainingWork, type OwnershipQuery, type OwnershipRole } from ".";

let db: TestDatabase;
let world: World;
let client: Bitrix24Client;
let roles: OwnershipRole[];
let heavy: number;

type Row = Array<number | number[]>;
/** Every record `userId` holds in `role`, through the batched reader; the read must be complete. */
async function listAllOwned(client: Bitrix24Client, role: OwnershipRole, userId: number, query: OwnershipQuery) {
  const [read] = await new HeldReader(client, [{ role, userId, query }]).readAll();
  expect(read.outcome.complete).toBe(true);
  return read.records;
}
const rowsOf = async (type: string) => (await world.control<{ rows: Row[] }>("GET", `portals/${world.portalKey}/ownership?type=${type}`)).rows;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 60, scopes: ["user", "department", "task", "crm", "sonet_group", "im"] });
  client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
  roles = (await loadCatalogue(client)).roles;
  const summary = await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`);
  heavy = summary.heavyUserIds[1];
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("catalogue", () => {
  it("has every fixed type and the portal's smart processes from crm.type.list", () => {
    const types = new Set(roles.map((r) => r.type));
    for (const t of ["task", "lead", "deal", "contact", "company", "quote", "invoice", "activity", "workgroup", "department", "dynamic-128", "dynamic-1032"]) {
      expect(types.has(t), t).toBe(true);
    }
    expect(roles.filter((r) => r.type === "task").map((r) => r.role)).toEqual(["responsible", "creator", "accomplice", "auditor"]);
  });
});

describe("countOwned", () => {
  it("counts a whole overview in one batch request, matching the portal's stored owners", async () => {
    await world.control("DELETE", "calls");
    const counts = await countOwned(client, roles, heavy);
    const calls = (await world.calls()).filter((c) => !c.inBatch);
    expect(calls.map((c) => c.method)).toEqual(["batch"]);

    const tasks = await rowsOf("task");
    const by = (type: string, role: string) => counts.find((c) => c.type === type && c.role === role)!;
    expect(by("task", "responsible").total).toBe(tasks.filter((r) => r[1] === heavy).length);
    expect(by("task", "creator").total).toBe(tasks.filter((r) => r[2] === heavy).length);
    expect(by("task", "accomplice").total).toBe(tasks.filter((r) => (r[3] as number[]).includes(heavy)).length);
    expect(by("task", "auditor").total).toBe(tasks.filter((r) => (r[4] as number[]).includes(heavy)).length);
    expect(by("deal", "assigned").total).toBe((await rowsOf("crm-2")).filter((r) => r[1] === heavy).length);
    expect(by("dynamic-128", "assigned").total).toBe((await rowsOf("crm-128")).filter((r) => r[1] === heavy).length);
    expect(by("activity", "responsible").total).toBe((await rowsOf("activity")).filter((r) => r[1] === heavy).length);
    expect(by("task", "responsible").total).toBeGreaterThan(by("task", "responsible").open);
    expect(by("contact", "assigned").open).toBe(by("contact", "assigned").total);
    expect(counts.every((c) => c.error === undefined)).toBe(true);
  });

  it("agrees with listing, open-only and all", async () => {
    const counts = await countOwned(client, roles, heavy);
    for (const key of [
      ["task", "responsible"],
      ["deal", "assigned"],
      ["activity", "responsible"],
      ["workgroup", "owner"],
    ] as const) {
      const role = findRole(roles, key[0], key[1])!;
      const open = await listAllOwned(client, role, heavy, { openOnly: true });
      const all = await listAllOwned(client, role, heavy, { openOnly: false });
      const count = counts.find((c) => c.type === key[0] && c.role === key[1])!;
      expect(open.length, key.join(".")).toBe(count.open);
      expect(all.length, key.join(".")).toBe(count.total);
      expect(open.every((r) => r.open && r.holders.includes(heavy))).toBe(true);
    }
  });

  it("finds the departments a dismissed user still heads", async () => {
    const users = await world.control<Array<{ id: number; active: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const departments = await rowsOf("department");
    const head = departments.find((d) => users.some((u) => u.id === d[1] && !u.active))![1] as number;
    const counts = await countOwned(client, roles, head);
    expect(counts.find((c) => c.type === "department")!.total).toBe(departments.filter((d) => d[1] === head).length);
  });
});

describe("remainingWork", () => {
  it("sums each user's counts over the whole catalogue, in the order asked, nothing for someone who holds nothing", async () => {
    const counts = await countOwned(client, roles, heavy);
    const [work, nobody] = await remainingWork(client, [heavy, 999_999]);
    expect(work).toEqual({
      userId: heavy,
      open: counts.reduce((n, c) => n + c.open, 0),
      total: counts.reduce((n, c) => n + c.total, 0),
    });
    const tasks = await rowsOf("task");
    expect(work.total).toBeGreaterThan(tasks.filter((r) => r[1] === heavy).length);
    expect(work.open).toBeLessThan(work.total);
    expect(nobody).toEqual({ userId: 999_999, open: 0, total: 0 });
    expect(await remainingWork(client, [])).toEqual([]);
  });
});

describe("changeHolders and readRecords", () => {
  it("moves single owners and replaces the user in co-executor lists, keeping the others", async () => {
    const receiver = ADMIN_ID;
    const deal = findRole(roles, "deal", "assigned")!;
    const deals = (await listAllOwned(client, deal, heavy, { openOnly: false })).slice(0, 3);
    const accomplice = findRole(roles, "task", "accomplice")!;
    const tasks = (await listAllOwned(client, accomplice, heavy, { openOnly: false })).slice(0, 2);
    expect(deals.length).toBe(3);
    expect(tasks.length).toBeGreaterThan(0);

    expect(
      await changeHolders(
        client,
        deal,
        deals.map((record) => ({ record, from: heavy, to: receiver })),
      ),
    ).toEqual(deals.map(() => ({ ok: true })));
    expect(
      (
        await changeHolders(
          client,
          accomplice,
          tasks.map((record) => ({ record, from: heavy, to: receiver })),
        )
      ).every((o) => o.ok),
    ).toBe(true);

    const writes = (await world.calls()).filter((c) => c.inBatch && c.method === "crm.item.update");
    expect(writes.slice(-3).map((c) => [c.entityTypeId, c.recordId])).toEqual(deals.map((d) => [2, d.id]));
    const dealRows = await rowsOf("crm-2");
    for (const d of deals) expect(dealRows[d.id - 1][1]).toBe(receiver);
    const taskRows = await rowsOf("task");
    for (const t of tasks) {
      const now = taskRows[t.id - 1][3] as number[];
      expect(now).not.toContain(heavy);
      expect(now).toContain(receiver);
      for (const other of t.holders.filter((h) => h !== heavy)) expect(now).toContain(other);
    }

    const read = await readRecords(client, deal, [deals[0].id, 999_999]);
    expect(read.get(deals[0].id)).toMatchObject({ ok: true, record: { holders: [receiver] } });
    expect(read.get(999_999)).toMatchObject({ ok: false });
  });

  it("records the portal's error code for a record that cannot be changed", async () => {
    const deal = findRole(roles, "deal", "assigned")!;
    const [outcome] = await changeHolders(client, deal, [
      { record: { id: 999_999, holders: [heavy], open: true, companyId: 0, contactId: 0 }, from: heavy, to: ADMIN_ID },
    ]);
    expect(outcome).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});
