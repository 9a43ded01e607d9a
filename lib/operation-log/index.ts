/**
 * The operation log, one home for every tool that writes it (Transfer, Privacy, …): who did what
 * to whom, when, with the IDs of changed records so an undo is possible. What it may hold is the
 * data rule of docs/architecture.md "What we keep": user IDs, object types, counts and record
 * IDs — never names or content. `details` is checked for that shape: numbers, booleans, short
 * codes and dates, lists and objects of them (a long free text is refused).
 * Kept 12 months (lib/portal-data retention); deleted with the portal.
 */
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db";

/** A value fit for the log: no free text (longest code or ISO date is far below 120 characters). */
const detailValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.number(), z.boolean(), z.null(), z.string().max(120), z.array(detailValue), z.record(z.string(), detailValue)]),
);
export const operationDetailsSchema = z.record(z.string(), detailValue);
export type OperationDetails = Record<string, unknown>;

export interface OperationEntry {
  portalId: string;
  /** The tool that acted: "transfer", "privacy", "mail", "settings". */
  tool: string;
  /** What it did, in the tool's words ("transfer", "undo", "erase", …). */
  action: string;
  actorUserId: number;
  /** The person the operation was about (the departing employee, the privacy subject). */
  subjectUserId?: number | null;
  details?: OperationDetails;
}

type Db = Pick<PrismaClient, "operationLog"> | Prisma.TransactionClient;

/** Writes one entry (inside the caller's transaction when given one); answers its id. */
export async function recordOperation(db: Db, entry: OperationEntry): Promise<{ id: string }> {
  const details = operationDetailsSchema.parse(entry.details ?? {});
  return db.operationLog.create({
    data: {
      portalId: entry.portalId,
      tool: entry.tool,
      action: entry.action,
      actorUserId: entry.actorUserId,
      subjectUserId: entry.subjectUserId ?? null,
      details: details as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}

/** Adds to an entry's details (e.g. the outcome once the job has finished); keys given replace old ones. */
export async function amendOperation(db: Db, id: string, details: OperationDetails): Promise<void> {
  const entry = await db.operationLog.findUniqueOrThrow({ where: { id }, select: { details: true } });
  const merged = operationDetailsSchema.parse({ ...(entry.details as object), ...details });
  await db.operationLog.update({ where: { id }, data: { details: merged as Prisma.InputJsonValue } });
}

export interface OperationFilter {
  tool?: string;
  action?: string;
  actorUserId?: number;
  subjectUserId?: number;
  since?: Date;
  /** Newest first; default 100. */
  take?: number;
}

/** A portal's entries, newest first. */
export function listOperations(prisma: Pick<PrismaClient, "operationLog">, portalId: string, filter: OperationFilter = {}) {
  return prisma.operationLog.findMany({
    where: {
      portalId,
      ...(filter.tool ? { tool: filter.tool } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actorUserId !== undefined ? { actorUserId: filter.actorUserId } : {}),
      ...(filter.subjectUserId !== undefined ? { subjectUserId: filter.subjectUserId } : {}),
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 100,
  });
}
