/**
 * Every durable job the app knows. The worker entry points run these; the web process enqueues
 * them. This is the one module that gathers jobs from feature folders (features never import
 * each other).
 */
import type PgBoss from "pg-boss";
import type { JobDefinition } from "./jobs";
import { selftestJob } from "./jobs";
import { retentionPurgeJob, scheduleRetention } from "./portal-data";
import { privacyJobDefinitions } from "./privacy";
import { scheduleTransferJobs, transferJobs } from "./transfer";
import { getPrisma } from "./db";

export const jobCatalogue: JobDefinition[] = [
  selftestJob as JobDefinition,
  retentionPurgeJob as JobDefinition,
  privacyJobDefinitions.download as JobDefinition,
  privacyJobDefinitions.change as JobDefinition,
  transferJobs.run as JobDefinition,
  transferJobs.returnsDue as JobDefinition,
  transferJobs.dismissalWatch as JobDefinition,
];

/** Recurring jobs, (re)declared by every process that starts the queue (idempotent). */
export async function scheduleRecurringJobs(boss: PgBoss): Promise<void> {
  await scheduleRetention(boss);
  await scheduleTransferJobs(getPrisma(), boss);
}
