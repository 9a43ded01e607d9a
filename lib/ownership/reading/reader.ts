/**
 * The one reader of "every record a person holds, by type and role": many lists read together,
 * fifty list commands to a `batch` request (b24restdocs settings/how-to-call-rest-api/batch.md,
 * settings/performance/huge-data.md, settings/performance/limits.md). How one list is cut and
 * checked is list-read.ts; what goes into each request is allocate.ts.
 *
 * Limits are waited out on the portal's one budget. A command refused inside a batch for rate
 * (QUERY_LIMIT_EXCEEDED) fills the shared bucket (the client does that, for every process), and
 * goes again in the next request, which waits its turn in that bucket. A method blocked for its
 * operating time (OPERATION_TIME_LIMIT, 429 alone or inside a batch's `result_error`) is left out
 * of the requests until its window resets — the other methods go on meanwhile — and the read
 * waits only when nothing else is left, for at most `maxWaitMs`. A list refused again and again,
 * or otherwise, ends incomplete with the reason: the caller says what is missing.
 *
 * Consumers pull: `pages(i)` sends the next request only when list i has nothing ready, giving
 * list i the first places and letting the others fill the rest; `readAll()` takes everything.
 */
import type { Bitrix24Client, BatchItemResult } from "../../bitrix24";
import { Bitrix24Error, isRetryable, OperationTimeLimitError, RateLimitedError } from "../../bitrix24";
import type { ListRequest, OwnershipQuery, OwnershipRole, RecordSnapshot } from "../types";
import { BATCH_SLOTS, planBatch, type Planned } from "./allocate";
import { commandFor, pageOf } from "./commands";
import { ListRead, type ListOutcome } from "./list-read";

export type ReaderClient = Pick<Bitrix24Client, "batch" | "blockedFor">;

/** One list: what `userId` holds in `role`, narrowed by `query`. */
export interface HeldList {
  role: OwnershipRole;
  userId: number;
  query: OwnershipQuery;
}

export interface ReaderOptions {
  /** Refusals in a row (rate, operating time, 5xx) before a list gives up. */
  maxAttempts?: number;
  /** Longest wait for a method's operating window to reset when nothing else is left to read. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HeldRead {
  list: HeldList;
  records: RecordSnapshot[];
  outcome: ListOutcome;
}

const DEFAULTS = { maxAttempts: 6, maxWaitMs: 11 * 60_000 };
/** Records handed on at a time by `pages()`. */
const PAGE_OUT = 500;
/** Operating-time refusals of one piece before its list gives up (each after waiting for a reset). */
const OPERATING_ATTEMPTS = 30;

export class HeldReader {
  private readonly reads: ListRead[];
  private readonly requests: ListRequest[];
  private step: Promise<void> | null = null;
  private readonly operatingCaps = new Map<string, number>();
  private readonly options: Required<ReaderOptions>;

  constructor(
    private readonly client: ReaderClient,
    readonly lists: readonly HeldList[],
    options: ReaderOptions = {},
  ) {
    this.requests = lists.map((l) => l.role.list(l.userId, l.query));
    this.reads = lists.map((l, i) => new ListRead(l.userId, this.requests[i].smallList === true));
    this.options = { ...DEFAULTS, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), ...options };
  }

  /** Sends requests until every list is counted (the first request for up to 25 lists). */
  async discover(): Promise<void> {
    while (this.reads.some((r) => !r.discovered && !r.done)) await this.next(undefined);
  }

  /** Records list `i` held when the read began, as the portal counted them (null if it did not). */
  counted(i: number): number | null {
    return this.reads[i].counted;
  }

  /** List `i`'s records in ID order, in pages of at most PAGE_OUT; its outcome says whether that was all. */
  async *pages(i: number): AsyncGenerator<RecordSnapshot[]> {
    const read = this.reads[i];
    for (;;) {
      const ready = read.take();
      // A request brings up to 2,500 records of a list: handed on in slices, so that a consumer
      // turning each page into text (the export) never holds much more than a slice of it.
      for (let n = 0; n < ready.length; n += PAGE_OUT) yield ready.slice(n, n + PAGE_OUT);
      if (!ready.length && read.done) return;
      if (!ready.length) await this.next(i);
    }
  }

