/**
 * Who may frame our pages: the signed-in portal's own origin and nobody else (a page of another
 * origin on the portal's site shares the partitioned session cookie, so `*` let it frame the
 * admin area invisibly). CSP frame-ancestors, one origin or 'none'.
 */

/** `https://acme.bitrix24.com` → the header value; anything that is not an http(s) origin → 'none'. */
export function frameAncestors(origin: string | null | undefined): string {
  return `frame-ancestors ${webOrigin(origin) ?? "'none'"}`;
}

/** The value as a serialized http(s) origin, or null (no path, no wildcard, nothing to inject). */
export function webOrigin(value: string | null | undefined): string | null {
  if (!value || value.length > 300 || !URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.origin;
}
