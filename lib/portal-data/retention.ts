/**
 * The daily purge that enforces RETENTION (retention-rules.ts) across all portals, as a durable
 * job `retention.purge`, and its pg-boss schedule.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { z } from "zod";
import { defineJob, FINISHED_JOB_STATES, scheduleRecurring } from "../jobs";
import { RETENTION_CRON, retentionCutoffs } from "./retention-rules";

export interface PurgeCounts {
  operationLogs: number;
  finishedJobRuns: number;
  archives: number;
  extensionSessions: number;
  privacyRequests: number;
  loggedEmails: number;
}

export const RETENTION_JOB_KIND = "retention.purge";

/**
 * The standing JobRun of the scheduled purge. The runtime (lib/jobs/runtime.ts) works a pg-boss
 * job through the JobRun named in its data, and a cron schedule sends the same data every time,
 * so the schedule names this one row: it then always shows the last purge's state and counts.
 */
export const RETENTION_JOB_RUN_ID = "retention-purge-daily";

/** Deletes what has outlived its retention period, in one transaction; returns what went. */
export async function purgeExpired(prisma: PrismaClient, now = new Date()): Promise<PurgeCounts> {
  const cut = retentionCutoffs(now);
  const [operationLogs, finishedJobRuns, archives, extensionSessions, privacyRequests, loggedEmails] = await prisma.$transaction([
    // A temporary transfer's log (and with it the transfer and the items its return works from) is
    // kept while its return is pending, however far off the date: the records must still go back.
    prisma.operationLog.deleteMany({ where: { createdAt: { lt: cut.operationLogs }, NOT: { transfer: { returnState: "scheduled" } } } }),
    // A finished run's input names user IDs like a log does, so it goes with the logs; runs still
    // queued or running stay whatever their age.
    prisma.jobRun.deleteMany({
      where: {
        state: { in: [...FINISHED_JOB_STATES] },
        finishedAt: { lt: cut.operationLogs },
        id: { not: RETENTION_JOB_RUN_ID },
      },
    }),
    prisma.privacyArchive.deleteMany({
      where: { OR: [{ expiresAt: { lte: cut.archivesExpiredBefore } }, { createdAt: { lt: cut.archivesCreatedBefore } }] },
    }),
    // Revoked, or expired (a connect claim never claimed expires in minutes), for the same period.
    prisma.extensionSession.deleteMany({
      where: { OR: [{ revokedAt: { lt: cut.revokedExtensionSessions } }, { expiresAt: { lt: cut.revokedExtensionSessions } }] },
    }),
    // The Privacy requests log is an operation log too (user IDs and statuses): same 12 months,
    // counted from when the request was made.
    prisma.privacyRequest.deleteMany({ where: { createdAt: { lt: cut.operationLogs } } }),
    // The Gmail sidebar's "already logged" markers, counted from when the email was logged.
    prisma.mailLoggedEmail.deleteMany({ where: { createdAt: { lt: cut.loggedEmails } } }),
  ]);
  return {
    operationLogs: operationLogs.count,
    finishedJobRuns: finishedJobRuns.count,
    archives: archives.count,
    extensionSessions: extensionSessions.count,
    privacyRequests: privacyRequests.count,
    loggedEmails: loggedEmails.count,
  };
}

/** The daily purge job (listed in lib/job-catalogue.ts); the schedule sends no input. */
export const retentionPurgeJob = defineJob<Record<string, never> | null | undefined, PurgeCounts>({
  kind: RETENTION_JOB_KIND,
  input: z.object({}).strict().nullish(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 15 * 60,
  // Touches every portal's rows in our database only, no Bitrix24 calls: no portal to wait for.
  exclusivePerPortal: false,
  handler: ({ prisma }) => purgeExpired(prisma),
});

/**
 * Declares the daily schedule (idempotent: pg-boss keeps one schedule per queue name, so every
 * process may call this at start). The queue must exist first (JobsRuntime.ensureQueues()).
 */
export async function scheduleRetention(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  await scheduleRecurring(prisma, boss, { jobRunId: RETENTION_JOB_RUN_ID, kind: RETENTION_JOB_KIND, cron: RETENTION_CRON });
}
