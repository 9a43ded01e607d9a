/**
 * Dismissal rules and the hand-overs they plan, against the emulator over HTTP: the rule of the
 * leaver's department (or a parent's) decides the receiver from the portal's structure
 * (department.get UF_HEAD), the due date counts from the portal's clock (server.time), a dismissed
 * receiver leaves the plan for an administrator, and a plan can be changed or cancelled while it
 * waits. IDs only in every row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { ADMIN_ID, createWorld, type World } from "../../../test/support/emulator-world";
import { resetLimiters, type Bitrix24Client } from "../../bitrix24";
import { cancelPlan, changePlan, listPlans, planHandOvers, portalNow } from "./plans";
import { listRules, removeRule, saveRule } from "./rules";

let db: TestDatabase;
let world: World;
let client: Bitrix24Client;

interface Dept {
  id: number;
  parentId: number | null;
  headUserId: number | null;
}
interface User {
  id: number;
  active: boolean;
  departmentIds: number[];
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 40, scopes: ["user", "department", "task", "crm", "im"] });
  client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

async function structure() {
  const departments = await world.control<Dept[]>("GET", `portals/${world.portalKey}/departments`);
  const users = await world.control<User[]>("GET", `portals/${world.portalKey}/users`);
  // A department with a head, and an active member who is not its head.
  const dept = departments.find(
    (d) => d.headUserId && users.some((u) => u.active && u.departmentIds[0] === d.id && u.id !== d.headUserId && u.id !== ADMIN_ID),
  )!;
  const members = users.filter((u) => u.active && u.departmentIds[0] === dept.id && u.id !== dept.headUserId && u.id !== ADMIN_ID);
  const colleague = users.find((u) => u.active && u.id !== ADMIN_ID && u.departmentIds[0] !== dept.id)!;
  return { dept, members, colleague, users };
}

describe("dismissal rules", () => {
  it("keeps one rule per department, refuses a colleague rule without the colleague, and logs who changed what", async () => {
    await expect(saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: 5, target: "colleague", graceDays: 3 })).rejects.toThrow(/colleague/);
    await expect(saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: 5, target: "head", graceDays: 91 })).rejects.toThrow();
    await saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: 5, target: "head", graceDays: 3 });
    await saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: 5, target: "colleague", colleagueId: 9, graceDays: 1 });
    expect(await listRules(db.prisma, world.portalId)).toEqual([{ departmentId: 5, target: "colleague", colleagueId: 9, graceDays: 1 }]);
    expect(await removeRule(db.prisma, world.portalId, ADMIN_ID, 5)).toBe(true);
    expect(await removeRule(db.prisma, world.portalId, ADMIN_ID, 5)).toBe(false);
    const logged = await db.prisma.operationLog.findMany({
      where: { portalId: world.portalId, action: { startsWith: "dismissal-rule" } },
      orderBy: { createdAt: "asc" },
    });
    expect(logged.map((l) => l.action)).toEqual(["dismissal-rule", "dismissal-rule", "dismissal-rule-removed"]);
  });
});

describe("planned hand-overs", () => {
  it("plans the manager as receiver, due after the grace period on the portal's clock; a dismissed receiver waits for an administrator", async () => {
    const { dept, members, colleague } = await structure();
    expect(members.length).toBeGreaterThanOrEqual(2);
    await saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: dept.id, target: "manager", graceDays: 2 });
    // The portal's clock runs ten days ahead of ours: the due date follows the portal's.
    await world.control("POST", "clock", { advanceSec: 10 * 86_400 });
    const now = await portalNow(client);
    expect(now.getTime() - Date.now()).toBeGreaterThan(9 * 86_400_000);

    const [first, second] = members;
    const planned = await planHandOvers(db.prisma, client, world.portalId, [{ userId: first.id, departmentIds: first.departmentIds }]);
    const plan = planned.get(first.id)!;
    expect(plan).toMatchObject({ userId: first.id, departmentId: dept.id, receiverId: dept.headUserId, state: "planned", problem: null });
    expect(Date.parse(plan.dueAt) - now.getTime()).toBeGreaterThanOrEqual(2 * 86_400_000 - 5_000);
    expect(Date.parse(plan.dueAt) - now.getTime()).toBeLessThan(2 * 86_400_000 + 60_000);
    // A second watch finds the plan made before and keeps it as it is.
    expect((await planHandOvers(db.prisma, client, world.portalId, [{ userId: first.id, departmentIds: first.departmentIds }])).get(first.id)!.id).toBe(
      plan.id,
    );

    await saveRule(db.prisma, world.portalId, ADMIN_ID, { departmentId: dept.id, target: "colleague", colleagueId: colleague.id, graceDays: 2 });
    await world.control("POST", `portals/${world.portalKey}/users/${colleague.id}`, { active: false });
    const waiting = (await planHandOvers(db.prisma, client, world.portalId, [{ userId: second.id, departmentIds: second.departmentIds }])).get(second.id)!;
    expect(waiting).toMatchObject({ receiverId: null, problem: "receiver-inactive" });
    await world.control("POST", `portals/${world.portalKey}/users/${colleague.id}`, { active: true });

    // No rule, no plan.
    const outsider = (await structure()).users.find((u) => u.active && !u.departmentIds.includes(dept.id) && u.id !== ADMIN_ID)!;
    expect((await planHandOvers(db.prisma, client, world.portalId, [{ userId: outsider.id, departmentIds: outsider.departmentIds }])).size).toBe(0);
  });

  it("changes a waiting plan's receiver and date, cancels it, and refuses both once it is no longer planned", async () => {
    const plans = await listPlans(db.prisma, world.portalId);
    const waiting = plans.find((p) => p.problem === "receiver-inactive")!;
    const { colleague } = await structure();
    const later = new Date(Date.parse(waiting.dueAt) + 86_400_000);
    expect(await changePlan(db.prisma, world.portalId, ADMIN_ID, waiting.id, { receiverId: colleague.id, dueAt: later })).toBe(true);
    const changed = (await listPlans(db.prisma, world.portalId)).find((p) => p.id === waiting.id)!;
    expect(changed).toMatchObject({ receiverId: colleague.id, problem: null, dueAt: later.toISOString() });
    expect(await cancelPlan(db.prisma, world.portalId, ADMIN_ID, waiting.id)).toBe(true);
    expect(await cancelPlan(db.prisma, world.portalId, ADMIN_ID, waiting.id)).toBe(false);
    expect(await changePlan(db.prisma, world.portalId, ADMIN_ID, waiting.id, { receiverId: ADMIN_ID })).toBe(false);
    expect((await listPlans(db.prisma, world.portalId)).find((p) => p.id === waiting.id)!.state).toBe("cancelled");
    // Another portal's admin cannot touch it.
    expect(await cancelPlan(db.prisma, "other-portal", ADMIN_ID, plans[0].id)).toBe(false);
  });
});
