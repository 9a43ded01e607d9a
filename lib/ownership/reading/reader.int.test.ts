/**
 * The batched reader against the emulator over HTTP: what it reads is exactly what the portal
 * holds (the emulator's own ownership rows), at about fifty list pages to a request, and it keeps
 * that promise when records are added and moved while it reads, and when the portal refuses
 * commands inside a batch for rate (QUERY_LIMIT_EXCEEDED) or operating time (OPERATION_TIME_LIMIT
 * under the command's key in `result_error`, the batch itself answering 200 — the server's
 * rest_provider.php methodsBatch; b24restdocs settings/performance/limits.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { ADMIN_ID, createWorld, type World } from "../../../test/support/emulator-world";
import { resetLimiters, resetSharedLimiters, type Bitrix24Client, type ClientEvent } from "../../bitrix24";
import { findRole, loadCatalogue } from "../catalogue";
import type { OwnershipRole } from "../types";
import { HeldReader, type ReaderClient } from "./reader";

let db: TestDatabase;
let world: World;
let client: Bitrix24Client;
let roles: OwnershipRole[];
let heavy: number;
const events: ClientEvent[] = [];

type Row = Array<number | number[]>;
const rowsOf = async (type: string) => (await world.control<{ rows: Row[] }>("GET", `portals/${world.portalKey}/ownership?type=${type}`)).rows;
/** The IDs `userId` holds in a role, as the emulator stores them. */
async function held(type: string, role: string, userId: number): Promise<number[]> {
  const column = { responsible: 1, creator: 2, accomplice: 3, auditor: 4 }[role] ?? 1;
  const kind = type === "task" ? "task" : type === "activity" ? "activity" : `crm-${findRole(roles, type, role)!.entityTypeId}`;
  return (await rowsOf(kind)).filter((r) => [r[column]].flat().includes(userId)).map((r) => r[0] as number);
}
const requests = async () => (await world.calls()).filter((c) => !c.inBatch);

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 60,
    seed: { recordsPerHeavyUser: 3000 },
    scopes: ["user", "department", "task", "crm", "sonet_group"],
    // The portal's one budget: the bucket every process shares (RateBucket).
    factory: { sharedRateLimit: true, onEvent: (e) => events.push(e) },
  });
  client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
  roles = (await loadCatalogue(client)).roles;
  heavy = (await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`)).heavyUserIds[1];
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
  resetSharedLimiters();
});

describe("HeldReader", () => {
  it("reads every list of a person exactly as the portal holds it, about fifty pages to a request", async () => {
    await world.control("DELETE", "calls");
    const reader = new HeldReader(
      client,
      roles.map((role) => ({ role, userId: heavy, query: { openOnly: false } })),
    );
    const read = await reader.readAll();
    expect(read.every((r) => r.outcome.complete)).toBe(true);
    for (const [type, role] of [
      ["task", "responsible"],
      ["task", "creator"],
      ["task", "auditor"],
      ["deal", "assigned"],
      ["contact", "assigned"],
      ["dynamic-128", "assigned"],
      ["activity", "responsible"],
    ]) {
      const r = read.find((x) => x.list.role.type === type && x.list.role.role === role)!;
      expect(
        r.records.map((s) => s.id),
        `${type}.${role}`,
      ).toEqual(await held(type, role, heavy));
      expect(r.outcome.counted).toBe(r.records.length);
    }
    const records = read.reduce((n, r) => n + r.records.length, 0);
    const sent = await requests();
    expect(sent.every((c) => c.method === "batch")).toBe(true);
    // One request to count every list and read both its ends, then about 2,000 records a request.
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(records / 1800));
  });

  it("includes a record created while it reads, and leaves out one moved away before its window was read", async () => {
    const deal = findRole(roles, "deal", "assigned")!;
    const before = await held("deal", "assigned", heavy);
    expect(before.length).toBeGreaterThan(300);
    const moved = before[Math.floor(before.length / 2)];
    let created = 0;
    let batches = 0;
    // Between the reader's first request (which counts the list and reads its two ends) and the
    // rest, someone creates a deal for the person and gives one of theirs to a colleague.
    const interleaved: ReaderClient = {
      blockedFor: (m) => client.blockedFor(m),
      async batch(commands, options) {
        const results = await client.batch(commands, options);
        if (++batches === 1) {
          created = (await client.call<{ item: { id: number } }>("crm.item.add", { entityTypeId: 2, fields: { title: "New", assignedById: heavy } })).result
            .item.id;
          await client.call("crm.item.update", { entityTypeId: 2, id: moved, fields: { assignedById: ADMIN_ID } });
        }
        return results;
      },
    };
    const [read] = await new HeldReader(interleaved, [{ role: deal, userId: heavy, query: { openOnly: false } }]).readAll();
    const ids = read.records.map((r) => r.id);
    expect(read.outcome).toMatchObject({ complete: true, counted: before.length });
    expect(ids).toContain(created);
    expect(ids).not.toContain(moved);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await held("deal", "assigned", heavy));
  });

  it("ends a list incomplete, without looping, when the method ignores its filter, and keeps what it could trust", async () => {
    const deal = findRole(roles, "deal", "assigned")!;
    const contact = findRole(roles, "contact", "assigned")!;
    const deals = await held("deal", "assigned", heavy);
    await world.control("DELETE", "calls");
    // crm.item.list answers the two discovery pages of each list honestly, then drops `>id` (the
    // quirk a portal plays when a method version does not know a filter key).
    await world.control("POST", "quirks", { portal: world.portalKey, method: "crm.item.list", ignoreFilter: [">id"], skip: 4 });
    try {
      const [dealRead, contactRead] = await new HeldReader(client, [
        { role: deal, userId: heavy, query: { openOnly: false } },
        { role: contact, userId: heavy, query: { openOnly: false } },
      ]).readAll();
      expect(dealRead.outcome).toMatchObject({ complete: false, reason: "filter_ignored", counted: deals.length });
      // What the trusted pages brought (both ends of the list), nothing of the pages that broke their window.
      expect(dealRead.records.map((r) => r.id)).toEqual([...deals.slice(0, 50), ...deals.slice(-50)]);
      expect(contactRead.outcome).toMatchObject({ complete: false, reason: "filter_ignored" });
      // It stopped: no page asked again after the list broke.
      expect((await requests()).length).toBeLessThanOrEqual(3);
    } finally {
      await world.control("DELETE", "quirks");
    }
  });

  it("waits out QUERY_LIMIT_EXCEEDED met inside a batch through the shared bucket, and reads everything", async () => {
    const role = findRole(roles, "lead", "assigned")!;
    await world.control("DELETE", "calls");
    events.length = 0;
    await world.control("POST", "faults", { portal: world.portalKey, method: "crm.item.list", count: 3, status: 503, error: "QUERY_LIMIT_EXCEEDED" });
    const [read] = await new HeldReader(client, [{ role, userId: heavy, query: { openOnly: false } }]).readAll();
    expect(read.outcome.complete).toBe(true);
    expect(read.records.map((r) => r.id)).toEqual(await held("lead", "assigned", heavy));
    const refused = (await world.calls()).filter((c) => c.inBatch && c.error === "QUERY_LIMIT_EXCEEDED");
    expect(refused).toHaveLength(3);
    // The client filled the shared bucket, so the next request waited its turn in it.
    expect(events.some((e) => e.type === "rate_limited" && e.method === "crm.item.list")).toBe(true);
  });

  it("leaves a method blocked for its operating time out until its window resets, the other lists going on", async () => {
    const activity = findRole(roles, "activity", "responsible")!;
    const deal = findRole(roles, "deal", "assigned")!;
    // Limits on, a big bucket, and crm.activity.list costing 160 s of the 480: four calls a window,
    // the fifth refused inside its batch. The window is 3 s so that the test is short.
    await world.control("POST", `portals/${world.portalKey}/limits`, {
      enabled: true,
      burst: 1000,
      rate: 100,
      operatingEnabled: true,
      operatingWindowSec: 3,
      methodCostSec: { "crm.activity.list": 160 },
      resetCounters: true,
    });
    try {
      await world.control("DELETE", "calls");
      const reader = new HeldReader(client, [
        { role: activity, userId: heavy, query: { openOnly: true } },
        { role: deal, userId: heavy, query: { openOnly: false } },
      ]);
      const [activities, deals] = await reader.readAll();
      expect(activities.outcome.complete).toBe(true);
      expect(activities.records.length).toBe(activities.outcome.counted);
      expect(activities.records.length).toBeGreaterThan(200);
      expect(activities.records.every((r) => r.open && r.holders.includes(heavy))).toBe(true);
      expect(deals.records.map((r) => r.id)).toEqual(await held("deal", "assigned", heavy));
      const log = await world.calls();
      expect(log.filter((c) => c.inBatch && c.error === "OPERATION_TIME_LIMIT").length).toBeGreaterThan(0);
      expect(log.filter((c) => !c.inBatch && c.error).length).toBe(0);
    } finally {
      await world.control("POST", `portals/${world.portalKey}/limits`, { enabled: false, methodCostSec: {}, resetCounters: true });
    }
  });
});
