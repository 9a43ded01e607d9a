/**
 * Every durable job the app knows. The worker entry points run these; the web process enqueues
 * them. This is the one module that gathers jobs from feature folders (features never import
 * each other). A feature adds its definitions to `jobCatalogue()`.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "./db";
import type { JobDefinition } from "./jobs";
import { selftestJob } from "./jobs";
import { retentionPurgeJob, scheduleRetention } from "./portal-data";
import { privacyJobDefinitions } from "./privacy";
import { scheduleTransferJobs, transferJobs } from "./transfer";

/**
 * A function, not a constant: feature job modules reach lib/services.ts (their process's
 * services), which lists this catalogue, so the list is read only once every module has loaded.
 */
export function jobCatalogue(): JobDefinition[] {
  return [
    selftestJob as JobDefinition,
    retentionPurgeJob as JobDefinition,
    privacyJobDefinitions.download as JobDefinition,
    privacyJobDefinitions.change as JobDefinition,
    transferJobs.run as JobDefinition,
    transferJobs.returnsDue as JobDefinition,
    transferJobs.dismissalWatch as JobDefinition,
  ];
}

/** Recurring jobs, (re)declared by every process that starts the queue (idempotent). */
export async function scheduleRecurringJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  await scheduleRetention(prisma, boss);
  await scheduleTransferJobs(prisma, boss);
}
