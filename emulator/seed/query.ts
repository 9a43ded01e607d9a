/**
 * Filtering, ordering and paging over the columnar tables, the way Bitrix24 list methods do it:
 * filter keys with operator prefixes (`>ID`, `>=DATE_CREATE`, `!STATUS`, `%TITLE`, `@ID` in,
 * `!@` not in, `=`), an array value meaning "any of", `order` by field, pages of 50 with
 * `total`/`next`, and `start=-1` (no count; the fast ID pagination).
 * Operators per b24restdocs api-reference/crm/universal/crm-item-list.md (filter prefixes) and
 * api-reference/tasks/tasks-task-list.md.
 *
 * Field names are matched loosely (case and underscores ignored), so one view serves both the
 * UPPER_CASE methods and the camelCase ones: `ASSIGNED_BY_ID` and `assignedById` are one field.
 */
import { PAGE_SIZE, RestError } from "../rest/method-registry";
import { secondsFromIso } from "./table";

export type FieldKind = "int" | "float" | "string" | "date" | "flag" | "list" | "texts";

export interface FieldDef {
  kind: FieldKind;
  /** The raw value of a row: number (int, float, date = unix seconds, 0 = none), string, "Y"/"N", number[]. */
  get(row: number): unknown;
  /** When the field is a plain column, the column itself (fast filters). */
  column?: Int32Array;
}

export type View = Map<string, FieldDef>;

export const normKey = (name: string) => name.replace(/_/g, "").toLowerCase();

export function makeView(fields: Record<string, FieldDef>): View {
  const v: View = new Map();
  for (const [k, def] of Object.entries(fields)) v.set(normKey(k), def);
  return v;
}

const OPERATORS = ["!><", "><", "!@", "!%", "!=", ">=", "<=", "=%", "%=", "@", "!", ">", "<", "%", "="] as const;
type Op = (typeof OPERATORS)[number] | "";

export function splitKey(key: string): { op: Op; field: string } {
  for (const op of OPERATORS) if (key.startsWith(op)) return { op, field: key.slice(op.length) };
  return { op: "", field: key };
}

type Pred = (row: number) => boolean;

function toNumber(kind: FieldKind, v: unknown): number {
  if (kind === "date") {
    if (typeof v === "number") return v;
    const s = secondsFromIso(String(v));
    return s ?? NaN;
  }
  if (v === "" || v === null || v === undefined || v === false) return 0;
  return Number(v);
}

const toFlag = (v: unknown) => (v === true || v === 1 || v === "1" || String(v).toUpperCase() === "Y" ? "Y" : "N");

function compile(def: FieldDef, op: Op, value: unknown): Pred {
  const values = Array.isArray(value) ? value : value !== null && typeof value === "object" ? Object.values(value) : [value];
  const negate = op.startsWith("!") && op !== "!><";
  const base = negate ? (op.slice(1) as Op) : op;
  let p: Pred;
  if (def.kind === "texts") {
    // A multi-field (EMAIL, PHONE): the record matches when any of its values does.
    const texts = values.map((x) => String(x ?? "").toLowerCase());
    const like = base === "%" || base === "=%" || base === "%=";
    p = (r) => (def.get(r) as string[]).some((v) => texts.some((t) => (like ? v.toLowerCase().includes(t.replace(/%/g, "")) : v.toLowerCase() === t)));
  } else if (def.kind === "list") {
    const want = new Set(values.map(Number));
    p = (r) => (def.get(r) as number[]).some((x) => want.has(x)) || (want.has(0) && (def.get(r) as number[]).length === 0);
  } else if (def.kind === "string") {
    const texts = values.map((x) => String(x ?? "").toLowerCase());
    if (base === "%" || base === "=%" || base === "%=") {
      const like = base !== "%";
      const res = texts.map((t) =>
        like
          ? new RegExp(
              `^${t
                .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
                .replace(/%/g, ".*")
                .replace(/_/g, ".")}$`,
              "s",
            )
          : null,
      );
      p = (r) => {
        const s = String(def.get(r) ?? "").toLowerCase();
        return texts.some((t, i) => (res[i] ? res[i]!.test(s) : s.includes(t)));
      };
    } else if (base === ">" || base === "<" || base === ">=" || base === "<=") {
      const t = texts[0];
      p = (r) => cmp(String(def.get(r) ?? "").toLowerCase(), t, base);
    } else {
      const set = new Set(texts);
      p = (r) => set.has(String(def.get(r) ?? "").toLowerCase());
    }
  } else if (def.kind === "flag") {
    const set = new Set<string>(values.map(toFlag));
    p = (r) => set.has(def.get(r) as string);
  } else {
    const nums = values.map((x) => toNumber(def.kind, x));
    const col = def.column;
    const get = col ? (r: number) => col[r] : (r: number) => Number(def.get(r) ?? 0);
    if (base === "><" || op === "!><") {
      const [lo, hi] = nums;
      p = (r) => get(r) >= lo && get(r) <= hi;
      if (op === "!><") return (r) => !p(r);
      return p;
    }
    if (base === ">" || base === "<" || base === ">=" || base === "<=") {
      const n = nums[0];
      if (Number.isNaN(n)) return () => false;
      p = (r) => cmp(get(r), n, base);
    } else if (nums.length === 1) {
      const n = nums[0];
      p = (r) => get(r) === n;
    } else {
      const set = new Set(nums);
      p = (r) => set.has(get(r));
    }
  }
  return negate ? (r) => !p(r) : p;
}

function cmp<T extends number | string>(a: T, b: T, op: string): boolean {
  return op === ">" ? a > b : op === "<" ? a < b : op === ">=" ? a >= b : a <= b;
}

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
    preds.push(compile(def, op, value));
  }
  if (preds.length === 0) return () => true;
  return or ? (r) => preds.some((p) => p(r)) : (r) => preds.every((p) => p(r));
}

export function readObject(value: unknown, paramName: string, error: (msg: string) => RestError): Record<string, unknown> {
  if (value === undefined || value === null || value === "") return {};
  if (typeof value !== "object") throw error(`Parameter '${paramName}' must be array.`);
  return value as Record<string, unknown>;
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

/**
 * Runs a list query over rows [0, length). `visible` applies the caller's read rights; rows it
 * rejects do not exist for that user (and do not count in `total`).
 */
/** A table's rows as runQuery sees them: a count, or a RecordTable whose removed rows are skipped. */
export type Rows = number | { length: number; removedCount: number; isRemoved(row: number): boolean };

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
    preds.push(compile(def, op, value));
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
