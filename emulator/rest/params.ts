/**
 * Parameter parsing as PHP does it for $_REQUEST: `filter[>ID]=5&select[]=ID&fields[EMAIL][0][VALUE]=x`
 * becomes nested maps and lists; a JSON body is taken as is. Both merge (query first, body wins),
 * as the portal reads GET and POST together (b24restdocs settings/how-to-call-rest-api/data-encoding.md).
 */

export type Params = Record<string, unknown>;

/** A PHP array is a list when its keys are 0..n-1 in order; otherwise a map. */
export function phpArray(map: Record<string, unknown>): unknown[] | Record<string, unknown> {
  const keys = Object.keys(map);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => map[k]);
  return map;
}

function splitKey(raw: string): string[] | null {
  const open = raw.indexOf("[");
  if (open <= 0) return [raw];
  const parts = [raw.slice(0, open)];
  let rest = raw.slice(open);
  while (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) break;
    parts.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** Assigns a value at a PHP-style path; `[]` appends with the next integer key. */
function assign(root: Record<string, unknown>, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let key = path[i];
    if (key === "") {
      const ints = Object.keys(node)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 0);
      key = String(ints.length ? Math.max(...ints) + 1 : 0);
    }
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
}

/** Turns the raw maps built by `assign` into lists where PHP would have lists. */
function normalize(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalize(v);
  return phpArray(out);
}

/** Parses a form-encoded string (query string or urlencoded body) into nested params. */
export function parseForm(text: string): Params {
  const root: Record<string, unknown> = {};
  const s = text.startsWith("?") ? text.slice(1) : text;
  if (!s) return root;
  for (const pair of s.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    const key = safeDecode(rawKey);
    const path = splitKey(key);
    if (!path || !path[0]) continue;
    assign(root, path, safeDecode(rawValue));
  }
  const normalized = normalize(root);
  return Array.isArray(normalized) ? { ...normalized } : (normalized as Params);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** Parses a request body by content type; unknown types are tried as JSON then as a form. */
export function parseBody(contentType: string | undefined, body: string): Params {
  if (!body) return {};
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/json") || (!type.includes("form") && /^\s*[{[]/.test(body))) {
    try {
      const parsed = JSON.parse(body) as unknown;
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Params) : {};
    } catch {
      return {};
    }
  }
  return parseForm(body);
}

/** Case-insensitive lookup of a top-level parameter (the API accepts `filter` and `FILTER`). */
export function param(params: Params, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
