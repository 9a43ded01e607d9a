/**
 * One mapping from errors to what the user is told: our own classes (below) and lib/bitrix24's
 * typed errors become an error code, an HTTP status and an i18n message key (./codes.ts). Route
 * handlers answer with `errorResponse`, server actions with `{ ok: false, error, message }`
 * (app/(portal)/server-action.ts), and pages through app/(portal)/error.tsx, which reads the
 * code from the error's digest. Classes elsewhere in lib/ that mean one of these extend ours
 * (e.g. lib/lifecycle's PortalAuthError is an UnauthorizedError).
 */
import { ZodError } from "zod";
import {
  AccessDeniedError,
  Bitrix24Error,
  InsufficientScopeError,
  MethodNotFoundError,
  NoTokenError,
  OperationTimeLimitError,
  PortalDisconnectedError,
  RateLimitedError,
  UserTokenDeadError,
} from "../bitrix24";
import { translator, type Lang, type MessageKey } from "../i18n";
import { logger } from "../log";
import { DIGEST_PREFIX, ERROR_STATUS, errorMessageKey, type ErrorCode } from "./codes";

export { ERROR_CODES, ERROR_STATUS, codeFromDigest, errorMessageKey, type ErrorCode } from "./codes";

/** Base of the app's own expected errors: each names its code. */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export class UnauthorizedError extends AppError {
  readonly code = "unauthorized";
  constructor(message = "No session: open the app from the Bitrix24 portal") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class ForbiddenError extends AppError {
  readonly code = "forbidden";
  constructor(message = "Portal administrators only") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends AppError {
  readonly code = "not_found";
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Input that breaks a rule a schema cannot express (a zod failure maps to the same code). */
export class ValidationError extends AppError {
  readonly code = "invalid";
  constructor(message = "Invalid input") {
    super(message);
    this.name = "ValidationError";
  }
}

function codeOf(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (error instanceof ZodError) return "invalid";
  if (error instanceof PortalDisconnectedError) return "portal_disconnected";
  if (error instanceof UserTokenDeadError || error instanceof NoTokenError) return "user_token_dead";
  if (error instanceof RateLimitedError) return "rate_limited";
  if (error instanceof OperationTimeLimitError) return "operating_limit";
  if (error instanceof InsufficientScopeError) return "insufficient_scope";
  if (error instanceof AccessDeniedError) return "access_denied";
  if (error instanceof MethodNotFoundError) return "method_unavailable";
  if (error instanceof Bitrix24Error) return "portal_error";
  return "internal";
}

export interface ErrorDescription {
  code: ErrorCode;
  status: number;
  messageKey: MessageKey;
}

/** The code, HTTP status and message key of any thrown value ("internal" for the unexpected). */
export function describeError(error: unknown): ErrorDescription {
  const code = codeOf(error);
  return { code, status: ERROR_STATUS[code], messageKey: errorMessageKey(code) };
}

/** What the user reads about `error`, in `lang`. */
export function errorMessage(error: unknown, lang: Lang): string {
  return translator(lang)(describeError(error).messageKey);
}

const log = logger("errors");

/** Logs what the user is not told the detail of: unexpected errors and Bitrix24 answers we could not use. */
export function logUnexpected(error: unknown, where: string): void {
  const { code } = describeError(error);
  if (code === "internal" || code === "portal_error") log.error("unexpected error", { where, errorCode: code, error });
}

/** A route handler's error answer: JSON `{ error: code, message }` with the code's status. */
export function errorResponse(error: unknown, lang: Lang, where = "route"): Response {
  logUnexpected(error, where);
  const { code, status, messageKey } = describeError(error);
  return Response.json({ error: code, message: translator(lang)(messageKey) }, { status, headers: { "cache-control": "no-store" } });
}

// Give every mapped class a digest naming its code, so that error.tsx can say what happened
// (see DIGEST_PREFIX in ./codes.ts). A getter on the two base classes covers every subclass.
for (const base of [AppError, Bitrix24Error]) {
  Object.defineProperty(base.prototype, "digest", {
    configurable: true,
    get(this: unknown) {
      return `${DIGEST_PREFIX}${codeOf(this)}`;
    },
    // Should anything assign a digest, it becomes the instance's own value.
    set(this: object, value: unknown) {
      Object.defineProperty(this, "digest", { value, writable: true, configurable: true, enumerable: false });
    },
  });
}
