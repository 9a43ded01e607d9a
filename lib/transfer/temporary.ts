/**
 * Temporary transfers (holiday cover): the return date can be brought forward, postponed or
 * cancelled, "force return" switched, and the return started at once. The `transfer.returns-due`
 * job (every minute) starts the returns that are due; a return gives back every record that
 * still has the owner we gave it (move.ts reads each first), unless forced.
 */
import type { JobDefinition } from "../jobs";
import type { TransferDeps } from "./deps";
import { startReverse, TransferRefused, type Enqueue, type TransferJobInput } from "./start";

async function scheduled(deps: TransferDeps, portalId: string, transferId: string) {
  const t = await deps.prisma.transfer.findFirst({ where: { id: transferId, portalId, kind: "transfer" } });
  if (!t) throw new TransferRefused("not-found");
  if (t.returnState !== "scheduled") throw new TransferRefused("not-temporary");
  return t;
}

/** Moves the return to `returnAt` (earlier or later); it must lie in the future. */
export async function rescheduleReturn(deps: TransferDeps, portalId: string, transferId: string, returnAt: Date): Promise<void> {
  await scheduled(deps, portalId, transferId);
  if (returnAt.getTime() <= Date.now()) throw new TransferRefused("return-past");
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { returnAt } });
}

/** The records stay with the receivers for good. */
export async function cancelReturn(deps: TransferDeps, portalId: string, transferId: string): Promise<void> {
  await scheduled(deps, portalId, transferId);
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { returnState: "cancelled" } });
}

/** Whether the return also takes back records changed by hand meanwhile. */
export async function setForceReturn(deps: TransferDeps, portalId: string, transferId: string, force: boolean): Promise<void> {
  await scheduled(deps, portalId, transferId);
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { forceReturn: force } });
}

/** Starts the return now (an admin's "return now", or a due date reached). */
export async function returnNow(
  deps: TransferDeps,
  jobs: Enqueue,
  job: JobDefinition<TransferJobInput>,
  portalId: string,
  transferId: string,
  actorUserId: number,
): Promise<string> {
  await scheduled(deps, portalId, transferId);
  return startReverse(deps, jobs, job, transferId, "return", actorUserId, portalId);
}

/** Starts every return that is due (finished transfers only); a busy portal is tried again next time. */
export async function startDueReturns(deps: TransferDeps, jobs: Enqueue, job: JobDefinition<TransferJobInput>, now = new Date()): Promise<string[]> {
  const due = await deps.prisma.transfer.findMany({
    where: { kind: "transfer", returnState: "scheduled", returnAt: { lte: now }, state: { in: ["completed", "cancelled"] } },
    select: { id: true, portalId: true, startedBy: true },
    take: 100,
  });
  const started: string[] = [];
  for (const t of due) {
    try {
      started.push(await startReverse(deps, jobs, job, t.id, "return", t.startedBy, t.portalId));
    } catch (error) {
      if (error instanceof TransferRefused && error.reason === "nothing-to-undo") {
        await deps.prisma.transfer.update({ where: { id: t.id }, data: { returnState: "started" } });
      } else if (!(error instanceof TransferRefused)) throw error;
    }
  }
  return started;
}

/** Puts a finished transfer's failed records back in the queue and runs it again. */
export async function retryFailed(
  deps: TransferDeps,
  jobs: Enqueue,
  job: JobDefinition<TransferJobInput>,
  portalId: string,
  transferId: string,
): Promise<number> {
  const t = await deps.prisma.transfer.findFirst({ where: { id: transferId, portalId } });
  if (!t) throw new TransferRefused("not-found");
  if (t.state !== "completed" && t.state !== "cancelled") throw new TransferRefused("busy");
  const running = await deps.prisma.transfer.count({ where: { portalId, state: { in: ["queued", "planning", "moving"] } } });
  if (running) throw new TransferRefused("busy");
  const { count } = await deps.prisma.transferItem.updateMany({ where: { transferId, state: "failed" }, data: { state: "planned", errorCode: null } });
  if (count === 0) return 0;
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { state: "queued", cancelRequested: false, finishedAt: null } });
  const jobRunId = await jobs.enqueue(job, { portalId, startedBy: t.startedBy, input: { transferId } });
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { jobRunId } });
  return count;
}
