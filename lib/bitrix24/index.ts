/**
 * The app's Bitrix24 client (front door). See docs/decisions/001-bitrix24-client.md for why it is
 * our own thin client rather than the SDK's B24OAuth.
 *
 * The process's token store and client factory are built in lib/services.ts. Typical use:
 *   const client = await services().clients.clientFor(portalId, { userId });
 *   const deals = await client.listAll("crm.deal.list", { filter: { ASSIGNED_BY_ID: 5 } });
 *   const results = await client.batch(deals.map((d) => ({ method: "crm.deal.update", params: { id: d.ID, fields: { ASSIGNED_BY_ID: 7 } } })));
 */
export { Bitrix24Client, type ClientEvent } from "./client";
export { createClientFactory, type ClientFactory, type ClientFactoryConfig } from "./client-factory";
export { TokenStore } from "./token-store";
export { type BatchCommand, type BatchItemResult } from "./batch";
export { PAGE_SIZE, extractItems, resolveListOptions, type ListOptions } from "./list-all";
export { STANDARD_PLAN, ENTERPRISE_PLAN, resetLimiters, type RateLimitConfig } from "./rate-limiter";
export { pgBucketStore, resetSharedLimiters } from "./shared-rate-limiter";
export { retryDecision, type RetryPolicy } from "./retry";
export { accessTokenExpiry, exchangeCode, refreshTokens, type OAuthClientCredentials } from "./oauth";
export { readTokenOwner, TokenOwnerMismatchError } from "./token-owner";
export { encodeParams, isYes, type Params, type ParamValue } from "./params";
export { portalFetch, type FetchLike } from "./transport";
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
