/**
 * Undo: the reverse of a finished transfer — or of an undo, or a return — as its own Transfer with
 * its own operation-log row, giving each moved record back to the holder it was taken from (a
 * record changed by hand meanwhile stays: move.ts reads each first). A temporary transfer's
 * return starts the same way (temporary.ts).
 *
 * The holders it gives back to are checked like any receiver (receivers.ts): a leaver is usually
 * dismissed by now. An administrator then chooses another receiver for those records, or to leave
 * them where they are; the automatic return, with nobody to ask, leaves them and says so on the run.
 */
import { Refused } from "../errors";
import { recordOperation } from "../operation-log";
import type { TransferServices } from "./deps";
import type { GiveBackChoice, ReverseOptions } from "./plan";
import { peopleByIds, type PersonView } from "./people";
import { checkReceivers, leftCode, receiverStatuses, type ReceiverStatus } from "./receivers";
import { enqueueTransfer, FINISHED, refuseIfBusy, type Actor } from "./start";

/** An administrator's undo of a finished transfer, undo or return of their portal. */
export async function undoTransfer(
  services: TransferServices,
  session: Actor,
  input: { transferId: string } & GiveBackChoice,
): Promise<{ ok: true; transferId: string }> {
  return { ok: true, transferId: await startReverse(services, input.transferId, "undo", session.userId, { portalId: session.portalId, choice: input }) };
}

async function reversible(services: Pick<TransferServices, "prisma">, parentId: string, kind: "undo" | "return", portalId?: string) {
  // Any operation can be undone — a transfer, an undo, a return (a reverse plan swaps each moved
  // record's holders, whatever moved it); only a transfer has a return.
  const parent = await services.prisma.transfer.findFirst({
    where: { id: parentId, ...(portalId ? { portalId } : {}), kind: kind === "undo" ? { in: ["transfer", "undo", "return"] } : "transfer" },
  });
  if (!parent) throw new Refused("transfer.refused.not_found", { status: 404 });
  if (!FINISHED.includes(parent.state)) throw new Refused("transfer.refused.busy");
  const moved = await services.prisma.transferItem.groupBy({ by: ["fromUserId", "toUserId"], where: { transferId: parentId, state: "moved" } });
  if (moved.length === 0) throw new Refused("transfer.refused.nothing_to_undo");
  const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
  // Who gets the records back (the previous holders: the leaver, for a transfer's undo) and who gives them.
  return { parent, holders: sorted(moved.map((m) => m.fromUserId)), takenFrom: sorted(moved.map((m) => m.toUserId)) };
}

/** Before an undo or a return: whom it takes records from, whom it gives them back to, and who of those cannot receive. */
export async function previewGiveBack(services: TransferServices, session: Actor, input: { transferId: string; kind: "undo" | "return" }) {
  const { holders, takenFrom } = await reversible(services, input.transferId, input.kind, session.portalId);
  const client = await services.clients.clientFor(session.portalId, { userId: session.userId });
  const [statuses, people] = await Promise.all([receiverStatuses(client, holders), peopleByIds(client, [...holders, ...takenFrom])]);
  const person = (id: number): PersonView =>
    people.get(id) ?? { id, name: `#${id}`, active: false, gender: null, external: false, position: "", departments: [] };
  return {
    ok: true as const,
    takenFrom: takenFrom.map(person),
    holders: holders.map((id) => ({ ...person(id), status: statuses.get(id) ?? ("unknown" as ReceiverStatus) })),
  };
}

/**
 * Records and enqueues the reverse of `parentId`: an undo (now, by an admin) or the return of a
 * temporary transfer. Without `portalId` (the returns-due job) the parent may be any portal's, and
 * records of holders who cannot receive are left (`choice.leave`), there being nobody to ask.
 */
export async function startReverse(
  services: TransferServices,
  parentId: string,
  kind: "undo" | "return",
  actorUserId: number,
  { portalId, choice = {} }: { portalId?: string; choice?: GiveBackChoice } = {},
): Promise<string> {
  const { parent, holders, takenFrom } = await reversible(services, parentId, kind, portalId);
  await refuseIfBusy(services, parent.portalId);
  const client = await services.clients.clientFor(parent.portalId, { userId: actorUserId });
  const statuses = await receiverStatuses(client, holders);
  const blocked = holders.filter((id) => statuses.get(id) !== "ok");
  const options: ReverseOptions = { takenFrom };
  if (blocked.length && choice.instead !== undefined) {
    await checkReceivers(client, [choice.instead]);
    options.instead = blocked.map((from) => ({ from, to: choice.instead! }));
  } else if (blocked.length && choice.leave) {
    options.left = blocked.map((userId) => ({ userId, code: leftCode(statuses.get(userId) as Exclude<ReceiverStatus, "ok">) }));
  } else if (blocked.length) {
    throw new Refused("transfer.refused.holder_cannot_receive", { userIds: blocked });
  }
  const receivers = [...new Set([...holders.filter((id) => !blocked.includes(id)), ...(options.instead ?? []).map((i) => i.to)])].sort((a, b) => a - b);
  const reverse = await services.prisma.$transaction(async (tx) => {
    const log = await recordOperation(tx, {
      portalId: parent.portalId,
      tool: "transfer",
      action: kind,
      actorUserId,
      subjectUserId: parent.fromUserId,
      details: { of: parentId, receivers, takenFrom, left: (options.left ?? []).map((l) => l.userId), state: "queued" },
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
        options: options as never,
      },
    });
  });
  return enqueueTransfer(services, reverse.id, parent.portalId, actorUserId);
}
