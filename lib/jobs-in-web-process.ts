/**
 * The web process's job runtime: it enqueues jobs, and in the demo also works them.
 */
import { getPrisma } from "./db";
import { env } from "./env";
import { createJobsRuntime, type JobsRuntime } from "./jobs";
import { jobCatalogue, scheduleRecurringJobs } from "./job-catalogue";

let runtime: JobsRuntime | undefined;

/** The process's job runtime (enqueue from server actions and route handlers). */
export function jobs(): JobsRuntime {
  const config = env();
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  runtime ??= createJobsRuntime({
    databaseUrl: config.DATABASE_URL,
    prisma: getPrisma(),
    definitions: jobCatalogue,
    maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_SECONDS,
  });
  return runtime;
}

export async function startJobsInWebProcess(): Promise<void> {
  const config = env();
  if (!config.DATABASE_URL) return;
  const runtimeForProcess = jobs();
  await runtimeForProcess.ensureQueues();
  await scheduleRecurringJobs(await runtimeForProcess.boss());
  if (config.WORKER_IN_PROCESS) {
    await runtimeForProcess.startWorker({ concurrency: config.WORKER_CONCURRENCY, pollingIntervalSeconds: config.JOBS_POLLING_SECONDS });
    console.log("[jobs] in-process worker started");
  }
}
