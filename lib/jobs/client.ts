// What client components may import of lib/jobs (no pg-boss, no database): the job progress shape.
export { FINISHED_JOB_STATES, type JobProgress } from "./progress";
