import { describe, expect, it } from "vitest";
import type { RecordSnapshot } from "../types";
import { planBatch } from "./allocate";
import { ListRead, PAGE, type Page, type Piece } from "./list-read";

const USER = 5;
const snap = (id: number, holder = USER): RecordSnapshot => ({ id, holders: [holder], open: true, companyId: 0, contactId: 0 });

/** A list as the portal holds it: the IDs the person holds now (changed by `between`). */
class PortalList {
  constructor(public ids: number[]) {}
  answer(piece: Piece): Page {
    const sorted = [...this.ids].sort((a, b) => a - b);
    if (piece.kind === "head") return { items: sorted.slice(0, PAGE).map((id) => snap(id)), total: sorted.length };
    if (piece.kind === "top")
      return {
        items: sorted
          .slice(-PAGE)
          .reverse()
          .map((id) => snap(id)),
      };
    if (piece.kind === "range") {
      const { after, upTo } = piece.chunk;
      return {
        items: sorted
          .filter((id) => id > after && id <= upTo)
          .slice(0, PAGE)
          .map((id) => snap(id)),
      };
    }
    return { items: [] };
  }
}

/** Reads lists to the end, one planned batch at a time; `between(n)` runs after the n-th batch. */
function readAll(lists: PortalList[], options: { answer?: (list: number, piece: Piece, page: Page) => Page; between?: (batch: number) => void } = {}) {
  const reads = lists.map(() => new ListRead(USER, false));
  const got = reads.map(() => [] as number[]);
  let requests = 0;
  let commands = 0;
  while (reads.some((r) => !r.done)) {
    const plan = planBatch(reads.filter((r) => !r.done));
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.length).toBeLessThanOrEqual(50);
    requests++;
    commands += plan.length;
    for (const { list, piece } of plan) {
      const i = reads.indexOf(list);
      const page = lists[i].answer(piece);
      list.accept(piece, options.answer ? options.answer(i, piece, page) : page);
    }
    reads.forEach((r, i) => got[i].push(...r.take().map((s) => s.id)));
    options.between?.(requests);
    expect(requests).toBeLessThan(500);
  }
  return { got, requests, commands, outcomes: reads.map((r) => r.outcome()) };
}

/** `n` IDs, each a record of the person with probability `p` among consecutive IDs from `from` (deterministic). */
function idsOf(n: number, p: number, from = 1, seed = 7): number[] {
  let s = seed;
  const out: number[] = [];
  for (let id = from; out.length < n; id++) if ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32 < p) out.push(id);
  return out;
}

describe("reading lists at the batch ceiling", () => {
  it("reads every record once, in ID order, whatever the sizes (none, a page, two, thousands)", () => {
    const lists = [0, 1, 49, 50, 51, 99, 100, 101, 3000].map((n, i) => new PortalList(idsOf(n, 0.3, 1, i + 1)));
    const { got, outcomes } = readAll(lists);
    lists.forEach((l, i) => expect(got[i]).toEqual(l.ids));
    expect(outcomes.every((o) => o.complete)).toBe(true);
    expect(outcomes.map((o) => o.counted)).toEqual([0, 1, 49, 50, 51, 99, 100, 101, 3000]);
  });

  it("reads 20,000 records of eleven lists in ten requests (2,000 records a request)", () => {
    const sizes = [6000, 3000, 2000, 2000, 1500, 1500, 1000, 1000, 1000, 600, 400];
    const lists = sizes.map((n, i) => new PortalList(idsOf(n, 0.17, 1, i + 11)));
    const { got, requests } = readAll(lists);
    expect(got.flat()).toHaveLength(20_000);
    expect(requests).toBeLessThanOrEqual(10);
  });

  it("is not led astray by sparse and very large IDs: few commands, each record once", () => {
    const ids = [3, 4, 1_000_000, 1_000_001, ...Array.from({ length: 120 }, (_, i) => 2_147_483_000 + i * 5)];
    const list = new PortalList(ids);
    const { got, commands, outcomes } = readAll([list]);
    expect(got[0]).toEqual(ids);
    expect(outcomes[0].complete).toBe(true);
    expect(commands).toBeLessThanOrEqual(12);
  });

  it("includes a record created during the read, and reads a record moved away during the read at most once", () => {
    const list = new PortalList(idsOf(2000, 0.5));
    const moved = list.ids[1000];
    const created = Math.max(...list.ids) + 10;
    const { got, outcomes } = readAll([list], {
      between: (n) => {
        if (n !== 1) return;
        list.ids = list.ids.filter((id) => id !== moved);
        list.ids.push(created);
      },
    });
    expect(outcomes[0].complete).toBe(true);
    expect(got[0]).toContain(created);
    expect(new Set(got[0]).size).toBe(got[0].length);
    expect(got[0].filter((id) => id !== moved)).toEqual(list.ids.sort((a, b) => a - b));
  });

  it("ends a list incomplete, without looping, when a page leaves its window (a filter ignored)", () => {
    const list = new PortalList(idsOf(500, 0.5));
    const { got, outcomes, requests } = readAll([list], {
      // The portal drops `>ID`: a window's page starts from the list's beginning.
      answer: (_, piece, page) => (piece.kind === "range" ? { items: list.ids.slice(0, PAGE).map((id) => snap(id)) } : page),
    });
    expect(outcomes[0]).toMatchObject({ complete: false, reason: "filter_ignored", counted: 500 });
    expect(requests).toBe(2);
    // What the trusted pages brought is handed out; nothing of the bad page.
    expect(got[0]).toEqual([...list.ids.slice(0, 50), ...list.ids.slice(-50)]);
  });

  it("ends a list incomplete when a page names records the person does not hold, or comes out of order", () => {
    const a = new PortalList(idsOf(300, 0.5));
    const b = new PortalList(idsOf(300, 0.5));
    const { outcomes } = readAll([a, b], {
      answer: (i, piece, page) => {
        if (piece.kind !== "range") return page;
        return i === 0 ? { items: page.items.map((r) => ({ ...r, holders: [USER + 1] })) } : { items: [...page.items].reverse() };
      },
    });
    expect(outcomes[0]).toMatchObject({ complete: false, reason: "filter_ignored" });
    expect(outcomes[1]).toMatchObject({ complete: false, reason: "order_ignored" });
  });

  it("asks again after refusals, and gives up after the sixth in a row", () => {
    const read = new ListRead(USER, false);
    const list = new PortalList(idsOf(10, 0.5));
    for (let n = 0; n < 5; n++) read.retry({ kind: "head" }, 6, "rate_limited", "QUERY_LIMIT_EXCEEDED");
    expect(read.done).toBe(false);
    for (const p of read.due()) read.accept(p, list.answer(p));
    expect(read.take().map((r) => r.id)).toEqual(list.ids);
    expect(read.outcome()).toMatchObject({ complete: true });

    const refused = new ListRead(USER, false);
    for (let n = 0; n < 6; n++) refused.retry({ kind: "top" }, 6, "operating_limited", "OPERATION_TIME_LIMIT");
    expect(refused.outcome()).toMatchObject({ complete: false, reason: "operating_limited", code: "OPERATION_TIME_LIMIT" });
  });
});
