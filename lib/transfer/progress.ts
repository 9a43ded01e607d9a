/**
 * A transfer's live progress for the UI: per object type, records moved / failed / skipped of
 * planned, the rate in records per second since moving began, and the time left at that rate.
 */
import { Refused } from "../errors";
import type { TransferDeps } from "./deps";
import { takenFromOf } from "./history";
import { failureReason, outcomeOf, retryOutlook, type FailureReason, type Outcome } from "./outcome";
import type { Actor } from "./start";

export interface TypeProgress {
  type: string;
  total: number;
  moved: number;
  failed: number;
  skipped: number;
}

export interface TransferProgress {
  id: string;
  kind: string;
  state: string;
  parentId: string | null;
  fromUserId: number;
  receiverIds: number[];
  startedBy: number;
  jobRunId: string | null;
  total: number;
  moved: number;
  failed: number;
  skipped: number;
  perType: TypeProgress[];
  /** Records settled per second since moving began (null before). */
  recordsPerSecond: number | null;
  /** Seconds left at that rate (null when unknown or done). */
  etaSeconds: number | null;
  createdAt: string;
  finishedAt: string | null;
  returnAt: string | null;
  returnState: string | null;
  forceReturn: boolean;
  cancelRequested: boolean;
  /** What the run ended as (outcome.ts); "running" until then. */
  outcome: Outcome;
  /** Failed records plus the types the portal refused to list while planning. */
  failures: number;
  /** The types the portal refused to list while planning, with the reason. */
  planFailures: Array<{ type: string; role: string; reason: FailureReason }>;
  /** The receivers whose notice the portal refused, with the reason. */
  noticeFailures: Array<{ userId: number; reason: FailureReason }>;
  /** An undo's or a return's: whom it takes the records from (the parent's receivers). */
  takenFrom: number[];
}

export async function readTransferProgress(
  deps: Pick<TransferDeps, "prisma">,
  portalId: string,
  transferId: string,
  now = new Date(),
): Promise<TransferProgress | null> {
  const t = await deps.prisma.transfer.findFirst({ where: { id: transferId, portalId } });
  if (!t) return null;
  const rows = await deps.prisma.transferItem.groupBy({ by: ["type", "state"], where: { transferId }, _count: { _all: true } });
  const byType = new Map<string, TypeProgress>();
  for (const r of rows) {
    const p = byType.get(r.type) ?? { type: r.type, total: 0, moved: 0, failed: 0, skipped: 0 };
    p.total += r._count._all;
    if (r.state === "moved" || r.state === "failed" || r.state === "skipped") p[r.state] += r._count._all;
    byType.set(r.type, p);
  }
  const perType = [...byType.values()];
  const sum = (k: "total" | "moved" | "failed" | "skipped") => perType.reduce((s, p) => s + p[k], 0);
  const settled = sum("moved") + sum("failed") + sum("skipped");
  const total = sum("total") || t.total;
  const end = t.finishedAt ?? now;
  const elapsed = t.movingSince ? (end.getTime() - t.movingSince.getTime()) / 1000 : 0;
  const running = t.state === "moving" || t.state === "planning" || t.state === "queued";
  // While running, the first half second gives no steady rate (nor a sensible ETA); a finished
  // transfer has its rate however quickly it went.
  // A retry counts only what it settles itself, over its own time (retryTransfer resets movingSince).
  const own = Math.max(0, settled - t.settledBefore);
  const rate = own > 0 && elapsed > 0 && (elapsed > 0.5 || !running) ? own / elapsed : null;
  const planFailures = storedList<{ type: string; role: string; code: string }>(t.planFailures).map((f) => ({
    type: f.type,
    role: f.role,
    reason: failureReason(f.code),
  }));
  const noticeFailures = storedList<{ userId: number; code: string }>(t.noticeFailures).map((f) => ({ userId: f.userId, reason: failureReason(f.code) }));
  const takenFrom = takenFromOf(t.options);
  return {
    id: t.id,
    kind: t.kind,
    state: t.state,
    parentId: t.parentId,
    fromUserId: t.fromUserId,
    receiverIds: t.receiverIds,
    startedBy: t.startedBy,
    jobRunId: t.jobRunId,
    total,
    moved: sum("moved"),
    failed: sum("failed"),
    skipped: sum("skipped"),
    perType,
    recordsPerSecond: rate,
    etaSeconds: running && rate ? Math.round((total - settled) / rate) : null,
    createdAt: t.createdAt.toISOString(),
    finishedAt: t.finishedAt?.toISOString() ?? null,
    returnAt: t.returnAt?.toISOString() ?? null,
    returnState: t.returnState,
    forceReturn: t.forceReturn,
    cancelRequested: t.cancelRequested,
    outcome: outcomeOf({ state: t.state, moved: sum("moved"), failed: sum("failed"), planFailures: planFailures.length }),
    failures: sum("failed") + planFailures.length,
    planFailures,
    noticeFailures,
    takenFrom,
  };
}

function storedList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The records of a transfer in one state, each failed or skipped one with its reason in words (outcome.ts), never the raw code. */
export async function listItems(deps: Pick<TransferDeps, "prisma">, portalId: string, transferId: string, state: "failed" | "skipped" | "moved", take = 500) {
  const rows = await deps.prisma.transferItem.findMany({
    where: { transferId, state, transfer: { portalId } },
    orderBy: { seq: "asc" },
    take,
    select: { type: true, role: true, recordId: true, fromUserId: true, toUserId: true, errorCode: true },
  });
  return rows.map(({ errorCode, ...row }) => {
    const reason = failureReason(errorCode);
    return { ...row, reason, outlook: retryOutlook(reason) };
  });
}

/** A transfer's page while it runs and after: its progress, and once finished its failed and skipped records and the undo that reversed it. */
export async function readTransferStatus(services: Pick<TransferDeps, "prisma">, session: Actor, input: { transferId: string }) {
  const { portalId } = session;
  const { transferId } = input;
  const progress = await readTransferProgress(services, portalId, transferId);
  if (!progress) throw new Refused("transfer.refused.not_found", { status: 404 });
  const finished = progress.state === "completed" || progress.state === "cancelled" || progress.state === "failed";
  const [failures, skipped] = finished
    ? await Promise.all([listItems(services, portalId, transferId, "failed", 200), listItems(services, portalId, transferId, "skipped", 200)])
    : [[], []];
  const undone = await services.prisma.transfer.findFirst({ where: { parentId: transferId, kind: "undo" }, select: { id: true } });
  return { ok: true as const, progress, failures, skipped, undoneBy: undone?.id ?? null };
}
