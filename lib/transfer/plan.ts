/**
 * A transfer's plan: which role on which record goes to whom. Built from the portal's lists
 * (lib/ownership HeldReader: fifty list pages to a request, one request per 2,000 records or so)
 * and the split (assign.ts); an undo or a return is planned from the moved records of the
 * transfer it gives back. The plan is persisted in one transaction before anything moves, so a
 * worker that dies while planning leaves no half plan and one that dies later resumes from the rows.
 *
 * A list the portal did not give whole (refused, or a page that broke its window: see
 * lib/ownership reading/list-read.ts) fails its type: none of its records move — the ones that
 * were read are planned as failed with the reason (`LIST_INCOMPLETE`, or the portal's code),
 * and the failure is named in `errors`.
 */
import { HeldReader, roleFor, type ListOutcome, type OwnershipClient, type OwnershipRole } from "../ownership";
import { assignReceivers, type Assignment } from "./assign";
import type { TransferDeps } from "./deps";
import type { SplitMode, TransferQuery } from "./request";

export interface StoredOptions {
  selections: Array<{ type: string; role: string }>;
  query: TransferQuery;
  split: SplitMode;
  notify: boolean;
}

/** The roles of a selection that the catalogue knows (unknown pairs are ignored). */
export function rolesOf(selections: StoredOptions["selections"]): OwnershipRole[] {
  return selections.map((s) => roleFor(s.type, s.role)).filter((r): r is OwnershipRole => r !== undefined);
}

export interface PlanError {
  type: string;
  role: string;
  /** The portal's error code, or LIST_INCOMPLETE when it answered a page we could not trust. */
  code: string;
}

/** Why a list was not read whole, as the code its records fail with. */
export function incompleteCode(outcome: ListOutcome): string {
  return outcome.reason === "refused" && outcome.code ? outcome.code : "LIST_INCOMPLETE";
}

/** Lists and splits the records of a transfer (also the wizard's dry run). */
export async function planAssignments(
  client: OwnershipClient,
  fromUserId: number,
  receiverIds: number[],
  options: StoredOptions,
): Promise<{ assignments: Assignment[]; failed: Array<Assignment & { code: string }>; errors: PlanError[] }> {
  const lists = rolesOf(options.selections).map((role) => ({ role, userId: fromUserId, query: options.query }));
  const read = await new HeldReader(client, lists).readAll();
  const whole = read.filter((r) => r.outcome.complete);
  const broken = read.filter((r) => !r.outcome.complete);
  const errors = broken.map((r) => ({ type: r.list.role.type, role: r.list.role.role, code: incompleteCode(r.outcome) }));
  const failed = broken.flatMap((r, i) =>
    r.records.map((record) => ({ type: r.list.role.type, role: r.list.role.role, record, to: fromUserId, code: errors[i].code })),
  );
  const assignments = assignReceivers(
    whole.map((r) => ({ type: r.list.role.type, role: r.list.role.role, records: r.records })),
    receiverIds,
    options.split,
  );
  return { assignments, failed, errors };
}

const INSERT_CHUNK = 5000;

/**
 * Persists a transfer's plan and marks it planned, all or nothing. The rows go in as column
 * arrays (`unnest`), a few statements for tens of thousands of records: Prisma's createMany
 * compiles a plan per chunk shape and kept ~100 MB of it on the heap for a 20,000-record plan
 * (bench:transfer: the worker's peak RSS grew with the plan instead of staying flat).
 */
