/**
 * The token requests to Bitrix24's OAuth server (b24restdocs settings/oauth/index.md; shared
 * docs/bitrix24-platform.md "OAuth 2.0"): POST `{server_endpoint without rest/}oauth/token/` with
 * client_id and client_secret and either grant_type=refresh_token + refresh_token (a refresh: the
 * answer carries a NEW refresh token, the old one is spent) or grant_type=authorization_code +
 * code (the code a user's consent sent back to our redirect_uri; it works once) — the address the
 * official SDK uses too (b24jssdk oauth/auth "refreshAuth"). Whose tokens an answer holds is
 * token-owner.ts.
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

interface TokenRequest {
  serverEndpoint: string;
  credentials: OAuthClientCredentials;
  fetch?: FetchLike;
}

/** Spends `refreshToken` for a new pair. Throws RefreshTokenDeadError on invalid_grant, Bitrix24Error otherwise. */
export function refreshTokens(args: TokenRequest & { refreshToken: string }): Promise<OAuthTokenAnswer> {
  return requestTokens(args, "token refresh", { grant_type: "refresh_token", refresh_token: args.refreshToken });
}

/**
 * Exchanges the authorization code a user's consent sent to our redirect_uri for their token pair.
 * Throws Bitrix24Error: the OAuth server's code (`invalid_grant`: the code was used, is wrong or
 * expired — settings/oauth/error-codes.md), BAD_RESPONSE, or NETWORK_ERROR/TLS_ERROR when it did
 * not answer.
 */
export function exchangeCode(args: TokenRequest & { code: string }): Promise<OAuthTokenAnswer> {
  return requestTokens(args, "code exchange", { grant_type: "authorization_code", code: args.code });
}

async function requestTokens(args: TokenRequest, what: string, grant: Record<string, string>): Promise<OAuthTokenAnswer> {
  const doFetch = args.fetch ?? portalFetch;
  const body = new URLSearchParams({ ...grant, client_id: args.credentials.clientId, client_secret: args.credentials.clientSecret });
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
    throw new Bitrix24Error("BAD_RESPONSE", `${what}: HTTP ${response.status}, not JSON`, response.status, "oauth/token");
  }
  const error = (json as { error?: unknown; error_description?: unknown } | null)?.error;
  if (typeof error === "string") {
    const description = String((json as { error_description?: unknown }).error_description ?? "");
    // b24restdocs settings/oauth/error-codes.md: invalid_grant = the refresh token is wrong,
    // used or expired; nothing but a new authorization gives a new one.
    if (error === "invalid_grant" && grant.grant_type === "refresh_token") throw new RefreshTokenDeadError(error, description, response.status, "oauth/token");
    throw new Bitrix24Error(error, description, response.status, "oauth/token");
  }
  const parsed = oauthTokenSchema.safeParse(json);
  if (!parsed.success) throw new Bitrix24Error("BAD_RESPONSE", `${what} answer has no tokens`, response.status, "oauth/token");
  return parsed.data;
}
