/**
 * `npm test`: every test — Vitest (unit + integration against a real PostgreSQL and the emulator
 * over HTTP), then Playwright (Debian's Chromium against the full stack). The emulator's local CA
 * is made first and trusted by every test process through NODE_EXTRA_CA_CERTS, so the official
 * SDK's HTTPS-only webhook client works against it unchanged.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureLocalCa, trustBundle } from "../emulator/tls/local-ca";

const root = path.resolve(import.meta.dirname, "..");
const ca = await ensureLocalCa(path.join(root, ".data", "tls"));
const env = { ...process.env, NODE_EXTRA_CA_CERTS: trustBundle(ca) };
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
const results: Array<{ name: string; status: number | null }> = [];

if (only !== "e2e") {
  const vitest = spawnSync(bin("vitest"), ["run"], { cwd: root, env, stdio: "inherit" });
  results.push({ name: "vitest (unit + integration)", status: vitest.status });
}
if (only !== "unit") {
  const playwright = spawnSync(bin("playwright"), ["test"], { cwd: root, env, stdio: "inherit" });
  results.push({ name: "playwright (e2e)", status: playwright.status });
}

console.log("\nTest suites:");
for (const r of results) console.log(`  ${r.status === 0 ? "passed" : "FAILED"}  ${r.name}`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
