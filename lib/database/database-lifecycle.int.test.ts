/**
 * The database the launchers give the app: the embedded PostgreSQL keeps its data across a stop
 * and a start, a second process joins the running server instead of starting another, and with
 * DATABASE_URL set the app uses that server and starts nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureDatabase } from "./ensure-database";
import { committedMigrations } from "./migrate";

const root = path.resolve(import.meta.dirname, "../..");
// Under the checkout, not a 0700 mkdtemp: PostgreSQL runs as its own system user when we are root.
const scratch = path.join(root, ".data", `test-db-lifecycle-${process.pid}`);
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps a row written before a stop, and a second process joins the running server", async () => {
    const dir = path.join(scratch, "restart", "pg");
    const first = await ensureDatabase({ embeddedDir: dir, quiet: true });
    expect(first.embedded).toBe(true);
    await query(
      first.url,
      `INSERT INTO "Portal" (id, "memberId", domain, "clientEndpoint", "serverEndpoint", "updatedAt") VALUES ('p1', 'kept', 'd', 'c', 's', now())`,
    );

    const joined = await startEmbeddedPostgres(dir, { quiet: true });
    expect(joined.owned).toBe(false);
    expect(joined.url).toBe(first.url);
    await joined.stop(); // not the owner: the server keeps running
    expect(await query(first.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);

    await first.stop();
    const second = await ensureDatabase({ embeddedDir: dir, quiet: true });
    try {
      expect(await query(second.url, `SELECT "memberId" FROM "Portal"`)).toEqual([{ memberId: "kept" }]);
    } finally {
      await second.stop();
    }
  });
});

describe("DATABASE_URL", () => {
  it("migrates and uses the configured server, starting no embedded one", async () => {
    const other = await startEmbeddedPostgres(path.join(scratch, "other", "pg"), { quiet: true });
    const unusedEmbeddedDir = path.join(scratch, "never-created", "pg");
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: other.url, EMBEDDED_PG_DIR: unusedEmbeddedDir },
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      const applied = await query<{ migration_name: string }>(other.url, "SELECT migration_name FROM _prisma_migrations ORDER BY 1");
      expect(applied.map((r) => r.migration_name)).toEqual(committedMigrations());
      expect(existsSync(unusedEmbeddedDir)).toBe(false);
    } finally {
      await other.stop();
    }
  });
});

describe("bad configuration", () => {
  it.each([
    ["DATABASE_URL", "nonsense", "DATABASE_URL: expected a postgresql://user:password@host:port/database URL"],
    ["PORT", "eighty", "PORT:"],
    ["TOKEN_ENCRYPTION_KEY", "c2hvcnQ=", "TOKEN_ENCRYPTION_KEY: expected a base64-encoded 32-byte key"],
  ])("%s=%s stops the start with a message, not a stack trace", (name, value, message) => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
      cwd: root,
      env: { ...process.env, [name]: value, EMBEDDED_PG_DIR: path.join(scratch, "bad-config", "pg") },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe("a process that loaded embedded-postgres", () => {
  it("still ends with its own exit code (the package's exit hook would make it 0)", () => {
    const script = `import { loadEmbeddedPostgres } from "./lib/database/embedded-postgres.ts";
await loadEmbeddedPostgres();
process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});
