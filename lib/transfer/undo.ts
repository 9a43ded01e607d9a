/**
 * Undo: the reverse of a finished transfer — or of an undo, or a return — as its own Transfer with
 * its own operation-log row, giving each moved record back to the holder it was taken from (a
 * record changed by hand meanwhile stays: move.ts reads each first). A temporary transfer's
 * return starts the same way (temporary.ts).
 */
import { Refused } from "../errors";
import { recordOperation } from "../operation-log";
import type { TransferServices } from "./deps";
import { enqueueTransfer, refuseIfBusy, type Actor } from "./start";

/** An administrator's undo of a finished transfer, undo or return of their portal. */
export async function undoTransfer(services: TransferServices, session: Actor, input: { transferId: string }): Promise<{ ok: true; transferId: string }> {
  return { ok: true, transferId: await startReverse(services, input.transferId, "undo", session.userId, session.portalId) };
}

/**
 * Records and enqueues the reverse of `parentId`: an undo (now, by an admin) or the return of a
 * temporary transfer. Without `portalId` (the returns-due job) the parent may be any portal's.
 */
export async function startReverse(
  services: TransferServices,
  parentId: string,
  kind: "undo" | "return",
  actorUserId: number,
  portalId?: string,
): Promise<string> {
  // Any operation can be undone — a transfer, an undo, a return (a reverse plan swaps each moved
  // record's holders, whatever moved it); only a transfer has a return.
  const parent = await services.prisma.transfer.findFirst({
    where: { id: parentId, ...(portalId ? { portalId } : {}), kind: kind === "undo" ? { in: ["transfer", "undo", "return"] } : "transfer" },
  });
  if (!parent) throw new Refused("transfer.refused.not_found", { status: 404 });
  if (parent.state !== "completed" && parent.state !== "cancelled") throw new Refused("transfer.refused.busy");
  const moved = await services.prisma.transferItem.findMany({
    where: { transferId: parentId, state: "moved" },
    select: { fromUserId: true },
    distinct: ["fromUserId"],
  });
  if (moved.length === 0) throw new Refused("transfer.refused.nothing_to_undo");
  // Who gets the records back: the previous holders of what the parent moved (the leaver, for a transfer's undo).
  const receivers = moved.map((m) => m.fromUserId).sort((a, b) => a - b);
  await refuseIfBusy(services, parent.portalId);
  const reverse = await services.prisma.$transaction(async (tx) => {
    const log = await recordOperation(tx, {
      portalId: parent.portalId,
      tool: "transfer",
      action: kind,
      actorUserId,
      subjectUserId: parent.fromUserId,
      details: { of: parentId, receivers, state: "queued" },
    });
    // An undo ends a temporary transfer's pending return: the records are back already.
    if (parent.returnState === "scheduled")
      await tx.transfer.update({ where: { id: parentId }, data: { returnState: kind === "undo" ? "cancelled" : "started" } });
    return tx.transfer.create({
      data: {
        portalId: parent.portalId,
        logId: log.id,
        kind,
        parentId,
        fromUserId: parent.fromUserId,
        receiverIds: receivers,
        startedBy: actorUserId,
        forceReturn: kind === "return" && parent.forceReturn,
        options: {},
      },
    });
  });
  return enqueueTransfer(services, reverse.id, parent.portalId, actorUserId);
}
