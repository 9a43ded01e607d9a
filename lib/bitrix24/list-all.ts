/**
 * Fast pagination by ID (docs/bitrix24-platform.md "Calling REST"; b24restdocs
 * settings/performance/huge-data.md): order by ID ascending, filter `>ID` = the last ID seen,
 * `start=-1` so the portal skips counting, and stop at the first page shorter than 50. Unlike
 * `start=N` paging this costs the same on page 1000 as on page 1.
 *
 * Old list methods answer `result: [...]` with UPPER_CASE fields; `crm.item.list` answers
 * `result.items` and `tasks.task.list` `result.tasks`, both with camelCase `id`.
 *
 * Two methods read their parameters their own way (their server code): `sonet_group.get` only
 * upper-case ORDER and FILTER (modules/socialnetwork/classes/general/rest.php getGroup), and
 * `department.get` neither an `order` object nor a `filter` key — it sorts by the tree and pages
 * by `start` only (modules/intranet/classes/general/rest.php), so it is paged by `start`.
 */
import { Bitrix24Error } from "./errors";
import type { CallResult } from "./envelope";
import type { Params, ParamValue } from "./params";

export const PAGE_SIZE = 50;

export interface ListOptions {
  /** Field holding the ID in each returned item (default: `ID`, or `id` for nested-result methods). */
  idKey?: string;
  /** Field name used in `order` and the `>` filter (default: `id` for crm.item.list, else `ID`). */
  cursorKey?: string;
  /** Name of the filter parameter (default `filter`; `FILTER` for user.get). */
  filterParam?: string;
  /** Stop after this many items (safety bound). */
  maxItems?: number;
}

interface Caller {
  call<T>(method: string, params: Params): Promise<CallResult<T>>;
}

interface Resolved {
  idKey: string;
  cursorKey: string;
  filterParam: string;
  orderParams: (cursorKey: string) => Params;
}

/** Defaults per method family (see the module comment); each can be overridden. */
export function resolveListOptions(method: string, o: ListOptions): Resolved {
  const m = method.toLowerCase();
  const nestedCamel = m === "crm.item.list" || m.startsWith("tasks.task.list");
  const isUserGet = m === "user.get";
  const isSonet = m === "sonet_group.get";
  const cursorKey = o.cursorKey ?? (m === "crm.item.list" ? "id" : "ID");
  return {
    idKey: o.idKey ?? (nestedCamel ? "id" : "ID"),
    cursorKey,
    filterParam: o.filterParam ?? (isUserGet || isSonet ? "FILTER" : "filter"),
    // user.get sorts with `sort`/`order` scalars (b24restdocs api-reference/user/user-get.md).
    orderParams: isUserGet ? (k) => ({ sort: k, order: "ASC" }) : isSonet ? (k) => ({ ORDER: { [k]: "ASC" } }) : (k) => ({ order: { [k]: "ASC" } }),
  };
}

/** Pulls the item list out of a list answer, whether `result` is the list or wraps it. */
export function extractItems(method: string, result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (result && typeof result === "object") {
    for (const key of ["items", "tasks"]) {
      const v = (result as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v as Record<string, unknown>[];
    }
  }
  throw new Bitrix24Error("BAD_RESPONSE", "list answer holds no item list", 200, method);
}

/** Builds the parameters of the page after `lastId` (null = first page). */
export function pageParams(params: Params, r: Resolved, lastId: number | null): Params {
  const filter = { ...((params[r.filterParam] as Record<string, ParamValue> | undefined) ?? {}) };
  if (lastId !== null) filter[`>${r.cursorKey}`] = lastId;
  return { ...params, ...r.orderParams(r.cursorKey), [r.filterParam]: filter, start: -1 };
}

/** Yields each page of a list until a short page. */
export async function* listPages<T>(caller: Caller, method: string, params: Params, options: ListOptions): AsyncGenerator<T[]> {
  if (method.toLowerCase() === "department.get") {
    yield* startPages<T>(caller, method, params, options);
    return;
  }
  const r = resolveListOptions(method, options);
  let lastId: number | null = null;
  let seen = 0;
  for (;;) {
    const answer: CallResult<unknown> = await caller.call<unknown>(method, pageParams(params, r, lastId));
    const items = extractItems(method, answer.result);
    if (items.length > 0) {
      const id = Number(items[items.length - 1][r.idKey]);
      if (!Number.isFinite(id)) throw new Bitrix24Error("BAD_RESPONSE", `items carry no numeric "${r.idKey}"`, 200, method);
      if (lastId !== null && id <= lastId) throw new Bitrix24Error("BAD_RESPONSE", "IDs do not ascend: is the order ignored?", 200, method);
      lastId = id;
      seen += items.length;
      yield items as T[];
    }
    if (items.length < PAGE_SIZE || (options.maxItems !== undefined && seen >= options.maxItems)) return;
  }
}

/** Pages by `start` (for methods that take no ID cursor), following `next` until it is gone. */
async function* startPages<T>(caller: Caller, method: string, params: Params, options: ListOptions): AsyncGenerator<T[]> {
  let seen = 0;
  for (let start: number | undefined = 0; start !== undefined;) {
    const answer: CallResult<unknown> = await caller.call<unknown>(method, { ...params, start });
    const items = extractItems(method, answer.result);
    seen += items.length;
    if (items.length) yield items as T[];
    if (options.maxItems !== undefined && seen >= options.maxItems) return;
    start = answer.next;
  }
}

/** Collects every page. */
export async function listAll<T>(caller: Caller, method: string, params: Params, options: ListOptions): Promise<T[]> {
  const all: T[] = [];
  for await (const page of listPages<T>(caller, method, params, options)) all.push(...page);
  return options.maxItems !== undefined ? all.slice(0, options.maxItems) : all;
}
