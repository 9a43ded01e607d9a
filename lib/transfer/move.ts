/**
 * Moving a planned transfer, 50 records to a `batch` call, resumable after a crash without
 * moving anything twice:
 *
 * 1. A chunk of planned items is marked `sending` (committed) before its batch goes out.
 * 2. The batch's answers are committed per item: `moved`, `failed` with the portal's error code,
 *    or back to `planned` when the portal only said "later" (rate or operating-time limit).
 * 3. Items found `sending` (the worker died, or the batch call itself failed) are never re-sent
 *    blindly: their current holder is read first — already the receiver → `moved` without a
 *    call; still the previous holder → sent again; someone else → `skipped` (CHANGED).
 *
 * Undo and return read every record before changing it (a record changed by hand since stays,
 * unless a forced return), and so do co-executor/observer lists (the change writes the whole
 * list, so it must be the current one).
 */
import { Bitrix24Error, OperationTimeLimitError, RateLimitedError, type BatchItemResult, type Bitrix24Client } from "../bitrix24";
import { errorCode, roleFor, type OwnershipRole, type RecordSnapshot } from "../ownership";
import type { TransferDeps } from "./deps";
import { realSleep } from "./deps";

const CHUNK = 50;
const LOOK_EVERY_MS = 1000;
/** Answers that mean "not now": the item is retried after a pause, never counted as failed. */
export const LATER_CODES = new Set(["QUERY_LIMIT_EXCEEDED", "OPERATION_TIME_LIMIT", "OVERLOAD_LIMIT"]);

interface Item {
  id: bigint;
  type: string;
  role: string;
  recordId: number;
  fromUserId: number;
  toUserId: number;
}

type Decision = { kind: "send"; record: RecordSnapshot } | { kind: "done"; state: "moved" | "skipped" | "failed"; code?: string } | { kind: "later" };

export interface MoveContext {
  transferId: string;
  client: Pick<Bitrix24Client, "batch">;
  /** Read each record before changing it (undo, return). */
  verifyAll: boolean;
  /** Change records even if their holder changed since (forced return). */
  force: boolean;
  onProgress(counts: MoveCounts): Promise<void>;
}

export interface MoveCounts {
  total: number;
  moved: number;
  failed: number;
  skipped: number;
}

const itemSelect = { id: true, type: true, role: true, recordId: true, fromUserId: true, toUserId: true } as const;

