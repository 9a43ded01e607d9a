/**
 * The success envelope and its `time` object (b24restdocs api-reference/data-types.md#time,
 * limits.md): start/finish as float unix seconds, duration, processing, date_start/date_finish
 * with the portal's offset, and the method's `operating` / `operating_reset_at`.
 */

export interface TimeInfo {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at: number;
  operating: number;
}

/** ISO 8601 with a +00:00 offset, as PHP's DATE_ATOM prints it. */
export function atom(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "+00:00");
}

export function timeInfo(startMs: number, finishMs: number, processingSec: number, operating: { sec: number; resetAt: number }): TimeInfo {
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: processingSec,
    date_start: atom(startMs),
    date_finish: atom(finishMs),
    operating_reset_at: operating.resetAt,
    operating: operating.sec,
  };
}

/** PHP's json_encode prints an empty array as `[]`: an empty map of results is `[]`, not `{}`. */
export function phpMap<T>(entries: Array<[string, T]>): T[] | Record<string, T> {
  if (entries.length === 0) return [];
  if (entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}
