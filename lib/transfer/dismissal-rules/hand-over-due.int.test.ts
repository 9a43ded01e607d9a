/**
 * A dismissal rule at work, against the emulator over HTTP, a real PostgreSQL and real pg-boss
 * jobs: the check finds a newly dismissed employee with open work and plans the hand-over (the
 * admins are told, with a link to review it); it does not start before its grace period has passed
 * on the portal's clock, starts once the emulator's clock is advanced, moves the work to the rule's
 * receiver (checked in the emulator), shows in history as automatic and is undone (to another colleague: the leaver is dismissed). A plan cancelled
 * in its grace period moves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { ADMIN_ID, CLIENT_ID, createWorld, type World } from "../../../test/support/emulator-world";
import { waitFor } from "../../../test/support/wait-for";
import { resetLimiters } from "../../bitrix24";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../../jobs";
import type { TransferServices } from "../deps";
import { listHistory } from "../history";
import { transferRunJob } from "../run-job";
import { undoTransfer } from "../undo";
import { cancelDismissalPlan, checkDismissalsNow, saveDismissalRule } from "./manage";
import { startDueHandOvers } from "./start-plan";

let db: TestDatabase;
let world: World;
let runtime: JobsRuntime;
let stopWorker: () => Promise<void>;
let deps: TransferServices;

type Row = Array<number | number[]>;
const holdersOf = async (kind: string) => (await world.control<{ rows: Row[] }>("GET", `portals/${world.portalKey}/ownership?type=${kind}`)).rows;
const admin = () => ({ portalId: world.portalId, userId: ADMIN_ID });

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 30,
    seed: { recordsPerHeavyUser: 20 },
    scopes: ["user", "department", "task", "crm", "im", "sonet_group"],
  });
  runtime = createJobsRuntime({
    databaseUrl: db.url,
    prisma: db.prisma,
    definitions: [transferRunJob],
    maintenanceIntervalSeconds: 1,
    clients: () => world.factory,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
  });
  deps = { prisma: db.prisma, clients: world.factory, jobs: runtime, appClientId: CLIENT_ID };
  stopWorker = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorker?.();
  await stopBoss(db.url, { graceful: false });
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("a dismissal rule", () => {
  it("plans the hand-over, runs it once the grace period has passed on the portal's clock, and it is undone; a cancelled one moves nothing", async () => {
    const users = await world.control<Array<{ id: number; active: boolean; admin: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const { heavyUserIds } = await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`);
    // Two active employees holding open deals leave; a third receives.
    const dealCount = new Map<number, number>();
    for (const r of await holdersOf("crm-2")) dealCount.set(r[1] as number, (dealCount.get(r[1] as number) ?? 0) + 1);
    const active = users.filter((u) => u.active && !u.admin).map((u) => u.id);
    const [leaver, stayer] = active.filter((id) => (dealCount.get(id) ?? 0) > 0).sort((a, b) => dealCount.get(b)! - dealCount.get(a)!);
    const receiver = active.find((id) => id !== leaver && id !== stayer && !heavyUserIds.includes(id))!;
    await saveDismissalRule(deps, admin(), { departmentId: 0, target: "colleague", colleagueId: receiver, graceDays: 3 });
    expect(await checkDismissalsNow(deps, admin())).toEqual({ ok: true, reported: 0 }); // the first check only records who left before

    const deals = (await holdersOf("crm-2")).filter((r) => r[1] === leaver).map((r) => r[0]);
    expect(deals.length).toBeGreaterThan(0);
    const before = await holdersOf("crm-2");
    await world.control("POST", `portals/${world.portalKey}/users/${leaver}`, { active: false });
    await world.control("POST", `portals/${world.portalKey}/users/${stayer}`, { active: false });
    expect(await checkDismissalsNow(deps, admin())).toEqual({ ok: true, reported: 2 });
    const plans = await db.prisma.dismissalPlan.findMany({ where: { portalId: world.portalId }, orderBy: { userId: "asc" } });
    expect(plans.map((p) => [p.userId, p.receiverId, p.state])).toEqual(
      [
        [leaver, receiver, "planned"],
        [stayer, receiver, "planned"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const notes = await world.control<Array<{ message: string; tag: string }>>("GET", `portals/${world.portalKey}/notifications`);
    expect(notes.filter((n) => n.tag.startsWith("staffsuite-dismissal-")).map((n) => n.message)).toEqual([
      expect.stringContaining(`/marketplace/app/${CLIENT_ID}/dismissal-rules/`),
      expect.stringContaining(`/marketplace/app/${CLIENT_ID}/dismissal-rules/`),
    ]);

    // In the grace period: cancelled, nothing of that person moves; the other waits.
    const stayerPlan = plans.find((p) => p.userId === stayer)!;
    expect(await cancelDismissalPlan(deps, admin(), { planId: stayerPlan.id })).toEqual({ ok: true });
    expect(await startDueHandOvers(deps)).toEqual([]);

    // Three days and a bit later on the portal's clock, the hand-over is due.
    await world.control("POST", "clock", { advanceSec: 3 * 86_400 + 600 });
    const started = await startDueHandOvers(deps);
    expect(started).toHaveLength(1);
    await waitFor(async () => (await db.prisma.transfer.findUniqueOrThrow({ where: { id: started[0] } })).state === "completed", {
      timeoutMs: 90_000,
      message: "the hand-over",
    });
    const after = await holdersOf("crm-2");
    const moved = await db.prisma.transferItem.findMany({ where: { transferId: started[0], type: "deal", state: "moved" }, select: { recordId: true } });
    expect(moved.length).toBeGreaterThan(0);
    for (const { recordId } of moved) expect(after.find((r) => r[0] === recordId)![1]).toBe(receiver);
    // The cancelled person's deals are as they were.
    const stayerDeals = (rows: Row[]) => rows.filter((r) => before.find((b) => b[0] === r[0])![1] === stayer);
    expect(stayerDeals(after)).toEqual(stayerDeals(before));
    expect((await db.prisma.dismissalPlan.findUniqueOrThrow({ where: { id: stayerPlan.id } })).state).toBe("cancelled");

    const [entry] = await listHistory(deps, world.portalId);
    expect(entry).toMatchObject({ id: started[0], origin: { by: "rule" }, fromUserId: leaver, receiverIds: [receiver] });
    // The leaver is dismissed, so the undo cannot give their records back to them: it asks for
    // another colleague (or to leave them) and, given one, hands the records to that colleague.
    await expect(undoTransfer(deps, admin(), { transferId: started[0] })).rejects.toMatchObject({ reason: "holder_cannot_receive", userIds: [leaver] });
    const colleague = active.find((id) => ![leaver, stayer, receiver].includes(id))!;
    const undo = await undoTransfer(deps, admin(), { transferId: started[0], instead: colleague });
    await waitFor(async () => (await db.prisma.transfer.findUniqueOrThrow({ where: { id: undo.transferId } })).state === "completed", {
      timeoutMs: 90_000,
      message: "the undo",
    });
    const undone = await holdersOf("crm-2");
    for (const { recordId } of moved) expect(undone.find((r) => r[0] === recordId)![1]).toBe(colleague);
    expect(stayerDeals(undone)).toEqual(stayerDeals(before));
    expect(await startDueHandOvers(deps)).toEqual([]);
  });
});
