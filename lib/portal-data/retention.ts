/**
 * How long we keep what (DESIGN.md "Retention"; the replaced apps' privacy policies promise
 * operation logs for 12 months, archives only a few days, everything gone on uninstall), and the
 * daily job that enforces it.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { defineJob } from "../jobs";

export const RETENTION = {
  operationLogMonths: 12,
  /** Privacy download archives expire on their own `expiresAt` (set when created). */
  archiveDays: 3,
  revokedExtensionSessionDays: 30,
  finishedJobDays: 90,
} as const;

export interface PurgeCounts {
  operationLogs: number;
  archives: number;
  extensionSessions: number;
  jobRuns: number;
}

export async function purgeExpired(prisma: PrismaClient, now = new Date()): Promise<PurgeCounts> {
  const logCutoff = new Date(now);
  logCutoff.setMonth(logCutoff.getMonth() - RETENTION.operationLogMonths);
  const day = 24 * 60 * 60 * 1000;
  const [operationLogs, archives, extensionSessions, jobRuns] = await prisma.$transaction([
    prisma.operationLog.deleteMany({ where: { createdAt: { lt: logCutoff } } }),
    prisma.privacyArchive.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.extensionSession.deleteMany({ where: { revokedAt: { lt: new Date(now.getTime() - RETENTION.revokedExtensionSessionDays * day) } } }),
    prisma.jobRun.deleteMany({
      where: { finishedAt: { lt: new Date(now.getTime() - RETENTION.finishedJobDays * day) }, state: { in: ["completed", "failed", "cancelled"] } },
    }),
  ]);
  return { operationLogs: operationLogs.count, archives: archives.count, extensionSessions: extensionSessions.count, jobRuns: jobRuns.count };
}

/** Builds the job with the Prisma client of the process that runs it. */
export function retentionJob(prisma: () => PrismaClient) {
  return defineJob<Record<string, never>, PurgeCounts>({
    kind: "retention.purge",
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireInSeconds: 15 * 60,
    exclusivePerPortal: false,
    handler: () => purgeExpired(prisma()),
  });
}

/** Every night at 03:17 UTC (pg-boss cron; idempotent, any process may call it at start). */
export async function scheduleRetention(boss: PgBoss): Promise<void> {
  await boss.schedule("retention.purge", "17 3 * * *", {}, { tz: "UTC" });
}
