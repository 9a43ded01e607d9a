// The durable job queue: feature folders define jobs, the catalogue lists them, workers run them.
export { defineJob, type Enqueue, type JobContext, type JobDefinition } from "./definition";
export { createJobsRuntime, type JobsRuntime } from "./runtime";
export { FINISHED_JOB_STATES, UNFINISHED_JOB_STATES, readJobProgress } from "./progress";
export { stopBoss, BOSS_SCHEMA } from "./boss";
export { selftestJob } from "./selftest";
export { scheduleRecurring } from "./recurring";
