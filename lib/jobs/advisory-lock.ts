/**
 * PostgreSQL session advisory locks on a dedicated connection, so that work spread over several
 * processes (web, any number of workers) can be serialised. If a process dies, its connection
 * closes and PostgreSQL releases the lock by itself.
 */
import pg from "pg";

export interface AdvisoryLock {
  release(): Promise<void>;
}

const LOCK_KEY = "hashtextextended($1, 0)";

/** Takes the lock named `name` if it is free; null if another session holds it. */
export async function tryAdvisoryLock(databaseUrl: string, name: string): Promise<AdvisoryLock | null> {
  return lockWith(databaseUrl, `SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, name);
}

/** Runs `work` while holding the lock named `name`, waiting for it as long as it takes. */
export async function withAdvisoryLock<T>(databaseUrl: string, name: string, work: () => Promise<T>): Promise<T> {
  const lock = await lockWith(databaseUrl, `SELECT pg_advisory_lock(${LOCK_KEY}), true AS locked`, name);
  if (!lock) throw new Error(`advisory lock ${name} was not granted`);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

async function lockWith(databaseUrl: string, sql: string, name: string): Promise<AdvisoryLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(sql, [name]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    // The query's error is the one the caller needs; a failed close of the same broken session adds nothing.
    await client.end().catch(() => {});
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Closing the session releases its advisory locks; if the close fails the connection is gone,
      // and PostgreSQL releases a dead session's locks itself, so there is nothing left to undo.
      await client.end().catch(() => {});
    },
  };
}
