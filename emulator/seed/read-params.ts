/**
 * Reading a REST call's list parameters as the portal does: case-insensitive names, `filter` and
 * `order` as objects, `select` as a list, IDs as positive integers.
 */
import type { RestError } from "../rest/method-registry";

/** Reads `filter` or `order`: {} when absent, the method's "must be array" error when not an object. */
export function readObject(value: unknown, paramName: string, error: (msg: string) => RestError): Record<string, unknown> {
  if (value === undefined || value === null || value === "") return {};
  if (typeof value !== "object") throw error(`Parameter '${paramName}' must be array.`);
  return value as Record<string, unknown>;
}

/** Reads `select`: null = the method's default set; "*" in it = all fields. */
export function readSelect(value: unknown): string[] | null {
  if (value === undefined || value === null || value === "") return null;
  const list = Array.isArray(value) ? value : typeof value === "object" ? Object.values(value as object) : [value];
  return list.map(String);
}

/** Case-insensitive parameter read (Bitrix24 accepts `taskId`, `TASKID`, `id`, `ID` alike). */
export function param(params: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (n in params) return params[n];
  const lower = new Map(Object.keys(params).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const k = lower.get(n.toLowerCase());
    if (k !== undefined) return params[k];
  }
  return undefined;
}

/** A positive integer ID, or null. */
export function readId(value: unknown): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