/** Runs the move loop until every item is settled or a cancel is requested; returns the final counts. */
export async function moveItems(deps: TransferDeps, ctx: MoveContext): Promise<MoveCounts & { cancelled: boolean }> {
  const sleep = deps.sleep ?? realSleep;
  let pauseMs = 0;
  let lastLook = 0;
  for (;;) {
    if (pauseMs) await sleep(pauseMs);
    pauseMs = 0;
    // Progress and a cancel request are looked at once a second, not every round: the loop is
    // paced by the portal (half a second a request on the standard plan), and the rounds' own
    // database time left part of that budget unused (bench:transfer).
    if (Date.now() - lastLook >= LOOK_EVERY_MS) {
      lastLook = Date.now();
      const transfer = await deps.prisma.transfer.findUniqueOrThrow({ where: { id: ctx.transferId }, select: { cancelRequested: true } });
      const counts = await countItems(deps, ctx.transferId);
      await ctx.onProgress(counts);
      if (transfer.cancelRequested) {
        await resolveSending(deps, ctx, sleep);
        return { ...(await countItems(deps, ctx.transferId)), cancelled: true };
      }
    }
    try {
      if (await resolveSending(deps, ctx, sleep)) continue;
      const chunk = await deps.prisma.transferItem.findMany({
        where: { transferId: ctx.transferId, state: "planned" },
        orderBy: { seq: "asc" },
        take: CHUNK,
        select: itemSelect,
      });
      if (chunk.length === 0) return { ...(await countItems(deps, ctx.transferId)), cancelled: false };
      const needsRead = chunk.filter((i) => ctx.verifyAll || roleOf(i).multi);
      const decisions = new Map<bigint, Decision>();
      for (const i of chunk)
        if (!needsRead.includes(i))
          decisions.set(i.id, { kind: "send", record: { id: i.recordId, holders: [i.fromUserId], open: true, companyId: 0, contactId: 0 } });
      if (needsRead.length) for (const [id, d] of await readAndDecide(ctx, needsRead)) decisions.set(id, d);
      pauseMs = await apply(deps, ctx, chunk, decisions);
    } catch (error) {
      // The whole call failed after the client's own retries: the portal asked us to wait, or the
      // network failed. Items marked `sending` are resolved by reading them on the next round.
      if (error instanceof RateLimitedError || error instanceof OperationTimeLimitError || isTransient(error)) {
        pauseMs = waitFor(error);
        continue;
      }
      throw error;
    }
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof Bitrix24Error && (error.code === "NETWORK_ERROR" || error.status >= 500);
}

function waitFor(error: unknown): number {
  if (error instanceof OperationTimeLimitError && error.resetAt) return Math.max(1000, error.resetAt * 1000 - Date.now() + 1000);
  return 2000;
}

function roleOf(item: Pick<Item, "type" | "role">): OwnershipRole {
  const role = roleFor(item.type, item.role);
  if (!role) throw new Error(`Unknown record kind ${item.type}/${item.role}`);
  return role;
}

/** Reads the records' current holders and decides, per item, what to do (see the module comment). */
async function readAndDecide(ctx: MoveContext, items: Item[]): Promise<Map<bigint, Decision>> {
  const results: BatchItemResult[] = await ctx.client.batch(items.map((i) => roleOf(i).read(i.recordId)));
  const out = new Map<bigint, Decision>();
  items.forEach((item, n) => {
    const r = results[n];
    if (!r.ok) {
      const code = errorCode(r.error);
      out.set(item.id, LATER_CODES.has(code) ? { kind: "later" } : { kind: "done", state: "failed", code });
      return;
    }
    const role = roleOf(item);
    const record = role.readSnapshot(r.result);
    if (!record) return out.set(item.id, { kind: "done", state: "failed", code: "NOT_FOUND" });
    const has = (u: number) => record.holders.includes(u);
    if (role.multi) {
      if (has(item.toUserId) && !has(item.fromUserId)) out.set(item.id, { kind: "done", state: "moved" });
      else if (has(item.fromUserId)) out.set(item.id, { kind: "send", record });
      else out.set(item.id, { kind: "done", state: "skipped", code: "CHANGED" });
      return;
    }
    const holder = record.holders[0];
    if (holder === item.toUserId) out.set(item.id, { kind: "done", state: "moved" });
    else if (holder === item.fromUserId || ctx.force) out.set(item.id, { kind: "send", record });
    else out.set(item.id, { kind: "done", state: "skipped", code: "CHANGED" });
  });
  return out;
}

/** Items left `sending` (a crash or a failed call): read them, settle what already happened. Returns true if there were any. */
async function resolveSending(deps: TransferDeps, ctx: MoveContext, sleep: (ms: number) => Promise<void>): Promise<boolean> {
  const stuck = await deps.prisma.transferItem.findMany({
    where: { transferId: ctx.transferId, state: "sending" },
    orderBy: { seq: "asc" },
    take: CHUNK,
    select: itemSelect,
  });
  if (stuck.length === 0) return false;
  const decisions = await readAndDecide({ ...ctx, force: false }, stuck);
  // What still needs sending goes back to the queue; nothing is sent from here.
  const back = stuck.filter((i) => decisions.get(i.id)?.kind === "send" || decisions.get(i.id)?.kind === "later");
  if (back.length) await deps.prisma.transferItem.updateMany({ where: { id: { in: back.map((i) => i.id) } }, data: { state: "planned" } });
  await settle(deps, stuck, decisions);
  if (stuck.some((i) => decisions.get(i.id)?.kind === "later")) await sleep(2000);
  return true;
}

/** Commits the settled decisions (moved / skipped / failed), grouped to few statements. */
async function settle(deps: TransferDeps, items: Item[], decisions: Map<bigint, Decision>): Promise<void> {
  const groups = new Map<string, bigint[]>();
  for (const i of items) {
    const d = decisions.get(i.id);
    if (d?.kind !== "done") continue;
    const key = `${d.state}|${d.code ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), i.id]);
  }
  for (const [key, ids] of groups) {
    const [state, code] = key.split("|");
    await deps.prisma.transferItem.updateMany({ where: { id: { in: ids } }, data: { state: state as "moved", errorCode: code || null } });
  }
}

/** Sends the chunk's changes and commits the outcomes; returns how long to pause before the next round. */
async function apply(deps: TransferDeps, ctx: MoveContext, chunk: Item[], decisions: Map<bigint, Decision>): Promise<number> {
  await settle(deps, chunk, decisions);
  const toSend = chunk.filter((i) => decisions.get(i.id)?.kind === "send");
  const later = chunk.some((i) => decisions.get(i.id)?.kind === "later");
  if (toSend.length === 0) return later ? 2000 : 0;
  // Committed before the call: if we die during it, these are read, never blindly re-sent.
  await deps.prisma.transferItem.updateMany({ where: { id: { in: toSend.map((i) => i.id) } }, data: { state: "sending" } });
  const commands = toSend.map((i) => {
    const role = roleOf(i);
    const record = (decisions.get(i.id) as { record: RecordSnapshot }).record;
    return role.change(record, i.fromUserId, i.toUserId);
  });
  const results = await ctx.client.batch(commands);
  const outcome = new Map<bigint, Decision>();
  let pause = later ? 2000 : 0;
  toSend.forEach((item, n) => {
    const r = results[n];
    if (r.ok) return outcome.set(item.id, { kind: "done", state: "moved" });
    const code = errorCode(r.error);
    if (LATER_CODES.has(code)) {
      pause = Math.max(pause, 2000);
      return outcome.set(item.id, { kind: "later" });
    }
    outcome.set(item.id, { kind: "done", state: "failed", code });
  });
  const again = toSend.filter((i) => outcome.get(i.id)?.kind === "later");
  if (again.length) await deps.prisma.transferItem.updateMany({ where: { id: { in: again.map((i) => i.id) } }, data: { state: "planned" } });
  await settle(deps, toSend, outcome);
  return pause;
}

/** Counts of a transfer's items by state. */
export async function countItems(deps: TransferDeps, transferId: string): Promise<MoveCounts> {
  const rows = await deps.prisma.transferItem.groupBy({ by: ["state"], where: { transferId }, _count: { _all: true } });
  const n = (s: string) => rows.find((r) => r.state === s)?._count._all ?? 0;
  return { total: rows.reduce((sum, r) => sum + r._count._all, 0), moved: n("moved"), failed: n("failed"), skipped: n("skipped") };
}
