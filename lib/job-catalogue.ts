/**
 * Every durable job the app knows. The worker entry points run these; the web process enqueues
 * them. This is the one module that gathers jobs from feature folders (features never import
 * each other). A feature adds its job definitions (module constants) here.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "./db";
import { selftestJob, type JobDefinition } from "./jobs";
import { dismissedSessionsJob, scheduleMailJobs } from "./mail";
import { retentionPurgeJob, scheduleRetention } from "./portal-data";
import { privacyChangeJob, privacyDownloadJob } from "./privacy";
import { dismissalWatchJob, handOversDueJob, returnsDueJob, robotHandOverJob, scheduleTransferJobs, transferRunJob } from "./transfer";

export const JOB_CATALOGUE: readonly JobDefinition[] = [
  selftestJob,
  retentionPurgeJob,
  privacyDownloadJob,
  privacyChangeJob,
  transferRunJob,
  returnsDueJob,
  dismissalWatchJob,
  dismissedSessionsJob,
  robotHandOverJob,
  handOversDueJob,
];

/** Recurring jobs, (re)declared by every process that starts the queue (idempotent). */
export async function scheduleRecurringJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  await scheduleRetention(prisma, boss);
  await scheduleTransferJobs(prisma, boss);
  await scheduleMailJobs(prisma, boss);
}
