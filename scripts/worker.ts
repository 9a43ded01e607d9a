/**
 * `npm run worker`: a job worker as its own process. Run any number of them, on any machines
 * that reach the database; pg-boss hands each job to one of them, and a job lost with a dead
 * worker is retried by another.
 */
import { env } from "../lib/env";
import { disconnectAll } from "../lib/db";
import { stopBoss } from "../lib/jobs";
import { services, startJobs } from "../lib/services";
import { prepareDatabase, exitOnConfigurationError } from "./launch/prepare-database";

await exitOnConfigurationError(async () => {
  const database = await prepareDatabase(env());
  const stopWorking = await startJobs(services(), { work: true });

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
