/**
 * One list being read — what one person holds in one (type, role) — as a state machine without
 * I/O, so that the reader (reader.ts) can interleave many lists in one `batch` and tests can drive
 * it with any page they like.
 *
 * The pagination is the large-data guide's (b24restdocs settings/performance/huge-data.md): order
 * by ID, a `>ID` filter with the last ID seen, `start=-1`, stop on a short page. To read far more
 * than one page per request, the list is cut into disjoint ID chunks, each read by its own chain
 * of pages, all chains' next pages going out together:
 *
 * 1. Discovery: the first page in ID order, counted (`start=0` gives `total`), and the last page
 *    (ID descending, `start=-1`). A list of up to 100 records is read by these two alone.
 * 2. Between the two lies a middle of known size: it is split into chunks of about one page each
 *    (reader's allocate.ts), every chunk a window `>ID after` `<=ID upTo`, read in ascending
 *    pages; a chunk whose page comes back full goes on from its last ID.
 * 3. Last, the tail above the highest ID seen at discovery: records created while the read ran.
 *
 * Every page is checked: IDs in the order asked for, inside the chunk's window, and each record
 * naming the person in the role. A page that breaks this means the portal ignored part of the
 * request (a method dropping a filter key it does not know does exactly that); the list then ends
 * incomplete — never a loop, never a silent drop. Records from the pages before stay valid.
 *
 * What a read guarantees when records change meanwhile (chunks are disjoint, so no record is read
 * twice): a record the person held for the whole read is in it once; one created during the read
 * is in it when it exists before the tail is read; one that changed hands during the read may or
 * may not be — it is in it if its chunk was read while the person held it.
 */
import type { RecordSnapshot } from "../types";

export const PAGE = 50;

/** Pages of records created during a read that we follow before calling the list unbounded. */
const TAIL_PAGES = 20;
/** Pages of a list read by plain `start` paging (departments a person heads) before giving up. */
const OFFSET_PAGES = 20;

export interface Chunk {
  /** The chunk's next page starts after this ID (its lower bound, moving up as pages arrive). */
  after: number;
  /** Its upper bound, inclusive; Infinity for the tail. */
  upTo: number;
  /** Records read so far, in ID order. */
  records: RecordSnapshot[];
  open: boolean;
  /** Records per ID over this chunk's last full page: how many are probably left. */
  density?: number;
  tail?: boolean;
  /** Retryable refusals in a row (rate, operating time, 5xx). */
  failures: number;
}

export type Piece = { kind: "head" } | { kind: "top" } | { kind: "range"; chunk: Chunk } | { kind: "offset"; start: number };

export interface Page {
  items: RecordSnapshot[];
  total?: number;
  next?: number;
}

export type IncompleteReason =
  | "filter_ignored" // records outside the window asked for, or not held by the person
  | "order_ignored" // IDs not in the order asked for
  | "refused" // the portal answered an error (its code is kept)
  | "rate_limited" // refused for rate again and again
  | "operating_limited" // the method stayed blocked for its operating time longer than we wait
  | "unbounded"; // records kept being added faster than we read them

export interface ListOutcome {
  complete: boolean;
  /** Records the portal counted when the read began; null before that or when it did not count. */
  counted: number | null;
  /** Records read and handed out. */
  read: number;
  reason?: IncompleteReason;
  /** The portal's error code when it refused. */
  code?: string;
}

/** Why a page cannot be trusted, or null when it can. */
export function pageFault(
  items: readonly RecordSnapshot[],
  userId: number,
  order: "asc" | "desc" | "any",
  after: number,
  upTo: number,
): IncompleteReason | null {
  let previous = order === "desc" ? Infinity : -Infinity;
  for (const r of items) {
    if (!Number.isInteger(r.id) || r.id <= 0) return "filter_ignored";
    if (order === "asc" ? r.id <= previous : order === "desc" ? r.id >= previous : false) return "order_ignored";
    previous = r.id;
    if (r.id <= after || r.id > upTo) return "filter_ignored";
    if (!r.holders.includes(userId)) return "filter_ignored";
  }
  return null;
}

