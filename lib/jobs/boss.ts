/**
 * The pg-boss instance of this process, in the `pgboss` schema of our own database. pg-boss
 * creates and migrates its schema itself on start.
 */
import PgBoss from "pg-boss";
import { withAdvisoryLock } from "./advisory-lock";
import type { JobDefinition } from "./definition";
import { logger } from "../log";

const log = logger("jobs");

export const BOSS_SCHEMA = "pgboss";

const instances = new Map<string, Promise<PgBoss>>();

export interface BossOptions {
  /** Seconds between pg-boss maintenance runs (expiry of lost jobs, archiving). */
  maintenanceIntervalSeconds?: number;
}

/** Starts (once per database URL) and returns pg-boss. */
export function getBoss(databaseUrl: string, options: BossOptions = {}): Promise<PgBoss> {
  let boss = instances.get(databaseUrl);
  if (!boss) {
    boss = (async () => {
      const instance = new PgBoss({
        connectionString: databaseUrl,
        schema: BOSS_SCHEMA,
        max: 4,
        maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      });
      // pg-boss reports background errors (lost connection, maintenance) as events; without a
      // listener Node would crash the process on them.
      instance.on("error", (error) => log.error("pg-boss", { error }));
      await instance.start();
      return instance;
    })();
    instances.set(databaseUrl, boss);
    boss.catch(() => instances.delete(databaseUrl));
  }
  return boss;
}

/**
 * Creates the queue of a job kind with its policy (idempotent). Creating a queue adds a partition
 * with a foreign key to pgboss.queue; two creations at once (processes starting together, or one
 * process creating several queues) deadlock in PostgreSQL, so they take turns under a lock.
 */
export async function ensureQueue(boss: PgBoss, databaseUrl: string, definition: JobDefinition): Promise<void> {
  await withAdvisoryLock(databaseUrl, "staffsuite.pgboss-queue-setup", () => createOrUpdateQueue(boss, definition));
}

async function createOrUpdateQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  const options: PgBoss.Queue = {
    name: definition.kind,
    retryLimit: definition.retryLimit,
    retryDelay: definition.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds,
  };
  const existing = await boss.getQueue(definition.kind);
  if (existing) await boss.updateQueue(definition.kind, options);
  else await boss.createQueue(definition.kind, options);
}

export async function stopBoss(databaseUrl: string, options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const boss = instances.get(databaseUrl);
  if (!boss) return;
  instances.delete(databaseUrl);
  // A boss that never started (its error was thrown to whoever asked for it) has nothing to stop.
  const instance = await boss.catch(() => null);
  await instance?.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 10_000, wait: true });
}
