/**
 * Gives a launcher a migrated database: the one in DATABASE_URL, or else the embedded server
 * under EMBEDDED_PG_DIR (started or joined). Returns how to stop what it started.
 */
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function ensureDatabase(options: { databaseUrl?: string; embeddedDir: string; quiet?: boolean }): Promise<ReadyDatabase> {
  if (options.databaseUrl) {
    await applyMigrations(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const db = await startEmbeddedPostgres(options.embeddedDir, { quiet: options.quiet });
  try {
    await applyMigrations(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return { url: db.url, embedded: true, stop: () => db.stop() };
}
