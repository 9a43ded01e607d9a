/**
 * The retention purge against a real PostgreSQL: exactly the rows past their period go, across
 * portals; and the daily schedule runs it through the job runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { waitFor } from "../../test/support/wait-for";
import { createJobsRuntime, stopBoss } from "../jobs";
import { purgeExpired, RETENTION_JOB_KIND, RETENTION_JOB_RUN_ID, retentionPurgeJob, scheduleRetention } from "./retention";
import { RETENTION, RETENTION_CRON } from "./retention-rules";
import { seedPortal } from "../../test/support/portal-seed";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await stopBoss(db.url, { graceful: false });
  await db.drop();
});

const minute = 60 * 1000;
const day = 24 * 60 * minute;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const YEAR_AGO = new Date("2025-06-15T12:00:00Z"); // 12 calendar months before NOW

/** Rows on both sides of every cutoff; returns the ids that must survive. */
async function seedAroundCutoffs(memberId: string) {
  const portalId = await seedPortal(db.prisma, memberId, NOW);
  const log = (createdAt: Date) =>
    db.prisma.operationLog.create({ data: { portalId, tool: "transfer", action: "run", actorUserId: 1, createdAt } }).then((r) => r.id);
  const archive = (key: string, createdAt: Date, expiresAt: Date) =>
    db.prisma.privacyArchive
      .create({
        data: {
          portalId,
          userId: 1,
          tokenHash: `${memberId}-${key}`,
          chunks: { create: [{ seq: 0, data: Buffer.from("zip") }] },
          sizeBytes: 3,
          createdAt,
          expiresAt,
        },
      })
      .then((r) => r.id);
  const extension = (key: string, revokedAt: Date | null, expiresAt = new Date(NOW.getTime() + 10 * day)) =>
    db.prisma.extensionSession
      .create({ data: { portalId, userId: 1, tokenHash: `${memberId}-${key}`, createdAt: ago(400 * day), revokedAt, expiresAt } })
      .then((r) => r.id);
  const jobRun = (state: "completed" | "failed" | "queued" | "running", finishedAt: Date | null, createdAt: Date) =>
    db.prisma.jobRun.create({ data: { portalId, kind: "system.selftest", state, finishedAt, createdAt } }).then((r) => r.id);

  await log(new Date(YEAR_AGO.getTime() - minute));
  await log(ago(500 * day));
  const keptLogs = [await log(new Date(YEAR_AGO.getTime() + minute)), await log(ago(day))];
  // A temporary transfer whose return is still pending keeps its log (and itself), however old.
  const pending = await log(ago(500 * day));
  await db.prisma.transfer.create({
    data: {
      portalId,
      logId: pending,
      kind: "transfer",
      fromUserId: 5,
      receiverIds: [6],
      startedBy: 1,
      state: "completed",
      returnAt: ago(-30 * day),
      returnState: "scheduled",
    },
  });
  keptLogs.push(pending);

  await archive("expired", ago(2 * day), ago(minute));
  await archive("past-cap", ago((RETENTION.privacyArchiveMaxDays + 1) * day), new Date(NOW.getTime() + 30 * day));
  const keptArchives = [await archive("valid", ago(2 * day), new Date(NOW.getTime() + minute))];

  await extension("revoked-long-ago", ago((RETENTION.revokedExtensionSessionDays + 1) * day));
  // Expired (never revoked) sessions, and connect claims never claimed, go the same way.
  await extension("expired-long-ago", null, ago((RETENTION.revokedExtensionSessionDays + 1) * day));
  const keptExtensions = [
    await extension("revoked-recently", ago((RETENTION.revokedExtensionSessionDays - 1) * day)),
    await extension("active", null),
    await extension("expired-recently", null, ago((RETENTION.revokedExtensionSessionDays - 1) * day)),
  ];

  await jobRun("completed", new Date(YEAR_AGO.getTime() - minute), ago(400 * day));
  await jobRun("failed", ago(500 * day), ago(500 * day));
  const keptRuns = [
    await jobRun("completed", ago(30 * day), ago(30 * day)),
    await jobRun("queued", null, ago(500 * day)),
    await jobRun("running", null, ago(500 * day)),
  ];

  const request = (createdAt: Date) =>
    db.prisma.privacyRequest.create({ data: { portalId, kind: "erase", subjectUserId: 9, requestedBy: 1, status: "completed", createdAt } }).then((r) => r.id);
  await request(new Date(YEAR_AGO.getTime() - minute));
  const keptRequests = [await request(new Date(YEAR_AGO.getTime() + minute))];

  const logged = (key: string, createdAt: Date) =>
    db.prisma.mailLoggedEmail
      .create({ data: { portalId, messageIdHash: `${memberId}-${key}`, activityId: 1, ownerTypeId: 2, ownerId: 1, userId: 1, createdAt } })
      .then((r) => r.messageIdHash);
  await logged("logged-13-months-ago", new Date(YEAR_AGO.getTime() - minute));
  const keptLogged = [await logged("logged-11-months-ago", new Date(YEAR_AGO.getTime() + minute)), await logged("logged-today", ago(minute))];

  return { portalId, keptLogs, keptArchives, keptExtensions, keptRuns, keptRequests, keptLogged };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("purgeExpired", () => {
  it("deletes exactly the rows past their retention period, in every portal, and keeps the rest", async () => {
    const a = await seedAroundCutoffs("retention-a");
    const b = await seedAroundCutoffs("retention-b");
    const portalRowsBefore = await db.prisma.portalToken.count();

    const counts = await purgeExpired(db.prisma, NOW);
    // Per portal: 2 logs, 2 job runs, 2 archives, 2 extension sessions (revoked, expired), 1 privacy request, 1 "already logged" marker.
    expect(counts).toEqual({ operationLogs: 4, finishedJobRuns: 4, archives: 4, extensionSessions: 4, privacyRequests: 2, loggedEmails: 2 });

    for (const p of [a, b]) {
      const where = { portalId: p.portalId };
      const seededLog = await db.prisma.operationLog.findMany({ where: { ...where, id: { notIn: p.keptLogs } } });
      expect(seededLog).toHaveLength(1); // the seed's own log, written at NOW
      expect(ids(await db.prisma.operationLog.findMany({ where: { ...where, id: { in: p.keptLogs } } }))).toEqual([...p.keptLogs].sort());
      const archives = await db.prisma.privacyArchive.findMany({ where, select: { id: true, tokenHash: true } });
      expect(archives.map((x) => x.tokenHash).sort()).toEqual(
        [`${p.portalId === a.portalId ? "retention-a" : "retention-b"}-archive`, `${p.portalId === a.portalId ? "retention-a" : "retention-b"}-valid`].sort(),
      );
      expect(ids(await db.prisma.extensionSession.findMany({ where: { ...where, id: { in: p.keptExtensions } } }))).toEqual([...p.keptExtensions].sort());
      expect(await db.prisma.extensionSession.count({ where })).toBe(p.keptExtensions.length + 1); // + the seed's
      expect(ids(await db.prisma.jobRun.findMany({ where: { ...where, id: { in: p.keptRuns } } }))).toEqual([...p.keptRuns].sort());
      expect(await db.prisma.jobRun.count({ where })).toBe(p.keptRuns.length + 1); // + the seed's
      expect(ids(await db.prisma.privacyRequest.findMany({ where: { ...where, id: { in: p.keptRequests } } }))).toEqual(p.keptRequests);
      expect(await db.prisma.privacyRequest.count({ where })).toBe(p.keptRequests.length + 1); // + the seed's
      const markers = await db.prisma.mailLoggedEmail.findMany({ where, select: { messageIdHash: true } });
      expect(
        markers
          .map((m) => m.messageIdHash)
          .filter((h) => h.includes("logged-"))
          .sort(),
      ).toEqual([...p.keptLogged].sort());
    }
    expect(await db.prisma.portalToken.count()).toBe(portalRowsBefore);
    // Nothing left to purge: a second run is a no-op.
    expect(await purgeExpired(db.prisma, NOW)).toEqual({
      operationLogs: 0,
      finishedJobRuns: 0,
      archives: 0,
      extensionSessions: 0,
      privacyRequests: 0,
      loggedEmails: 0,
    });
  });
});

describe("the daily schedule", () => {
  it("declares one cron schedule, and each tick runs the purge through the job runtime into the standing JobRun", async () => {
    const runtime = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: [retentionPurgeJob] });
    await runtime.ensureQueues();
    const boss = await runtime.boss();
    await scheduleRetention(db.prisma, boss);
    await scheduleRetention(db.prisma, boss); // every process does this at start: idempotent
    const schedules = (await boss.getSchedules()).filter((s) => s.name === RETENTION_JOB_KIND);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ cron: RETENTION_CRON, data: { jobRunId: RETENTION_JOB_RUN_ID } });

    // A clean slate, then one log expired by the real clock (the job runs with it).
    await db.prisma.portal.deleteMany();
    const portalId = await seedPortal(db.prisma, "scheduled");
    await db.prisma.operationLog.create({ data: { portalId, tool: "transfer", action: "run", actorUserId: 1, createdAt: new Date(Date.now() - 400 * day) } });

    // A cron tick is pg-boss sending the schedule's data to the queue (pg-boss timekeeper.js);
    // send it now rather than wait for 03:17.
    const stop = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      await boss.send(RETENTION_JOB_KIND, schedules[0].data ?? {});
      await waitFor(async () => (await db.prisma.jobRun.findUnique({ where: { id: RETENTION_JOB_RUN_ID } }))?.state === "completed", {
        timeoutMs: 30_000,
        message: "the scheduled purge to complete",
      });
    } finally {
      await stop();
    }
    const run = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: RETENTION_JOB_RUN_ID } });
    expect(run).toMatchObject({ portalId: null, kind: RETENTION_JOB_KIND, error: null });
    expect(run.result).toEqual({ operationLogs: 1, finishedJobRuns: 0, archives: 0, extensionSessions: 0, privacyRequests: 0, loggedEmails: 0 });
    expect(await db.prisma.operationLog.count({ where: { portalId } })).toBe(1);
  });
});
