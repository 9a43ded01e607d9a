import { describe, expect, it } from "vitest";
import { oneMonthAfter, urgencyOf } from "./requests-log";

describe("oneMonthAfter (GDPR Art. 12(3))", () => {
  it("is the same day next month, or that month's last day when it has no such day", () => {
    expect(oneMonthAfter(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe("2026-04-15T10:00:00.000Z");
    expect(oneMonthAfter(new Date("2026-01-31T10:00:00Z")).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(oneMonthAfter(new Date("2026-12-20T00:00:00Z")).toISOString()).toBe("2027-01-20T00:00:00.000Z");
  });
});

describe("urgencyOf (the log makes late requests stand out)", () => {
  it("is overdue past the deadline, due soon within a week of it, else nothing; a finished request has none", () => {
    const deadline = new Date("2026-04-15T10:00:00Z");
    expect(urgencyOf(deadline, new Date("2026-04-15T10:00:01Z"))).toBe("overdue");
    expect(urgencyOf(deadline, new Date("2026-04-09T10:00:00Z"))).toBe("dueSoon");
    expect(urgencyOf(deadline, new Date("2026-04-08T09:59:59Z"))).toBeNull();
    expect(urgencyOf(null, new Date("2026-05-01T00:00:00Z"))).toBeNull();
  });
});
