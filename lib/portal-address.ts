/**
 * A portal's addresses, built and read in one place: its domain as we store it, its web address
 * (base URL), the pages inside it, and deep links that open our app inside it. Pure: the
 * lifecycle, the tools, the Settings page's confirmation (server) and its dialog (client) all use it.
 *
 * - DOMAIN is host[:port][/path] (the emulator's portals may live under a path,
 *   docs/decisions/002); `Acme.bitrix24.com`, `https://acme.bitrix24.com/` and
 *   `https://acme.bitrix24.com/rest/` are the same portal.
 * - The REST base (client_endpoint) is `{base URL}/rest/` (b24restdocs settings/oauth/index.md).
 * - A path after `/marketplace/app/{client_id}/` opens the app inside the portal and reaches our
 *   handler URL as PLACEMENT_OPTIONS "any" (docs/bitrix24-platform.md "Apps, iframe and install").
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

/**
 * The DOMAINs a person may mean by an address they typed (`https://Acme.bitrix24.com/`,
 * `acme.bitrix24.com/crm/`, `http://127.0.0.1:4000/p/acme`): as typed, its host alone, and for a
 * path-addressed portal (the emulator's /p/{key}) its first two path segments.
 */
export function portalAddressCandidates(input: string): string[] {
  const trimmed = input
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  const out = [trimmed];
  const parts = trimmed.split("/");
  if (parts.length > 1) out.push(parts[0]);
  if (parts.length > 3) out.push(parts.slice(0, 3).join("/"));
  return [...new Set(out)];
}

/** The portal's web address, `https://acme.bitrix24.com` (no trailing slash), from the stored protocol and DOMAIN. */
export function portalBaseUrl(portal: { protocol: string; domain: string }): string {
  return `${portal.protocol === "http" ? "http" : "https"}://${portal.domain.replace(/\/+$/, "")}`;
}

/** The portal's base URL from its REST base: `https://acme.bitrix24.com/rest/` → `https://acme.bitrix24.com`. */
export function portalBaseOfEndpoint(clientEndpoint: string): string {
  return clientEndpoint.replace(/\/?rest\/?$/i, "").replace(/\/+$/, "");
}

/** What a REST base (client_endpoint, `https://acme.bitrix24.com/rest/`) says of the portal; null when it is no http(s) URL. */
export function portalOfEndpoint(clientEndpoint: string): { domain: string; protocol: "http" | "https"; origin: string; baseUrl: string } | null {
  if (!URL.canParse(clientEndpoint)) return null;
  const url = new URL(clientEndpoint);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const protocol = url.protocol === "https:" ? "https" : "http";
  const domain = normalizePortalDomain(clientEndpoint);
  return { domain, protocol, origin: url.origin, baseUrl: portalBaseUrl({ protocol, domain }) };
}

/** The address of a page inside the portal: its base URL (with or without a trailing slash) and a path. */
export function portalUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** A link that opens our app inside the portal at `path` ("download/{id}/{token}/", "overview/42/"). */
export function appDeepLink(baseUrl: string, appClientId: string, path: string): string {
  return portalUrl(baseUrl, `marketplace/app/${encodeURIComponent(appClientId)}/${path.replace(/^\/+/, "")}`);
}

/**
 * The grammar of a deep link's "any" value (the part after the app's address, which may still
 * start with the app's client_id, and may end in a slash) around a route's own `path` pattern.
 */
export function deepLinkPattern(path: string): RegExp {
  return new RegExp(`^(?:[^/]+/)?${path}/?$`);
}

/** One kind of deep link: its pattern (deepLinkPattern) and the page of ours a match opens. */
export interface DeepLinkRoute {
  pattern: RegExp;
  appPath(match: RegExpExecArray): string | null;
}

/** Our in-app page for a deep link's "any" value, or null when no route knows it. */
export function appPathForDeepLink(any: string | null | undefined, routes: readonly DeepLinkRoute[]): string | null {
  if (!any) return null;
  for (const route of routes) {
    const match = route.pattern.exec(any);
    const target = match ? route.appPath(match) : null;
    if (target) return target;
  }
  return null;
}
