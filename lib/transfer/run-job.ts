/**
 * `transfer.run`: one transfer, undo or return (run.ts); one per portal at a time (they share the
 * portal's rate limit); an attempt lost with a dead worker is retried and resumes from the
 * persisted items. Listed in lib/job-catalogue.ts; started by start.ts, undo.ts and temporary.ts.
 */
import { z } from "zod";
import { defineJob } from "../jobs";
import { runTransfer, type RunResult } from "./run";

export const TRANSFER_RUN_KIND = "transfer.run";

export interface TransferJobInput {
  transferId: string;
}

export const transferRunJob = defineJob<TransferJobInput, RunResult>({
  kind: TRANSFER_RUN_KIND,
  input: z.object({ transferId: z.string().min(1) }),
  // Each retry resumes from the persisted items, so retries are cheap and safe.
  retryLimit: 20,
  retryDelaySeconds: 5,
  expireInSeconds: 4 * 3600,
  exclusivePerPortal: true,
  handler: (context) => runTransfer(context, context.input.transferId, context),
});
