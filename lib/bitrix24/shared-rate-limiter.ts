/**
 * The portal's request bucket shared by every process of ours — the web process and any number of
 * workers — through one PostgreSQL row per portal (RateBucket), because the portal counts all of
 * the app's requests together (docs/bitrix24-platform.md "Limits"), whichever process sends them.
 * docs/decisions/008-shared-rate-limiter.md says why a row and not a per-process share.
 *
 * The same GCRA-style bucket as rate-limiter.ts (reserve, settle, fill), each step one atomic
 * statement on the row, timed by the database's clock so that processes on different machines
 * agree: a reservation adds 1 to the drained level and answers how long to wait; concurrent
 * reservations serialise on the row lock and queue in order. One round trip per request, against
 * requests that take tens of milliseconds at the portal and are paced at 2–5 a second.
 *
 * If the database cannot be reached the request goes through this process's own limiter instead:
 * a portal request must not fail because our bookkeeping did.
 */
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../log";
import { limiterFor, realSleep, type PortalRateLimiter, type RateLimitConfig, type Sleep } from "./rate-limiter";

const log = logger("bitrix24");

/** Below this (in requests) the settle step leaves the row alone. */
const MIN_CREDIT = 0.25;

/** Where the bucket rows live: statements with $1… placeholders, answering their rows. */
export interface BucketStore {
  query(sql: string, values: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/** The bucket through a Prisma client (tests and scripts that have only that). */
export function prismaBucketStore(prisma: PrismaClient): BucketStore {
  return { query: (sql, values) => prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...values) };
}

/**
 * The bucket through a small pool of plain connections of its own (the app's processes): a
 * statement costs a quarter of the CPU it costs through Prisma's query engine (measured here:
 * 0.15 against 0.6 ms), and every portal request of every process makes one. Its commits need not
 * wait for a WAL flush either (the table is UNLOGGED; synchronous_commit off says the same for the
 * session).
 */
export function pgBucketStore(databaseUrl: string): BucketStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: "-c synchronous_commit=off", allowExitOnIdle: true });
  // An idle client's error (the database restarting) must not crash the process: the next query fails and we fall back.
  pool.on("error", () => undefined);
  return { query: async (sql, values) => (await pool.query(sql, values)).rows };
}

/** Reserves $3 requests at once; answers the level after them. */
const RESERVE = `INSERT INTO "RateBucket" ("portalId", level, at) VALUES ($1, $3::float8, clock_timestamp())
  ON CONFLICT ("portalId") DO UPDATE SET
    level = GREATEST(0, "RateBucket".level - GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED.at - "RateBucket".at)) * $2::float8) + $3::float8,
    at = GREATEST(EXCLUDED.at, "RateBucket".at)
  RETURNING level`;

const ADJUST = `UPDATE "RateBucket" SET
    level = GREATEST(COALESCE($3::float8, 0), GREATEST(0, level - GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - at)) * $2::float8) + $4::float8),
    at = GREATEST(clock_timestamp(), at)
  WHERE "portalId" = $1`;

const LEVEL = `SELECT GREATEST(0, level - GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - at)) * $2::float8) AS level
  FROM "RateBucket" WHERE "portalId" = $1`;

/** One reserved request: its wait, and the bucket's level (after its group) when it was reserved. */
interface Reservation {
  waitMs: number;
  level: number;
  at: number;
}

export class SharedRateLimiter implements PortalRateLimiter {
  private readonly store: BucketStore;

  constructor(
    store: BucketStore | PrismaClient,
    /** The portal's id (RateBucket.portalId). */
    private readonly portalId: string,
    public config: RateLimitConfig,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.store = "$queryRaw" in store ? prismaBucketStore(store) : store;
  }

  /** Callers waiting for the next statement, and whether one is on its way. */
  private waiting: Array<{ resolve: (slot: Reservation) => void; reject: (error: unknown) => void }> = [];
  private sending = false;

