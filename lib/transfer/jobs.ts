/**
 * The Transfer tool's recurring jobs (the transfer itself is run-job.ts), listed in
 * lib/job-catalogue.ts:
 * - `transfer.returns-due` — every minute, starts the temporary transfers' returns that are due.
 * - `transfer.dismissal-watch` — daily, tells admins about newly dismissed employees who still
 *   own open work and plans their hand-over where a dismissal rule applies (dismissal-watch.ts).
 * - `transfer.hand-overs-due` — every minute, starts the planned hand-overs that are due on their
 *   portal's clock (dismissal-rules/start-plan.ts).
 */
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "../db";
import { defineJob, scheduleRecurring } from "../jobs";
import { startDueHandOvers } from "./dismissal-rules/start-plan";
import { watchDismissals } from "./dismissal-watch";
import { startDueReturns } from "./temporary";

export const RETURNS_DUE_KIND = "transfer.returns-due";
export const RETURNS_DUE_RUN_ID = "transfer-returns-due";
export const DISMISSAL_WATCH_KIND = "transfer.dismissal-watch";
export const DISMISSAL_WATCH_RUN_ID = "transfer-dismissal-watch";
export const HAND_OVERS_DUE_KIND = "transfer.hand-overs-due";
export const HAND_OVERS_DUE_RUN_ID = "transfer-hand-overs-due";

/** The recurring jobs' schedules send no input. */
const noInput = z.object({}).strict().nullish();

export const returnsDueJob = defineJob<Record<string, never> | null | undefined, { started: number }>({
  kind: RETURNS_DUE_KIND,
  input: noInput,
  retryLimit: 1,
  retryDelaySeconds: 10,
  expireInSeconds: 300,
  exclusivePerPortal: false,
  handler: async (context) => ({ started: (await startDueReturns(context, context.now())).length }),
});

export const dismissalWatchJob = defineJob<Record<string, never> | null | undefined, { portals: number; notified: number }>({
  kind: DISMISSAL_WATCH_KIND,
  input: noInput,
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 3600,
  exclusivePerPortal: false,
  handler: (context) => watchDismissals(context),
});

export const handOversDueJob = defineJob<Record<string, never> | null | undefined, { started: number }>({
  kind: HAND_OVERS_DUE_KIND,
  input: noInput,
  retryLimit: 1,
  retryDelaySeconds: 10,
  expireInSeconds: 300,
  exclusivePerPortal: false,
  handler: async (context) => ({ started: (await startDueHandOvers(context)).length }),
});

/** Declares the recurring Transfer jobs (idempotent): returns and due hand-overs every minute, dismissal watch daily at 06:05 UTC. */
export async function scheduleTransferJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  for (const [id, kind, cron] of [
    [RETURNS_DUE_RUN_ID, RETURNS_DUE_KIND, "* * * * *"],
    [DISMISSAL_WATCH_RUN_ID, DISMISSAL_WATCH_KIND, "5 6 * * *"],
    [HAND_OVERS_DUE_RUN_ID, HAND_OVERS_DUE_KIND, "* * * * *"],
  ] as const) {
    await scheduleRecurring(prisma, boss, { jobRunId: id, kind, cron });
  }
}
