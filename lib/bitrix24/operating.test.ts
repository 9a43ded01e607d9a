import { describe, expect, it } from "vitest";
import { OperatingTracker } from "./operating";

const T0 = 1_800_000_000; // unix seconds

describe("OperatingTracker after a refusal", () => {
  it("blocks the method until the reset the portal last gave, then frees it", () => {
    const t = new OperatingTracker();
    t.record("tasks.task.list", { operating: 100, operating_reset_at: T0 + 20 });
    expect(t.blockedFor("tasks.task.list", T0 * 1000)).toBe(0);
    t.refused("TASKS.TASK.LIST", T0 * 1000);
    expect(t.blockedFor("tasks.task.list", T0 * 1000)).toBe(21_000);
    expect(t.blockedFor("crm.item.list", T0 * 1000)).toBe(0);
    expect(t.blockedFor("tasks.task.list", (T0 + 20) * 1000)).toBe(0);
  });

  it("moves the block to the next basket (a minute on) when refused again at or after that reset", () => {
    const t = new OperatingTracker();
    t.record("crm.item.list", { operating: 470, operating_reset_at: T0 + 5 });
    t.refused("crm.item.list", T0 * 1000);
    // Another command of the same batch refused before the reset is no news.
    t.refused("crm.item.list", (T0 + 1) * 1000);
    expect(t.resetAt("crm.item.list")).toBe(T0 + 5);
    t.refused("crm.item.list", (T0 + 6) * 1000);
    expect(t.resetAt("crm.item.list")).toBe(T0 + 66);
    expect(t.blockedFor("crm.item.list", (T0 + 6) * 1000)).toBe(61_000);
  });

  it("blocks a method refused without an answer seen before for a basket", () => {
    const t = new OperatingTracker();
    t.refused("user.get", T0 * 1000 + 500);
    expect(t.resetAt("user.get")).toBe(T0 + 61);
    expect(t.blockedFor("user.get", T0 * 1000 + 500)).toBe(61_500);
  });
});
