/**
 * The admin's report and deleting everything of one portal (and only of that one), against a
 * real PostgreSQL; deletion also cancels the portal's queued pg-boss jobs.
 */
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { rowsReferringTo } from "../../test/support/portal-rows";
import { waitFor } from "../../test/support/wait-for";
import { createJobsRuntime, selftestJob, stopBoss, type JobsRuntime } from "../jobs";
import { deletePortalData } from "./delete";
import { describePortalData } from "./describe";
import { SECRET_MARKERS, seedPortal } from "../../test/support/portal-seed";

let db: TestDatabase;
let runtime: JobsRuntime;
beforeAll(async () => {
  db = await createTestDatabase();
  runtime = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: [selftestJob] });
});
afterAll(async () => {
  await stopBoss(db.url, { graceful: false });
  await db.drop();
});

const day = 24 * 60 * 60 * 1000;

describe("describePortalData", () => {
  it("counts what we store per table, names the installer and never shows a token", async () => {
    const now = new Date();
    const id = await seedPortal(db.prisma, "describe", now);
    const oldest = new Date(now.getTime() - 40 * day);
    await db.prisma.operationLog.createMany({
      data: [
        { portalId: id, tool: "privacy", action: "erase", actorUserId: 1, createdAt: oldest },
        { portalId: id, tool: "transfer", action: "undo", actorUserId: 2, createdAt: new Date(now.getTime() - 3 * day) },
      ],
    });
    await db.prisma.privacyArchive.create({
      data: { portalId: id, userId: 2, tokenHash: "describe-2", sizeBytes: 1000, expiresAt: now },
    });
    // A temporary transfer of two records whose return is still ahead (the seed's transfer is a plain one).
    const coverLog = await db.prisma.operationLog.create({ data: { portalId: id, tool: "transfer", action: "run", actorUserId: 1, createdAt: now } });
    await db.prisma.transfer.create({
      data: {
        portalId: id,
        logId: coverLog.id,
        kind: "transfer",
        fromUserId: 9,
        receiverIds: [8],
        startedBy: 1,
        returnAt: new Date(now.getTime() + day),
        returnState: "scheduled",
        items: {
          create: [
            { seq: 0, type: "task", role: "responsible", recordId: 5, fromUserId: 9, toUserId: 8 },
            { seq: 1, type: "lead", role: "assigned", recordId: 6, fromUserId: 9, toUserId: 8 },
          ],
        },
      },
    });
    await seedPortal(db.prisma, "describe-other", now); // must not be counted

    const report = await describePortalData(db.prisma, id);
    expect(report?.counts).toEqual({
      tokens: 1,
      settings: 1,
      userRights: 2,
      jobs: 1,
      operationLogs: 4,
      archives: 2,
      privacyRequests: 1,
      extensionSessions: 1,
      loggedEmails: 1,
      transfers: 2,
      transferRecords: 3,
      scheduledReturns: 1,
      dismissalWatch: 1,
      dismissalRules: 1,
      dismissalPlans: 1,
    });
    expect(report?.archiveBytes).toBe(1003);
    expect(report?.oldestOperationLogAt).toEqual(oldest);
    expect(report?.installer).toEqual({ userId: 1, name: "Installer Name", email: "installer@example.test", position: "CTO" });
    expect(report?.portal).toMatchObject({ memberId: "describe", domain: "describe.bitrix24.test", licenseStatus: "P", connected: true });
    const serialized = JSON.stringify(report);
    for (const secret of SECRET_MARKERS) expect(serialized).not.toContain(secret);
  });

  it("reports a disconnected portal and an empty one", async () => {
    const { id } = await db.prisma.portal.create({
      data: {
        memberId: "empty",
        domain: "empty.test",
        clientEndpoint: "https://e/rest/",
        serverEndpoint: "https://o/rest/",
        status: "disconnected",
        disconnectedAt: new Date(),
      },
    });
    const report = await describePortalData(db.prisma, id);
    expect(report?.portal.connected).toBe(false);
    expect(report?.counts).toEqual({
      tokens: 0,
      settings: 0,
      userRights: 0,
      jobs: 0,
      operationLogs: 0,
      archives: 0,
      privacyRequests: 0,
      extensionSessions: 0,
      loggedEmails: 0,
      transfers: 0,
      transferRecords: 0,
      scheduledReturns: 0,
      dismissalWatch: 0,
      dismissalRules: 0,
      dismissalPlans: 0,
    });
    expect(report?.oldestOperationLogAt).toBeNull();
    expect(report?.archiveBytes).toBe(0);
    expect(await describePortalData(db.prisma, "no-such-portal")).toBeNull();
  });
});

