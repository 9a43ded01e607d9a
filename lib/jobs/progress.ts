/**
 * Reading a job's state for the UI. A job whose worker died keeps its JobRun "running" until
 * pg-boss expires the attempt; once pg-boss has given up on it, the row is brought in line here.
 */
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { isRecordId } from "../security";

/** The one list of a job's states: those it ends in, and those it may still move from. */
export const FINISHED_JOB_STATES = ["completed", "failed", "cancelled"] as const;
export const UNFINISHED_JOB_STATES = ["queued", "running", "retrying"] as const;

export interface JobProgress {
  id: string;
  kind: string;
  state: "queued" | "running" | "retrying" | "completed" | "failed" | "cancelled";
  done: number;
  total: number;
  /** 0..1, or null while the total is unknown. */
  fraction: number | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Who may see a job: anyone of its portal if an admin, otherwise only the user who started it. */
export interface JobViewer {
  portalId: string;
  userId: number;
  isAdmin: boolean;
}

/** A job's progress; null when it does not exist or `viewer` may not see it (the same answer for both). */
export async function readJobProgress(prisma: PrismaClient, boss: PgBoss | null, jobRunId: string, viewer?: JobViewer): Promise<JobProgress | null> {
  // An id from a URL that cannot be ours must not reach the database (lib/security/record-id.ts).
  if (!isRecordId(jobRunId)) return null;
  const visible = viewer ? { portalId: viewer.portalId, ...(viewer.isAdmin ? {} : { startedBy: viewer.userId }) } : {};
  let run = await prisma.jobRun.findFirst({ where: { id: jobRunId, ...visible } });
  if (!run) return null;
  if (boss && run.bossJobId && (UNFINISHED_JOB_STATES as readonly string[]).includes(run.state)) {
    const job = await boss.getJobById(run.kind, run.bossJobId, { includeArchive: true });
    if (job && job.state === "failed" && job.retryCount >= job.retryLimit) {
      run = await prisma.jobRun.update({
        where: { id: run.id },
        data: { state: "failed", finishedAt: new Date(), error: run.error ?? "The worker running this job stopped responding." },
      });
    }
  }
  return {
    id: run.id,
    kind: run.kind,
    state: run.state,
    done: run.done,
    total: run.total,
    fraction: run.total > 0 ? Math.min(1, run.done / run.total) : null,
    attempts: run.attempts,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
