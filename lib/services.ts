/**
 * The composition root: the process's services, built once from lib/env.ts — database, key
 * ring, OAuth credentials, token store, Bitrix24 clients, job runtime. Pages, server actions,
 * route handlers and the worker take them from `services()`; feature functions take what they
 * need as parameters, so integration tests pass services of their own (`createServices` with a
 * test database and the emulator).
 *
 *   const { prisma, clients, jobs } = services();
 *   const client = await clients.clientFor(session.portalId, { userId: session.userId });
 *   await jobs.enqueue(transferJob, { portalId, startedBy: session.userId, input });
 *
 * Each service is built on first use: /api/health needs the database but not the app's
 * credentials. Read services as properties; do not spread the object (that builds all of them).
 * No `server-only` import: the worker process (scripts/worker.ts) uses this module too.
 */
import type PgBoss from "pg-boss";
import { createAdminRights } from "./admin-rights";
import { createClientFactory, pgBucketStore, TokenStore, type FetchLike, type OAuthClientCredentials } from "./bitrix24";
import { createKeyRing, type KeyRing } from "./crypto";
import { getPrisma, type PrismaClient } from "./db";
import { ConfigurationError, env, requireSetting } from "./env";
import { JOB_CATALOGUE, scheduleRecurringJobs } from "./job-catalogue";
import { createJobsRuntime, type JobDefinition } from "./jobs";
import { logger } from "./log";
import type { Services } from "./service-types";

export type { Services, Session } from "./service-types";

export interface ServicesOptions {
  databaseUrl: string;
  /** Default: the process's client for databaseUrl (lib/db.ts). */
  prisma?: PrismaClient;
  keys: KeyRing | (() => KeyRing);
  credentials: OAuthClientCredentials | (() => OAuthClientCredentials);
  /** The OAuth server's base URL (B24_OAUTH_URL), with or without the trailing slash. */
  oauthUrl: string;
  appUrl: string;
  /** The server secret; default NEXTAUTH_SECRET, read when first used. */
  secret?: string | (() => string);
  fetch?: FetchLike;
  /** Default: lib/job-catalogue.ts. */
  jobDefinitions?: readonly JobDefinition[];
  maintenanceIntervalSeconds?: number;
  /** Every job's first retry delay in place of its own (test workers; lib/jobs createJobsRuntime). */
  retryDelaySeconds?: number;
  /** Pace Bitrix24 calls by the portal's bucket shared with our other processes (default true). */
  sharedRateLimit?: boolean;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const resolve = <T>(value: T | (() => T)): T => (typeof value === "function" ? (value as () => T)() : value);

/** Services from explicit settings (tests: a test database, the emulator's OAuth server). */
export function createServices(options: ServicesOptions): Services {
  const prisma = once(() => options.prisma ?? getPrisma(options.databaseUrl));
  const keys = once(() => resolve(options.keys));
  const credentials = once(() => resolve(options.credentials));
  const secret = once(() => resolve(options.secret ?? (() => requireSetting("NEXTAUTH_SECRET"))));
  const tokens = once(() => new TokenStore({ prisma: prisma(), keys: keys(), credentials: credentials(), fetch: options.fetch }));
  // Web and workers pace by one bucket per portal in the database (docs/decisions/008-shared-rate-limiter.md).
  const clients = once(() =>
    createClientFactory({
      prisma: prisma(),
      tokens: tokens(),
      fetch: options.fetch,
      sharedRateLimit: options.sharedRateLimit ?? true,
      // Without an injected Prisma client (tests pass theirs) the bucket has its own small pool.
      bucketStore: options.prisma || options.sharedRateLimit === false ? undefined : pgBucketStore(options.databaseUrl),
    }),
  );
  const adminRights = once(() => createAdminRights(clients()));
  const jobs = once(() =>
    createJobsRuntime({
      databaseUrl: options.databaseUrl,
      prisma: prisma(),
      definitions: options.jobDefinitions ?? JOB_CATALOGUE,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
      retryDelaySeconds: options.retryDelaySeconds,
      clients,
      keys,
      appClientId: () => credentials().clientId,
    }),
  );
  const oauth = options.oauthUrl.endsWith("/") ? options.oauthUrl : `${options.oauthUrl}/`;
  return {
    databaseUrl: options.databaseUrl,
    oauthServerEndpoint: `${oauth}rest/`,
    appUrl: options.appUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    get prisma() {
      return prisma();
    },
    get keys() {
      return keys();
    },
    get credentials() {
      return credentials();
    },
    get appClientId() {
      return credentials().clientId;
    },
    get secret() {
      return secret();
    },
    get tokens() {
      return tokens();
    },
    get clients() {
      return clients();
    },
    get adminRights() {
      return adminRights();
    },
    get jobs() {
      return jobs();
    },
  };
}

/** The key ring from TOKEN_ENCRYPTION_KEY and TOKEN_ENCRYPTION_KEYS_OLD. */
export function keyRingFromEnv(): KeyRing {
  return createKeyRing(requireSetting("TOKEN_ENCRYPTION_KEY"), env().TOKEN_ENCRYPTION_KEYS_OLD);
}

let instance: Services | undefined;

/** The process's services, configured from lib/env.ts; built once. */
export function services(): Services {
  if (!instance) {
    const config = env();
    if (!config.DATABASE_URL) {
      throw new ConfigurationError([
        "DATABASE_URL: expected a value (it is not set): start the app through `npm run dev`, `npm start` or `npm run demo`, which provide the database",
      ]);
    }
    instance = createServices({
      databaseUrl: config.DATABASE_URL,
      keys: keyRingFromEnv,
      credentials: () => ({ clientId: requireSetting("B24_CLIENT_ID"), clientSecret: requireSetting("B24_CLIENT_SECRET") }),
      oauthUrl: config.B24_OAUTH_URL,
      appUrl: config.APP_URL,
      maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_SECONDS,
      retryDelaySeconds: config.JOBS_RETRY_DELAY_SECONDS,
      sharedRateLimit: config.B24_RATE_LIMIT_SCOPE === "shared",
    });
  }
  return instance;
}

/** Forgets the process's services (launchers and tests that change the environment). */
export function resetServices(): void {
  instance = undefined;
}

const log = logger("jobs");

/**
 * Starts the job queue in this process: queues and recurring schedules always (so the web process
 * can enqueue), the worker when `work` is true (`npm run worker`, or the demo's web process with
 * WORKER_IN_PROCESS). Returns a function that stops working.
 */
export async function startJobs(from: Services, { work }: { work: boolean }): Promise<() => Promise<void>> {
  const config = env();
  await from.jobs.ensureQueues();
  const boss: PgBoss = await from.jobs.boss();
  await scheduleRecurringJobs(from.prisma, boss);
  if (!work) return async () => {};
  const stop = await from.jobs.startWorker({ concurrency: config.WORKER_CONCURRENCY, pollingIntervalSeconds: config.JOBS_POLLING_SECONDS });
  log.info("worker started", { kinds: JOB_CATALOGUE.length, concurrency: config.WORKER_CONCURRENCY });
  return stop;
}
