/**
 * The `transfer.run` job's work: plan (once), move, finish — for a transfer, an undo or a return.
 * It ends completed, completed with failures, or failed (nothing moved, something failed:
 * outcome.ts); types refused while planning and notices the portal refused are kept on the run.
 * Idempotent across attempts: a repeated attempt finds the plan and the items' states in the
 * database and carries on from there (move.ts).
 */
import { amendOperation } from "../operation-log";
import type { TransferDeps } from "./deps";
import { realSleep } from "./deps";
import { LATER_CODES, moveItems, type MoveCounts } from "./move";
import { planAssignments, saveReversePlan, savePlan, type ReverseOptions, type StoredOptions } from "./plan";
import { notifyReceivers } from "./notify";
import { countOf, outcomeOf } from "./outcome";

export interface RunProgress {
  reportProgress(done: number, total: number): Promise<void>;
}

export interface RunResult extends MoveCounts {
  cancelled: boolean;
}

export async function runTransfer(deps: TransferDeps, transferId: string, progress: RunProgress): Promise<RunResult> {
  const transfer = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: transferId } });
  if (transfer.state === "completed" || transfer.state === "cancelled" || transfer.state === "failed") {
    return { total: transfer.total, moved: transfer.moved, failed: transfer.failed, skipped: transfer.skipped, cancelled: transfer.state === "cancelled" };
  }
  const client = await deps.clients.clientFor(transfer.portalId, { userId: transfer.startedBy });
  const options = transfer.options as unknown as StoredOptions & { force?: boolean };

  if (!transfer.plannedAt) {
    await deps.prisma.transfer.update({ where: { id: transferId }, data: { state: "planning" } });
    if (transfer.kind === "transfer") {
      const { assignments, failed, errors } = await planPatiently(deps, () => planAssignments(client, transfer.fromUserId, transfer.receiverIds, options));
      // A type the portal did not list whole is a failure of the run, never a silent skip: kept on
      // the run (outcome.ts) and with its log entry.
      await savePlan(deps, transferId, transfer.fromUserId, assignments, failed, errors);
      if (errors.length) await amendOperation(deps.prisma, transfer.logId, { planErrors: errors.map((e) => ({ ...e })) });
    } else {
      await saveReversePlan(deps, transferId, transfer.parentId!, transfer.options as Partial<ReverseOptions>);
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
  if (transfer.kind === "transfer" && options.notify && !result.cancelled) {
    // A failed notice never undoes a transfer, but the run says whom it did not reach (before it
    // reads as finished, so whoever watches it sees the notices too).
    const noticeFailures = await notifyReceivers(deps, client, transferId);
    await deps.prisma.transfer.update({ where: { id: transferId }, data: { noticeFailures: noticeFailures as never } });
  }
  await finish(deps, transferId, result);
  return result;
}

const PLAN_ATTEMPTS = 5;

/** Plans again, after a pause, while the portal only says "later" for a type; what it still refuses stays a failure. */
async function planPatiently(deps: TransferDeps, plan: () => ReturnType<typeof planAssignments>): ReturnType<typeof planAssignments> {
  const sleep = deps.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    const planned = await plan();
    if (attempt >= PLAN_ATTEMPTS || !planned.errors.some((e) => LATER_CODES.has(e.code))) return planned;
    await sleep(2000 * attempt);
  }
}

/** Records the outcome on the transfer and its operation-log row (counts only). */
async function finish(deps: TransferDeps, transferId: string, result: RunResult): Promise<void> {
  const { planFailures } = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { planFailures: true } });
  const outcome = outcomeOf({
    state: result.cancelled ? "cancelled" : "completed",
    moved: result.moved,
    failed: result.failed,
    planFailures: countOf(planFailures),
  });
  const transfer = await deps.prisma.transfer.update({
    where: { id: transferId },
    data: {
      state: outcome === "failed" ? "failed" : result.cancelled ? "cancelled" : "completed",
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