describe("deletePortalData", () => {
  it("leaves no row referring to the portal in any table, and keeps every row of another portal", async () => {
    const gone = await seedPortal(db.prisma, "gone");
    const kept = await seedPortal(db.prisma, "kept");
    const before = await rowsReferringTo(db.prisma, gone);
    // The seed covers every table with a portalId column (found in information_schema): a new
    // table without a seeded row fails here, so it cannot slip past the check below.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(8);
    const keptBefore = await rowsReferringTo(db.prisma, kept);

    expect(await deletePortalData({ prisma: db.prisma }, gone)).toEqual({ deleted: true, cancelledJobs: 0 });

    const after = await rowsReferringTo(db.prisma, gone);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await rowsReferringTo(db.prisma, kept)).toEqual(keptBefore);
    // Idempotent: a second ONAPPUNINSTALL (or a double click) finds nothing and fails nothing.
    expect(await deletePortalData({ prisma: db.prisma }, gone)).toEqual({ deleted: false, cancelledJobs: 0 });
  });

  it("cancels the portal's queued pg-boss jobs and leaves other portals' jobs queued", async () => {
    const gone = await seedPortal(db.prisma, "jobs-gone");
    const kept = await seedPortal(db.prisma, "jobs-kept");
    // No worker runs in this file: enqueued jobs stay queued in pg-boss.
    const input = { steps: 1, stepMs: 1 };
    const goneRuns = [await runtime.enqueue(selftestJob, { portalId: gone, input }), await runtime.enqueue(selftestJob, { portalId: gone, input })];
    const keptRun = await runtime.enqueue(selftestJob, { portalId: kept, input });
    const bossIds = async (ids: string[]) =>
      (await db.prisma.jobRun.findMany({ where: { id: { in: ids } }, select: { bossJobId: true } })).map((r) => r.bossJobId!);
    const goneBossIds = await bossIds(goneRuns);
    const [keptBossId] = await bossIds([keptRun]);
    const boss: PgBoss = await runtime.boss();
    const state = async (id: string) => (await boss.getJobById(selftestJob.kind, id))?.state;
    expect(await state(goneBossIds[0])).toBe("created");

    expect(await deletePortalData({ prisma: db.prisma, boss: runtime.boss }, gone)).toEqual({ deleted: true, cancelledJobs: 2 });

    expect(await Promise.all(goneBossIds.map(state))).toEqual(["cancelled", "cancelled"]);
    expect(await state(keptBossId)).toBe("created");
    expect(await db.prisma.jobRun.count({ where: { id: { in: goneRuns } } })).toBe(0);
  });

  it("still deletes everything when pg-boss is unreachable (a leftover job finds no JobRun and is skipped)", async () => {
    const gone = await seedPortal(db.prisma, "boss-down");
    const runId = await runtime.enqueue(selftestJob, { portalId: gone, input: { steps: 1, stepMs: 1 } });
    const { bossJobId } = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: runId } });
    const outcome = await deletePortalData({ prisma: db.prisma, boss: () => Promise.reject(new Error("connection refused")) }, gone);
    expect(outcome).toEqual({ deleted: true, cancelledJobs: 0 });
    expect(Object.values(await rowsReferringTo(db.prisma, gone)).every((n) => n === 0)).toBe(true);

    // The job left in pg-boss is worked without effect: the runtime finds no JobRun and skips it.
    const boss = await runtime.boss();
    const stop = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      await waitFor(async () => (await boss.getJobById(selftestJob.kind, bossJobId!))?.state === "completed", { message: "the leftover job" });
    } finally {
      await stop();
    }
    expect((await boss.getJobById(selftestJob.kind, bossJobId!))?.output).toEqual({ skipped: true });
    expect(await db.prisma.jobRun.count({ where: { id: runId } })).toBe(0);
  });
});
