/**
 * Starting the Next.js server as a child process (dev or production), building first when the
 * production build is missing or older than the sources, and waiting until it answers.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "instrumentation.ts"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when `.next` holds a production build at least as new as every source file. */
export function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))), ...SOURCE_FILES.map((f) => newestMtime(path.join(root, f))));
  return sources <= built;
}

export function buildNext(env: NodeJS.ProcessEnv): void {
  console.log("Building the app (next build) — once, until the sources change…");
  const result = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

/**
 * `next build` as a child process writing to `logFile`, for a caller with other work meanwhile
 * (`npm test` builds while Vitest runs). The child writes to the file itself, so a caller that
 * blocks (spawnSync) does not stall it. Resolves with the outcome and the seconds it took.
 */
export function buildNextInBackground(env: NodeJS.ProcessEnv, logFile: string): Promise<{ ok: boolean; seconds: number }> {
  const started = Date.now();
  const log = openSync(logFile, "w");
  const child = spawn(nextBin, ["build"], { cwd: root, env, stdio: ["ignore", log, log] });
  closeSync(log);
  return new Promise((resolve) => {
    const seconds = () => Math.round((Date.now() - started) / 1000);
    child.once("error", () => resolve({ ok: false, seconds: seconds() }));
    child.once("exit", (code) => resolve({ ok: code === 0, seconds: seconds() }));
  });
}

export interface NextServer {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function startNext(mode: "dev" | "start", options: { port: number; host?: string; env: NodeJS.ProcessEnv; quiet?: boolean }): Promise<NextServer> {
  const host = options.host ?? "0.0.0.0";
  const child = spawn(nextBin, [mode, "--port", String(options.port), "--hostname", host], {
    cwd: root,
    env: { ...options.env, PORT: String(options.port) },
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  const url = `http://localhost:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise<"waiting">((r) => setTimeout(() => r("waiting"), 300))]);
    if (early !== "waiting") throw new Error(`next ${mode} exited with code ${early} before it answered`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200 || response.status === 503) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`next ${mode} did not answer on ${url} within 180 s`);
    }
  }
  return {
    child,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
