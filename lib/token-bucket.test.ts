import { describe, expect, it } from "vitest";
import { KeyedBuckets } from "./token-bucket";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("KeyedBuckets", () => {
  it("allows the capacity at once, then refuses and says when the next request fits", () => {
    const c = clock();
    const buckets = new KeyedBuckets({ capacity: 3, refillPerSecond: 0.5 }, c.now);
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([true, true, true]);
    expect(buckets.take("a")).toBe(false);
    expect(buckets.has("a")).toBe(false);
    expect(buckets.retryAfterSeconds("a")).toBe(2);
    c.advance(1000);
    expect(buckets.retryAfterSeconds("a")).toBe(1);
    c.advance(1000);
    expect(buckets.take("a")).toBe(true);
    expect(buckets.take("a")).toBe(false);
  });

  it("keeps each key apart and refills no higher than the capacity", () => {
    const c = clock();
    const buckets = new KeyedBuckets({ capacity: 2, refillPerSecond: 10 }, c.now);
    buckets.take("a");
    buckets.take("a");
    expect(buckets.take("b")).toBe(true);
    c.advance(60_000);
    expect([1, 2, 3].map(() => buckets.take("a"))).toEqual([true, true, false]);
  });

  it("gives a request back, never above the capacity", () => {
    const buckets = new KeyedBuckets({ capacity: 1, refillPerSecond: 0.001 }, () => 0);
    expect(buckets.take("a")).toBe(true);
    buckets.give("a");
    buckets.give("a");
    expect(buckets.take("a")).toBe(true);
    expect(buckets.take("a")).toBe(false);
  });

  it("forgets the oldest key past maxKeys: a forgotten key starts full", () => {
    const buckets = new KeyedBuckets({ capacity: 1, refillPerSecond: 0.001 }, () => 0, 2);
    buckets.take("a");
    buckets.take("b");
    buckets.take("c"); // "a" is forgotten
    expect(buckets.take("b")).toBe(false);
    expect(buckets.take("a")).toBe(true);
  });
});
