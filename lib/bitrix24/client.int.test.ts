/**
 * The client against the emulator over real HTTP and a real PostgreSQL: call, batch, list-all
 * across pages, retries on injected faults, typed errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { AccessDeniedError, Bitrix24Error, MethodNotFoundError, RateLimitedError } from "./errors";
import { resetLimiters } from "./rate-limiter";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import type { ClientEvent } from "./client";

let db: TestDatabase;
let world: World;
const events: ClientEvent[] = [];
const fastRetry = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200 };

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, factory: { retry: fastRetry, onEvent: (e) => events.push(e) } });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

const callsOf = async (method: string) => (await world.calls()).filter((c) => c.method.toLowerCase() === method && !c.inBatch);

describe("call", () => {
  it("calls a method with the user's token and parses the envelope", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const r = await client.call<{ ID: string | number; ADMIN: boolean }>("profile");
    expect(Number(r.result.ID)).toBe(ADMIN_ID);
    expect(r.result.ADMIN).toBe(true);
    expect(r.time?.operating).toBeTypeOf("number");
    expect((await callsOf("profile")).at(-1)).toMatchObject({ userId: ADMIN_ID, status: 200 });
  });

  it("encodes nested filters PHP-style", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const r = await client.call<Array<{ ID: string }>>("user.get", { FILTER: { ">ID": 100 }, sort: "ID", order: "ASC" });
    expect(r.result.length).toBeGreaterThan(0);
    expect(r.result.every((u) => Number(u.ID) > 100)).toBe(true);
  });

  it("throws typed errors", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    await expect(client.call("no.such.method")).rejects.toBeInstanceOf(MethodNotFoundError);
    await world.fault({ method: "profile", status: 403, error: "ACCESS_DENIED" });
    await expect(client.call("profile")).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("retries", () => {
  it("retries QUERY_LIMIT_EXCEEDED and 500, then succeeds", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("profile")).length;
    await world.fault({ method: "profile", status: 503, error: "QUERY_LIMIT_EXCEEDED", count: 1 });
    await world.fault({ method: "profile", status: 500, error: "INTERNAL_SERVER_ERROR", count: 1 });
    const r = await client.call<{ ID: unknown }>("profile");
    expect(Number(r.result.ID)).toBe(ADMIN_ID);
    const log = (await callsOf("profile")).slice(before);
    expect(log.map((c) => c.status)).toEqual([503, 500, 200]);
    expect(events.some((e) => e.type === "rate_limited")).toBe(true);
  });

  it("retries an HTML 502 from a proxy", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    await world.fault({ method: "profile", status: 502, error: "BAD_GATEWAY", html: true, count: 2 });
    await expect(client.call("profile")).resolves.toBeTruthy();
  });

  it("gives up after maxAttempts with the typed error", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("profile")).length;
    await world.fault({ method: "profile", status: 503, error: "QUERY_LIMIT_EXCEEDED", count: 10 });
    await expect(client.call("profile")).rejects.toBeInstanceOf(RateLimitedError);
    expect((await callsOf("profile")).length - before).toBe(fastRetry.maxAttempts);
    await world.control("DELETE", "faults");
  });

  it("does not repeat a create after a 500 (it may have run)", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("crm.deal.add")).length;
    await world.fault({ method: "crm.deal.add", status: 500, error: "INTERNAL_SERVER_ERROR" });
    await expect(client.call("crm.deal.add", { fields: { TITLE: "t" } })).rejects.toMatchObject({ status: 500 });
    expect((await callsOf("crm.deal.add")).length - before).toBe(1);
  });

  it("does not retry a 400", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("profile")).length;
    await world.fault({ method: "profile", status: 400, error: "INVALID_REQUEST" });
    await expect(client.call("profile")).rejects.toBeInstanceOf(Bitrix24Error);
    expect((await callsOf("profile")).length - before).toBe(1);
  });
});

describe("batch", () => {
  it("runs 120 commands in 3 batch requests with per-command results and errors", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("batch")).length;
    const commands = Array.from({ length: 120 }, (_, i) =>
      i === 7 ? { method: "no.such.method" } : { method: "user.get", params: { FILTER: { ID: (i % 100) + 1 } } },
    );
    const out = await client.batch(commands);
    expect((await callsOf("batch")).length - before).toBe(3);
    expect(out).toHaveLength(120);
    const bad = out[7];
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toBeInstanceOf(MethodNotFoundError);
    const good = out[119];
    expect(good.ok && (good.result as Array<{ ID: unknown }>)[0].ID).toEqual(expect.anything());
    expect(good.ok && Number((good.result as Array<{ ID: unknown }>)[0].ID)).toBe(20);
    expect(out.filter((r) => r.ok)).toHaveLength(119);
  });
});

describe("batch references", () => {
  it("a command can use an earlier command's result as $result[c{index}] within a chunk", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const out = await client.batch([
      { method: "user.get", params: { FILTER: { ID: 5 } } },
      { method: "user.get", params: { FILTER: { ID: "$result[c0][0][ID]" } } },
    ]);
    expect(out.every((r) => r.ok)).toBe(true);
    expect(out[1].ok && Number((out[1].result as Array<{ ID: unknown }>)[0].ID)).toBe(5);
  });
});

describe("listAll", () => {
  it("walks user.get by ID across pages with start=-1", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("user.get")).length;
    const users = await client.listAll<{ ID: string }>("user.get", {});
    const expected = (await world.control<unknown[]>("GET", "portals/acme/users")).length;
    expect(users).toHaveLength(expected);
    const ids = users.map((u) => Number(u.ID));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await callsOf("user.get")).length - before).toBe(Math.floor(expected / 50) + 1);
  });

  it("walks tasks.task.list's result.tasks", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const tasks = await client.listAll<{ id: string }>("tasks.task.list", { select: ["ID", "TITLE"] });
    expect(tasks.length).toBeGreaterThan(50);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });

  it("walks crm.deal.list (UPPER_CASE) and crm.item.list (result.items, camelCase id) to the same deals", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = (await callsOf("crm.deal.list")).length;
    const legacy = await client.listAll<{ ID: string }>("crm.deal.list", { select: ["ID", "ASSIGNED_BY_ID"] });
    const modern = await client.listAll<{ id: number }>("crm.item.list", { entityTypeId: 2, select: ["id"] });
    expect(legacy.length).toBeGreaterThan(50);
    expect(modern.map((d) => Number(d.id))).toEqual(legacy.map((d) => Number(d.ID)));
    expect((await callsOf("crm.deal.list")).length - before).toBe(Math.floor(legacy.length / 50) + 1);
  });

  it("keeps the caller's filter while paging", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const all = await client.listAll<{ ID: string; ASSIGNED_BY_ID: string }>("crm.deal.list", { select: ["ID", "ASSIGNED_BY_ID"] });
    const mine = await client.listAll<{ ID: string; ASSIGNED_BY_ID: string }>("crm.deal.list", {
      filter: { ASSIGNED_BY_ID: ADMIN_ID },
      select: ["ID", "ASSIGNED_BY_ID"],
    });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => Number(d.ASSIGNED_BY_ID) === ADMIN_ID)).toBe(true);
    expect(mine).toHaveLength(all.filter((d) => Number(d.ASSIGNED_BY_ID) === ADMIN_ID).length);
  });
});
