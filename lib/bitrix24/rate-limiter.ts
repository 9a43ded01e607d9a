/**
 * Client-side mirror of the portal's leaky bucket (docs/bitrix24-platform.md "Limits"; b24restdocs
 * limits.md): every request adds 1, the bucket drains `drainPerSecond`, and a request that finds
 * it at `burst` is refused with QUERY_LIMIT_EXCEEDED. We keep the same bucket here and make a
 * request wait until it fits, so a job runs at the plan's rate instead of bouncing off it.
 *
 * One limiter per portal per process (`limiterFor`): every client, job and user of that portal
 * in this process shares it, because the portal counts all of the app's requests together.
 * The bucket's level includes reservations already handed out, so concurrent callers queue in
 * order (a GCRA-style scheduler).
 */

export interface RateLimitConfig {
  /** X: bucket size. Standard plans 50, Enterprise 250. */
  burst: number;
  /** Y: requests drained per second. Standard 2, Enterprise 5. */
  drainPerSecond: number;
  /**
   * Requests kept free below `burst`, so clock skew or network jitter between our send and the
   * portal's receive cannot tip the portal's bucket over.
   */
  headroom: number;
}

export const STANDARD_PLAN: RateLimitConfig = { burst: 50, drainPerSecond: 2, headroom: 1 };
export const ENTERPRISE_PLAN: RateLimitConfig = { burst: 250, drainPerSecond: 5, headroom: 1 };

export interface BucketState {
  /** Bucket level (including reservations) as of `at`. */
  level: number;
  /** Milliseconds (clock of the caller). */
  at: number;
}

/** Drains the bucket to `now`. */
export function drain(state: BucketState, now: number, config: RateLimitConfig): BucketState {
  const elapsed = Math.max(0, now - state.at);
  return { level: Math.max(0, state.level - (elapsed / 1000) * config.drainPerSecond), at: Math.max(now, state.at) };
}

/**
 * Reserves a slot for one request at `now`: returns the new state and how long to wait before
 * sending. The request is counted when it is sent, i.e. `waitMs` later.
 */
export function reserve(state: BucketState, now: number, config: RateLimitConfig): { state: BucketState; waitMs: number } {
  const drained = drain(state, now, config);
  const capacity = Math.max(1, config.burst - config.headroom);
  const after = drained.level + 1;
  const waitMs = after <= capacity ? 0 : Math.ceil(((after - capacity) / config.drainPerSecond) * 1000);
  return { state: { level: after, at: drained.at }, waitMs };
}

/**
 * A request sent at `sentAt` was answered at `now`. The portal counted it on arrival, somewhere
 * in between; we counted it at `sentAt`, which credited drain the portal may not have granted
 * (a burst held up in connection set-up arrives late, then bunches with the paced requests behind
 * it). Re-anchor it at the latest the portal can have counted it: the answer, less the time the
 * portal says it spent on the request (`serverMs`, the answer's `time.duration`: it had arrived
 * by then) — so our level never runs below the portal's, without charging a slow batch's own
 * run time as if it were still on its way (which left budget unused).
 */
export function settle(state: BucketState, sentAt: number, now: number, config: RateLimitConfig, serverMs = 0): BucketState {
  const drained = drain(state, now, config);
  const onTheWay = Math.max(0, now - sentAt - Math.max(0, serverMs));
  const credit = Math.min(1, (onTheWay / 1000) * config.drainPerSecond);
  return { level: drained.level + credit, at: drained.at };
}

/** After the portal said QUERY_LIMIT_EXCEEDED, its bucket is full: make ours at least as full. */
export function fill(state: BucketState, now: number, config: RateLimitConfig): BucketState {
  const drained = drain(state, now, config);
  return { level: Math.max(drained.level, config.burst), at: drained.at };
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client needs of a limiter: this process's (RateLimiter) or every process's (SharedRateLimiter). */
export interface PortalRateLimiter {
  config: RateLimitConfig;
  /**
   * Waits until one more request fits; call the returned function when the answer (or the failure)
   * arrives, with the portal's own time on the request in seconds when the answer says it.
   */
  acquire(): Promise<(serverSeconds?: number) => void>;
  /** The portal refused a request for rate: its bucket is full. */
  onRateLimited(): void;
}

export class RateLimiter implements PortalRateLimiter {
  private state: BucketState;
  constructor(
    public config: RateLimitConfig,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.state = { level: 0, at: now() };
  }

  /**
   * Waits until one more request fits in the portal's bucket. Call the returned function when
   * the answer (or the failure) arrives.
   */
  async acquire(): Promise<(serverSeconds?: number) => void> {
    const { state, waitMs } = reserve(this.state, this.now(), this.config);
    this.state = state;
    if (waitMs > 0) await this.sleep(waitMs);
    const sentAt = this.now();
    let settled = false;
    return (serverSeconds = 0) => {
      if (settled) return;
      settled = true;
      this.state = settle(this.state, sentAt, this.now(), this.config, serverSeconds * 1000);
    };
  }

  /** Tells the limiter the portal refused a request for rate. */
  onRateLimited(): void {
    this.state = fill(this.state, this.now(), this.config);
  }

  /** Current level (for diagnostics and tests). */
  level(): number {
    return drain(this.state, this.now(), this.config).level;
  }
}

const limiters = new Map<string, RateLimiter>();

/**
 * The process-wide limiter of a portal. The first caller's config wins; later callers with a
 * different config update it (e.g. after learning the portal's plan).
 */
export function limiterFor(portalKey: string, config: RateLimitConfig = STANDARD_PLAN): RateLimiter {
  let limiter = limiters.get(portalKey);
  if (!limiter) {
    limiter = new RateLimiter(config);
    limiters.set(portalKey, limiter);
  } else if (limiter.config !== config) {
    limiter.config = config;
  }
  return limiter;
}

/** Forgets every portal's limiter (tests). */
export function resetLimiters(): void {
  limiters.clear();
}
