import { describe, expect, it } from "vitest";
import { drain, fill, RateLimiter, reserve, settle, STANDARD_PLAN, type RateLimitConfig } from "./rate-limiter";

const cfg: RateLimitConfig = { burst: 50, drainPerSecond: 2, headroom: 0 };

describe("leaky bucket math", () => {
  it("lets the first burst through at once, then one request per 1/Y s", () => {
    let state = { level: 0, at: 0 };
    for (let i = 0; i < 50; i++) {
      const r = reserve(state, 0, cfg);
      expect(r.waitMs).toBe(0);
      state = r.state;
    }
    const r51 = reserve(state, 0, cfg);
    expect(r51.waitMs).toBe(500);
    const r52 = reserve(r51.state, 0, cfg);
    expect(r52.waitMs).toBe(1000);
  });

  it("drains Y per second and never below zero", () => {
    expect(drain({ level: 10, at: 0 }, 2000, cfg).level).toBe(6);
    expect(drain({ level: 1, at: 0 }, 10_000, cfg).level).toBe(0);
  });

  it("keeps headroom below the portal's bucket", () => {
    const withHeadroom = { ...cfg, headroom: 2 };
    let state = { level: 0, at: 0 };
    let free = 0;
    for (let i = 0; i < 60; i++) {
      const r = reserve(state, 0, withHeadroom);
      if (r.waitMs === 0) free++;
      state = r.state;
    }
    expect(free).toBe(48);
  });

  it("fills the bucket after a refusal", () => {
    expect(fill({ level: 3, at: 0 }, 0, cfg).level).toBe(50);
    expect(reserve(fill({ level: 3, at: 0 }, 0, cfg), 0, cfg).waitMs).toBe(500);
  });

  it("re-anchors an answered request at its answer time (at most one whole request)", () => {
    expect(settle({ level: 5, at: 0 }, 0, 100, cfg).level).toBeCloseTo(5 - 0.2 + 0.2);
    expect(settle({ level: 5, at: 0 }, 0, 2000, cfg).level).toBeCloseTo(5 - 4 + 1);
  });

  it("does not charge the portal's own time on a request as time on the way (it had arrived)", () => {
    // 400 ms round trip of which the portal says it worked 300 ms: at most 100 ms on the way.
    expect(settle({ level: 5, at: 0 }, 0, 400, cfg, 300).level).toBeCloseTo(5 - 0.8 + 0.2);
    expect(settle({ level: 5, at: 0 }, 0, 400, cfg, 500).level).toBeCloseTo(5 - 0.8);
  });

  it("a sustained schedule averages the drain rate", () => {
    let state = { level: 50, at: 0 };
    let t = 0;
    for (let i = 0; i < 100; i++) {
      const r = reserve(state, t, cfg);
      state = r.state;
      t += r.waitMs; // the caller sends after waiting
    }
    expect(t).toBeGreaterThanOrEqual(49_500);
    expect(t).toBeLessThanOrEqual(50_500);
  });
});

describe("RateLimiter", () => {
  it("queues concurrent callers in order with a fake clock", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      { burst: 2, drainPerSecond: 1, headroom: 0 },
      () => now,
      async (ms) => {
        waits.push(ms);
      },
    );
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(waits).toEqual([1000, 2000]);
    now = 10_000;
    expect(limiter.level()).toBe(0);
    const done = await limiter.acquire();
    now = 10_250; // answered 250 ms later: counted from then
    done();
    done();
    expect(limiter.level()).toBeCloseTo(1);
    expect(STANDARD_PLAN.burst).toBe(50);
  });
});
