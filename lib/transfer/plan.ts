/**
 * A transfer's plan: which role on which record goes to whom. Built from the portal's lists
 * (lib/ownership collectOwned: a few batch calls for thousands of records) and the split
 * (assign.ts); an undo or a return is planned from the moved records of the transfer it gives
 * back. The plan is persisted in one transaction before anything moves, so a worker that dies
 * while planning leaves no half plan and one that dies later resumes from the rows.
 */
import { collectOwned, roleFor, type OwnershipClient, type OwnershipRole } from "../ownership";
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

/** Lists and splits the records of a transfer (also the wizard's dry run). */
export async function planAssignments(
  client: OwnershipClient,
  fromUserId: number,
  receiverIds: number[],
  options: StoredOptions,
): Promise<{ assignments: Assignment[]; errors: Array<{ type: string; role: string; code: string }> }> {
  const collected = await collectOwned(client, rolesOf(options.selections), fromUserId, options.query);
  const errors = collected.filter((c) => c.error).map((c) => ({ type: c.role.type, role: c.role.role, code: c.error! }));
  const lists = collected.map((c) => ({ type: c.role.type, role: c.role.role, records: c.records }));
  return { assignments: assignReceivers(lists, receiverIds, options.split), errors };
}

const INSERT_CHUNK = 5000;

/**
 * Persists a transfer's plan and marks it planned, all or nothing. The rows go in as column
 * arrays (`unnest`), a few statements for tens of thousands of records: Prisma's createMany
 * compiles a plan per chunk shape and kept ~100 MB of it on the heap for a 20,000-record plan
 * (bench:transfer: the worker's peak RSS grew with the plan instead of staying flat).
 */
export async function savePlan(deps: TransferDeps, transferId: string, fromUserId: number, assignments: Assignment[]): Promise<number> {
  await deps.prisma.$transaction(
    async (tx) => {
      await tx.transferItem.deleteMany({ where: { transferId } });
      for (let start = 0; start < assignments.length; start += INSERT_CHUNK) {
        const part = assignments.slice(start, start + INSERT_CHUNK);
        await tx.$executeRaw`
          INSERT INTO "TransferItem" ("transferId", seq, type, role, "recordId", "fromUserId", "toUserId", state, "updatedAt")
          SELECT ${transferId}, p.seq, p.type, p.role, p.record, ${fromUserId}, p.receiver, 'planned', now()
          FROM unnest(${part.map((_, i) => start + i)}::int[], ${part.map((a) => a.type)}::text[], ${part.map((a) => a.role)}::text[],
                      ${part.map((a) => a.record.id)}::int[], ${part.map((a) => a.to)}::int[]) AS p(seq, type, role, record, receiver)
          ON CONFLICT DO NOTHING`;
      }
      await tx.transfer.update({ where: { id: transferId }, data: { plannedAt: new Date(), total: assignments.length, state: "moving" } });
    },
    { timeout: 120_000 },
  );
  return assignments.length;
}

/** Plans an undo / a return: every record the parent moved goes back from its receiver to its previous holder. */
export async function saveReversePlan(deps: TransferDeps, transferId: string, parentId: string): Promise<number> {
  return deps.prisma.$transaction(
    async (tx) => {
      await tx.transferItem.deleteMany({ where: { transferId } });
      const inserted = await tx.$executeRaw`
      INSERT INTO "TransferItem" ("transferId", seq, type, role, "recordId", "fromUserId", "toUserId", state, "updatedAt")
      SELECT ${transferId}, seq, type, role, "recordId", "toUserId", "fromUserId", 'planned', now()
      FROM "TransferItem" WHERE "transferId" = ${parentId} AND state = 'moved'`;
      await tx.transfer.update({ where: { id: transferId }, data: { plannedAt: new Date(), total: inserted, state: "moving" } });
      return inserted;
    },
    { timeout: 120_000 },
  );
}
