/**
 * Runs once when the Next.js server starts. In the demo (WORKER_IN_PROCESS=true) the web process
 * also works the job queue; in production `npm run worker` processes do. Either way the web
 * process starts pg-boss so that its schema exists and jobs can be enqueued.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobsInWebProcess } = await import("./lib/jobs-in-web-process");
  await startJobsInWebProcess();
}
