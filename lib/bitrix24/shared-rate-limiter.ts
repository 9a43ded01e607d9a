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
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../log";
import { limiterFor, realSleep, type PortalRateLimiter, type RateLimitConfig, type Sleep } from "./rate-limiter";

const log = logger("bitrix24");

/** Below this (in requests) the settle step leaves the row alone. */
const MIN_CREDIT = 0.25;

export class SharedRateLimiter implements PortalRateLimiter {
  constructor(
    private readonly prisma: PrismaClient,
    /** The portal's id (RateBucket.portalId). */
    private readonly portalId: string,
    public config: RateLimitConfig,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Reserves one request in the shared bucket; returns the wait before sending it. */
  async reserve(): Promise<number> {
    const { burst, drainPerSecond, headroom } = this.config;
    // The upsert takes the row lock: concurrent reservations (any process) apply one after the other.
    const rows = await this.prisma.$queryRaw<Array<{ level: number }>>`
      INSERT INTO "RateBucket" ("portalId", level, at) VALUES (${this.portalId}, 1, clock_timestamp())
      ON CONFLICT ("portalId") DO UPDATE SET
        level = GREATEST(0, "RateBucket".level - GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED.at - "RateBucket".at)) * ${drainPerSecond}::float8) + 1,
        at = GREATEST(EXCLUDED.at, "RateBucket".at)
      RETURNING level`;
    const level = Number(rows[0].level);
    const capacity = Math.max(1, burst - headroom);
    return level <= capacity ? 0 : Math.ceil(((level - capacity) / drainPerSecond) * 1000);
  }

  async acquire(): Promise<(serverSeconds?: number) => void> {
    let waitMs: number;
    try {
      waitMs = await this.reserve();
    } catch (error) {
      log.warn("shared rate bucket unavailable; pacing by this process alone", { error: error instanceof Error ? error.message : String(error) });
      return limiterFor(this.portalId, this.config).acquire();
    }
    if (waitMs > 0) await this.sleep(waitMs);
    const sentAt = Date.now();
    let settled = false;
    return (serverSeconds = 0) => {
      if (settled) return;
      settled = true;
      // rate-limiter.ts `settle`: re-anchor the request at the latest the portal can have counted
      // it; best effort, the next reservation does not depend on it.
      const onTheWay = Math.max(0, Date.now() - sentAt - Math.max(0, serverSeconds) * 1000);
      const credit = Math.min(1, (onTheWay / 1000) * this.config.drainPerSecond);
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
    await this.prisma.$executeRaw`
      UPDATE "RateBucket" SET
        level = GREATEST(COALESCE(${floor}::float8, 0), GREATEST(0, level - GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - at)) * ${drain}::float8) + ${credit}::float8),
        at = GREATEST(clock_timestamp(), at)
      WHERE "portalId" = ${this.portalId}`;
  }

  /** The bucket's level now (diagnostics and tests). */
  async level(): Promise<number> {
    const rows = await this.prisma.$queryRaw<Array<{ level: number }>>`
      SELECT GREATEST(0, level - GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - at)) * ${this.config.drainPerSecond}::float8) AS level
      FROM "RateBucket" WHERE "portalId" = ${this.portalId}`;
    return rows.length ? Number(rows[0].level) : 0;
  }
}

const shared = new Map<string, SharedRateLimiter>();

/** This process's handle on a portal's shared bucket; a later caller's config replaces the first's. */
export function sharedLimiterFor(prisma: PrismaClient, portalId: string, config: RateLimitConfig): SharedRateLimiter {
  let limiter = shared.get(portalId);
  if (!limiter) {
    limiter = new SharedRateLimiter(prisma, portalId, config);
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
