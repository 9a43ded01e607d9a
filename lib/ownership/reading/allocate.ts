/**
 * What goes into the next `batch` of up to 50 commands (b24restdocs settings/how-to-call-rest-api/
 * batch.md; settings/performance/limits.md: fifty list pages of fifty, so up to 2,500 records a request).
 * Every request counts alike against the portal's rate limit, full or not, so the aim is fifty
 * commands that each bring back a full page:
 *
 * 1. first every list's discovery (its first and last page), so that each is counted early;
 * 2. then one command for each chunk that wants a page, and the free places to the chunks that
 *    probably hold the most records per place, each cut into that many windows: a wide window is
 *    read by a chain of full pages, and only the last page of each chain is short;
 * 3. records created since the read began (each list's tail) take the places left.
 *
 * The caller's order decides who is read first: lists further down are taken in only while the
 * ones before hold less than two requests' worth, so read-ahead stays small whatever the size.
 */
import type { Chunk, ListRead, Piece } from "./list-read";
import { PAGE } from "./list-read";

export const BATCH_SLOTS = 50;
/** Lists further down the order are read ahead only while the ones before leave this much unread. */
const READ_AHEAD = BATCH_SLOTS * PAGE * 10;
/** A free place goes to a window cut off a chunk only if it probably holds this many records. */
const WORTH_A_PLACE = PAGE * 0.2;

export interface Planned {
  list: ListRead;
  piece: Piece;
}

interface Want {
  list: ListRead;
  chunk: Chunk;
  estimate: number;
  places: number;
}

/**
 * At most this many pieces of the lists of one group (their method) in a batch: after operating-
 * time refusals, a method gets only as many commands as it last let through.
 */
export interface GroupCaps {
  groupOf(list: ListRead): string;
  caps: ReadonlyMap<string, number>;
}

/** The pieces of the next batch, from `lists` in order of priority. */
export function planBatch(lists: readonly ListRead[], slots = BATCH_SLOTS, limits?: GroupCaps): Planned[] {
  const used = new Map<string, number>();
  const room = (list: ListRead) => {
    const group = limits?.groupOf(list) ?? "";
    return (used.get(group) ?? 0) < (limits?.caps.get(group) ?? Infinity);
  };
  const take = (list: ListRead) => {
    const group = limits?.groupOf(list) ?? "";
    used.set(group, (used.get(group) ?? 0) + 1);
  };
  const out: Planned[] = [];
  for (const list of lists) {
    for (const piece of list.due()) {
      if (out.length < slots && room(list)) {
        out.push({ list, piece });
        take(list);
      }
    }
  }
  let free = slots - out.length;
  // The lists in reach: in order, until they hold about two requests' worth.
  const wants: Want[] = [];
  const tails: Want[] = [];
  let work = 0;
  for (const list of lists) {
    if (work >= READ_AHEAD) break;
    for (const chunk of list.candidates()) {
      const want = { list, chunk, estimate: list.estimate(chunk), places: 0 };
      if (chunk.tail) tails.push(want);
      else wants.push(want);
      work += want.estimate;
    }
  }
  // A place for each chunk, in order; then the free ones to the chunks with the most records per
  // place, cutting them into narrower windows: the windows come out as wide as the places allow,
  // so most are read by a chain of full pages, and only each chain's last page is short.
  for (const w of wants) {
    if (free > 0 && room(w.list)) {
      w.places = 1;
      take(w.list);
      free--;
    }
  }
  while (free > 0) {
    let best: Want | undefined;
    for (const w of wants) {
      if (w.places === 0 || w.places >= w.chunk.upTo - w.chunk.after || !room(w.list)) continue;
      if (!best || w.estimate / (w.places + 1) > best.estimate / (best.places + 1)) best = w;
    }
    if (!best || best.estimate / (best.places + 1) < WORTH_A_PLACE) break;
    best.places++;
    take(best.list);
    free--;
  }
  // Tails (records created since the read began) take what is left, or come when all else is read.
  for (const w of tails) {
    if (free > 0 && room(w.list)) {
      w.places = 1;
      take(w.list);
      free--;
    }
  }
  for (const w of [...wants, ...tails]) {
    if (w.places === 0) continue;
    for (const chunk of w.list.split(w.chunk, w.places)) out.push({ list: w.list, piece: { kind: "range", chunk } });
  }
  return out;
}
