/**
 * Job workers as separate processes (the real entry point, scripts/worker.ts) for tests that kill
 * and restart them, and for benchmarks that measure them. `node --import tsx`, not the tsx CLI:
 * the CLI runs the script in a grandchild that a SIGKILL of the CLI would leave running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface WorkerSettings {
  databaseUrl: string;
  /** TOKEN_ENCRYPTION_KEY (base64) of the tokens the jobs use. */
  keyBase64?: string;
  /** The app's registration (B24_CLIENT_ID / B24_CLIENT_SECRET). */
  credentials?: { clientId: string; clientSecret: string };
  /** B24_OAUTH_URL: where tokens are refreshed (the emulator's base URL). */
  oauthUrl?: string;
  /** Further variables (they win over the defaults below). */
  env?: Record<string, string>;
  /** Default "ignore"; "inherit" shows the worker's log. */
  stdio?: "ignore" | "inherit";
}

export interface WorkerProcesses {
  /** Starts one more worker process. */
  start(): ChildProcess;
  /** SIGKILLs a worker (no clean-up of its own: as a crash) and waits until it is gone. */
  kill(child: ChildProcess): Promise<void>;
  /** SIGKILLs a worker and starts a new one in its place. */
  restart(child: ChildProcess): Promise<ChildProcess>;
  /** SIGTERMs every live worker (they finish their running jobs) and waits, SIGKILLing after `timeoutMs`. */
  stopAll(timeoutMs?: number): Promise<void>;
  /** SIGKILLs every worker this set started (afterAll). */
  killAll(): Promise<void>;
  /** The workers started so far that have not exited. */
  readonly live: ChildProcess[];
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const exit = (child: ChildProcess) => (exited(child) ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve())));

/**
 * A set of worker processes on one database, polling, sweeping and retrying fast (tests do not wait
 * on defaults). A test that enqueues from its own runtime passes `retryDelaySeconds: 1` there too:
 * a job keeps the retry delay of the runtime that sent it.
 */
export function workerProcesses(settings: WorkerSettings): WorkerProcesses {
  const started: ChildProcess[] = [];
  const env = {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    ...(settings.keyBase64 ? { TOKEN_ENCRYPTION_KEY: settings.keyBase64 } : {}),
    ...(settings.credentials ? { B24_CLIENT_ID: settings.credentials.clientId, B24_CLIENT_SECRET: settings.credentials.clientSecret } : {}),
    ...(settings.oauthUrl ? { B24_OAUTH_URL: settings.oauthUrl.endsWith("/") ? settings.oauthUrl : `${settings.oauthUrl}/` } : {}),
    JOBS_MAINTENANCE_SECONDS: "1",
    JOBS_POLLING_SECONDS: "0.5",
    JOBS_RETRY_DELAY_SECONDS: "1",
    WORKER_CONCURRENCY: "1",
    ...settings.env,
  };
  const kill = async (child: ChildProcess) => {
    if (!exited(child)) child.kill("SIGKILL");
    await exit(child);
  };
  const set: WorkerProcesses = {
    start() {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { cwd: root, env, stdio: settings.stdio ?? "ignore" });
      started.push(child);
      return child;
    },
    kill,
    async restart(child) {
      await kill(child);
      return set.start();
    },
    async stopAll(timeoutMs = 30_000) {
      await Promise.all(
        set.live.map(async (child) => {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
          await exit(child);
          clearTimeout(timer);
        }),
      );
    },
    async killAll() {
      await Promise.all(started.map(kill));
    },
    get live() {
      return started.filter((c) => !exited(c));
    },
  };
  return set;
}
