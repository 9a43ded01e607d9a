/**
 * Filtering, ordering and paging over the columnar tables, the way Bitrix24 list methods do it:
 * the filter's conditions (each one compiled in filter-condition.ts, over the fields of a view,
 * field-view.ts), nested groups for the ORM methods, `order` by field, pages of 50 with
 * `total`/`next`, and `start=-1` (no count; the fast ID pagination).
 */
import { PAGE_SIZE } from "../rest/method-registry";
import { normKey, type FieldDef, type View } from "./field-view";
import { compileCondition, splitKey, type Pred } from "./filter-condition";

export interface ListQuery {
  filter: Record<string, unknown>;
  order: Array<{ def: FieldDef; desc: boolean; isId: boolean }>;
  start: number;
}

export interface QueryOptions {
  /** Called for a filter key naming no field; default: the condition is ignored (old methods do). */
  onUnknownFilter?(field: string): void;
  /** Called for an order key naming no field; default: ignored. */
  onUnknownOrder?(field: string): void;
  /** Keys that are not conditions (e.g. tasks' `::SUBFILTER-PARAMS`). */
  ignore?: (key: string) => boolean;
  /**
   * The ORM's nested filters (crm.item.list, crm.type.list: "the filter can have unlimited nesting";
   * b24restdocs crm-type-list.md): a numeric key holds a group of conditions, combined by its own
   * `logic` (AND by default, or OR); a top-level `logic` combines the top level.
   */
  nested?: boolean;
  /** Whether a record's ID is its row + 1 (the record tables); false turns off the ID range shortcut. */
  idIsRow?: boolean;
}

/** One nested group's predicate (the ORM filter's sub-filter), for methods with `nested`. */
function groupPred(view: View, group: Record<string, unknown>, opts: QueryOptions): Pred {
  const or = String(group.logic ?? group.LOGIC ?? "AND").toUpperCase() === "OR";
  const preds: Pred[] = [];
  for (const [key, value] of Object.entries(group)) {
    if (key.toLowerCase() === "logic" || opts.ignore?.(key)) continue;
    if (/^\d+$/.test(key) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      preds.push(groupPred(view, value as Record<string, unknown>, opts));
      continue;
    }
    const { op, field } = splitKey(key);
    const def = view.get(normKey(field));
    if (!def) {
      opts.onUnknownFilter?.(field);
      continue;
    }
    preds.push(compileCondition(def, op, value));
  }
  if (preds.length === 0) return () => true;
  return or ? (r) => preds.some((p) => p(r)) : (r) => preds.every((p) => p(r));
}
export function parseOrder(
  view: View,
  order: Record<string, unknown>,
  opts: QueryOptions,
  validateDir?: (field: string, dir: string) => void,
): ListQuery["order"] {
  const out: ListQuery["order"] = [];
  for (const [key, dirRaw] of Object.entries(order)) {
    const def = view.get(normKey(key));
    const dir = String(dirRaw ?? "ASC").toUpperCase();
    validateDir?.(key, dir);
    if (!def) {
      opts.onUnknownOrder?.(key);
      continue;
    }
    out.push({ def, desc: dir === "DESC", isId: normKey(key) === "id" });
  }
  return out;
}

export interface PageResult {
  rows: number[];
  total?: number;
  next?: number;
}

/** A table's rows as runQuery sees them: a count, or a RecordTable whose removed rows are skipped. */
export type Rows = number | { length: number; removedCount: number; isRemoved(row: number): boolean };

/**
 * Runs a list query over rows [0, length). `visible` applies the caller's read rights; rows it
 * rejects do not exist for that user (and do not count in `total`).
 */
export function runQuery(view: View, table: Rows, q: ListQuery, opts: QueryOptions, visible?: Pred): PageResult {
  const preds: Pred[] = [];
  const length = typeof table === "number" ? table : table.length;
  if (typeof table !== "number" && table.removedCount > 0) preds.push((r) => !table.isRemoved(r));
  let lo = 0;
  let hi = length - 1;
  const nestedTop = opts.nested && (Object.keys(q.filter).some((k) => /^\d+$/.test(k)) || String(q.filter.logic ?? "").toUpperCase() === "OR");
  if (nestedTop) preds.push(groupPred(view, q.filter, opts));
  for (const [key, value] of nestedTop ? [] : Object.entries(q.filter)) {
    if (opts.ignore?.(key) || (opts.nested && key.toLowerCase() === "logic")) continue;
    const { op, field } = splitKey(key);
    const def = view.get(normKey(field));
    if (!def) {
      opts.onUnknownFilter?.(field);
      continue;
    }
    if (
      opts.idIsRow !== false &&
      normKey(field) === "id" &&
      !Array.isArray(value) &&
      (op === ">" || op === ">=" || op === "<" || op === "<=" || op === "" || op === "=")
    ) {
      // Narrow the scan: IDs are row + 1, so an ID bound is a row range (fast ID pagination).
      const n = Number(value);
      if (Number.isFinite(n)) {
        if (op === ">") lo = Math.max(lo, Math.floor(n));
        if (op === ">=") lo = Math.max(lo, Math.ceil(n) - 1);
        if (op === "<") hi = Math.min(hi, Math.ceil(n) - 2);
        if (op === "<=") hi = Math.min(hi, Math.floor(n) - 1);
        if (op === "" || op === "=") {
          lo = Math.max(lo, n - 1);
          hi = Math.min(hi, n - 1);
        }
        continue;
      }
    }
    preds.push(compileCondition(def, op, value));
  }
  if (visible) preds.push(visible);
  const match = (r: number) => {
    for (const p of preds) if (!p(r)) return false;
    return true;
  };
  const byIdOnly = q.order.length === 0 || q.order[0].isId;
  const desc = q.order.length > 0 && q.order[0].desc;
  if (byIdOnly && q.start === -1) {
    const rows: number[] = [];
    if (desc) for (let r = hi; r >= lo && rows.length < PAGE_SIZE; r--) match(r) && rows.push(r);
    else for (let r = lo; r <= hi && rows.length < PAGE_SIZE; r++) match(r) && rows.push(r);
    return { rows };
  }
  const all: number[] = [];
  for (let r = lo; r <= hi; r++) if (match(r)) all.push(r);
  if (!byIdOnly) {
    const keys = q.order;
    all.sort((a, b) => {
      for (const k of keys) {
        const va = k.def.get(a) as number | string;
        const vb = k.def.get(b) as number | string;
        if (va !== vb) return (va < vb ? -1 : 1) * (k.desc ? -1 : 1);
      }
      return a - b;
    });
  } else if (desc) all.reverse();
  const start = q.start === -1 ? 0 : q.start;
  const rows = all.slice(start, start + PAGE_SIZE);
  if (q.start === -1) return { rows };
  return { rows, total: all.length, next: start + PAGE_SIZE < all.length ? start + PAGE_SIZE : undefined };
}
