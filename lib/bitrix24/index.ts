/**
 * The app's Bitrix24 client (front door). See docs/decisions/001-bitrix24-client.md for why it is
 * our own thin client rather than the SDK's B24OAuth.
 *
 * The process's token store and client factory are built in lib/services.ts. Typical use:
 *   const client = await services().clients.clientFor(portalId, { userId });
 *   const deals = await client.listAll("crm.deal.list", { filter: { ASSIGNED_BY_ID: 5 } });
 *   const results = await client.batch(deals.map((d) => ({ method: "crm.deal.update", params: { id: d.ID, fields: { ASSIGNED_BY_ID: 7 } } })));
 */
export { Bitrix24Client, type AccessTokenSource, type CallOptions, type CallResult, type ClientConfig, type ClientEvent } from "./client";
export { createClientFactory, type ClientFactory, type ClientFactoryConfig, type ClientPortalRow } from "./client-factory";
export { TokenStore, DEAD_REFRESH_REASON, type TokenPair, type TokenStoreConfig } from "./token-store";
export { BATCH_LIMIT, type BatchCommand, type BatchItemResult, type BatchOptions } from "./batch";
export { PAGE_SIZE, type ListOptions } from "./list-all";
export { STANDARD_PLAN, ENTERPRISE_PLAN, limiterFor, resetLimiters, RateLimiter, type PortalRateLimiter, type RateLimitConfig } from "./rate-limiter";
export { pgBucketStore, prismaBucketStore, SharedRateLimiter, sharedLimiterFor, resetSharedLimiters, type BucketStore } from "./shared-rate-limiter";
export { DEFAULT_RETRY, isIdempotentMethod, retryDecision, type RetryPolicy } from "./retry";
export { accessTokenExpiry, exchangeCode, refreshTokens, tokenUrl, RefreshTokenDeadError, type OAuthClientCredentials } from "./oauth";
export { readTokenOwner, TokenOwnerMismatchError, type TokenOwner } from "./token-owner";
export { encodeParams, isYes, type Params, type ParamValue } from "./params";
export { sendRest } from "./http";
export { createPortalFetch, portalFetch, type FetchAnswer, type FetchLike } from "./transport";
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
  isTokenRejection,
  isRetryable,
} from "./errors";
export { oauthTokenSchema, type OAuthTokenAnswer } from "./envelope";