export async function savePlan(
  deps: TransferDeps,
  transferId: string,
  fromUserId: number,
  assignments: Assignment[],
  failed: Array<Assignment & { code: string }> = [],
  /** The types the portal did not list whole: failures of the run, kept on it (outcome.ts). */
  planFailures: PlanError[] = [],
): Promise<number> {
  await deps.prisma.$transaction(
    async (tx) => {
      await tx.transferItem.deleteMany({ where: { transferId } });
      for (let start = 0; start < assignments.length; start += INSERT_CHUNK) {
        const part = assignments.slice(start, start + INSERT_CHUNK);
        await tx.$executeRaw`
          INSERT INTO "TransferItem" ("transferId", seq, type, role, "recordId", "fromUserId", "toUserId", state, "updatedAt")
          SELECT ${transferId}, p.seq, p.type, p.role, p.record, p.giver, p.receiver, 'planned', now()
          FROM unnest(${part.map((_, i) => start + i)}::int[], ${part.map((a) => a.type)}::text[], ${part.map((a) => a.role)}::text[],
                      ${part.map((a) => a.record.id)}::int[], ${part.map((a) => a.from ?? fromUserId)}::int[], ${part.map((a) => a.to)}::int[])
               AS p(seq, type, role, record, giver, receiver)
          ON CONFLICT DO NOTHING`;
      }
      // Records of a list not read whole: failed with the reason, never moved (plan.ts header).
      for (let start = 0; start < failed.length; start += INSERT_CHUNK) {
        const part = failed.slice(start, start + INSERT_CHUNK);
        const seq0 = assignments.length + start;
        await tx.$executeRaw`
          INSERT INTO "TransferItem" ("transferId", seq, type, role, "recordId", "fromUserId", "toUserId", state, "errorCode", "updatedAt")
          SELECT ${transferId}, p.seq, p.type, p.role, p.record, ${fromUserId}, ${fromUserId}, 'failed', p.code, now()
          FROM unnest(${part.map((_, i) => seq0 + i)}::int[], ${part.map((a) => a.type)}::text[], ${part.map((a) => a.role)}::text[],
                      ${part.map((a) => a.record.id)}::int[], ${part.map((a) => a.code)}::text[]) AS p(seq, type, role, record, code)
          ON CONFLICT DO NOTHING`;
      }
      const total = assignments.length + failed.length;
      await tx.transfer.update({ where: { id: transferId }, data: { plannedAt: new Date(), total, state: "moving", planFailures: planFailures as never } });
    },
    { timeout: 120_000 },
  );
  return assignments.length + failed.length;
}

/** What to do with records whose previous holder can no longer receive: give them to `instead`, or leave them. */
export interface GiveBackChoice {
  instead?: number;
  leave?: boolean;
}

/** What a reverse run stores in its options: whom it takes from, and what it did about holders who cannot receive. */
export interface ReverseOptions {
  takenFrom: number[];
  instead?: Array<{ from: number; to: number }>;
  left?: Array<{ userId: number; code: string }>;
}

/**
 * Plans an undo / a return: every record the parent moved goes back from its receiver to its
 * previous holder — or to the receiver chosen instead of a holder who cannot receive; records of a
 * holder left out are planned as skipped with the reason (undo.ts).
 */
export async function saveReversePlan(deps: TransferDeps, transferId: string, parentId: string, options: Partial<ReverseOptions> = {}): Promise<number> {
  const instead = options.instead ?? [];
  const left = options.left ?? [];
  return deps.prisma.$transaction(
    async (tx) => {
      await tx.transferItem.deleteMany({ where: { transferId } });
      const inserted = await tx.$executeRaw`
      INSERT INTO "TransferItem" ("transferId", seq, type, role, "recordId", "fromUserId", "toUserId", state, "errorCode", "updatedAt")
      SELECT ${transferId}, i.seq, i.type, i.role, i."recordId", i."toUserId", COALESCE(r.receiver, i."fromUserId"),
             CASE WHEN l.code IS NULL THEN 'planned' ELSE 'skipped' END::"TransferItemState", l.code, now()
      FROM "TransferItem" i
      LEFT JOIN unnest(${instead.map((x) => x.from)}::int[], ${instead.map((x) => x.to)}::int[]) AS r(holder, receiver) ON r.holder = i."fromUserId"
      LEFT JOIN unnest(${left.map((x) => x.userId)}::int[], ${left.map((x) => x.code)}::text[]) AS l(holder, code) ON l.holder = i."fromUserId"
      WHERE i."transferId" = ${parentId} AND i.state = 'moved'`;
      await tx.transfer.update({ where: { id: transferId }, data: { plannedAt: new Date(), total: inserted, state: "moving" } });
      return inserted;
    },
    { timeout: 120_000 },
  );
}
