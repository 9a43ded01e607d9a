/**
 * A job that exercises the machinery itself: counts to `steps`, reporting progress, optionally
 * failing its first `failTimes` attempts. Used by the worker tests and by /api/health's deep check.
 */
import { setTimeout as delay } from "node:timers/promises";
import { defineJob } from "./definition";

export interface SelftestInput {
  steps: number;
  stepMs: number;
  failTimes?: number;
}

export const selftestJob = defineJob<SelftestInput, { counted: number; attempt: number }>({
  kind: "system.selftest",
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
