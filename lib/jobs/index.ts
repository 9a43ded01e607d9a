// The durable job queue: feature folders define jobs, the catalogue lists them, workers run them.
export { defineJob, type Enqueue, type JobContext, type JobDefinition, type JobInput } from "./definition";
export { createJobsRuntime, type JobsRuntime } from "./runtime";
export { FINISHED_JOB_STATES, UNFINISHED_JOB_STATES, readJobProgress, type JobProgress, type JobViewer } from "./progress";
export { getBoss, stopBoss, BOSS_SCHEMA } from "./boss";
export { selftestJob, type SelftestInput } from "./selftest";
export { scheduleRecurring } from "./recurring";
