/**
 * The refresh request to Bitrix24's OAuth server (b24restdocs settings/oauth/index.md; shared
 * docs/bitrix24-platform.md "OAuth 2.0"): POST `{server_endpoint without rest/}oauth/token/` with
 * grant_type=refresh_token, client_id, client_secret, refresh_token — the address the official
 * SDK uses too (b24jssdk oauth/auth "refreshAuth"). The answer carries a NEW refresh token; the
 * old one is spent.
 */
import { Bitrix24Error } from "./errors";
import { oauthTokenSchema, type OAuthTokenAnswer } from "./envelope";
import { networkError } from "./http";
import { portalFetch, type FetchAnswer, type FetchLike } from "./transport";

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The OAuth server said the refresh token is dead (`invalid_grant`): only a re-install/re-open helps. */
export class RefreshTokenDeadError extends Bitrix24Error {}

/**
 * When an OAuth answer's access token expires: its `expires` (Unix seconds) when given, else
 * `expires_in` seconds from `now` (an hour when neither is there: the platform's token lifetime).
 */
export function accessTokenExpiry(answer: { expires?: number | string | null; expires_in?: number | string | null }, now: number = Date.now()): Date {
  if (answer.expires !== undefined && answer.expires !== null && answer.expires !== "") return new Date(Number(answer.expires) * 1000);
  return new Date(now + Number(answer.expires_in ?? 3600) * 1000);
}

/** `https://oauth.bitrix.info/rest/` → `https://oauth.bitrix.info/oauth/token/` (keeps any path before rest/). */
export function tokenUrl(serverEndpoint: string): string {
  const base = serverEndpoint.replace(/rest\/?$/, "");
  return `${base.endsWith("/") ? base : `${base}/`}oauth/token/`;
}

/** Spends `refreshToken` for a new pair. Throws RefreshTokenDeadError on invalid_grant, Bitrix24Error otherwise. */
export async function refreshTokens(args: {
  serverEndpoint: string;
  credentials: OAuthClientCredentials;
  refreshToken: string;
  fetch?: FetchLike;
}): Promise<OAuthTokenAnswer> {
  const doFetch = args.fetch ?? portalFetch;
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: args.credentials.clientId,
    client_secret: args.credentials.clientSecret,
    refresh_token: args.refreshToken,
  });
  let response: FetchAnswer;
  try {
    response = await doFetch(tokenUrl(args.serverEndpoint), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw networkError(e, "oauth/token");
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Bitrix24Error("BAD_RESPONSE", `token refresh: HTTP ${response.status}, not JSON`, response.status, "oauth/token");
  }
  const error = (json as { error?: unknown; error_description?: unknown } | null)?.error;
  if (typeof error === "string") {
    const description = String((json as { error_description?: unknown }).error_description ?? "");
    // b24restdocs settings/oauth/error-codes.md: invalid_grant = the refresh token is wrong,
    // used or expired; nothing but a new authorization gives a new one.
    if (error === "invalid_grant") throw new RefreshTokenDeadError(error, description, response.status, "oauth/token");
    throw new Bitrix24Error(error, description, response.status, "oauth/token");
  }
  const parsed = oauthTokenSchema.safeParse(json);
  if (!parsed.success) throw new Bitrix24Error("BAD_RESPONSE", "token refresh answer has no tokens", response.status, "oauth/token");
  return parsed.data;
}
