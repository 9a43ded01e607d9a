/**
 * A recurring job's schedule and the one JobRun row its runs report to. Every process that starts
 * the queue declares them (web and each worker, often at the same moment), so the row is created
 * with INSERT … ON CONFLICT DO NOTHING: Prisma's `upsert` reads then inserts, and two processes
 * starting together both inserted — the loser's start-up died on the unique key.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";

export async function scheduleRecurring(prisma: PrismaClient, boss: PgBoss, schedule: { jobRunId: string; kind: string; cron: string }): Promise<void> {
  await prisma.jobRun.createMany({ data: [{ id: schedule.jobRunId, kind: schedule.kind, portalId: null, state: "queued" }], skipDuplicates: true });
  await boss.schedule(schedule.kind, schedule.cron, { jobRunId: schedule.jobRunId }, { tz: "UTC" });
}
