/**
 * The Transfer history: past transfers, undos and returns with their counts (filters by
 * employee, kind and period), and records moved per type and per month for the chart. IDs only;
 * the UI resolves names live from the portal.
 */
import type { TransferDeps } from "./deps";
import { querySchema, type TransferQuery } from "./request";

export interface HistoryFilter {
  userId?: number;
  kind?: "transfer" | "undo" | "return";
  since?: Date;
  until?: Date;
  take?: number;
}

export interface HistoryEntry {
  id: string;
  kind: string;
  state: string;
  parentId: string | null;
  fromUserId: number;
  receiverIds: number[];
  startedBy: number;
  total: number;
  moved: number;
  failed: number;
  skipped: number;
  types: string[];
  createdAt: string;
  finishedAt: string | null;
  durationSeconds: number | null;
  returnAt: string | null;
  returnState: string | null;
  /** Given back by an undo, or by its return (a temporary transfer). */
  undone: boolean;
  returned: boolean;
  /** An undo's or a return's: whom it takes the records from (the records go back to `receiverIds`). */
  takenFrom: number[];
  /** The wizard's choices that narrowed the records (open only, pipeline, dates); null for undos and returns. */
  query: TransferQuery | null;
  /** Who started it: an administrator, the CRM robot (on a deal or lead), or a dismissal rule. */
  origin: TransferOrigin;
}

export type TransferOrigin = { by: "admin" } | { by: "robot"; entityTypeId: number; recordId: number } | { by: "rule" };

/** Where a transfer came from, as its stored options say (robot/hand-over.ts, dismissal rules). */
export function storedOrigin(options: unknown): TransferOrigin {
  const o = options && typeof options === "object" ? (options as Record<string, unknown>) : {};
  if (o.origin === "robot" && typeof o.entityTypeId === "number" && typeof o.recordId === "number") {
    return { by: "robot", entityTypeId: o.entityTypeId, recordId: o.recordId };
  }
  return o.origin === "rule" ? { by: "rule" } : { by: "admin" };
}

/** The stored options' query, or null when there is none (undo, return) or it no longer parses. */
export function storedQuery(options: unknown): TransferQuery | null {
  const raw = options && typeof options === "object" ? (options as Record<string, unknown>).query : undefined;
  if (raw === undefined) return null;
  const parsed = querySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** An undo's or a return's stored `takenFrom` (plan.ts ReverseOptions); empty for a transfer. */
export function takenFromOf(options: unknown): number[] {
  const raw = options && typeof options === "object" ? (options as Record<string, unknown>).takenFrom : undefined;
  return Array.isArray(raw) ? raw.filter((x): x is number => typeof x === "number") : [];
}

export async function listHistory(deps: Pick<TransferDeps, "prisma">, portalId: string, filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
  const rows = await deps.prisma.transfer.findMany({
    where: {
      portalId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.userId ? { OR: [{ fromUserId: filter.userId }, { receiverIds: { has: filter.userId } }] } : {}),
      ...(filter.since || filter.until ? { createdAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 100,
  });
  const ids = rows.map((r) => r.id);
  const types = await deps.prisma.transferItem.groupBy({ by: ["transferId", "type"], where: { transferId: { in: ids } } });
  const children = await deps.prisma.transfer.findMany({ where: { parentId: { in: ids } }, select: { parentId: true, kind: true } });
  const undone = new Set(children.filter((c) => c.kind === "undo").map((c) => c.parentId));
  const returned = new Set(children.filter((c) => c.kind === "return").map((c) => c.parentId));
  return rows.map((t) => ({
    id: t.id,
    kind: t.kind,
    state: t.state,
    parentId: t.parentId,
    fromUserId: t.fromUserId,
    receiverIds: t.receiverIds,
    startedBy: t.startedBy,
    total: t.total,
    moved: t.moved,
    failed: t.failed,
    skipped: t.skipped,
    types: types.filter((x) => x.transferId === t.id).map((x) => x.type),
    createdAt: t.createdAt.toISOString(),
    finishedAt: t.finishedAt?.toISOString() ?? null,
    durationSeconds: t.finishedAt && t.movingSince ? Math.round((t.finishedAt.getTime() - t.createdAt.getTime()) / 1000) : null,
    returnAt: t.returnAt?.toISOString() ?? null,
    returnState: t.returnState,
    undone: undone.has(t.id),
    returned: returned.has(t.id),
    takenFrom: takenFromOf(t.options),
    query: t.kind === "transfer" ? storedQuery(t.options) : null,
    origin: storedOrigin(t.options),
  }));
}

export interface MonthlyCount {
  month: string; // YYYY-MM
  type: string;
  moved: number;
}

/** Records moved by transfers (not undos/returns), per type and month, over the last `months`. */
export async function movedPerMonth(deps: Pick<TransferDeps, "prisma">, portalId: string, months = 12): Promise<MonthlyCount[]> {
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - months + 1, 1);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await deps.prisma.$queryRaw<Array<{ month: string; type: string; moved: bigint }>>`
    SELECT to_char(date_trunc('month', t."createdAt"), 'YYYY-MM') AS month, i.type, count(*) AS moved
    FROM "TransferItem" i JOIN "Transfer" t ON t.id = i."transferId"
    WHERE t."portalId" = ${portalId} AND t.kind = 'transfer' AND i.state = 'moved' AND t."createdAt" >= ${since}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ month: r.month, type: r.type, moved: Number(r.moved) }));
}

/** One transfer's narrowing as the wizard stored it (null for undos and returns), or null if it is not this portal's. */
export async function transferQuery(deps: Pick<TransferDeps, "prisma">, portalId: string, transferId: string): Promise<TransferQuery | null> {
  const t = await deps.prisma.transfer.findFirst({ where: { id: transferId, portalId }, select: { kind: true, options: true } });
  return t?.kind === "transfer" ? storedQuery(t.options) : null;
}
