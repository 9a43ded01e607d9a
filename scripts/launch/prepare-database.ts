/**
 * Shared by every launcher (app, worker, demo): the database the process should use, migrated,
 * and a clear message instead of a stack trace when the configuration is wrong.
 */
import path from "node:path";
import { ensureDatabase, type ReadyDatabase } from "../../lib/database/ensure-database";
import { PostgresUserCannotEnterError } from "../../lib/database/postgres-user-access";
import { ConfigurationError, resetEnvCache, type Env } from "../../lib/env";

const root = path.resolve(import.meta.dirname, "../..");

/** Starts or joins the embedded PostgreSQL when DATABASE_URL is unset; exports DATABASE_URL. */
export async function prepareDatabase(config: Env): Promise<ReadyDatabase> {
  const database = await ensureDatabase({
    databaseUrl: config.DATABASE_URL,
    embeddedDir: path.resolve(root, config.EMBEDDED_PG_DIR),
    quiet: true,
  });
  // Child processes (next) and lib/env read it from here on.
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  return database;
}

/** Runs a launcher; configuration errors end the process with exit 2 and a readable message. */
export async function exitOnConfigurationError(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n\nSee "Configuration" in README.md.`);
      process.exit(2);
    }
    if (error instanceof PostgresUserCannotEnterError) {
      console.error(error.message);
      process.exit(2);
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/ECONNREFUSED|ENOTFOUND|password authentication failed|does not exist|getaddrinfo/.test(message)) {
      console.error(
        `\nCannot reach the database: ${message.replace(/postgres(ql)?:\/\/[^\s"']+/g, "postgresql://…")}\nCheck DATABASE_URL (or unset it to use the embedded PostgreSQL).`,
      );
      process.exit(2);
    }
    throw error;
  }
}