export class ListRead {
  private head?: Page;
  private top?: Page;
  private chunks: Chunk[] = [];
  private discovery = { head: 0, top: 0 };
  private offsetNext: number | undefined = 0;
  private offsetPages = 0;
  private tailPages = 0;
  private failure?: { reason: IncompleteReason; code?: string };
  private handedOut = 0;
  counted: number | null = null;
  discovered = false;

  constructor(
    readonly userId: number,
    /** Read by `start` paging (a method that takes no ID window: department.get). */
    readonly small: boolean,
  ) {}

  get done(): boolean {
    if (this.failure) return true;
    if (this.small) return this.offsetNext === undefined;
    return this.discovered && this.chunks.every((c) => !c.open);
  }

  /** Discovery pieces still to be answered. */
  due(): Piece[] {
    if (this.failure) return [];
    if (this.small) return this.offsetNext === undefined ? [] : [{ kind: "offset", start: this.offsetNext }];
    if (this.discovered) return [];
    return [...(this.head ? [] : [{ kind: "head" } as const]), ...(this.top ? [] : [{ kind: "top" } as const])];
  }

  /** Chunks that want a page (the tail among them). */
  candidates(): Chunk[] {
    if (this.failure || !this.discovered) return [];
    return this.chunks.filter((c) => c.open);
  }

  /** How many records a chunk probably still holds (at least 1 while it is open). */
  estimate(chunk: Chunk): number {
    if (chunk.tail) return 1;
    const span = chunk.upTo - chunk.after;
    const byDensity = (c: Chunk) => (c.density ?? 0) * (c.upTo - c.after);
    if (chunk.density !== undefined) return Math.max(1, Math.min(span, byDensity(chunk)));
    if (this.counted === null) return Math.min(span, PAGE);
    // What the count leaves unread, less what the chunks with a density of their own hold, spread
    // over the others by their span.
    const open = this.chunks.filter((c) => c.open && !c.tail);
    const seen = this.handedOut + this.chunks.reduce((n, c) => n + c.records.length, 0);
    const rest = this.counted - seen - open.reduce((n, c) => n + byDensity(c), 0);
    const openSpan = open.reduce((n, c) => n + (c.density === undefined ? c.upTo - c.after : 0), 0);
    return Math.max(1, Math.min(span, (rest * span) / Math.max(1, openSpan)));
  }

  /** Cuts an open chunk into `parts` windows of equal ID span; the first keeps what was read. */
  split(chunk: Chunk, parts: number): Chunk[] {
    const span = chunk.upTo - chunk.after;
    const n = Math.max(1, Math.min(parts, span));
    if (n === 1 || chunk.tail) return [chunk];
    const bounds = Array.from({ length: n + 1 }, (_, i) => (i === n ? chunk.upTo : chunk.after + Math.floor((span * i) / n)));
    const pieces: Chunk[] = [chunk];
    for (let i = 1; i < n; i++) pieces.push({ after: bounds[i], upTo: bounds[i + 1], records: [], open: true, density: chunk.density, failures: 0 });
    chunk.upTo = bounds[1];
    this.chunks.splice(this.chunks.indexOf(chunk) + 1, 0, ...pieces.slice(1));
    return pieces;
  }

  /** A page answered for `piece`. */
  accept(piece: Piece, page: Page): void {
    if (this.failure) return;
    switch (piece.kind) {
      case "head":
        if (this.check(page.items, "asc", 0, Infinity)) return;
        this.head = page;
        this.counted = page.total ?? null;
        break;
      case "top":
        if (this.check(page.items, "desc", 0, Infinity)) return;
        this.top = page;
        break;
      case "range":
        return this.acceptRange(piece.chunk, page);
      case "offset":
        return this.acceptOffset(page);
    }
    if (this.head && this.top) this.discover(this.head.items, this.top.items);
  }

