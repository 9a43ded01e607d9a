/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
 * PostgreSQL when it is unset. The launchers do the same at every start.
 */
import { env } from "../lib/env";
import { committedMigrations } from "../lib/database/migrate";
import { exitOnConfigurationError, prepareDatabase } from "./launch/prepare-database";

await exitOnConfigurationError(async () => {
  const database = await prepareDatabase(env());
  console.log(`Database is at the committed schema (${committedMigrations().length} migrations).`);
  await database.stop();
});
