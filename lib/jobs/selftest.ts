/**
 * A job that exercises the machinery itself: counts to `steps`, reporting progress, optionally
 * failing its first `failTimes` attempts. Used by the worker tests and by /api/health's deep check.
 */
import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import { defineJob } from "./definition";

const selftestInput = z.object({
  steps: z.number().int().min(0).max(10_000),
  stepMs: z.number().int().min(0).max(60_000),
  failTimes: z.number().int().min(0).optional(),
});

export type SelftestInput = z.infer<typeof selftestInput>;

export const selftestJob = defineJob<SelftestInput, { counted: number; attempt: number }>({
  kind: "system.selftest",
  input: selftestInput,
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  exclusivePerPortal: true,
  async handler({ input, attempt, reportProgress }) {
    if (attempt <= (input.failTimes ?? 0)) throw new Error(`selftest: planned failure on attempt ${attempt}`);
    for (let step = 1; step <= input.steps; step++) {
      await delay(input.stepMs);
      await reportProgress(step, input.steps);
    }
    return { counted: input.steps, attempt };
  },
});
