/**
 * A portal's address, compared the forgiving way: `Acme.bitrix24.com`, `https://acme.bitrix24.com/`
 * and `https://acme.bitrix24.com/rest/` are the same portal; the emulator's portals live under a
 * path (`127.0.0.1:4000/p/acme`, docs/decisions/002). Pure: the lifecycle, the Settings page's
 * confirmation (server) and its dialog (client) all use it.
 */

/** host[:port][/path], lower case, without scheme, trailing slashes or a trailing /rest. */
export function normalizePortalDomain(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "")
    .replace(/\/rest$/i, "")
    .toLowerCase();
}

/** True when both name the same portal (an empty value names none). */
export function samePortalDomain(a: string, b: string): boolean {
  const left = normalizePortalDomain(a);
  return left !== "" && left === normalizePortalDomain(b);
}
