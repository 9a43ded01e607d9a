/**
 * The `transfer.run` job's work: plan (once), move, finish — for a transfer, an undo or a return.
 * Idempotent across attempts: a repeated attempt finds the plan and the items' states in the
 * database and carries on from there (move.ts).
 */
import { amendOperation } from "../operation-log";
import type { TransferDeps } from "./deps";
import { moveItems, type MoveCounts } from "./move";
import { planAssignments, saveReversePlan, savePlan, type StoredOptions } from "./plan";
import { notifyReceivers } from "./notify";

export interface RunProgress {
  reportProgress(done: number, total: number): Promise<void>;
}

export interface RunResult extends MoveCounts {
  cancelled: boolean;
}

export async function runTransfer(deps: TransferDeps, transferId: string, progress: RunProgress): Promise<RunResult> {
  const transfer = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: transferId } });
  if (transfer.state === "completed" || transfer.state === "cancelled") {
    return { total: transfer.total, moved: transfer.moved, failed: transfer.failed, skipped: transfer.skipped, cancelled: transfer.state === "cancelled" };
  }
  const client = await deps.clients.clientFor(transfer.portalId, { userId: transfer.startedBy });
  const options = transfer.options as unknown as StoredOptions & { force?: boolean };

  if (!transfer.plannedAt) {
    await deps.prisma.transfer.update({ where: { id: transferId }, data: { state: "planning" } });
    if (transfer.kind === "transfer") {
      const { assignments, failed, errors } = await planAssignments(client, transfer.fromUserId, transfer.receiverIds, options);
      await savePlan(deps, transferId, transfer.fromUserId, assignments, failed);
      // Types the portal did not list whole are failures of the run, kept with its log entry.
      if (errors.length) await amendOperation(deps.prisma, transfer.logId, { planErrors: errors.map((e) => ({ ...e })) });
    } else {
      await saveReversePlan(deps, transferId, transfer.parentId!);
    }
  }
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { state: "moving", movingSince: transfer.movingSince ?? new Date() } });

  const result = await moveItems(deps, {
    transferId,
    client,
    verifyAll: transfer.kind !== "transfer",
    force: transfer.kind === "return" && transfer.forceReturn,
    async onProgress(c) {
      await deps.prisma.transfer.update({ where: { id: transferId }, data: { moved: c.moved, failed: c.failed, skipped: c.skipped, total: c.total } });
      await progress.reportProgress(c.moved + c.failed + c.skipped, c.total);
    },
  });
  await progress.reportProgress(result.moved + result.failed + result.skipped, result.total);
  await finish(deps, transferId, result);
  if (transfer.kind === "transfer" && options.notify && !result.cancelled) {
    await notifyReceivers(deps, client, transferId).catch(() => undefined); // a failed notification never undoes a transfer
  }
  return result;
}

/** Records the outcome on the transfer and its operation-log row (counts only). */
async function finish(deps: TransferDeps, transferId: string, result: RunResult): Promise<void> {
  const transfer = await deps.prisma.transfer.update({
    where: { id: transferId },
    data: {
      state: result.cancelled ? "cancelled" : "completed",
      finishedAt: new Date(),
      moved: result.moved,
      failed: result.failed,
      skipped: result.skipped,
      total: result.total,
    },
  });
  await amendOperation(deps.prisma, transfer.logId, {
    state: transfer.state,
    total: result.total,
    moved: result.moved,
    failed: result.failed,
    skipped: result.skipped,
    finishedAt: transfer.finishedAt?.toISOString() ?? null,
  });
}
