/**
 * Temporary transfers (holiday cover): the return date can be brought forward, postponed or
 * cancelled, "force return" switched, and the return started at once. The `transfer.returns-due`
 * job (every minute) starts the returns that are due; a return gives back every record that
 * still has the owner we gave it (move.ts reads each first), unless forced.
 */
import { Refused } from "../errors";
import type { TransferDeps, TransferServices } from "./deps";
import { notifyReturnChange } from "./notify";
import type { GiveBackChoice } from "./plan";
import { FINISHED, type Actor } from "./start";
import { startReverse } from "./undo";

export type ReturnChange =
  | { transferId: string; action: "reschedule"; returnAt: Date }
  | { transferId: string; action: "cancel" }
  | ({ transferId: string; action: "now" } & GiveBackChoice)
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
 * changed by hand meanwhile, or start it now; the receivers are told of each but the switch.
 * Answers the transfer that carries on (the return's, for "now").
 */
export async function changeReturn(services: TransferServices, session: Actor, change: ReturnChange): Promise<{ ok: true; transferId: string }> {
  const { transferId } = change;
  await scheduled(services, session.portalId, transferId);
  let carriesOn = transferId;
  if (change.action === "reschedule") {
    if (change.returnAt.getTime() <= Date.now()) throw new Refused("transfer.refused.return_past", { status: 400 });
    await services.prisma.transfer.update({ where: { id: transferId }, data: { returnAt: change.returnAt } });
  } else if (change.action === "cancel") {
    await services.prisma.transfer.update({ where: { id: transferId }, data: { returnState: "cancelled" } });
  } else if (change.action === "force") {
    await services.prisma.transfer.update({ where: { id: transferId }, data: { forceReturn: change.force } });
    return { ok: true, transferId };
  } else {
    const choice = { instead: change.instead, leave: change.leave };
    carriesOn = await startReverse(services, transferId, "return", session.userId, { portalId: session.portalId, choice });
  }
  // The receivers hear of it: the records they hold for a while go back now, stay, or go back another day.
  const client = await services.clients.clientFor(session.portalId, { userId: session.userId });
  const what = change.action === "now" ? "now" : change.action === "cancel" ? "kept" : "moved";
  const failures = await notifyReturnChange(services, client, transferId, what);
  if (failures.length) {
    const t = await services.prisma.transfer.findUniqueOrThrow({ where: { id: transferId }, select: { noticeFailures: true } });
    const earlier = Array.isArray(t.noticeFailures) ? t.noticeFailures : [];
    await services.prisma.transfer.update({ where: { id: transferId }, data: { noticeFailures: [...earlier, ...failures] as never } });
  }
  return { ok: true, transferId: carriesOn };
}

/** Starts every return that is due (finished transfers only); a busy portal is tried again next time. */
export async function startDueReturns(services: TransferServices, now = new Date()): Promise<string[]> {
  const due = await services.prisma.transfer.findMany({
    where: { kind: "transfer", returnState: "scheduled", returnAt: { lte: now }, state: { in: FINISHED } },
    select: { id: true, portalId: true, startedBy: true },
    take: 100,
  });
  const started: string[] = [];
  for (const t of due) {
    try {
      // Nobody to ask: records of a holder who can no longer receive stay, and the return says so.
      started.push(await startReverse(services, t.id, "return", t.startedBy, { portalId: t.portalId, choice: { leave: true } }));
    } catch (error) {
      if (error instanceof Refused && error.reason === "nothing_to_undo") {
        await services.prisma.transfer.update({ where: { id: t.id }, data: { returnState: "started" } });
      } else if (!(error instanceof Refused)) throw error;
    }
  }
  return started;
}