  /**
   * Reserves one request in the shared bucket; returns the wait before sending it. This process
   * has at most one reservation statement on its way per portal: callers that arrive meanwhile
   * go together in the next one (level + n), each taking its place in that group. Fifty sidebars
   * asking at once then cost a couple of statements, not fifty queued on the row's lock.
   */
  async reserve(): Promise<number> {
    return (await this.reservation()).waitMs;
  }

  private reservation(): Promise<Reservation> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.sending) void this.send();
    });
  }

  private async send(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0);
        try {
          const { burst, drainPerSecond, headroom } = this.config;
          // The upsert takes the row lock: reservations of every process apply one after the other.
          const rows = await this.store.query(RESERVE, [this.portalId, drainPerSecond, group.length]);
          const after = Number(rows[0].level);
          const capacity = Math.max(1, burst - headroom);
          const at = Date.now();
          group.forEach(({ resolve }, i) => {
            const level = after - group.length + i + 1;
            resolve({ waitMs: level <= capacity ? 0 : Math.ceil(((level - capacity) / drainPerSecond) * 1000), level: after, at });
          });
        } catch (error) {
          for (const { reject } of group) reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  async acquire(): Promise<(serverSeconds?: number) => void> {
    let slot: Reservation;
    try {
      slot = await this.reservation();
    } catch (error) {
      log.warn("shared rate bucket unavailable; pacing by this process alone", { error: error instanceof Error ? error.message : String(error) });
      return limiterFor(this.portalId, this.config).acquire();
    }
    if (slot.waitMs > 0) await this.sleep(slot.waitMs);
    const sentAt = Date.now();
    let settled = false;
    return (serverSeconds = 0) => {
      if (settled) return;
      settled = true;
      // rate-limiter.ts `settle`: re-anchor the request at the latest the portal can have counted
      // it; best effort, the next reservation does not depend on it.
      const now = Date.now();
      const { drainPerSecond } = this.config;
      const onTheWay = Math.max(0, now - sentAt - Math.max(0, serverSeconds) * 1000);
      // The credit cannot take the level below zero: if what this process knows to be in the
      // bucket (the level its reservation saw) has drained away since, the row has nothing to give
      // back (a portal used far below its budget, as on a plan with a high rate).
      const known = Math.max(0, slot.level - ((now - slot.at) / 1000) * drainPerSecond);
      const credit = Math.min(1, (onTheWay / 1000) * drainPerSecond, known);
      // A credit worth less than a quarter request is not worth a round trip on the shared row:
      // every sidebar lookup would queue a second statement behind the next reservations.
      if (credit >= MIN_CREDIT) void this.adjust(credit, null).catch(() => undefined);
    };
  }

  /** rate-limiter.ts `fill`: the portal said its bucket is full, so ours is at least as full (for every process). */
  onRateLimited(): Promise<void> {
    return this.adjust(0, this.config.burst).catch(() => undefined);
  }

  /** Drains the row to now, then adds `credit` and raises the level to at least `floor`. */
  private async adjust(credit: number, floor: number | null): Promise<void> {
    const drain = this.config.drainPerSecond;
    await this.store.query(ADJUST, [this.portalId, drain, floor, credit]);
  }

  /** The bucket's level now (diagnostics and tests). */
  async level(): Promise<number> {
    const rows = await this.store.query(LEVEL, [this.portalId, this.config.drainPerSecond]);
    return rows.length ? Number(rows[0].level) : 0;
  }
}

const shared = new Map<string, SharedRateLimiter>();

/** This process's handle on a portal's shared bucket; a later caller's config replaces the first's. */
export function sharedLimiterFor(store: BucketStore | PrismaClient, portalId: string, config: RateLimitConfig): SharedRateLimiter {
  let limiter = shared.get(portalId);
  if (!limiter) {
    limiter = new SharedRateLimiter(store, portalId, config);
    shared.set(portalId, limiter);
  } else if (limiter.config !== config) {
    limiter.config = config;
  }
  return limiter;
}

/** Forgets the handles (tests). */
export function resetSharedLimiters(): void {
  shared.clear();
}
