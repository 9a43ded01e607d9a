/**
 * A run says what happened (docs/transfer.md "Outcomes and receivers"), against the emulator over
 * HTTP, a real PostgreSQL and the production jobs: a type the portal refuses to list while
 * planning is a failure of the run (completed with failures; failed when nothing else moved), a
 * notice the portal refuses is recorded, and receivers are checked everywhere — an external user
 * is refused on a transfer; an undo to a dismissed leaver asks for another receiver or leaves
 * those records, saying why; the automatic return leaves them; a retry goes to another colleague.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { waitFor } from "../../test/support/wait-for";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import { Refused } from "../errors";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../jobs";
import type { TransferServices } from "./deps";
import { returnsDueJob } from "./jobs";
import { listItems, readTransferProgress } from "./progress";
import { transferRequestSchema } from "./request";
import { transferRunJob } from "./run-job";
import { retryTransfer, startTransfer } from "./start";
import { startDueReturns } from "./temporary";
import { previewGiveBack, undoTransfer } from "./undo";

let db: TestDatabase;
let world: World;
let deps: TransferServices;
let runtime: JobsRuntime;
let stopWorker: () => Promise<void>;
let heavy: number[];
let colleagues: number[];

const admin = () => ({ portalId: world.portalId, userId: ADMIN_ID });
const transfer = (id: string) => db.prisma.transfer.findUniqueOrThrow({ where: { id } });
const finished = (id: string) =>
  waitFor(async () => ["completed", "cancelled", "failed"].includes((await transfer(id)).state), { timeoutMs: 60_000, message: `transfer ${id} to finish` });
const setUser = (id: number, fields: Record<string, unknown>) => world.control("POST", `portals/${world.portalKey}/users/${id}`, fields);
const request = (fromUserId: number, receiverIds: number[], selections: Array<{ type: string; role: string }>, extra: Record<string, unknown> = {}) =>
  transferRequestSchema.parse({ fromUserId, receiverIds, selections, query: { openOnly: false }, ...extra });
const holderOf = async (kind: string, id: number) =>
  (await world.control<{ rows: number[][] }>("GET", `portals/${world.portalKey}/ownership?type=${kind}`)).rows.find((r) => r[0] === id)![1];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 60,
    seed: { recordsPerHeavyUser: 60 },
    scopes: ["user", "department", "task", "crm", "sonet_group", "im"],
  });
  runtime = createJobsRuntime({
    databaseUrl: db.url,
    prisma: db.prisma,
    definitions: [transferRunJob, returnsDueJob],
    maintenanceIntervalSeconds: 1,
    clients: () => world.factory,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
  });
  deps = { prisma: db.prisma, clients: world.factory, jobs: runtime };
  stopWorker = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
  // The seed's heavy users: the admin, an employee, a dismissed employee (emulator/seed/people.ts).
  heavy = (await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`)).heavyUserIds;
  const users = await world.control<Array<{ id: number; active: boolean; userType: string }>>("GET", `portals/${world.portalKey}/users`);
  colleagues = users.filter((u) => u.active && u.userType === "employee" && u.id !== ADMIN_ID && !heavy.includes(u.id)).map((u) => u.id);
});

afterAll(async () => {
  await stopWorker?.();
  await stopBoss(db.url, { graceful: false });
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("the outcome is what happened", () => {
  it("a type the portal refuses to list is a failure of the run, in words; a refused notice is recorded", async () => {
    // The planner's first list of tasks is refused; leads list fine. The notice to the receiver is refused too.
    await world.control("POST", "faults", { portal: world.portalKey, method: "tasks.task.list", count: 1, status: 403, error: "ACCESS_DENIED" });
    await world.control("POST", "faults", { portal: world.portalKey, method: "im.notify.system.add", count: 1, status: 400, error: "ERROR_NOTIFY" });
    const { transferId } = await startTransfer(
      deps,
      admin(),
      request(
        heavy[1],
        [colleagues[0]],
        [
          { type: "task", role: "responsible" },
          { type: "lead", role: "assigned" },
        ],
      ),
    );
    await finished(transferId);
    const progress = (await readTransferProgress(deps, world.portalId, transferId))!;
    expect(progress.moved).toBeGreaterThan(0);
    expect(progress).toMatchObject({
      state: "completed",
      outcome: "completed_with_failures",
      failures: 1,
      planFailures: [{ type: "task", role: "responsible", reason: "access_denied" }],
      noticeFailures: [{ userId: colleagues[0], reason: "other" }],
    });
    expect(await db.prisma.transferItem.count({ where: { transferId, type: "task" } })).toBe(0);
  });

  it("a run whose only type is refused has failed", async () => {
    await world.control("POST", "faults", { portal: world.portalKey, method: "crm.item.list", count: 1, status: 403, error: "ACCESS_DENIED" });
    const { transferId } = await startTransfer(deps, admin(), request(heavy[1], [colleagues[0]], [{ type: "deal", role: "assigned" }], { notify: false }));
    await finished(transferId);
    expect(await transfer(transferId)).toMatchObject({ state: "failed", moved: 0, total: 0 });
    expect((await readTransferProgress(deps, world.portalId, transferId))!.outcome).toBe("failed");
  });
});

describe("receivers are always checked", () => {
  it("refuses an external (extranet) receiver on a transfer", async () => {
    const external = colleagues[5];
    await setUser(external, { userType: "extranet" });
    const refusal = await startTransfer(deps, admin(), request(heavy[1], [external], [{ type: "deal", role: "assigned" }])).catch((e) => e);
    expect(refusal).toBeInstanceOf(Refused);
    expect(refusal).toMatchObject({ reason: "receiver_external", userIds: [external] });
    await setUser(external, { userType: "employee" });
  });

  it("an undo to a dismissed leaver asks; leaving keeps the records where they are and says why; another colleague gets them", async () => {
    const leaver = heavy[2];
    const { transferId } = await startTransfer(deps, admin(), request(leaver, [colleagues[1]], [{ type: "deal", role: "assigned" }], { notify: false }));
    await finished(transferId);
    const moved = await listItems(deps, world.portalId, transferId, "moved");
    expect(moved.length).toBeGreaterThan(0);
    await setUser(leaver, { active: false });

    const preview = await previewGiveBack(deps, admin(), { transferId, kind: "undo" });
    expect(preview.takenFrom.map((p) => p.id)).toEqual([colleagues[1]]);
    expect(preview.holders).toEqual([expect.objectContaining({ id: leaver, status: "dismissed" })]);
    const refusal = await undoTransfer(deps, admin(), { transferId }).catch((e) => e);
    expect(refusal).toMatchObject({ reason: "holder_cannot_receive", userIds: [leaver] });

    const { transferId: left } = await undoTransfer(deps, admin(), { transferId, leave: true });
    await finished(left);
    expect(await transfer(left)).toMatchObject({ state: "completed", moved: 0, skipped: moved.length });
    expect(new Set((await listItems(deps, world.portalId, left, "skipped")).map((i) => i.reason))).toEqual(new Set(["receiver_dismissed"]));
    expect(await holderOf("crm-2", moved[0].recordId)).toBe(colleagues[1]);

    const { transferId: instead } = await undoTransfer(deps, admin(), { transferId, instead: colleagues[2] });
    await finished(instead);
    expect(await transfer(instead)).toMatchObject({ state: "completed", moved: moved.length, receiverIds: [colleagues[2]] });
    expect(await holderOf("crm-2", moved[0].recordId)).toBe(colleagues[2]);
    expect((await readTransferProgress(deps, world.portalId, instead))!.takenFrom).toEqual([colleagues[1]]);
  });

  it("the automatic return leaves the records of a holder dismissed meanwhile, and says so", async () => {
    const leaver = heavy[2];
    await setUser(leaver, { active: true });
    const { transferId } = await startTransfer(
      deps,
      admin(),
      request(leaver, [colleagues[3]], [{ type: "contact", role: "assigned" }], { notify: false, returnAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    await finished(transferId);
    expect((await transfer(transferId)).moved).toBeGreaterThan(0);
    await setUser(leaver, { active: false });
    const [returnId] = await startDueReturns(deps, new Date(Date.now() + 61_000));
    await finished(returnId);
    const r = await transfer(returnId);
    expect(r).toMatchObject({ kind: "return", moved: 0 });
    expect(r.skipped).toBe(r.total);
    expect(new Set((await listItems(deps, world.portalId, returnId, "skipped")).map((i) => i.reason))).toEqual(new Set(["receiver_dismissed"]));
  });

  it("a retry to a receiver dismissed meanwhile is refused; another colleague takes the failed records", async () => {
    await world.control("POST", "faults", { portal: world.portalKey, method: "crm.item.update", count: 2, status: 403, error: "ACCESS_DENIED" });
    const { transferId } = await startTransfer(deps, admin(), request(heavy[1], [colleagues[4]], [{ type: "deal", role: "assigned" }], { notify: false }));
    await finished(transferId);
    const failed = await listItems(deps, world.portalId, transferId, "failed");
    expect(failed.map((f) => [f.reason, f.outlook])).toEqual([
      ["access_denied", "same"],
      ["access_denied", "same"],
    ]);
    await setUser(colleagues[4], { active: false });
    expect(await retryTransfer(deps, admin(), { transferId }).catch((e) => e)).toMatchObject({ reason: "retry_receiver_gone", userIds: [colleagues[4]] });
    const settledBefore = (await transfer(transferId)).moved;
    expect(await retryTransfer(deps, admin(), { transferId, receiverId: colleagues[6] })).toEqual({ ok: true, retried: 2 });
    await waitFor(async () => (await transfer(transferId)).state === "completed" && (await transfer(transferId)).failed === 0, { timeoutMs: 30_000 });
    for (const f of failed) expect(await holderOf("crm-2", f.recordId)).toBe(colleagues[6]);
    expect(await transfer(transferId)).toMatchObject({ settledBefore });
    await setUser(colleagues[4], { active: true });
  });
});