  /** A retryable refusal of `piece`; after `maxAttempts` in a row the list ends with `reason`. */
  retry(piece: Piece, maxAttempts: number, reason: IncompleteReason, code: string): void {
    let failures: number;
    if (piece.kind === "range") failures = ++piece.chunk.failures;
    else if (piece.kind === "head" || piece.kind === "top") failures = ++this.discovery[piece.kind];
    else failures = ++this.discovery.head;
    if (failures >= maxAttempts) this.fail(reason, code);
  }

  fail(reason: IncompleteReason, code?: string): void {
    this.failure ??= { reason, ...(code ? { code } : {}) };
  }

  /** Records ready to hand out, in ID order (all that were read once the list is done). */
  take(): RecordSnapshot[] {
    const out: RecordSnapshot[] = [];
    while (this.chunks.length && (this.failure || !this.chunks[0].open)) out.push(...this.chunks.shift()!.records);
    this.handedOut += out.length;
    return out;
  }

  outcome(): ListOutcome {
    const base = { counted: this.counted, read: this.handedOut };
    if (this.failure) return { complete: false, ...base, ...this.failure };
    return { complete: this.done, ...base };
  }

  /** Checks a page; on a fault the list ends incomplete and true is answered. */
  private check(items: readonly RecordSnapshot[], order: "asc" | "desc" | "any", after: number, upTo: number): boolean {
    const fault = pageFault(items, this.userId, order, after, upTo);
    if (fault) this.fail(fault);
    return fault !== null;
  }

  /** Both ends are known: the chunks between them. */
  private discover(first: RecordSnapshot[], lastDesc: RecordSnapshot[]): void {
    this.discovered = true;
    const firstEnd = first.length ? first[first.length - 1].id : 0;
    this.chunks.push({ after: 0, upTo: firstEnd, records: first, open: false, failures: 0 });
    const newer = lastDesc.filter((r) => r.id > firstEnd).reverse();
    // A short page at either end saw everything then; so did a last page reaching into the first.
    if (first.length < PAGE || lastDesc.length < PAGE || newer.length < lastDesc.length) {
      if (newer.length) this.chunks.push({ after: firstEnd, upTo: newer[newer.length - 1].id, records: newer, open: false, failures: 0 });
      return;
    }
    const lowest = newer[0].id;
    const highest = newer[newer.length - 1].id;
    this.chunks.push(
      { after: firstEnd, upTo: lowest - 1, records: [], open: lowest - 1 > firstEnd, failures: 0 },
      { after: lowest - 1, upTo: highest, records: newer, open: false, failures: 0 },
      { after: highest, upTo: Infinity, records: [], open: true, tail: true, failures: 0 },
    );
  }

  private acceptRange(chunk: Chunk, page: Page): void {
    if (this.check(page.items, "asc", chunk.after, chunk.upTo)) return;
    chunk.failures = 0;
    chunk.records.push(...page.items);
    if (page.items.length < PAGE) {
      chunk.open = false;
      return;
    }
    const last = page.items[page.items.length - 1].id;
    chunk.density = PAGE / (last - chunk.after);
    chunk.after = last;
    if (last >= chunk.upTo) chunk.open = false;
    if (chunk.tail && ++this.tailPages >= TAIL_PAGES && chunk.open) this.fail("unbounded");
  }

  private acceptOffset(page: Page): void {
    // A method paged by `start` keeps its own order (department.get sorts by the tree): only the
    // holder is checked, and records are handed out in the order the portal gave them.
    if (this.check(page.items, "any", 0, Infinity)) return;
    if (this.chunks.length === 0) {
      this.chunks.push({ after: 0, upTo: Infinity, records: [], open: true, failures: 0 });
      this.discovered = true;
    }
    const chunk = this.chunks[0];
    chunk.records.push(...page.items);
    this.counted ??= page.total ?? null;
    this.offsetNext = page.items.length ? page.next : undefined;
    if (this.offsetNext === undefined) chunk.open = false;
    else if (++this.offsetPages >= OFFSET_PAGES) this.fail("unbounded");
  }
}
