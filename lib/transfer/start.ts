/**
 * Starting a transfer, an undo or a return: the checks that refuse it with a reason, the
 * Transfer row with its operation-log row (IDs and options only), and the durable job.
 */
import { recordOperation } from "../operation-log";
import type { Bitrix24Client } from "../bitrix24";
import { isActive } from "../people";
import type { JobDefinition } from "../jobs";
import type { TransferDeps } from "./deps";
import type { StoredOptions } from "./plan";
import type { TransferRequest } from "./request";

export interface Enqueue {
  enqueue<Input>(
    definition: JobDefinition<Input>,
    options: { portalId?: string | null; startedBy?: number | null; input: Input; expireInSeconds?: number },
  ): Promise<string>;
}

export interface TransferJobInput {
  transferId: string;
}

/** An expected refusal the UI explains (the key is an i18n message key). */
export class TransferRefused extends Error {
  constructor(
    readonly reason: "receiver-inactive" | "receiver-unknown" | "busy" | "nothing-to-undo" | "not-found" | "not-temporary" | "return-past",
    readonly userIds: number[] = [],
  ) {
    super(reason);
    this.name = "TransferRefused";
  }
}

/** Refuses receivers who are dismissed or unknown (user.get FILTER[ID], ACTIVE; b24restdocs api-reference/user/user-get.md). */
export async function checkReceivers(client: Pick<Bitrix24Client, "call">, receiverIds: number[]): Promise<void> {
  const answer = await client.call<Array<{ ID: string | number; ACTIVE: boolean | string }>>("user.get", { FILTER: { ID: receiverIds } });
  const found = new Map(answer.result.map((u) => [Number(u.ID), isActive(u)]));
  const unknown = receiverIds.filter((id) => !found.has(id));
  if (unknown.length) throw new TransferRefused("receiver-unknown", unknown);
  const inactive = receiverIds.filter((id) => found.get(id) === false);
  if (inactive.length) throw new TransferRefused("receiver-inactive", inactive);
}

async function refuseIfBusy(deps: TransferDeps, portalId: string): Promise<void> {
  const running = await deps.prisma.transfer.count({ where: { portalId, state: { in: ["queued", "planning", "moving"] } } });
  if (running) throw new TransferRefused("busy");
}

/** Records and enqueues a transfer; returns its id. `request` is already validated (request.ts). */
export async function startTransfer(
  deps: TransferDeps,
  jobs: Enqueue,
  job: JobDefinition<TransferJobInput>,
  portalId: string,
  actorUserId: number,
  request: TransferRequest,
): Promise<string> {
  const client = await deps.clients.clientFor(portalId, { userId: actorUserId });
  await checkReceivers(client, request.receiverIds);
  if (request.returnAt && Date.parse(request.returnAt) <= Date.now()) throw new TransferRefused("return-past");
  await refuseIfBusy(deps, portalId);
  const options: StoredOptions = { selections: request.selections, query: request.query, split: request.split, notify: request.notify };
  const transfer = await deps.prisma.$transaction(async (tx) => {
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
  return enqueueTransfer(deps, jobs, job, transfer.id, portalId, actorUserId);
}

export async function enqueueTransfer(
  deps: TransferDeps,
  jobs: Enqueue,
  job: JobDefinition<TransferJobInput>,
  transferId: string,
  portalId: string,
  startedBy: number,
): Promise<string> {
  const jobRunId = await jobs.enqueue(job, { portalId, startedBy, input: { transferId } });
  await deps.prisma.transfer.update({ where: { id: transferId }, data: { jobRunId } });
  return transferId;
}

/**
 * Creates the reverse of a finished transfer — an undo (now, by an admin) or the return of a
 * temporary one — as its own Transfer with its own log row, and enqueues it.
 */
export async function startReverse(
  deps: TransferDeps,
  jobs: Enqueue,
  job: JobDefinition<TransferJobInput>,
  parentId: string,
  kind: "undo" | "return",
  actorUserId: number,
  portalId?: string,
): Promise<string> {
  // Any operation can be undone — a transfer, an undo, a return (a reverse plan swaps each moved
  // record's holders, whatever moved it); only a transfer has a return.
  const parent = await deps.prisma.transfer.findFirst({
    where: { id: parentId, ...(portalId ? { portalId } : {}), kind: kind === "undo" ? { in: ["transfer", "undo", "return"] } : "transfer" },
  });
  if (!parent) throw new TransferRefused("not-found");
  if (parent.state !== "completed" && parent.state !== "cancelled") throw new TransferRefused("busy");
  const moved = await deps.prisma.transferItem.findMany({
    where: { transferId: parentId, state: "moved" },
    select: { fromUserId: true },
    distinct: ["fromUserId"],
  });
  if (moved.length === 0) throw new TransferRefused("nothing-to-undo");
  // Who gets the records back: the previous holders of what the parent moved (the leaver, for a transfer's undo).
  const receivers = moved.map((m) => m.fromUserId).sort((a, b) => a - b);
  await refuseIfBusy(deps, parent.portalId);
  const reverse = await deps.prisma.$transaction(async (tx) => {
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
  return enqueueTransfer(deps, jobs, job, reverse.id, parent.portalId, actorUserId);
}

/** Asks a running transfer to stop after its current batch (what moved stays moved and logged). */
export async function requestCancel(deps: TransferDeps, portalId: string, transferId: string): Promise<boolean> {
  const r = await deps.prisma.transfer.updateMany({
    where: { id: transferId, portalId, state: { in: ["queued", "planning", "moving"] } },
    data: { cancelRequested: true },
  });
  return r.count > 0;
}
