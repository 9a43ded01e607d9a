/**
 * `npm run dev` / `npm start`: the database (embedded unless DATABASE_URL is set), migrations,
 * then Next.js. Ctrl-C stops the app and the embedded PostgreSQL cleanly.
 */
import { env } from "../lib/env";
import { exitOnConfigurationError, prepareDatabase } from "./launch/prepare-database";
import { buildIsCurrent, buildNext, startNext } from "./launch/next-process";

const mode = process.argv[2] === "start" ? "start" : "dev";

await exitOnConfigurationError(async () => {
  const config = env();
  const database = await prepareDatabase(config);
  console.log(database.embedded ? "Database: embedded PostgreSQL (data in .data/)" : "Database: DATABASE_URL");
  const childEnv = { ...process.env, DATABASE_URL: database.url };
  if (mode === "start" && !buildIsCurrent()) buildNext(childEnv);
  const server = await startNext(mode, { port: config.PORT, env: childEnv });
  console.log(`\nStaffSuite is running at ${config.APP_URL}\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  server.child.once("exit", () => void shutdown());
});
