/**
 * `npm run worker`: a job worker as its own process. Run any number of them, on any machines
 * that reach the database; pg-boss hands each job to one of them, and a job lost with a dead
 * worker is retried by another.
 */
import { env } from "../lib/env";
import { getPrisma, disconnectAll } from "../lib/db";
import { createJobsRuntime, stopBoss } from "../lib/jobs";
import { jobCatalogue, scheduleRecurringJobs } from "../lib/job-catalogue";
import { prepareDatabase, exitOnConfigurationError } from "./launch/prepare-database";

await exitOnConfigurationError(async () => {
  const config = env();
  const database = await prepareDatabase(config);
  const runtime = createJobsRuntime({
    databaseUrl: database.url,
    prisma: getPrisma(database.url),
    definitions: jobCatalogue,
    maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_SECONDS,
  });
  await runtime.ensureQueues();
  await scheduleRecurringJobs(await runtime.boss());
  const stopWorking = await runtime.startWorker({ concurrency: config.WORKER_CONCURRENCY, pollingIntervalSeconds: config.JOBS_POLLING_SECONDS });
  console.log(`[worker] running ${jobCatalogue.length} job kinds, concurrency ${config.WORKER_CONCURRENCY}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs`);
    await stopWorking();
    await stopBoss(database.url, { graceful: true, timeoutMs: 30_000 });
    await disconnectAll();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
});
