/**
 * The requests log (PrivacyRequest rows): every download, anonymisation and erasure with the
 * subject's and requester's user IDs, status and times — never names (the page resolves them
 * live from the portal). GDPR Art. 12(3): a request is answered "without undue delay and in any
 * event within one month of receipt", so an open request shows that deadline.
 */
import type { PrismaClient } from "../../db";

export type RequestKind = "download" | "anonymise" | "erase";
export type RequestStatus = "queued" | "running" | "completed" | "failed";

export interface RequestRow {
  id: string;
  kind: RequestKind;
  subjectUserId: number;
  requestedBy: number;
  status: RequestStatus;
  createdAt: Date;
  finishedAt: Date | null;
  /** Art. 12(3) deadline; null once the request is finished. */
  deadline: Date | null;
  /** An open request past its deadline, or due within a week: the log makes it stand out. */
  urgency: "overdue" | "dueSoon" | null;
  jobRunId: string | null;
}

/** One calendar month after `from` (UTC), as Art. 12(3) counts it. */
export function oneMonthAfter(from: Date): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCMonth(d.getUTCMonth() + 1);
  // 31 January + 1 month would roll into March: the deadline is then the month's last day.
  if (d.getUTCDate() !== day) d.setUTCDate(0);
  return d;
}

export async function createRequests(
  prisma: PrismaClient,
  portalId: string,
  kind: RequestKind,
  subjects: readonly number[],
  requestedBy: number,
  jobRunId: string | null = null,
): Promise<string[]> {
  const rows = await prisma.$transaction(
    subjects.map((subjectUserId) => prisma.privacyRequest.create({ data: { portalId, kind, subjectUserId, requestedBy, jobRunId }, select: { id: true } })),
  );
  return rows.map((r) => r.id);
}

export async function attachJob(prisma: PrismaClient, requestIds: readonly string[], jobRunId: string): Promise<void> {
  await prisma.privacyRequest.updateMany({ where: { id: { in: [...requestIds] } }, data: { jobRunId } });
}

export async function markRequest(prisma: PrismaClient, id: string, status: RequestStatus, details?: Record<string, unknown>): Promise<void> {
  const finished = status === "completed" || status === "failed";
  await prisma.privacyRequest.update({
    where: { id },
    data: { status, finishedAt: finished ? new Date() : null, ...(details ? { details: details as never } : {}) },
  });
}

function toRow(r: {
  id: string;
  kind: string;
  subjectUserId: number;
  requestedBy: number;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
  jobRunId: string | null;
}): RequestRow {
  const open = r.status !== "completed" && r.status !== "failed";
  const deadline = open ? oneMonthAfter(r.createdAt) : null;
  return { ...r, kind: r.kind as RequestKind, status: r.status as RequestStatus, deadline, urgency: urgencyOf(deadline, new Date()) };
}

const DUE_SOON_MS = 7 * 24 * 3600 * 1000;

/** "overdue" past the deadline, "dueSoon" within a week of it, else null. */
export function urgencyOf(deadline: Date | null, now: Date): RequestRow["urgency"] {
  if (!deadline) return null;
  const left = deadline.getTime() - now.getTime();
  return left < 0 ? "overdue" : left < DUE_SOON_MS ? "dueSoon" : null;
}

/** The portal's requests, newest first, a page at a time. */
export async function listRequests(
  prisma: PrismaClient,
  portalId: string,
  page: { skip: number; take: number },
): Promise<{ rows: RequestRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.privacyRequest.findMany({ where: { portalId }, orderBy: { createdAt: "desc" }, skip: page.skip, take: page.take }),
    prisma.privacyRequest.count({ where: { portalId } }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** The latest requests about one user (the My personal data tab shows their state). */
export async function latestRequestsOf(prisma: PrismaClient, portalId: string, subjectUserId: number, take = 5): Promise<RequestRow[]> {
  const rows = await prisma.privacyRequest.findMany({ where: { portalId, subjectUserId }, orderBy: { createdAt: "desc" }, take });
  return rows.map(toRow);
}

/** Subjects with an anonymisation or erasure already queued or running (no second one is started). */
export async function subjectsInProgress(prisma: PrismaClient, portalId: string, subjects: readonly number[]): Promise<Set<number>> {
  const rows = await prisma.privacyRequest.findMany({
    where: { portalId, subjectUserId: { in: [...subjects] }, kind: { in: ["anonymise", "erase"] }, status: { in: ["queued", "running"] } },
    select: { subjectUserId: true },
  });
  return new Set(rows.map((r) => r.subjectUserId));
}
