import { describe, expect, it } from "vitest";
import { oneMonthAfter } from "./requests-log";

describe("oneMonthAfter (GDPR Art. 12(3))", () => {
  it("is the same day next month, or that month's last day when it has no such day", () => {
    expect(oneMonthAfter(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe("2026-04-15T10:00:00.000Z");
    expect(oneMonthAfter(new Date("2026-01-31T10:00:00Z")).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(oneMonthAfter(new Date("2026-12-20T00:00:00Z")).toISOString()).toBe("2027-01-20T00:00:00.000Z");
  });
});
