/**
 * The portal's bucket shared through PostgreSQL: limiters of different processes (separate
 * database connections here) queue their requests in one bucket, so together they keep to the
 * portal's budget — the emulator, limits on, refuses none of their requests.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import { PrismaClient } from "../generated/prisma/client";
import { Bitrix24Client } from "./client";
import { resetLimiters, type RateLimitConfig } from "./rate-limiter";
import { pgBucketStore, resetSharedLimiters, SharedRateLimiter } from "./shared-rate-limiter";

let db: TestDatabase;
let world: World;
/** A second process's connection to the same database. */
let other: PrismaClient;
const plan: RateLimitConfig = { burst: 10, drainPerSecond: 5, headroom: 1 };

beforeAll(async () => {
  db = await createTestDatabase();
  other = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 4 }) });
  world = await createWorld({ prisma: db.prisma, limits: true });
  await world.control("POST", `portals/${world.portalKey}/limits`, { burst: plan.burst, rate: plan.drainPerSecond });
  await world.connectUser(9);
});

afterAll(async () => {
  await other?.$disconnect();
  await world?.close();
  await db?.drop();
  resetLimiters();
  resetSharedLimiters();
});

describe("the shared rate bucket", () => {
  it("queues the reservations of two processes one after the other in one bucket", async () => {
    const portal = await db.prisma.portal.create({
      data: { memberId: "bucket", domain: "b.example.test", clientEndpoint: "https://b/rest/", serverEndpoint: "https://o/rest/" },
    });
    // One process reads the bucket through Prisma, the other through its own pool, as the app does.
    const a = new SharedRateLimiter(db.prisma, portal.id, plan);
    const b = new SharedRateLimiter(pgBucketStore(db.url), portal.id, plan);
    const started = Date.now();
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).reserve()));
    const elapsedSec = (Date.now() - started) / 1000;
    waits.sort((x, y) => x - y);
    // Capacity 9 (burst 10 less 1 headroom): at most 9 go at once, plus what drained while reserving.
    const immediate = waits.filter((w) => w === 0).length;
    expect(immediate).toBeGreaterThanOrEqual(9);
    expect(immediate).toBeLessThanOrEqual(9 + Math.ceil(elapsedSec * plan.drainPerSecond));
    // The 30th waits for 21 requests to drain at 5/s (less what drained while the 30 reserved).
    expect(waits[29]).toBeGreaterThanOrEqual(((30 - 9) / plan.drainPerSecond - elapsedSec) * 1000 - 1);
    expect(waits[29]).toBeLessThanOrEqual(((30 - 9) / plan.drainPerSecond) * 1000 + 1);
    // Every reservation got its own slot: no two beyond the capacity share a wait.
    const queued = waits.filter((w) => w > 0);
    expect(new Set(queued).size).toBe(queued.length);
    expect(await a.level()).toBeGreaterThan(9);
  });

  it("a portal refusal fills the bucket for every process", async () => {
    const portal = await db.prisma.portal.create({
      data: { memberId: "refused", domain: "r.example.test", clientEndpoint: "https://r/rest/", serverEndpoint: "https://o/rest/" },
    });
    // A slow drain (1/s) so that the full bucket is still full when the other process looks.
    const slow: RateLimitConfig = { burst: 10, drainPerSecond: 1, headroom: 1 };
    const a = new SharedRateLimiter(db.prisma, portal.id, slow);
    const b = new SharedRateLimiter(other, portal.id, slow);
    expect(await a.reserve()).toBe(0);
    expect(await b.level()).toBeLessThan(2);
    await a.onRateLimited();
    expect(await b.level()).toBeGreaterThan(slow.burst - 1);
    // The other process's next request waits for the bucket to drain below capacity.
    expect(await b.reserve()).toBeGreaterThan(1000);
  });

  it("gives back a request's time on the way only when the bucket holds something to give back", async () => {
    const limiterOn = async (memberId: string, config: RateLimitConfig) => {
      const portal = await db.prisma.portal.create({
        data: { memberId, domain: `${memberId}.example.test`, clientEndpoint: "https://s/rest/", serverEndpoint: "https://o/rest/" },
      });
      const store = pgBucketStore(db.url);
      const statements: string[] = [];
      const counted = { query: (sql: string, values: unknown[]) => (statements.push(sql.trim().split(/\s/)[0]), store.query(sql, values)) };
      return { limiter: new SharedRateLimiter(counted, portal.id, config), statements };
    };
    // The request is 40 ms on its way, all of it before the portal counted it (serverSeconds 0).
    const onItsWay = () => new Promise((resolve) => setTimeout(resolve, 40));

    // A rate far above the load: the bucket is empty again before the answer, nothing to give back.
    const open = await limiterOn("settle-open", { burst: 50, drainPerSecond: 1_000_000, headroom: 0 });
    const settleOpen = await open.limiter.acquire();
    await onItsWay();
    settleOpen(0);
    expect(open.statements).toEqual(["INSERT"]);

    // 10/s with ten requests in the bucket: 40 ms on the way are 0.4 of a request, given back.
    const paced = await limiterOn("settle-paced", { burst: 50, drainPerSecond: 10, headroom: 0 });
    await Promise.all(Array.from({ length: 9 }, () => paced.limiter.reserve()));
    const settlePaced = await paced.limiter.acquire();
    await onItsWay();
    settlePaced(0);
    expect(paced.statements.filter((s) => s === "UPDATE")).toHaveLength(1);
  });

  it("two processes' clients hammering one portal together get no QUERY_LIMIT_EXCEEDED", async () => {
    const endpoint = (await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } })).clientEndpoint;
    // A client-side bucket cannot see when its requests arrive: a stalled process (a loaded CI
    // machine) sends several reserved slots at once. Headroom of 4 slots (0.8 s at 5/s) absorbs
    // such a stall here, so the test fails on a bucket that is not shared, not on jitter.
    const steady: RateLimitConfig = { ...plan, headroom: 4 };
    const client = (prisma: PrismaClient, userId: number) =>
      new Bitrix24Client({
        restBase: endpoint,
        portalKey: world.portalId,
        rateLimit: steady,
        tokens: world.tokens.sourceFor(world.portalId, userId),
        limiter: new SharedRateLimiter(prisma, world.portalId, steady),
        // A refusal must show in the log, not be retried away unseen.
        retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      });
    const [first, second] = [client(db.prisma, ADMIN_ID), client(other, 9)];
    const before = (await world.calls()).length;
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).call("profile")));
    const calls = (await world.calls()).slice(before);
    expect(calls).toHaveLength(30);
    expect(calls.filter((c) => c.error === "QUERY_LIMIT_EXCEEDED")).toEqual([]);
  });
});
