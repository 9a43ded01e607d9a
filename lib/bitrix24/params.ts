/**
 * PHP-style form encoding of REST parameters, as Bitrix24 reads them (b24restdocs
 * settings/how-to-call-rest-api/data-encoding.md): nested keys in brackets
 * (`filter[>ID]=10`, `fields[EMAIL][0][VALUE]=a@b.c`), arrays with explicit indexes the way PHP's
 * http_build_query writes them. The same encoding builds each `batch` command's query string.
 */

export type ParamValue = string | number | boolean | null | undefined | Date | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

/**
 * A Bitrix24 boolean as an answer spells it: "Y"/"N" in the older methods (an activity's
 * COMPLETED, a workgroup's CLOSED), true/false in the newer ones (user.get's ACTIVE), "true" or
 * "1" in a few (profile's ADMIN). Anything else is false. The inverse of how parameters encode a
 * boolean (`scalar` below).
 */
export function isYes(value: unknown): boolean {
  return value === true || value === "Y" || value === "true" || value === "1" || value === 1;
}

function scalar(value: string | number | boolean | Date | null): string {
  if (value === null) return "";
  // Bitrix24's boolean fields are "Y"/"N" (b24restdocs api-reference/data-types.md).
  if (typeof value === "boolean") return value ? "Y" : "N";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Walks the parameters depth-first in insertion order, handing each scalar to `emit` under its
 * PHP-style key; `segment` writes each part of a key (as is, or encoded as it is built — encoding
 * the finished keys instead cost a third of a Gmail lookup's request building, npm run bench:mail).
 */
function walk(prefix: string, value: ParamValue, segment: (part: string) => string, emit: (key: string, value: string) => void): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    // An empty list cannot be written in this encoding; an empty string is how the portal is told
    // to clear a multiple field.
    if (value.length === 0) emit(prefix, "");
    for (let i = 0; i < value.length; i++) walk(`${prefix}[${i}]`, value[i], segment, emit);
    return;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const k in value) walk(`${prefix}[${segment(k)}]`, value[k], segment, emit);
    return;
  }
  emit(prefix, scalar(value));
}

/** Flattens parameters into PHP-style key/value pairs (keys unencoded, in insertion order). */
export function flattenParams(params: Params): [string, string][] {
  const out: [string, string][] = [];
  const asIs = (part: string) => part;
  for (const k in params) walk(k, params[k], asIs, (key, value) => out.push([key, value]));
  return out;
}

/** `application/x-www-form-urlencoded` body or query string; brackets stay readable (PHP decodes either). */
export function encodeParams(params: Params): string {
  let out = "";
  for (const k in params) {
    walk(encodeKeyPart(k), params[k], encodeKeyPart, (key, value) => {
      out += `${out ? "&" : ""}${key}=${encodeURIComponent(value)}`;
    });
  }
  return out;
}

/** Characters encodeURIComponent leaves as they are: most keys (ID, >=DATE_CREATE is not one). */
const PLAIN = /^[A-Za-z0-9_.!~*'()-]*$/;

function encodeKeyPart(part: string): string {
  return PLAIN.test(part) ? part : encodeURIComponent(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
}
