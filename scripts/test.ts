/**
 * `npm test`: every test — Vitest's `unit` project (plain functions), its `int` project
 * (`*.int.test.ts`: a real PostgreSQL and the emulator over HTTP), then Playwright (Debian's
 * Chromium against the full stack). `npm run test:unit|test:int|test:e2e` run one of them; further
 * arguments go to that runner (`npm run test:int -- lib/jobs`).
 *
 * Before anything starts, what the run needs from the machine is checked, so a missing browser or
 * a checkout the `postgres` system user cannot enter ends the run in one line, not minutes later.
 * The emulator's local CA is made first and trusted by every test process through
 * NODE_EXTRA_CA_CERTS, so the official SDK's HTTPS-only webhook client works against it unchanged.
 *
 * The browser tests need a production build of the app. `next build` keeps the CPU busy for a
 * minute or two, while the integration tests spend most of their time waiting (on PostgreSQL,
 * the emulator, job workers), so a full run builds beside Vitest (its output in
 * .data/next-build.log) and Playwright's global setup finds the build current.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { assertPostgresUserCanEnter, placesThePostgresUserReads, PostgresUserCannotEnterError } from "../lib/database/postgres-user-access";
import { ensureLocalCa, trustBundle } from "../emulator/tls/local-ca";
import { aptGetAvailable, aptInstallChromium, ensureChromium } from "./preflight/chromium";
import { buildIsCurrent, buildNextInBackground } from "./launch/next-process";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const suites = ["unit", "int", "e2e"] as const;
type Suite = (typeof suites)[number];
const selected = suites.find((s) => s === process.argv[2]);
const passThrough = process.argv.slice(selected ? 3 : 2);
const runs = (suite: Suite) => !selected || selected === suite;

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if ((runs("int") || runs("e2e")) && !process.env.TEST_DATABASE_URL) {
  try {
    assertPostgresUserCanEnter(placesThePostgresUserReads(path.join(root, ".data", "test-pg", "pg")), { isRoot });
  } catch (error) {
    if (error instanceof PostgresUserCannotEnterError) stop(error.message);
    throw error;
  }
}
if (runs("e2e")) {
  const browser = ensureChromium({
    configuredPath: process.env.CHROMIUM_PATH,
    isRoot,
    aptAvailable: aptGetAvailable(),
    install: aptInstallChromium,
    say: (line) => console.log(line),
  });
  if (!browser.ok) stop(browser.message);
}

const ca = await ensureLocalCa(path.join(root, ".data", "tls"));
// The build for the browser tests skips Next's type check (next.config.ts): `npm run typecheck` is it.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: trustBundle(ca), STAFFSUITE_BUILD_UNCHECKED: "1" };
const results: Array<{ name: string; status: number | null }> = [];

const buildLog = path.join(root, ".data", "next-build.log");
const build = runs("e2e") && (runs("unit") || runs("int")) && !buildIsCurrent() ? buildNextInBackground(env, buildLog) : null;
if (build) console.log(`Building the app for the browser tests (next build) while Vitest runs; its output: ${path.relative(root, buildLog)}`);

if (runs("unit") || runs("int")) {
  const projects = selected ? ["--project", selected] : [];
  const vitest = spawnSync(bin("vitest"), ["run", ...projects, ...passThrough], { cwd: root, env, stdio: "inherit" });
  results.push({ name: selected ? `vitest (${selected})` : "vitest (unit + integration)", status: vitest.status });
}
const built = build ? await build : { ok: true, seconds: 0 };
if (build) {
  if (built.ok) console.log(`\nnext build: done in ${built.seconds} s`);
  else {
    console.error(`\nnext build failed:\n${readFileSync(buildLog, "utf8")}`);
    results.push({ name: "next build (for the browser tests)", status: 1 });
  }
}
if (runs("e2e") && built.ok) {
  const playwright = spawnSync(bin("playwright"), ["test", ...passThrough], { cwd: root, env, stdio: "inherit" });
  results.push({ name: "playwright (e2e)", status: playwright.status });
}

console.log("\nTest suites:");
for (const r of results) console.log(`  ${r.status === 0 ? "passed" : "FAILED"}  ${r.name}`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
