/**
 * Issuing, refreshing and checking OAuth tokens, as Bitrix24's OAuth server does
 * (b24restdocs settings/oauth/index.md): an access token lives an hour, the refresh token
 * 180 days (settings/oauth/auto-renewal.md) and works once; both belong to one portal user and one app.
 */
import type { EmulatorStore, OAuthGrant } from "../state/store";
import { nowMs, portalBaseUrl, randomToken } from "../state/store";
import type { Portal } from "../state/types";

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Unix time (seconds) the access token expires. */
  expires: number;
  /** Comma-separated scopes, as the OAuth server spells them. */
  scope: string;
  memberId: string;
  /** The portal's DOMAIN (host:port of its own listener). */
  domain: string;
  /** The portal's REST base, e.g. http://127.0.0.1:40123/rest/ */
  clientEndpoint: string;
  /** The OAuth server's REST base, e.g. http://127.0.0.1:4000/rest/ */
  serverEndpoint: string;
  userId: number;
  /** The app's status letter (L local, F free, P paid, …). */
  status: string;
}

/**
 * A token pair in the wire fields Bitrix24 uses, both in the OAuth server's answer and in an
 * event's `auth[...]`. They differ in `domain`: the OAuth server names itself, an event the portal.
 */
export function tokenWireFields(t: IssuedTokens, domain: string): Record<string, string | number> {
  return {
    access_token: t.accessToken,
    expires: t.expires,
    expires_in: t.expiresIn,
    scope: t.scope,
    domain,
    server_endpoint: t.serverEndpoint,
    status: t.status,
    client_endpoint: t.clientEndpoint,
    member_id: t.memberId,
    user_id: t.userId,
    refresh_token: t.refreshToken,
  };
}

/** Base URL of the central OAuth server (oauth.bitrix.info's role) for a portal's protocol. */
export function oauthServerBase(store: EmulatorStore, protocol: "http" | "https"): string {
  return `${protocol}://${store.hosts[protocol]}`;
}

/** Scopes an app's token carries: the app's registered scopes. */
function appScopes(store: EmulatorStore, clientId: string): string[] {
  return store.apps.get(clientId)?.scopes ?? [];
}

export function describeGrant(store: EmulatorStore, portal: Portal, grant: OAuthGrant): IssuedTokens {
  const app = store.apps.get(grant.clientId);
  return {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresIn: store.accessTokenTtlSec,
    expires: Math.floor(grant.accessExpiresAt / 1000),
    scope: grant.scopes.join(","),
    memberId: portal.memberId,
    domain: portal.domain,
    clientEndpoint: `${portalBaseUrl(store, portal)}/rest/`,
    serverEndpoint: `${oauthServerBase(store, portal.protocol)}/rest/`,
    userId: grant.userId,
    status: app?.status ?? "L",
  };
}

/** Issues a fresh access + refresh token pair for a portal user and an app. */
export function issueTokens(store: EmulatorStore, portal: Portal, clientId: string, userId: number): IssuedTokens {
  const t = nowMs(store);
  const grant: OAuthGrant = {
    accessToken: randomToken(32),
    refreshToken: randomToken(32),
    portalKey: portal.key,
    clientId,
    userId,
    scopes: appScopes(store, clientId),
    accessExpiresAt: t + store.accessTokenTtlSec * 1000,
    refreshExpiresAt: t + store.refreshTokenTtlSec * 1000,
    refreshUsed: false,
    accessRevoked: false,
  };
  store.grantsByAccess.set(grant.accessToken, grant);
  store.grantsByRefresh.set(grant.refreshToken, grant);
  return describeGrant(store, portal, grant);
}

export type AccessCheck = { ok: true; grant: OAuthGrant } | { ok: false; error: "expired_token" | "invalid_token" | "NO_AUTH_FOUND" };

/**
 * Checks an access token presented to a portal's REST. b24restdocs api-reference/common/system-errors
 * (errors table): an expired token answers `expired_token` 401, an unknown one `invalid_token` 401.
 */
export function checkAccessToken(store: EmulatorStore, portal: Portal, token: string): AccessCheck {
  const grant = store.grantsByAccess.get(token);
  if (!grant || grant.portalKey !== portal.key || grant.accessRevoked) return { ok: false, error: "invalid_token" };
  if (!portal.installs.has(grant.clientId)) return { ok: false, error: "invalid_token" };
  if (grant.accessExpiresAt <= nowMs(store)) return { ok: false, error: "expired_token" };
  return { ok: true, grant };
}

export type RefreshOutcome = { ok: true; tokens: IssuedTokens } | { ok: false; error: string; description: string };

/** Uses a refresh token once: the old pair stops working and a new pair is issued. */
export function refreshTokens(store: EmulatorStore, refreshToken: string, clientId: string, clientSecret: string): RefreshOutcome {
  const app = store.apps.get(clientId);
  if (!app || app.clientSecret !== clientSecret) return { ok: false, error: "invalid_client", description: "Invalid client credentials" };
  const grant = store.grantsByRefresh.get(refreshToken);
  if (!grant || grant.refreshUsed || grant.refreshExpiresAt <= nowMs(store)) {
    return { ok: false, error: "invalid_grant", description: "Invalid refresh token" };
  }
  if (grant.clientId !== clientId) return { ok: false, error: "wrong_client", description: "Wrong client" };
  const portal = store.portals.get(grant.portalKey);
  if (!portal || !portal.installs.has(clientId)) return { ok: false, error: "invalid_grant", description: "Application is not installed" };
  grant.refreshUsed = true;
  // The old access token keeps working until it expires on the real server; we mirror that.
  return { ok: true, tokens: issueTokens(store, portal, clientId, grant.userId) };
}

/** Drops every grant of an app in a portal (uninstall). */
export function dropGrants(store: EmulatorStore, portalKey: string, clientId: string | null, userId: number | null = null): number {
  let n = 0;
  for (const [token, grant] of store.grantsByAccess) {
    if (grant.portalKey !== portalKey) continue;
    if (clientId !== null && grant.clientId !== clientId) continue;
    if (userId !== null && grant.userId !== userId) continue;
    store.grantsByAccess.delete(token);
    store.grantsByRefresh.delete(grant.refreshToken);
    n++;
  }
  return n;
}
