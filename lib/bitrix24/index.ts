/**
 * The app's Bitrix24 client (front door). See docs/decisions/001-bitrix24-client.md for why it is
 * our own thin client rather than the SDK's B24OAuth.
 *
 * Typical use:
 *   const client = await bitrix24().clientFor(portalId, { userId });
 *   const deals = await client.listAll("crm.deal.list", { filter: { ASSIGNED_BY_ID: 5 } });
 *   const results = await client.batch(deals.map((d) => ({ method: "crm.deal.update", params: { id: d.ID, fields: { ASSIGNED_BY_ID: 7 } } })));
 */
import { getPrisma } from "../db";
import { requireSetting, env } from "../env";
import { createKeyRing } from "../crypto";
import { createClientFactory, type ClientFactory } from "./client-factory";
import { TokenStore } from "./token-store";

export { Bitrix24Client, type AccessTokenSource, type CallOptions, type CallResult, type ClientConfig, type ClientEvent } from "./client";
export { createClientFactory, type ClientFactory, type ClientFactoryConfig } from "./client-factory";
export { TokenStore, DEAD_REFRESH_REASON, type TokenPair, type TokenStoreConfig } from "./token-store";
export { BATCH_LIMIT, type BatchCommand, type BatchItemResult, type BatchOptions } from "./batch";
export { PAGE_SIZE, type ListOptions } from "./list-all";
export { STANDARD_PLAN, ENTERPRISE_PLAN, limiterFor, RateLimiter, type RateLimitConfig } from "./rate-limiter";
export { DEFAULT_RETRY, isIdempotentMethod, type RetryPolicy } from "./retry";
export { refreshTokens, tokenUrl, RefreshTokenDeadError, type OAuthClientCredentials } from "./oauth";
export { encodeParams, type Params, type ParamValue } from "./params";
export { sendRest, type FetchLike } from "./http";
export { OperatingTracker, type OperatingConfig } from "./operating";
export {
  Bitrix24Error,
  RateLimitedError,
  OperationTimeLimitError,
  TokenExpiredError,
  AccessDeniedError,
  InsufficientScopeError,
  MethodNotFoundError,
  PortalDisconnectedError,
  NoTokenError,
  UserTokenDeadError,
} from "./errors";

let defaults: { tokens: TokenStore; factory: ClientFactory } | undefined;

function defaultsFromEnv() {
  if (!defaults) {
    const e = env();
    const tokens = new TokenStore({
      prisma: getPrisma(),
      keys: createKeyRing(requireSetting("TOKEN_ENCRYPTION_KEY"), e.TOKEN_ENCRYPTION_KEYS_OLD),
      credentials: { clientId: requireSetting("B24_CLIENT_ID"), clientSecret: requireSetting("B24_CLIENT_SECRET") },
    });
    defaults = { tokens, factory: createClientFactory({ prisma: getPrisma(), tokens }) };
  }
  return defaults;
}

/** The process's client factory, configured from lib/env.ts (database, key ring, app credentials). */
export function bitrix24(): ClientFactory {
  return defaultsFromEnv().factory;
}

/** The process's token store, configured from lib/env.ts. */
export function tokenStore(): TokenStore {
  return defaultsFromEnv().tokens;
}

/** Shortcut: a client acting as `userId` (a job passes the admin who started it). */
export function clientFor(portalId: string, options: { userId: number }) {
  return bitrix24().clientFor(portalId, options);
}
