/**
 * Respect for the operating-time limit (docs/bitrix24-platform.md "Limits"; b24restdocs limits.md):
 * per app and method the portal sums the seconds a method ran over the last 10 minutes and blocks
 * it past 480 s. Every answer's `time.operating` / `time.operating_reset_at` tell us where we
 * stand, so we pause a method *before* the block rather than after it. Shared per portal in the
 * process like the rate limiter.
 */
import type { RestTime } from "./envelope";
import { OperationTimeLimitError } from "./errors";

export interface OperatingConfig {
  /** Seconds of run time per method the portal allows in its window (480 on cloud portals). */
  limitSec: number;
  /** Pause once a method's operating time is within this many seconds of the limit. */
  marginSec: number;
  /** Longest pause we take before a call (ms); past it we call anyway and let the portal decide. */
  maxPauseMs: number;
}

export const DEFAULT_OPERATING: OperatingConfig = { limitSec: 480, marginSec: 30, maxPauseMs: 60_000 };

interface MethodUsage {
  operating: number;
  resetAt: number; // unix seconds
}

/** The portal's baskets are a minute long: a block outlasting one reset lifts at the next one at the latest. */
const BASKET_SEC = 60;

export class OperatingTracker {
  private readonly usage = new Map<string, MethodUsage>();
  constructor(public config: OperatingConfig = DEFAULT_OPERATING) {}

  /** Records the `time` of an answer for `method` (lower-cased). */
  record(method: string, time: RestTime | undefined): void {
    if (!time || time.operating === undefined) return;
    this.usage.set(method.toLowerCase(), { operating: time.operating, resetAt: time.operating_reset_at ?? 0 });
  }

  /**
   * The portal refused `method` with OPERATION_TIME_LIMIT. limits.md: retry first at the
   * `operating_reset_at` of the last answer; if it is refused again, at the next basket's reset.
   */
  refused(method: string, nowMs: number): void {
    const m = method.toLowerCase();
    const u = this.usage.get(m);
    const nowSec = nowMs / 1000;
    // Before the reset we expect, a refusal is no news (several commands of one batch); at or
    // after it, the block outlasted that reset and lifts at the next basket's.
    const resetAt = u && u.resetAt > nowSec ? u.resetAt : Math.ceil(nowSec + BASKET_SEC);
    this.usage.set(m, { operating: Math.max(u?.operating ?? 0, this.config.limitSec + 1), resetAt });
  }

  /** How long `method` is blocked, or about to be (ms until its window resets; 0 = free to call). */
  blockedFor(method: string, nowMs: number): number {
    const u = this.usage.get(method.toLowerCase());
    if (!u || u.operating < this.config.limitSec - this.config.marginSec) return 0;
    const untilReset = u.resetAt * 1000 - nowMs;
    return untilReset > 0 ? untilReset + 1000 : 0;
  }

  /** When the portal said the method's window resets (unix seconds), if known. */
  resetAt(method: string): number | undefined {
    return this.usage.get(method.toLowerCase())?.resetAt || undefined;
  }

  /**
   * Before calling `method` at `nowMs`: go (0), pause this many ms, or — when the method is
   * already over its limit and the reset is further away than `maxPauseMs` — throw
   * OperationTimeLimitError with `resetAt`, without sending a request the portal would refuse,
   * so that a job can reschedule itself for then.
   */
  pauseBefore(method: string, nowMs: number): number {
    const m = method.toLowerCase();
    const u = this.usage.get(m);
    if (!u || u.operating < this.config.limitSec - this.config.marginSec) return 0;
    const untilReset = u.resetAt * 1000 - nowMs;
    if (untilReset <= 0) {
      this.usage.delete(m);
      return 0;
    }
    const pause = untilReset + 1000;
    if (pause <= this.config.maxPauseMs) return pause;
    if (u.operating > this.config.limitSec) {
      const error = new OperationTimeLimitError("OPERATION_TIME_LIMIT", "operating time used up; waiting for the window to reset", 0, method);
      error.resetAt = u.resetAt;
      throw error;
    }
    // Close to the limit but not over: slow down rather than stop.
    return this.config.maxPauseMs;
  }
}

const trackers = new Map<string, OperatingTracker>();

/** The process-wide operating tracker of a portal. */
export function operatingFor(portalKey: string): OperatingTracker {
  let t = trackers.get(portalKey);
  if (!t) trackers.set(portalKey, (t = new OperatingTracker()));
  return t;
}
