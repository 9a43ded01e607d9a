/**
 * One embedded PostgreSQL for the whole Vitest run, with a migrated template database that each
 * test file clones (test/support/db.ts) — cloning takes milliseconds, migrating takes seconds. The
 * server itself starts from a copy of the checkout's migrated cluster (lib/database/migrated-cluster.ts).
 * With TEST_DATABASE_URL set (any PostgreSQL 14+ whose user may CREATE DATABASE), that server is
 * used instead.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { siblingDatabaseUrl, startEmbeddedPostgres } from "../../lib/database/embedded-postgres";
import { applyMigrations } from "../../lib/database/migrate";
import { copyMigratedCluster } from "../../lib/database/migrated-cluster";
import { ensureLocalCa, trustBundle } from "../../emulator/tls/local-ca";

export const TEMPLATE_DATABASE = "staffsuite_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the migrated template database; test/support/db.ts clones it per file. */
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  // The emulator's HTTPS listener uses a local CA. Node reads NODE_EXTRA_CA_CERTS at start, and
  // Vitest forks its test processes after this setup with this process's environment, so they
  // trust it (npm test sets it too; then the bundle is already ours and stays as it is).
  process.env.NODE_EXTRA_CA_CERTS = trustBundle(await ensureLocalCa(path.join(root, ".data", "tls")));
  const external = process.env.TEST_DATABASE_URL;
  const dataDir = path.join(root, ".data", `test-pg-${process.pid}`, "pg");
  // The embedded server starts from a copy of the checkout's migrated cluster, whose `staffsuite`
  // database holds the schema already (lib/database/migrated-cluster.ts).
  if (!external) {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    await copyMigratedCluster(dataDir);
  }
  const server = external ? null : await startEmbeddedPostgres(dataDir, { quiet: true });
  const baseUrl = external ?? server!.url;

  const admin = new pg.Client({ connectionString: siblingDatabaseUrl(baseUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(external ? `CREATE DATABASE ${TEMPLATE_DATABASE}` : `CREATE DATABASE ${TEMPLATE_DATABASE} TEMPLATE ${new URL(baseUrl).pathname.slice(1)}`);
  await admin.end();
  const templateUrl = siblingDatabaseUrl(baseUrl, TEMPLATE_DATABASE);
  await applyMigrations(templateUrl);
  project.provide("templateDatabaseUrl", templateUrl);

  return async () => {
    if (server) {
      await server.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  };
}
