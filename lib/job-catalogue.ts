/**
 * Every durable job the app knows. The worker entry points run these; the web process enqueues
 * them. This is the one module that gathers jobs from feature folders (features never import
 * each other). A feature adds its definitions to `jobCatalogue`.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "./db";
import type { JobDefinition } from "./jobs";
import { selftestJob } from "./jobs";
import { retentionPurgeJob, scheduleRetention } from "./portal-data";

export const jobCatalogue: JobDefinition[] = [selftestJob as JobDefinition, retentionPurgeJob as JobDefinition];

/** Recurring jobs, (re)declared by every process that starts the queue (idempotent). */
export async function scheduleRecurringJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  await scheduleRetention(prisma, boss);
}
