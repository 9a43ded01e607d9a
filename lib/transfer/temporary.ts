/**
 * Temporary transfers (holiday cover): the return date can be brought forward, postponed or
 * cancelled, "force return" switched, and the return started at once. The `transfer.returns-due`
 * job (every minute) starts the returns that are due; a return gives back every record that
 * still has the owner we gave it (move.ts reads each first), unless forced.
 */
import { Refused } from "../errors";
import type { TransferDeps, TransferServices } from "./deps";
import type { Actor } from "./start";
import { startReverse } from "./undo";

export type ReturnChange =
  | { transferId: string; action: "reschedule"; returnAt: Date }
  | { transferId: string; action: "cancel" | "now" }
  | { transferId: string; action: "force"; force: boolean };

async function scheduled(deps: Pick<TransferDeps, "prisma">, portalId: string, transferId: string) {
  const t = await deps.prisma.transfer.findFirst({ where: { id: transferId, portalId, kind: "transfer" } });
  if (!t) throw new Refused("transfer.refused.not_found", { status: 404 });
  if (t.returnState !== "scheduled") throw new Refused("transfer.refused.not_temporary");
  return t;
}

/**
 * Changes a temporary transfer's pending return: move it (to a time in the future), cancel it
 * (the records stay with the receivers for good), switch whether it also takes back records
 * changed by hand meanwhile, or start it now. Answers the transfer that carries on (the return's, for "now").
 */
export async function changeReturn(services: TransferServices, session: Actor, change: ReturnChange): Promise<{ ok: true; transferId: string }> {
  const { transferId } = change;
  await scheduled(services, session.portalId, transferId);
  if (change.action === "reschedule") {
    if (change.returnAt.getTime() <= Date.now()) throw new Refused("transfer.refused.return_past", { status: 400 });
    await services.prisma.transfer.update({ where: { id: transferId }, data: { returnAt: change.returnAt } });
  } else if (change.action === "cancel") {
    await services.prisma.transfer.update({ where: { id: transferId }, data: { returnState: "cancelled" } });
  } else if (change.action === "force") {
    await services.prisma.transfer.update({ where: { id: transferId }, data: { forceReturn: change.force } });
  } else {
    return { ok: true, transferId: await startReverse(services, transferId, "return", session.userId, session.portalId) };
  }
  return { ok: true, transferId };
}

/** Starts every return that is due (finished transfers only); a busy portal is tried again next time. */
export async function startDueReturns(services: TransferServices, now = new Date()): Promise<string[]> {
  const due = await services.prisma.transfer.findMany({
    where: { kind: "transfer", returnState: "scheduled", returnAt: { lte: now }, state: { in: ["completed", "cancelled"] } },
    select: { id: true, portalId: true, startedBy: true },
    take: 100,
  });
  const started: string[] = [];
  for (const t of due) {
    try {
      started.push(await startReverse(services, t.id, "return", t.startedBy, t.portalId));
    } catch (error) {
      if (error instanceof Refused && error.reason === "nothing_to_undo") {
        await services.prisma.transfer.update({ where: { id: t.id }, data: { returnState: "started" } });
      } else if (!(error instanceof Refused)) throw error;
    }
  }
  return started;
}
