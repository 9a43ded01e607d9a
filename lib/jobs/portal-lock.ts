/**
 * One job per portal at a time, across every worker process: a PostgreSQL session advisory lock
 * held on a dedicated connection for the job's duration. If the worker dies, its connection
 * closes and PostgreSQL releases the lock by itself.
 *
 * (pg-boss's `singleton` queue policy would also serialise by key, but its fetch takes the oldest
 * job first and gives up on a key conflict, so one portal's long job would stall every other
 * portal's queue behind it.)
 */
import pg from "pg";

export interface PortalLock {
  release(): Promise<void>;
}

export async function tryLockPortal(databaseUrl: string, portalId: string): Promise<PortalLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended('staffsuite.portal-job:' || $1, 0)) AS locked",
      [portalId],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Closing the session releases its advisory locks.
      await client.end().catch(() => {});
    },
  };
}
