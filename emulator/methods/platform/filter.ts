/**
 * Filter operators as the platform's ORM reads key prefixes (b24restdocs api-reference/user/user-get.md:
 * >=, >, <=, <, @, !@, %, =%, %=, !%, !=%, !%=, =, !=, !). Values may be lists (IN).
 */
export interface FilterTerm {
  field: string;
  op: string;
  value: unknown;
}

const OPS = ["!=%", "!%=", ">=", "<=", "!@", "=%", "%=", "!%", "!=", ">", "<", "@", "%", "=", "!"];

export function parseFilterKey(key: string): { field: string; op: string } {
  for (const op of OPS) if (key.startsWith(op)) return { field: key.slice(op.length).toUpperCase(), op };
  return { field: key.toUpperCase(), op: "=" };
}

function likeToRegex(pattern: string): RegExp {
  const esc = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/%/g, ".*")
    .replace(/_/g, ".");
  return new RegExp(`^${esc}$`, "i");
}

function scalarEq(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "boolean") {
    const e = String(expected).toLowerCase();
    return actual === (e === "y" || e === "true" || e === "1");
  }
  if (Array.isArray(actual)) return actual.some((a) => scalarEq(a, expected));
  if (typeof actual === "number") return actual === Number(expected);
  return String(actual ?? "").toLowerCase() === String(expected ?? "").toLowerCase();
}

function cmp(actual: unknown, expected: unknown): number {
  const a = typeof actual === "number" ? actual : String(actual ?? "");
  const e = typeof actual === "number" ? Number(expected) : String(expected ?? "");
  return a < e ? -1 : a > e ? 1 : 0;
}

export function matches(actual: unknown, term: FilterTerm): boolean {
  const list = Array.isArray(term.value) ? term.value : [term.value];
  switch (term.op) {
    case "=":
    case "@":
      return list.some((v) => scalarEq(actual, v));
    case "!":
    case "!=":
    case "!@":
      return !list.some((v) => scalarEq(actual, v));
    case ">":
      return cmp(actual, term.value) > 0;
    case ">=":
      return cmp(actual, term.value) >= 0;
    case "<":
      return cmp(actual, term.value) < 0;
    case "<=":
      return cmp(actual, term.value) <= 0;
    case "%":
      return list.some((v) =>
        String(actual ?? "")
          .toLowerCase()
          .includes(String(v).toLowerCase()),
      );
    case "!%":
      return !list.some((v) =>
        String(actual ?? "")
          .toLowerCase()
          .includes(String(v).toLowerCase()),
      );
    case "=%":
    case "%=":
      return list.some((v) => likeToRegex(String(v)).test(String(actual ?? "")));
    case "!=%":
    case "!%=":
      return !list.some((v) => likeToRegex(String(v)).test(String(actual ?? "")));
    default:
      return false;
  }
}
