import { describe, expect, it } from "vitest";
import { departmentIndex, receiverFor, ruleFor, type DismissalRuleView } from "./receiver";

// 1 Company (head 1) ← 2 Sales (head 20) ← 3 Sales East (head 30); 4 Support (no head) under 1.
const index = departmentIndex([
  { id: 1, parentId: null, headUserId: 1 },
  { id: 2, parentId: 1, headUserId: 20 },
  { id: 3, parentId: 2, headUserId: 30 },
  { id: 4, parentId: 1, headUserId: null },
]);
const rule = (departmentId: number, target: DismissalRuleView["target"], colleagueId: number | null = null): DismissalRuleView => ({
  departmentId,
  target,
  colleagueId,
  graceDays: 3,
});

describe("ruleFor", () => {
  it("takes the employee's department's rule, else the nearest parent's, else the portal-wide one", () => {
    const rules = [rule(2, "head"), rule(0, "manager")];
    expect(ruleFor(rules, index, [3])).toEqual(rules[0]);
    expect(ruleFor(rules, index, [4])).toEqual(rules[1]);
    expect(ruleFor([rule(3, "colleague", 9), rule(2, "head")], index, [3])?.departmentId).toBe(3);
    expect(ruleFor([rule(2, "head")], index, [4])).toBeNull();
    // UF_DEPARTMENT's order decides between two departments.
    expect(ruleFor([rule(4, "manager"), rule(3, "head")], index, [4, 3])?.departmentId).toBe(4);
  });
});

describe("receiverFor", () => {
  it("manager: the head of their department, or the next head up when they head it themselves", () => {
    expect(receiverFor(rule(0, "manager"), index, 77, [3])).toBe(30);
    expect(receiverFor(rule(0, "manager"), index, 30, [3])).toBe(20);
    expect(receiverFor(rule(0, "manager"), index, 77, [4])).toBe(1);
    expect(receiverFor(rule(0, "manager"), index, 1, [1])).toBeNull();
  });

  it("head: the rule's department's head (the employee's own for the portal-wide rule), skipping the employee", () => {
    expect(receiverFor(rule(2, "head"), index, 77, [3])).toBe(20);
    expect(receiverFor(rule(2, "head"), index, 20, [2])).toBe(1);
    expect(receiverFor(rule(0, "head"), index, 77, [3])).toBe(30);
  });

  it("colleague: the named person, never the employee themselves", () => {
    expect(receiverFor(rule(3, "colleague", 55), index, 77, [3])).toBe(55);
    expect(receiverFor(rule(3, "colleague", 77), index, 77, [3])).toBeNull();
  });
});
