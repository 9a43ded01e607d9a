/**
 * The robot's hand-over, as a durable job (`transfer.robot`, one per call): read what is related
 * to the deal or lead (related.ts), record it as a transfer of its own — an operation-log entry
 * marked automatic, a Transfer whose items name each record's previous holder — and move it with
 * the Transfer tool's machinery (run.ts, move.ts: batches, the portal's shared rate budget, resume
 * after a crash, undo like any other). Then the call is answered with what moved (answer.ts).
 * Exclusive per portal like every transfer: the portal counts all our requests together.
 */
import { z } from "zod";
import { resolveLang, translator } from "../../i18n";
import { defineJob, type JobContext } from "../../jobs";
import { recordOperation } from "../../operation-log";
import type { Assignment } from "../assign";
import type { TransferDeps, TransferServices } from "../deps";
import { savePlan } from "../plan";
import { runTransfer } from "../run";
import { answerRobotCall, movedIn, NOTHING_MOVED, resultsOf } from "./answer";
import type { RobotCall } from "./call";
import { ROBOT_KINDS, type RobotResults } from "./definition";
import { readRelated, RecordUnavailableError, type Related } from "./related";

export const ROBOT_HAND_OVER_KIND = "transfer.robot";

const inputSchema = z.object({
  workflowId: z.string().min(1).max(64),
  eventToken: z.string().min(1).max(512),
  entityTypeId: z.union([z.literal(1), z.literal(2)]),
  recordId: z.number().int().positive(),
  options: z.object({
    moveContact: z.boolean(),
    moveCompany: z.boolean(),
    moveActivities: z.boolean(),
    moveTasks: z.boolean(),
    includeClosed: z.boolean(),
  }),
});

export type RobotJobInput = z.infer<typeof inputSchema>;

/** What a robot transfer keeps in Transfer.options: where it came from, for history and undo. */
export interface RobotOrigin {
  origin: "robot";
  entityTypeId: 1 | 2;
  recordId: number;
}

export const robotHandOverJob = defineJob<RobotJobInput, RobotResults>({
  kind: ROBOT_HAND_OVER_KIND,
  input: inputSchema,
  // Each retry resumes from the recorded transfer (found by this job's run), so retries are safe.
  retryLimit: 10,
  retryDelaySeconds: 10,
  expireInSeconds: 3600,
  exclusivePerPortal: true,
  handler: (context) => handOver(context),
});

/**
 * A verified robot call (lib/lifecycle acceptAppCall): queues its hand-over. It acts with the
 * calling user's stored tokens (the robot's AUTH_USER_ID, the installing administrator), else with
 * an administrator's we hold.
 */
export async function startRobotHandOver(
  services: Pick<TransferServices, "prisma" | "jobs">,
  caller: { portalId: string; userId: number },
  call: RobotCall,
): Promise<{ ok: true; jobRunId: string }> {
  const own = await services.prisma.portalToken.findUnique({ where: { portalId_userId: { portalId: caller.portalId, userId: caller.userId } } });
  const admin = own
    ? null
    : await services.prisma.portalToken.findFirst({ where: { portalId: caller.portalId, isAdmin: true }, orderBy: { updatedAt: "desc" } });
  const startedBy = own?.userId ?? admin?.userId ?? caller.userId;
  const { workflowId, eventToken, entityTypeId, recordId, options } = call;
  const jobRunId = await services.jobs.enqueue(robotHandOverJob, {
    portalId: caller.portalId,
    startedBy,
    input: { workflowId, eventToken, entityTypeId, recordId, options },
  });
  return { ok: true, jobRunId };
}

/** The record's related records as a plan: each from its holder to the responsible person. */
function assignmentsOf(related: Related): Assignment[] {
  return related.records.map((r) => ({
    type: r.type,
    role: r.role,
    record: { id: r.id, holders: [r.holder], open: true, companyId: 0, contactId: 0 },
    to: related.responsible,
    from: r.holder,
  }));
}

/** The holder of most of the records: whose work the history names (each item keeps its own). */
function mainHolder(related: Related): number {
  const counts = new Map<number, number>();
  for (const r of related.records) counts.set(r.holder, (counts.get(r.holder) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

async function recordHandOver(deps: TransferDeps, context: JobContext<RobotJobInput>, related: Related): Promise<{ id: string; fromUserId: number }> {
  const portalId = context.portalId!;
  const { entityTypeId, recordId, options } = context.input;
  const fromUserId = mainHolder(related);
  const origin: RobotOrigin = { origin: "robot", entityTypeId, recordId };
  const selections = ROBOT_KINDS.filter((k) => options[k]);
  return deps.prisma.$transaction(async (tx) => {
    const log = await recordOperation(tx, {
      portalId,
      tool: "transfer",
      action: "transfer",
      actorUserId: context.startedBy!,
      subjectUserId: fromUserId,
      details: { automatic: "robot", entityTypeId, recordId, receivers: [related.responsible], kinds: selections, state: "queued" },
    });
    return tx.transfer.create({
      data: {
        portalId,
        logId: log.id,
        kind: "transfer",
        fromUserId,
        receiverIds: [related.responsible],
        startedBy: context.startedBy!,
        jobRunId: context.jobRunId,
        options: { ...origin, selections: [], notify: false, robot: options } as never,
      },
      select: { id: true, fromUserId: true },
    });
  });
}

async function handOver(context: JobContext<RobotJobInput>): Promise<RobotResults> {
  const portalId = context.portalId!;
  const { input } = context;
  const client = await context.clients.clientFor(portalId, { userId: context.startedBy! });
  const portal = await context.prisma.portal.findUniqueOrThrow({ where: { id: portalId }, select: { lang: true } });
  const t = translator(resolveLang(portal.lang));

  let transfer = await context.prisma.transfer.findFirst({
    where: { portalId, jobRunId: context.jobRunId },
    select: { id: true, fromUserId: true, plannedAt: true },
  });
  if (!transfer?.plannedAt) {
    let related: Related;
    try {
      related = await readRelated(client, input);
    } catch (error) {
      if (!(error instanceof RecordUnavailableError)) throw error;
      await answerRobotCall(client, input.eventToken, NOTHING_MOVED, t("automation.robot.logFailed", { reason: t("automation.robot.recordGone") }));
      return NOTHING_MOVED;
    }
    if (!transfer && related.records.length === 0) {
      await answerRobotCall(client, input.eventToken, NOTHING_MOVED, t("automation.robot.logNothing"));
      return NOTHING_MOVED;
    }
    transfer ??= { ...(await recordHandOver(context, context, related)), plannedAt: null };
    await savePlan(context, transfer.id, transfer.fromUserId, assignmentsOf(related));
  }
  await runTransfer(context, transfer.id, context);
  const results = await resultsOf(context.prisma, transfer.id);
  const message =
    movedIn(results) + results.failed === 0 ? t("automation.robot.logNothing") : t("automation.robot.log", { moved: movedIn(results), failed: results.failed });
  await answerRobotCall(client, input.eventToken, results, message);
  return results;
}
