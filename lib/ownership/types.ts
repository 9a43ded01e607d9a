/**
 * The shape of one entry of the ownership catalogue: how a portal user holds records of one
 * object type in one role (responsible, creator, co-executor, …), and how to find, count, read
 * and change that. Entries are data plus small functions; the catalogue's operations (count.ts,
 * list.ts, read.ts) work on any entry, so adding an object type is adding an entry.
 */
import type { BatchCommand, ListOptions, Params } from "../bitrix24";

/** Optional narrowing the wizard offers; an entry applies the parts its type supports. */
export interface OwnershipQuery {
  /** Only records that are still open (not completed / won / lost / archived). */
  openOnly: boolean;
  /**
   * The CRM type the pipeline and stage filter is for: pipeline IDs are per type (deal pipeline 1
   * is not smart-process pipeline 1), so categoryId and stageIds narrow that type only.
   */
  crmEntityTypeId?: number;
  /** CRM pipeline (categoryId) of crmEntityTypeId. */
  categoryId?: number;
  /** CRM stage IDs (stageId) of crmEntityTypeId, any of them. */
  stageIds?: string[];
  /** ISO 8601 bounds on the creation / last change date. */
  createdAfter?: string;
  createdBefore?: string;
  changedAfter?: string;
  changedBefore?: string;
}

export type QueryFilter = "category" | "stage" | "created" | "changed";

/** What we need to know of one record to move it (IDs and flags only, never content). */
export interface RecordSnapshot {
  id: number;
  /** Users holding the role: the one owner for single roles, the whole list for co-executors/observers. */
  holders: number[];
  open: boolean;
  /** For "keep each company's records together": the CRM company the record belongs to, 0 if none. */
  companyId: number;
  /** The CRM contact the record belongs to, 0 if none. */
  contactId: number;
  /** An activity's CRM owner (`{entityTypeId}:{id}`), to follow its deal/contact/company. */
  ownerRef?: string;
}

/** A list request: the method and parameters the fast ID pagination pages through. */
export interface ListRequest {
  method: string;
  params: Params;
  options?: ListOptions;
  /** The method takes no ID filter/order (returns every match in a page or two): page with start. */
  smallList?: boolean;
}

export interface OwnershipRole {
  /** Stable object type key: "task", "deal", "dynamic-128", "activity", … */
  type: string;
  /** Stable role key: "responsible", "creator", "accomplice", "auditor", "assigned", "owner", "head". */
  role: string;
  /** The user is one of several holders (read-modify-write the whole list when changing). */
  multi: boolean;
  /** CRM entityTypeId, for CRM types (links, grouping). */
  entityTypeId?: number;
  /** Whether "open" means something for this type (contacts and companies are never closed). */
  hasOpenState: boolean;
  /** Which wizard filters this type understands. */
  filters: readonly QueryFilter[];
  /** The records this user holds in this role (with the query applied). */
  list(userId: number, query: OwnershipQuery): ListRequest;
  /** Reads our snapshot out of one listed item. */
  snapshot(item: Record<string, unknown>): RecordSnapshot;
  /** The command that reads one record's current state. */
  read(id: number): BatchCommand;
  /** Snapshot out of the read command's result; null when the result holds no record. */
  readSnapshot(result: unknown): RecordSnapshot | null;
  /** The command that gives the role `from` held on this record to `to`. */
  change(record: RecordSnapshot, from: number, to: number): BatchCommand;
}

/** One count of the overview: how many records of a type the user holds in a role. */
export interface OwnershipCount {
  type: string;
  role: string;
  open: number;
  total: number;
}

/** Replaces `from` by `to` in a holder list, keeping the others and their order, no duplicates. */
export function replaceHolder(holders: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (const h of holders) {
    const v = h === from ? to : h;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export const num = (v: unknown): number => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};

export const numList = (v: unknown): number[] => {
  const list = Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : [];
  return list.map(Number).filter((n) => Number.isInteger(n) && n > 0);
};
