/**
 * What a fresh machine sees: a missing browser or a checkout the `postgres` system user cannot
 * enter ends the run at once in one line, from the real entry points (scripts/test.ts, the
 * launchers), before any server starts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = (args: string[], env: Record<string, string>) =>
  // The bound only keeps a regression from hanging the run; the checks take well under a second.
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 });

describe("npm test without the browser", () => {
  it("stops before starting anything, in one line naming what to do", () => {
    const result = tsx(["scripts/test.ts", "e2e"], { CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("CHROMIUM_PATH=/nonexistent/chromium");
    expect(result.stdout).not.toContain("Test suites");
  });
});

// PostgreSQL runs as the `postgres` system user only when we are root (CI is).
describe.runIf(process.getuid?.() === 0)("as root, the embedded database in a 0700 folder", () => {
  const closed = mkdtempSync(path.join(os.tmpdir(), "staffsuite-0700-"));
  afterAll(() => rmSync(closed, { recursive: true, force: true }));

  it("is refused in one line that says what to do, instead of a spawn EACCES stack", () => {
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    const result = tsx(["scripts/migrate.ts"], { EMBEDDED_PG_DIR: path.join(closed, "pg"), DATABASE_URL: "" });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cannot enter ${closed} (mode 0700)`);
    expect(result.stderr).not.toMatch(/EACCES|^\s+at /m);
  });
});
