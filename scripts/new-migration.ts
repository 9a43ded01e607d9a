/**
 * Creates the next migration offline: diffs the schema of the latest migration (kept beside its
 * SQL as schema.snapshot.prisma) against prisma/schema.prisma and writes
 * prisma/migrations/{timestamp}_{name}/migration.sql. `migrate dev` would need a shadow database,
 * which is unreliable with the JS schema engine.
 *
 *   npm run db:new-migration -- add_job_tags
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const previous = readdirSync(migrationsDir)
  .filter((d) => /^\d{14}_/.test(d))
  .sort()
  .at(-1);
const fromSnapshot = previous ? path.join(migrationsDir, previous, "schema.snapshot.prisma") : null;
if (fromSnapshot && !existsSync(fromSnapshot)) {
  console.error(`${fromSnapshot} is missing: cannot tell what the last migration produced.`);
  process.exit(1);
}

// The JS schema engine needs a live connection even for a diff; a throwaway embedded server does.
const db = await startEmbeddedPostgres(path.join(root, ".data", "migration-scratch", "pg"), { quiet: true });
try {
  const from = fromSnapshot ? ["--from-schema-datamodel", fromSnapshot] : ["--from-empty"];
  const sql = execFileSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("The schema has not changed since the last migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(dir, "schema.snapshot.prisma"));
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then commit it.`);
  }
} finally {
  await db.stop();
}
