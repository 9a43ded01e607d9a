/**
 * Forgetting a portal: on ONAPPUNINSTALL (whatever data[CLEAN] says, docs/architecture.md "What we keep") and
 * on an administrator's request. Every portal-owned table cascades from Portal
 * (prisma/schema.prisma), so deleting the Portal row removes it all in one transaction.
 *
 * pg-boss keeps its own copy of queued work (the `pgboss` schema). We cancel the portal's
 * unfinished pg-boss jobs after the commit, best effort: should that fail (or a job be enqueued
 * in the instant between), the job is still harmless, because the runtime (lib/jobs/runtime.ts)
 * skips a job whose JobRun row is gone — and the JobRun went with the portal.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { UNFINISHED_JOB_STATES } from "../jobs";
import { logger } from "../log";

const log = logger("portal-data");

export interface DeletePortalDataDeps {
  prisma: PrismaClient;
  /** The process's pg-boss; without it queued jobs are left for the runtime to skip. */
  boss?: () => Promise<PgBoss>;
}

export interface PortalDataDeletion {
  /** False when there was no such portal (already deleted): deleting is idempotent. */
  deleted: boolean;
  /** pg-boss jobs of the portal that were cancelled (queued, retrying or running). */
  cancelledJobs: number;
}

export async function deletePortalData(deps: DeletePortalDataDeps, portalId: string): Promise<PortalDataDeletion> {
  const { deleted, unfinished } = await deps.prisma.$transaction(async (tx) => {
    // Read the unfinished runs' pg-boss ids before they cascade away with the portal.
    const unfinished = await tx.jobRun.findMany({
      where: { portalId, state: { in: [...UNFINISHED_JOB_STATES] }, bossJobId: { not: null } },
      select: { kind: true, bossJobId: true },
    });
    const { count } = await tx.portal.deleteMany({ where: { id: portalId } });
    return { deleted: count > 0, unfinished };
  });
  return { deleted, cancelledJobs: await cancelBossJobs(deps.boss, unfinished) };
}

async function cancelBossJobs(boss: DeletePortalDataDeps["boss"], runs: { kind: string; bossJobId: string | null }[]): Promise<number> {
  if (!boss || runs.length === 0) return 0;
  const byKind = new Map<string, string[]>();
  for (const run of runs) if (run.bossJobId) byKind.set(run.kind, [...(byKind.get(run.kind) ?? []), run.bossJobId]);
  try {
    const instance = await boss();
    for (const [kind, ids] of byKind) await instance.cancel(kind, ids);
    return runs.length;
  } catch (error) {
    // The data is already gone; a leftover job only finds no JobRun and is skipped.
    log.warn("could not cancel queued jobs", { jobs: runs.length, error });
    return 0;
  }
}
