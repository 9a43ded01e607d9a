/**
 * The Mail backend's failures, as lib/errors' classes (the one mapping to codes, statuses and
 * messages). The two expected refusals with something to show — "already logged" (with the link)
 * and "likely duplicates" (with the list) — are results, not errors: see log-email.ts, create.ts.
 */
import { AppError, NotFoundError, UnauthorizedError, ValidationError } from "../errors";

/** No, a forged, an expired or a revoked session token; a claim that does not match; a forged connect state. */
export class MailUnauthorizedError extends UnauthorizedError {
  constructor(message = "Not connected: connect the extension to your Bitrix24 again") {
    super(message);
    this.name = "MailUnauthorizedError";
  }
}

export class MailValidationError extends ValidationError {
  constructor(
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "MailValidationError";
  }
}

/** The address typed in the extension names no portal that installed StaffSuite. */
export class PortalNotFoundError extends NotFoundError {
  constructor() {
    super("StaffSuite is not installed in this Bitrix24");
    this.name = "PortalNotFoundError";
  }
}

/** Too many requests from one extension session (our own limit, before the portal's). */
export class MailRateLimitError extends AppError {
  readonly code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super("Too many requests from this extension: wait a moment");
    this.name = "MailRateLimitError";
  }
}

/** Why an extension session was ended (ExtensionSession.revokedReason). */
export type RevokeReason = "disconnected" | "revoked" | "revoked_by_admin" | "dismissed" | "uninstalled";

/**
 * A session someone ended, used again: its code says who, so the sidebar can tell its user why it
 * stopped (the Mail page, an administrator, or their dismissal). Still a 401: the token is dead.
 */
export class SessionEndedError extends AppError {
  constructor(readonly code: "session_revoked" | "session_revoked_by_admin" | "user_dismissed") {
    super(`The extension's connection was ended (${code})`);
    this.name = "SessionEndedError";
  }
}

/** What a revoked session's row says, as the error its next request gets. */
export function sessionEndedError(reason: string | null): AppError {
  if (reason === "revoked") return new SessionEndedError("session_revoked");
  if (reason === "revoked_by_admin") return new SessionEndedError("session_revoked_by_admin");
  if (reason === "dismissed") return new SessionEndedError("user_dismissed");
  // Disconnected or uninstalled by the extension itself: nobody is left to tell.
  return new MailUnauthorizedError();
}

/** The CRM record the user chose (or the person it is bound to) no longer exists: deleted or merged meanwhile. */
export class RecordGoneError extends AppError {
  readonly code = "record_gone";
  constructor(readonly kind: string) {
    super(`The ${kind} no longer exists in Bitrix24`);
    this.name = "RecordGoneError";
  }
}
