/**
 * The app's own error classes, each naming its code (./codes.ts: status and message key). The
 * mapping of these and lib/bitrix24's errors to an answer is in ./index.ts.
 */
import type { MessageKey } from "../i18n";
import { ERROR_STATUS, type ErrorCode } from "./codes";

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

/**
 * A body a door cannot take, refused before anything is parsed (lib/security/request-body.ts):
 * too large (413), not a form (415), malformed (400), or not a POST (405).
 */
export class RequestInputError extends AppError {
  readonly code = "invalid";
  constructor(
    private readonly httpStatus: 400 | 405 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "RequestInputError";
  }
  override get status(): number {
    return this.httpStatus;
  }
}

/** Too many requests from one source or for one portal at a door anyone can knock on (lib/security/rate-limit.ts). */
export class TooManyRequestsError extends AppError {
  readonly code = "too_many_requests";
  constructor(
    readonly scope: "source" | "portal" | "overall",
    readonly retryAfterSeconds: number,
  ) {
    super(`too many requests (${scope}); try again in ${retryAfterSeconds} s`);
    this.name = "TooManyRequestsError";
  }
}

/** The message key of a tool's refusal: `<tool>.refused.<reason>`, the reason in snake_case. */
export type RefusalKey = Extract<MessageKey, `${string}.refused.${string}`>;
/** A refusal key's reason: `transfer.refused.busy` → `busy`. */
export type ReasonOf<Key extends RefusalKey> = Key extends `${string}.refused.${infer Reason}` ? Reason : never;
/** Every refusal reason the tools have (each has its words in the dictionaries). */
export type RefusalReason = ReasonOf<RefusalKey>;

/**
 * The one refusal family: a tool's expected "no" to a well-formed request — a receiver is
 * dismissed, the master switch is off, another transfer is running, that transfer is not this
 * portal's. Thrown by a tool's way in (`verbNoun(services, session, input)`); `portalAction` and
 * the extension's route wrapper answer it as `{ ok: false, error: reason, message }` in the
 * user's language (the key's words), with its HTTP status (409 unless the refusal says).
 */
export class Refused<Key extends RefusalKey = RefusalKey> extends AppError {
  readonly code = "refused";
  readonly reason: ReasonOf<Key>;
  /** The people the refusal is about (e.g. the dismissed receivers); empty when none. */
  readonly userIds: number[];
  constructor(
    readonly messageKey: Key,
    readonly details: {
      /** The people the refusal is about (e.g. the dismissed receivers). */
      userIds?: number[];
      /** The message's placeholders. */
      params?: Record<string, string | number>;
      status?: 400 | 403 | 404 | 409 | 410;
    } = {},
  ) {
    const reason = messageKey.slice(messageKey.indexOf(".refused.") + ".refused.".length) as ReasonOf<Key>;
    super(reason);
    this.name = "Refused";
    this.reason = reason;
    this.userIds = details.userIds ?? [];
  }
  override get status(): number {
    return this.details.status ?? ERROR_STATUS.refused;
  }
}
