/**
 * One mapping from errors to what the user is told: our own classes (./classes.ts) and lib/bitrix24's
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
import { AppError, Refused, type RefusalReason } from "./classes";
import { DIGEST_PREFIX, ERROR_STATUS, errorMessageKey, type ErrorCode } from "./codes";

export { AppError, ForbiddenError, NotFoundError, Refused, RequestInputError, TooManyRequestsError, UnauthorizedError, ValidationError } from "./classes";

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

/** What an answer names: a general code, or a tool's refusal reason. */
export type AnswerCode = ErrorCode | RefusalReason;

export interface ErrorDescription {
  code: AnswerCode;
  status: number;
  messageKey: MessageKey;
  /** The message's placeholders (a refusal's). */
  params?: Record<string, string | number>;
}

/** The code, HTTP status and message key of any thrown value ("internal" for the unexpected); a refusal names its reason. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof Refused) {
    const refused: Refused = error;
    return {
      code: refused.reason,
      status: refused.status,
      messageKey: refused.messageKey,
      ...(refused.details.params ? { params: refused.details.params } : {}),
    };
  }
  const code = codeOf(error);
  return { code, status: error instanceof AppError ? error.status : ERROR_STATUS[code], messageKey: errorMessageKey(code) };
}

/** What the user reads about `error`, in `lang`. */
export function errorMessage(error: unknown, lang: Lang): string {
  const { messageKey, params } = describeError(error);
  return translator(lang)(messageKey, params);
}

const log = logger("errors");

/** Logs what the user is not told the detail of: unexpected errors and Bitrix24 answers we could not use. */
export function logUnexpected(error: unknown, where: string): void {
  const { code } = describeError(error);
  if (code === "internal" || code === "portal_error") log.error("unexpected error", { where, errorCode: code, error });
}

/** A route handler's error answer: JSON `{ error: code, message }` with the code's status (and Retry-After when the error says). */
export function errorResponse(error: unknown, lang: Lang, where = "route"): Response {
  logUnexpected(error, where);
  const { code, status, messageKey, params } = describeError(error);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return Response.json({ error: code, message: translator(lang)(messageKey, params) }, { status, headers });
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
