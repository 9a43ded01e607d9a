/**
 * Runs once when the Next.js server starts. In the demo (WORKER_IN_PROCESS=true) the web process
 * also works the job queue; in production `npm run worker` processes do. Either way the web
 * process starts pg-boss so that its schema exists and jobs can be enqueued.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env().DATABASE_URL) return;
  const { services, startJobs } = await import("./lib/services");
  await startJobs(services(), { work: env().WORKER_IN_PROCESS });
}
