/**
 * The Transfer tool's durable jobs:
 * - `transfer.run` — one transfer, undo or return (run.ts); one per portal at a time (they
 *   share the portal's rate limit); an attempt lost with a dead worker is retried and resumes.
 * - `transfer.returns-due` — every minute, starts the temporary transfers' returns that are due.
 * - `transfer.dismissal-watch` — daily, tells admins about newly dismissed employees who still
 *   own open work (dismissal-watch.ts).
 * Built from a services provider: the process's (process-services.ts) in the app and the
 * worker, a test database and the emulator in integration tests.
 */
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "../db";
import { defineJob, scheduleRecurring, type JobDefinition } from "../jobs";
import type { TransferDeps } from "./deps";
import { watchDismissals } from "./dismissal-watch";
import { processDeps, processJobs } from "./process-services";
import { runTransfer, type RunResult } from "./run";
import type { Enqueue, TransferJobInput } from "./start";
import { startDueReturns } from "./temporary";

export const TRANSFER_RUN_KIND = "transfer.run";
export const RETURNS_DUE_KIND = "transfer.returns-due";
export const RETURNS_DUE_RUN_ID = "transfer-returns-due";
export const DISMISSAL_WATCH_KIND = "transfer.dismissal-watch";
export const DISMISSAL_WATCH_RUN_ID = "transfer-dismissal-watch";

export interface TransferJobs {
  run: JobDefinition<TransferJobInput, RunResult>;
  returnsDue: JobDefinition<Record<string, never> | null | undefined, { started: number }>;
  dismissalWatch: JobDefinition<Record<string, never> | null | undefined, { portals: number; notified: number }>;
}

const transferJobInput = z.object({ transferId: z.string().min(1) });
/** The recurring jobs' schedules send no input. */
const noInput = z.object({}).strict().nullish();

export function createTransferJobs(deps: () => TransferDeps, jobs: () => Enqueue): TransferJobs {
  const run = defineJob<TransferJobInput, RunResult>({
    kind: TRANSFER_RUN_KIND,
    input: transferJobInput,
    // Each retry resumes from the persisted items, so retries are cheap and safe.
    retryLimit: 20,
    retryDelaySeconds: 5,
    expireInSeconds: 4 * 3600,
    exclusivePerPortal: true,
    handler: ({ input, reportProgress }) => runTransfer(deps(), input.transferId, { reportProgress }),
  });
  const returnsDue = defineJob<Record<string, never> | null | undefined, { started: number }>({
    kind: RETURNS_DUE_KIND,
    input: noInput,
    retryLimit: 1,
    retryDelaySeconds: 10,
    expireInSeconds: 300,
    exclusivePerPortal: false,
    handler: async () => ({ started: (await startDueReturns(deps(), jobs(), run)).length }),
  });
  const dismissalWatch = defineJob<Record<string, never> | null | undefined, { portals: number; notified: number }>({
    kind: DISMISSAL_WATCH_KIND,
    input: noInput,
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 3600,
    exclusivePerPortal: false,
    handler: () => watchDismissals(deps()),
  });
  return { run, returnsDue, dismissalWatch };
}

/** The jobs as the app and the worker run them. */
export const transferJobs = createTransferJobs(processDeps, processJobs);
export const transferRunJob = transferJobs.run;

/** Declares the recurring Transfer jobs (idempotent): returns every minute, dismissal watch daily at 06:05 UTC. */
export async function scheduleTransferJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  for (const [id, kind, cron] of [
    [RETURNS_DUE_RUN_ID, RETURNS_DUE_KIND, "* * * * *"],
    [DISMISSAL_WATCH_RUN_ID, DISMISSAL_WATCH_KIND, "5 6 * * *"],
  ] as const) {
    await scheduleRecurring(prisma, boss, { jobRunId: id, kind, cron });
  }
}
