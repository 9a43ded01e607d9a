/**
 * Generator: determinism, sizes, coverage of task statuses/roles and CRM stage semantics,
 * organisation facts the tools rely on (admins, dismissed users, extranet, department heads).
 * Task statuses per server source modules/tasks/lib/internals/task/status.php (1..7).
 */
import { describe, expect, it } from "vitest";
import { countRecords, generatePortal } from "./index";
import { crmEmails, taskAccomplices, taskAuditors, taskTitle } from "./derive";
import { ENTITY } from "./crm-catalog";

const snapshot = (seed: number) => {
  const p = generatePortal({ seed });
  const d = p.data;
  return JSON.stringify({
    users: [...p.users.values()],
    departments: [...p.departments.values()],
    tasks: Array.from({ length: d.tasks.length }, (_, r) => [
      taskTitle(d, r),
      d.tasks.int("responsibleId", r),
      d.tasks.int("status", r),
      taskAccomplices(d, r),
    ]),
    contacts: Array.from({ length: d.crm.get(ENTITY.contact)!.length }, (_, r) => crmEmails(d, ENTITY.contact, r)),
    groups: d.workgroups.map((g) => [g.ownerId, [...g.members]]),
  });
};

describe("generatePortal", () => {
  it("gives the same portal for the same seed and a different one for another seed", () => {
    expect(snapshot(11)).toBe(snapshot(11));
    expect(snapshot(11)).not.toBe(snapshot(12));
  });

  it("makes 220 users by default with admins (user 1 first), dismissed and extranet users", () => {
    const { users } = generatePortal({ seed: 3 });
    const all = [...users.values()];
    expect(all).toHaveLength(220);
    expect(users.get(1)).toMatchObject({ admin: true, active: true });
    expect(all.filter((u) => u.admin).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((u) => !u.active).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((u) => u.userType === "extranet").length).toBeGreaterThanOrEqual(1);
    expect(new Set(all.map((u) => u.email)).size).toBe(220);
    expect(all.some((u) => /[а-я]/i.test(u.name))).toBe(true);
  });

  it("builds a department tree of 10–15 departments with heads", () => {
    const { departments, users } = generatePortal({ seed: 3 });
    expect(departments.size).toBeGreaterThanOrEqual(10);
    expect(departments.size).toBeLessThanOrEqual(15);
    expect([...departments.values()].filter((d) => d.parentId === null)).toHaveLength(1);
    for (const d of departments.values()) if (d.headUserId) expect(users.has(d.headUserId)).toBe(true);
    expect([...departments.values()].some((d) => d.headUserId && !users.get(d.headUserId)!.active)).toBe(true);
  });

  it("has tasks in every status 1–7 and heavy users in every task role", () => {
    const { data, heavyUserIds } = generatePortal({ seed: 5 });
    const t = data.tasks;
    const statuses = new Set(Array.from({ length: t.length }, (_, r) => t.int("status", r)));
    expect([...statuses].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const uid of heavyUserIds) {
      const rows = Array.from({ length: t.length }, (_, r) => r);
      expect(rows.some((r) => t.int("responsibleId", r) === uid)).toBe(true);
      expect(rows.some((r) => t.int("createdBy", r) === uid)).toBe(true);
      expect(rows.some((r) => taskAccomplices(data, r).includes(uid))).toBe(true);
      expect(rows.some((r) => taskAuditors(data, r).includes(uid))).toBe(true);
    }
  });

  it("seeds every CRM kind incl. quotes, smart invoices and smart processes (entityTypeId ≥ 128) with open, won and lost stages", () => {
    const { data } = generatePortal({ seed: 5 });
    const kinds = [...data.crm.keys()];
    expect(kinds).toEqual(expect.arrayContaining([1, 2, 3, 4, 7, 31]));
    expect(kinds.filter((k) => k >= 128).length).toBeGreaterThanOrEqual(1);
    for (const etid of [1, 2, 7, 31, 128]) {
      const t = data.crm.get(etid)!;
      const sem = new Set(Array.from({ length: t.length }, (_, r) => data.catalog.statuses[t.int("stage", r)].semantics));
      expect([...sem].sort()).toEqual(["F", "P", "S"]);
    }
    expect(data.catalog.categories.filter((c) => c.entityTypeId === 2).length).toBeGreaterThanOrEqual(2);
  });

  it("gives heavy users many records and scales with recordsPerHeavyUser", () => {
    const small = generatePortal({ seed: 9, recordsPerHeavyUser: 10 });
    const big = generatePortal({ seed: 9, recordsPerHeavyUser: 2000 });
    expect(countRecords(big.data) - countRecords(small.data)).toBeGreaterThan(3 * 1900);
    const heavy = big.heavyUserIds[1];
    const t = big.data.tasks;
    const owned = Array.from({ length: t.length }, (_, r) => r).filter((r) => t.int("responsibleId", r) === heavy).length;
    expect(owned).toBeGreaterThan(200);
  });

  it("builds a 100,000-record portal in well under 10 s", () => {
    const started = performance.now();
    const p = generatePortal({ seed: 1, recordsPerHeavyUser: 33_334 });
    expect(countRecords(p.data)).toBeGreaterThanOrEqual(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