  outcome(i: number): ListOutcome {
    return this.reads[i].outcome();
  }

  /** Every list, whole. */
  async readAll(): Promise<HeldRead[]> {
    const out: HeldRead[] = [];
    for (const [i, list] of this.lists.entries()) {
      const records: RecordSnapshot[] = [];
      for await (const page of this.pages(i)) records.push(...page);
      out.push({ list, records, outcome: this.outcome(i) });
    }
    return out;
  }

  /** One request (or a wait); callers arriving meanwhile share it. */
  private next(priority: number | undefined): Promise<void> {
    this.step ??= this.send(priority).finally(() => (this.step = null));
    return this.step;
  }

  private async send(priority: number | undefined): Promise<void> {
    const order = priority === undefined ? this.reads : [this.reads[priority], ...this.reads.filter((_, i) => i !== priority)];
    const waiting = order.filter((r) => !r.done);
    const blocked = new Map(waiting.map((r) => [r, this.client.blockedFor(this.requests[this.reads.indexOf(r)].method)]));
    const planned = planBatch(
      waiting.filter((r) => blocked.get(r) === 0),
      undefined,
      { groupOf: (r) => this.requestOf(r).method, caps: this.operatingCaps },
    );
    if (planned.length === 0) return this.waitForUnblock(waiting, blocked);
    const results = await this.client.batch(planned.map((p) => commandFor(this.requestOf(p.list), p.piece)));
    planned.forEach((p, n) => this.settle(p, results[n]));
    this.learnCaps(planned, results);
  }

  /**
   * A method refused for its operating time gets, in the next requests, only as many commands as
   * it let through before the refusal (at least one); a request without refusals doubles that.
   */
  private learnCaps(planned: readonly Planned[], results: readonly BatchItemResult[]): void {
    const seen = new Map<string, { ok: number; refused: number }>();
    planned.forEach((p, n) => {
      const method = this.requestOf(p.list).method;
      const s = seen.get(method) ?? { ok: 0, refused: 0 };
      const r = results[n];
      if (r.ok) s.ok++;
      else if (r.error instanceof OperationTimeLimitError) s.refused++;
      seen.set(method, s);
    });
    for (const [method, s] of seen) {
      const cap = this.operatingCaps.get(method);
      if (s.refused) this.operatingCaps.set(method, Math.max(1, s.ok));
      else if (cap !== undefined) {
        if (cap * 2 >= BATCH_SLOTS) this.operatingCaps.delete(method);
        else this.operatingCaps.set(method, cap * 2);
      }
    }
  }

  private settle(p: Planned, result: BatchItemResult): void {
    const i = this.reads.indexOf(p.list);
    const method = this.requests[i].method;
    if (result.ok) {
      let page;
      try {
        page = pageOf(this.lists[i].role, method, result.result, result.total, result.next);
      } catch (error) {
        return p.list.fail("refused", error instanceof Bitrix24Error ? error.code : "BAD_RESPONSE");
      }
      return p.list.accept(p.piece, page);
    }
    const { error } = result;
    if (!isRetryable(error)) return p.list.fail("refused", error.code || "ERROR");
    // A method blocked for its operating time is waited out (send() leaves it out until its
    // window resets): a window lets only a few commands through, so it may take a few resets.
    if (error instanceof OperationTimeLimitError) return p.list.retry(p.piece, OPERATING_ATTEMPTS, "operating_limited", error.code);
    p.list.retry(p.piece, this.options.maxAttempts, error instanceof RateLimitedError ? "rate_limited" : "refused", error.code);
  }

  /** Every list still to read waits for its method's operating window: wait once, or give up. */
  private async waitForUnblock(waiting: ListRead[], blocked: Map<ListRead, number>): Promise<void> {
    const soonest = Math.min(...waiting.map((r) => blocked.get(r) ?? 0));
    if (soonest > this.options.maxWaitMs) {
      for (const r of waiting) r.fail("operating_limited", "OPERATION_TIME_LIMIT");
      return;
    }
    await this.options.sleep(soonest);
  }

  private requestOf(list: ListRead): ListRequest {
    return this.requests[this.reads.indexOf(list)];
  }
}
