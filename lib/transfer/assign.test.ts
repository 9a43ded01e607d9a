import { describe, expect, it } from "vitest";
import { assignReceivers, type RoleRecords } from "./assign";

const rec = (id: number, extra: Partial<{ companyId: number; contactId: number; ownerRef: string }> = {}) => ({
  id,
  holders: [9],
  open: true,
  companyId: 0,
  contactId: 0,
  ...extra,
});

describe("assignReceivers", () => {
  it("even: deals each type's records to the receivers in turn", () => {
    const lists: RoleRecords[] = [
      { type: "deal", role: "assigned", records: [rec(1), rec(2), rec(3), rec(4)] },
      { type: "task", role: "responsible", records: [rec(5), rec(6)] },
    ];
    const a = assignReceivers(lists, [10, 20], "even");
    expect(a.map((x) => [x.record.id, x.to])).toEqual([
      [1, 10],
      [2, 20],
      [3, 10],
      [4, 20],
      [5, 10],
      [6, 20],
    ]);
  });

  it("by-company: a company, its contacts, its deals and their activities go to one receiver", () => {
    const lists: RoleRecords[] = [
      { type: "activity", role: "responsible", records: [rec(100, { ownerRef: "2:7" }), rec(101, { ownerRef: "3:50" }), rec(102, { ownerRef: "2:99" })] },
      { type: "deal", role: "assigned", records: [rec(7, { companyId: 2 }), rec(8, { companyId: 1 }), rec(9, { contactId: 50 })] },
      { type: "contact", role: "assigned", records: [rec(50, { contactId: 50, companyId: 2 })] },
      { type: "company", role: "assigned", records: [rec(1, { companyId: 1 }), rec(2, { companyId: 2 })] },
    ];
    const a = assignReceivers(lists, [10, 20], "by-company");
    const to = (type: string, id: number) => a.find((x) => x.type === type && x.record.id === id)!.to;
    expect(to("company", 1)).toBe(10);
    expect(to("company", 2)).toBe(20);
    expect(to("contact", 50)).toBe(20);
    expect(to("deal", 7)).toBe(20);
    expect(to("deal", 8)).toBe(10);
    expect(to("deal", 9)).toBe(20); // through its contact
    expect(to("activity", 100)).toBe(20); // on deal 7
    expect(to("activity", 101)).toBe(20); // on contact 50
    expect(a).toHaveLength(9);
  });
});
