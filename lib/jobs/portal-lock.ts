/**
 * One job per portal at a time, across every worker process: an advisory lock held on a
 * dedicated connection for the job's duration (released by PostgreSQL if the worker dies).
 *
 * (pg-boss's `singleton` queue policy would also serialise by key, but its fetch takes the oldest
 * job first and gives up on a key conflict, so one portal's long job would stall every other
 * portal's queue behind it.)
 */
import { tryAdvisoryLock, type AdvisoryLock } from "./advisory-lock";

export type PortalLock = AdvisoryLock;

/** The advisory lock's name (also read by the runtime's orphan sweep, which looks in pg_locks). */
export function portalLockName(portalId: string): string {
  return `staffsuite.portal-job:${portalId}`;
}

export function tryLockPortal(databaseUrl: string, portalId: string): Promise<PortalLock | null> {
  return tryAdvisoryLock(databaseUrl, portalLockName(portalId));
}
