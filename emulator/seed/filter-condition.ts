/**
 * One filter condition of a Bitrix24 list method turned into a test of a row: filter keys with
 * operator prefixes (`>ID`, `>=DATE_CREATE`, `!STATUS`, `%TITLE`, `@ID` in, `!@` not in, `=`,
 * `><` between), an array value meaning "any of". Operators per b24restdocs
 * api-reference/crm/universal/crm-item-list.md (filter prefixes) and
 * api-reference/tasks/tasks-task-list.md.
 */
import type { FieldDef, FieldKind } from "./field-view";
import { secondsFromIso } from "./table";

const OPERATORS = ["!><", "><", "!@", "!%", "!=", ">=", "<=", "=%", "%=", "@", "!", ">", "<", "%", "="] as const;
type Op = (typeof OPERATORS)[number] | "";

export function splitKey(key: string): { op: Op; field: string } {
  for (const op of OPERATORS) if (key.startsWith(op)) return { op, field: key.slice(op.length) };
  return { op: "", field: key };
}

export type Pred = (row: number) => boolean;

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

export function compileCondition(def: FieldDef, op: Op, value: unknown): Pred {
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
