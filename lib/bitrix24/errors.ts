/**
 * Typed errors of the Bitrix24 client. Codes and statuses follow the system-error table in
 * b24restdocs _includes/system-errors.md (see docs/bitrix24-platform.md "Errors"): callers
 * switch on the class, the UI layer turns classes into messages in one place.
 * Messages never contain tokens.
 */

export class Bitrix24Error extends Error {
  constructor(
    /** The portal's error code (`QUERY_LIMIT_EXCEEDED`, …) or one of ours (`NETWORK_ERROR`, `BAD_RESPONSE`). */
    readonly code: string,
    readonly description: string,
    /** HTTP status of the answer; 0 when there was none. */
    readonly status: number,
    /** The REST method called, when known. */
    readonly method?: string,
  ) {
    super(`${method ? `${method}: ` : ""}${code}${description ? ` (${description})` : ""}`);
    this.name = new.target.name;
  }
}

/** The portal refused for rate (HTTP 503 `QUERY_LIMIT_EXCEEDED` / `OVERLOAD_LIMIT`) and retries ran out. */
export class RateLimitedError extends Bitrix24Error {}

/** The method ran past its operating time (`OPERATION_TIME_LIMIT`) and is blocked for a while. */
export class OperationTimeLimitError extends Bitrix24Error {
  /** Unix seconds when the block lifts, when the portal said so. */
  resetAt?: number;
}

/** The access token is past its life (`expired_token`) or unknown (`invalid_token`, `NO_AUTH_FOUND`). */
export class TokenExpiredError extends Bitrix24Error {}

/** The user lacks rights (`ACCESS_DENIED`, `INVALID_CREDENTIALS`, `ERROR_ACCESS_DENIED`). */
export class AccessDeniedError extends Bitrix24Error {}

/** The app lacks a scope (`insufficient_scope`). */
export class InsufficientScopeError extends Bitrix24Error {}

/** No such method (`ERROR_METHOD_NOT_FOUND`), e.g. a module switched off on that portal. */
export class MethodNotFoundError extends Bitrix24Error {}

/**
 * The portal no longer accepts our refresh token (uninstalled, or the token died): an admin must
 * open the app in the portal again so that a fresh token pair arrives.
 */
export class PortalDisconnectedError extends Bitrix24Error {
  constructor(
    readonly portalId: string,
    reason: string,
  ) {
    super("PORTAL_DISCONNECTED", reason, 0);
  }
}

/** No token stored for this portal user: they have not opened the app yet. */
/**
 * This user's refresh token is dead (unused for longer than Bitrix24 keeps it, or revoked): the
 * user must open StaffSuite in Bitrix24 again. The portal itself stays connected while an admin's
 * token works.
 */
export class UserTokenDeadError extends Bitrix24Error {
  constructor(
    readonly portalId: string,
    readonly userId: number,
  ) {
    super("USER_TOKEN_DEAD", `The stored access of user ${userId} has expired: they must open StaffSuite in Bitrix24 again`, 0);
  }
}

export class NoTokenError extends Bitrix24Error {
  constructor(
    readonly portalId: string,
    readonly userId: number,
  ) {
    super("NO_TOKEN", `No token stored for user ${userId}`, 0);
  }
}

const TOKEN_CODES = new Set(["expired_token", "invalid_token", "no_auth_found"]);
const ACCESS_CODES = new Set(["access_denied", "invalid_credentials", "error_access_denied", "authorization_error"]);
const RATE_CODES = new Set(["query_limit_exceeded", "overload_limit"]);

/** Maps an error envelope (or a bare status) to the typed error. */
export function toBitrix24Error(code: string, description: string, status: number, method?: string): Bitrix24Error {
  const c = code.toLowerCase();
  if (RATE_CODES.has(c)) return new RateLimitedError(code, description, status, method);
  if (c === "operation_time_limit") return new OperationTimeLimitError(code, description, status, method);
  if (TOKEN_CODES.has(c)) return new TokenExpiredError(code, description, status, method);
  if (c === "insufficient_scope") return new InsufficientScopeError(code, description, status, method);
  if (ACCESS_CODES.has(c)) return new AccessDeniedError(code, description, status, method);
  if (c === "error_method_not_found") return new MethodNotFoundError(code, description, status, method);
  return new Bitrix24Error(code, description, status, method);
}

/** True for the access-token answers after which the SDK refreshes and retries once (HTTP 401 expired/invalid token). */
export function isTokenRejection(error: unknown): error is TokenExpiredError {
  return error instanceof TokenExpiredError;
}

/** True for errors worth retrying after a pause: rate, operating time, 5xx, network. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Bitrix24Error)) return false;
  if (error instanceof RateLimitedError || error instanceof OperationTimeLimitError) return true;
  if (error.code === "NETWORK_ERROR") return true;
  return error.status >= 500;
}
