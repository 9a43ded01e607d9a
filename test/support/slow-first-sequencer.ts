/**
 * Vitest's file order: the slowest integration files first. Without Vitest's results cache (a fresh
 * clone, CI) files start largest first, so a long file that is small on disk started last and ran
 * alone at the end while the other workers sat idle (database-lifecycle: 53 s, started after every
 * other file). Durations from `npm test` on a fresh clone on the 2-core machine; a file missing
 * from the list only runs in Vitest's own order.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");

/** Slowest first (seconds, three files at a time on a loaded machine). */
const SLOWEST = [
  "lib/jobs/jobs.int.test.ts", // 74: worker processes killed and restarted, retries with backoff
  "lib/transfer/crash.int.test.ts", // 56: three kills, a new worker process after each
  "lib/database/database-lifecycle.int.test.ts", // 53: launchers that initialise and migrate their own cluster
  "lib/privacy/privacy.int.test.ts", // 50
  "lib/privacy/resume.int.test.ts", // 45: worker processes killed mid-job
  "lib/transfer/transfer.int.test.ts", // 38
  "lib/bitrix24/limits.int.test.ts", // 15: paced at the plan's rate
  "lib/mail/mail.int.test.ts", // 13
  "lib/bitrix24/shared-rate-limiter.int.test.ts", // 13: paced at the plan's rate
];

const rank = (file: TestSpecification) => {
  const index = SLOWEST.indexOf(path.relative(root, file.moduleId));
  return index === -1 ? SLOWEST.length : index;
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
