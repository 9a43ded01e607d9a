/**
 * PHP-style form encoding of REST parameters, as Bitrix24 reads them (b24restdocs
 * settings/how-to-call-rest-api/data-encoding.md): nested keys in brackets
 * (`filter[>ID]=10`, `fields[EMAIL][0][VALUE]=a@b.c`), arrays with explicit indexes the way PHP's
 * http_build_query writes them. The same encoding builds each `batch` command's query string.
 */

export type ParamValue = string | number | boolean | null | undefined | Date | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

function scalar(value: string | number | boolean | Date | null): string {
  if (value === null) return "";
  // Bitrix24's boolean fields are "Y"/"N" (b24restdocs api-reference/data-types.md).
  if (typeof value === "boolean") return value ? "Y" : "N";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function collect(prefix: string, value: ParamValue, out: [string, string][]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    // An empty list cannot be written in this encoding; an empty string is how the portal is told
    // to clear a multiple field.
    if (value.length === 0) out.push([prefix, ""]);
    value.forEach((item, i) => collect(`${prefix}[${i}]`, item, out));
    return;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) collect(`${prefix}[${k}]`, v, out);
    return;
  }
  out.push([prefix, scalar(value)]);
}

/** Flattens parameters into PHP-style key/value pairs (keys unencoded, in insertion order). */
export function flattenParams(params: Params): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(params)) collect(k, v, out);
  return out;
}

/** `application/x-www-form-urlencoded` body or query string; brackets stay readable (PHP decodes either). */
export function encodeParams(params: Params): string {
  return flattenParams(params)
    .map(([k, v]) => `${encodeKey(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, "[").replace(/%5D/g, "]");
}
