/**
 * Starting a transfer, running a finished one's failed records again, and asking a running one to
 * stop: the checks that refuse with a reason (lib/errors Refused), the Transfer row with its
 * operation-log row (IDs and options only), and the durable job (run-job.ts).
 */
import { Refused } from "../errors";
import { recordOperation } from "../operation-log";
import type { Session } from "../service-types";
import type { TransferDeps, TransferServices } from "./deps";
import type { StoredOptions } from "./plan";
import { checkReceivers, receiverStatuses } from "./receivers";
import type { TransferRequest } from "./request";
import { transferRunJob } from "./run-job";

/** Who acts: the signed-in administrator in their portal. */
export type Actor = Pick<Session, "portalId" | "userId">;

/** One transfer, undo or return of a portal runs at a time. */
export async function refuseIfBusy(deps: Pick<TransferDeps, "prisma">, portalId: string): Promise<void> {
  const running = await deps.prisma.transfer.count({ where: { portalId, state: { in: ["queued", "planning", "moving"] } } });
  if (running) throw new Refused("transfer.refused.busy");
}

/** Records and enqueues a transfer of `request` (validated at the edge: request.ts). */
export async function startTransfer(services: TransferServices, session: Actor, request: TransferRequest): Promise<{ ok: true; transferId: string }> {
  const { portalId, userId: actorUserId } = session;
  const client = await services.clients.clientFor(portalId, { userId: actorUserId });
  await checkReceivers(client, request.receiverIds);
  if (request.returnAt && Date.parse(request.returnAt) <= Date.now()) throw new Refused("transfer.refused.return_past", { status: 400 });
  await refuseIfBusy(services, portalId);
  const options: StoredOptions = { selections: request.selections, query: request.query, split: request.split, notify: request.notify };
  const transfer = await services.prisma.$transaction(async (tx) => {
    const log = await recordOperation(tx, {
      portalId,
      tool: "transfer",
      action: request.returnAt ? "temporary-transfer" : "transfer",
      actorUserId,
      subjectUserId: request.fromUserId,
      details: { receivers: request.receiverIds, selections: request.selections, state: "queued" },
    });
    return tx.transfer.create({
      data: {
        portalId,
        logId: log.id,
        kind: "transfer",
        fromUserId: request.fromUserId,
        receiverIds: request.receiverIds,
        startedBy: actorUserId,
        options: options as never,
        returnAt: request.returnAt ? new Date(request.returnAt) : null,
        returnState: request.returnAt ? "scheduled" : null,
        forceReturn: request.forceReturn,
      },
    });
  });
  return { ok: true, transferId: await enqueueTransfer(services, transfer.id, portalId, actorUserId) };
}

/** Enqueues the `transfer.run` job of a recorded transfer and notes its job on it. */
export async function enqueueTransfer(services: TransferServices, transferId: string, portalId: string, startedBy: number): Promise<string> {
  const jobRunId = await services.jobs.enqueue(transferRunJob, { portalId, startedBy, input: { transferId } });
  await services.prisma.transfer.update({ where: { id: transferId }, data: { jobRunId } });
  return transferId;
}

/** Asks a running transfer to stop after its current batch (what moved stays moved and logged). */
export async function cancelTransfer(
  services: Pick<TransferDeps, "prisma">,
  session: Actor,
  input: { transferId: string },
): Promise<{ ok: true; cancelled: boolean }> {
  const r = await services.prisma.transfer.updateMany({
    where: { id: input.transferId, portalId: session.portalId, state: { in: ["queued", "planning", "moving"] } },
    data: { cancelRequested: true },
  });
  return { ok: true, cancelled: r.count > 0 };
}

/**
 * Puts a finished transfer's failed records back in the queue and runs it again. Their receivers
 * are checked first: one who can no longer receive is refused, unless `receiverId` (checked too)
 * takes every failed record instead — also the way past failures a retry would only repeat.
 */
export async function retryTransfer(
  services: TransferServices,
  session: Actor,
  input: { transferId: string; receiverId?: number },
): Promise<{ ok: true; retried: number }> {
  const { portalId } = session;
  const { transferId, receiverId } = input;
  const t = await services.prisma.transfer.findFirst({ where: { id: transferId, portalId } });
  if (!t) throw new Refused("transfer.refused.not_found", { status: 404 });
  if (!FINISHED.includes(t.state)) throw new Refused("transfer.refused.busy");
  await refuseIfBusy(services, portalId);
  const failed = await services.prisma.transferItem.findMany({ where: { transferId, state: "failed" }, select: { toUserId: true }, distinct: ["toUserId"] });
  if (failed.length === 0) return { ok: true, retried: 0 };
  const client = await services.clients.clientFor(portalId, { userId: session.userId });
  if (receiverId !== undefined) {
    if (receiverId === t.fromUserId && t.kind === "transfer") throw new Refused("transfer.refused.receiver_is_leaver", { status: 400 });
    await checkReceivers(client, [receiverId]);
  } else {
    const statuses = await receiverStatuses(
      client,
      failed.map((f) => f.toUserId),
    );
    const blocked = [...statuses].filter(([, s]) => s !== "ok").map(([id]) => id);
    if (blocked.length) throw new Refused("transfer.refused.retry_receiver_gone", { userIds: blocked });
  }
  const { count } = await services.prisma.transferItem.updateMany({
    where: { transferId, state: "failed" },
    data: { state: "planned", errorCode: null, ...(receiverId !== undefined ? { toUserId: receiverId } : {}) },
  });
  // The retry's rate counts only what it settles itself (progress.ts).
  const settledBefore = await services.prisma.transferItem.count({ where: { transferId, state: { in: ["moved", "skipped"] } } });
  await services.prisma.transfer.update({
    where: { id: transferId },
    data: {
      state: "queued",
      cancelRequested: false,
      finishedAt: null,
      movingSince: null,
      settledBefore,
      ...(receiverId !== undefined && !t.receiverIds.includes(receiverId) ? { receiverIds: [...t.receiverIds, receiverId] } : {}),
    },
  });
  const jobRunId = await services.jobs.enqueue(transferRunJob, { portalId, startedBy: t.startedBy, input: { transferId } });
  await services.prisma.transfer.update({ where: { id: transferId }, data: { jobRunId } });
  return { ok: true, retried: count };
}

/** The states a run ends in; only a finished run is undone, retried or returned. */
export const FINISHED = ["completed", "cancelled", "failed"];
