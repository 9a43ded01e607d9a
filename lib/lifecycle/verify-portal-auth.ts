/**
 * Proves who is behind a portal POST or event before we trust any of it (Standards: never trust
 * posted DOMAIN/member_id alone).
 *
 * 1. The refresh token is exchanged at OUR configured OAuth server with OUR client secret. Only a
 *    token issued to our app passes (`wrong_client`/`invalid_grant` otherwise), and the OAuth
 *    server — not the POST — tells us the portal's member_id, domain and REST endpoint.
 * 2. The posted member_id and DOMAIN must equal what the OAuth server said.
 * 3. The posted access token must still work on that endpoint (`profile`), for the same user:
 *    a replayed POST whose AUTH_ID has expired is refused.
 * The exchange also gives us a fresh token pair for this user, which the caller stores.
 */
import { UnauthorizedError } from "../errors";
import {
  accessTokenExpiry,
  OperationTimeLimitError,
  RateLimitedError,
  readTokenOwner,
  refreshTokens,
  retryDecision,
  TokenOwnerMismatchError,
  type FetchLike,
  type OAuthClientCredentials,
  type RetryPolicy,
} from "../bitrix24";
import { displayName } from "../people";
import { portalOfEndpoint, samePortalDomain } from "../portal-address";

export class PortalAuthError extends UnauthorizedError {
  constructor(readonly reason: string) {
    super(`Bitrix24 did not confirm this request: ${reason}`);
    this.name = "PortalAuthError";
  }
}

/** A genuine open of a portal we keep nothing of (never installed, or its data deleted). */
export class PortalNotSetUpError extends PortalAuthError {
  constructor() {
    super("StaffSuite is not set up in this portal (never installed here, or all its data was deleted): a portal administrator must install it again");
    this.name = "PortalNotSetUpError";
  }
}

export interface VerifiedPortalUser {
  memberId: string;
  domain: string;
  /** The portal's web origin (scheme://host[:port]) from the OAuth server's client_endpoint. */
  origin: string;
  protocol: "http" | "https";
  clientEndpoint: string;
  serverEndpoint: string;
  licenseStatus: string | null;
  userId: number;
  isAdmin: boolean;
  /** The user's name as the portal shows it (for our UI only; never logged or stored). */
  userName: string;
  tokens: { accessToken: string; refreshToken: string; expiresAt: Date; scope: string };
}

export interface VerifyDeps {
  /** REST base of the OAuth server we trust (e.g. https://oauth.bitrix.info/rest/). */
  oauthServerEndpoint: string;
  credentials: OAuthClientCredentials;
  fetch?: FetchLike;
}

/**
 * A sign-in must not fail because a job of ours is using the portal's request budget: this call
 * is not paced by the portal's bucket (there is no portal row yet on install), so a
 * QUERY_LIMIT_EXCEEDED or an operating-time refusal is waited out briefly, a few seconds at most.
 */
const SIGN_IN_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 3_000 };

async function waitedOut<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const refusedBeforeRunning = error instanceof RateLimitedError || error instanceof OperationTimeLimitError;
      const delay = refusedBeforeRunning ? retryDecision(error, attempt, SIGN_IN_RETRY, Date.now() / 1000) : null;
      if (delay === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function verifyPortalAuth(
  claim: { accessToken: string; refreshToken: string; memberId: string; domain: string },
  deps: VerifyDeps,
): Promise<VerifiedPortalUser> {
  let answer;
  try {
    answer = await refreshTokens({
      serverEndpoint: deps.oauthServerEndpoint,
      credentials: deps.credentials,
      refreshToken: claim.refreshToken,
      fetch: deps.fetch,
    });
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String((error as { code: unknown }).code) : "unknown";
    throw new PortalAuthError(`the OAuth server refused the refresh token (${code})`);
  }
  if (!answer.member_id || answer.member_id !== claim.memberId) throw new PortalAuthError("member_id does not match the token's portal");
  // The answer's `domain` names the OAuth server itself (oauth.bitrix.info); the portal is the
  // host (and path) of `client_endpoint`, https://{portal}/rest/.
  const portal = answer.client_endpoint ? portalOfEndpoint(answer.client_endpoint) : null;
  if (!answer.client_endpoint || !portal) throw new PortalAuthError("the OAuth server did not name the portal");
  if (!samePortalDomain(portal.domain, claim.domain)) throw new PortalAuthError("DOMAIN does not match the token's portal");

  let owner;
  try {
    const restBase = answer.client_endpoint;
    owner = await waitedOut(() => readTokenOwner({ restBase, accessToken: claim.accessToken, tokenUserId: answer.user_id, fetch: deps.fetch }));
  } catch (error) {
    if (error instanceof TokenOwnerMismatchError) throw new PortalAuthError("the tokens belong to different users");
    const code = error instanceof Error && "code" in error ? String((error as { code: unknown }).code) : "unreadable profile";
    throw new PortalAuthError(`the portal refused the access token (${code})`);
  }

  const expiresAt = accessTokenExpiry(answer);
  return {
    memberId: answer.member_id,
    domain: portal.domain,
    origin: portal.origin,
    protocol: portal.protocol,
    clientEndpoint: answer.client_endpoint,
    serverEndpoint: answer.server_endpoint ?? deps.oauthServerEndpoint,
    licenseStatus: answer.status ?? null,
    userId: owner.userId,
    isAdmin: owner.isAdmin,
    userName: displayName(owner),
    tokens: { accessToken: answer.access_token, refreshToken: answer.refresh_token, expiresAt, scope: answer.scope ?? "" },
  };
}
