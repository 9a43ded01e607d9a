/**
 * Applies committed migrations (prisma/migrations) with `prisma migrate deploy` semantics: each
 * migration once, in order, recorded in _prisma_migrations. The Prisma CLI runs with the JS
 * engine through prisma.config.ts, so nothing is downloaded.
 *
 * The CLI takes ~13 s to start its WASM engine even when there is nothing to do, so a start first
 * asks the database whether every committed migration is already recorded and skips the CLI then.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");

export function committedMigrations(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** Names of migrations the database has finished applying (empty when it has none). */
async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return new Set();
    const rows = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    return new Set(rows.rows.map((r) => r.migration_name));
  } finally {
    await client.end();
  }
}

function runPrismaMigrateDeploy(databaseUrl: string): Promise<void> {
  const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
  return new Promise<void>((resolve, reject) => {
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      // Never echo the connection string: it carries the password.
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.replace(/postgres(ql)?:\/\/[^\s"']+/g, "postgresql://…")}`));
    });
  });
}

/** Brings the database to the committed schema; returns how many migrations were pending. */
export async function applyMigrations(databaseUrl: string): Promise<number> {
  const applied = await appliedMigrations(databaseUrl);
  const pending = committedMigrations().filter((m) => !applied.has(m));
  if (pending.length > 0) await runPrismaMigrateDeploy(databaseUrl);
  return pending.length;
}
