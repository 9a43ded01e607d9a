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
