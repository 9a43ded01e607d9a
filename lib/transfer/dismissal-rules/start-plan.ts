/**
 * Running a planned hand-over: a transfer of the leaver's open work (every role of the portal's
 * ownership catalogue, open records only, as the watch counted it) to the plan's receiver, recorded
 * as coming from a dismissal rule (an operation-log entry marked `automatic: rule`, history shows
 * it so) and moved by the `transfer.run` job like any transfer — so it is undone like any other.
 * Due plans are started by the `transfer.hand-overs-due` job on the portal's own clock; an
 * administrator may start one at once.
 */
import { Refused } from "../../errors";
import { logger } from "../../log";
import { loadCatalogue } from "../../ownership";
import { recordOperation } from "../../operation-log";
import type { TransferServices } from "../deps";
import { checkReceivers } from "../receivers";
import { enqueueTransfer, refuseIfBusy } from "../start";
import { portalNow } from "./plans";

const log = logger("dismissal-rules");

interface PlanRow {
  id: string;
  portalId: string;
  userId: number;
  receiverId: number | null;
}

/** Starts a planned hand-over as `actorUserId` (whose stored token moves the records); answers the transfer. */
export async function startPlan(services: TransferServices, plan: PlanRow, actorUserId: number): Promise<string> {
  if (plan.receiverId === null) throw new Refused("transfer.refused.plan_no_receiver");
  const client = await services.clients.clientFor(plan.portalId, { userId: actorUserId });
  await checkReceivers(client, [plan.receiverId]);
  await refuseIfBusy(services, plan.portalId);
  const { roles } = await loadCatalogue(client);
  const selections = roles.map((r) => ({ type: r.type, role: r.role }));
  const receiverId = plan.receiverId;
  const transfer = await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissalPlan.updateMany({
      where: { id: plan.id, portalId: plan.portalId, state: "planned" },
      data: { state: "started", problem: null },
    });
    if (count === 0) throw new Refused("transfer.refused.plan_closed");
    const entry = await recordOperation(tx, {
      portalId: plan.portalId,
      tool: "transfer",
      action: "transfer",
      actorUserId,
      subjectUserId: plan.userId,
      details: { automatic: "rule", plan: plan.id, receivers: [receiverId], state: "queued" },
    });
    const created = await tx.transfer.create({
      data: {
        portalId: plan.portalId,
        logId: entry.id,
        kind: "transfer",
        fromUserId: plan.userId,
        receiverIds: [receiverId],
        startedBy: actorUserId,
        options: { origin: "rule", plan: plan.id, selections, query: { openOnly: true }, split: "even", notify: true } as never,
      },
    });
    await tx.dismissalPlan.update({ where: { id: plan.id }, data: { transferId: created.id } });
    return created;
  });
  return enqueueTransfer(services, transfer.id, plan.portalId, actorUserId);
}

/**
 * The `transfer.hand-overs-due` job's work: every planned hand-over whose date has passed on its
 * portal's clock (server.time, one call per portal with plans) is started with an administrator's
 * token. A busy portal is tried again next time; a receiver who is no longer active leaves the
 * plan for an administrator (its problem says why).
 */
export async function startDueHandOvers(services: TransferServices): Promise<string[]> {
  // Due is the portal's time, not ours (its clock may run ahead): every waiting plan's portal is asked.
  const plans = await services.prisma.dismissalPlan.findMany({
    where: { state: "planned", receiverId: { not: null }, OR: [{ problem: null }, { problem: "busy" }] },
    select: { id: true, portalId: true, userId: true, receiverId: true, dueAt: true },
    orderBy: { dueAt: "asc" },
    take: 200,
  });
  const started: string[] = [];
  for (const portalId of new Set(plans.map((p) => p.portalId))) {
    try {
      const admin = await services.prisma.portalToken.findFirst({
        where: { portalId, isAdmin: true },
        orderBy: { updatedAt: "desc" },
        select: { userId: true },
      });
      if (!admin) continue;
      const portalTime = await portalNow(await services.clients.clientFor(portalId, { userId: admin.userId }));
      for (const plan of plans.filter((p) => p.portalId === portalId && p.dueAt <= portalTime)) {
        try {
          started.push(await startPlan(services, plan, admin.userId));
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          const problem =
            error.reason === "busy" ? "busy" : error.reason === "receiver_inactive" || error.reason === "receiver_unknown" ? "receiver-inactive" : null;
          if (problem) await services.prisma.dismissalPlan.updateMany({ where: { id: plan.id, state: "planned" }, data: { problem } });
          if (error.reason === "busy") break;
        }
      }
    } catch (error) {
      // One portal's failure (disconnected, no token) must not stop the others.
      log.warn("due hand-overs not started", { portalId, error });
    }
  }
  return started;
}
