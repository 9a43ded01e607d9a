/**
 * The Mail backend's own failures. Each carries an HTTP status and a stable `code` the extension
 * translates (extension/src/i18n.ts); `message` is English for logs-free debugging by the caller.
 */
export class MailError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra JSON the caller may show (duplicates, the logged activity's link, …). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No, a forged, an expired or a revoked session token; or a claim that does not match. */
export class MailUnauthorizedError extends MailError {
  constructor(message = "Not connected: connect the extension to your Bitrix24 again") {
    super(401, "unauthorized", message);
  }
}

export class MailValidationError extends MailError {
  constructor(message: string, issues?: unknown) {
    super(400, "invalid_input", message, issues ? { issues } : undefined);
  }
}

export class MailNotFoundError extends MailError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

/** Too many requests from one extension session (our own limit, before the portal's). */
export class MailRateLimitError extends MailError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", "Too many requests from this extension: wait a moment");
  }
}

/** This email was logged before (same Message-ID in this portal). */
export class AlreadyLoggedError extends MailError {
  constructor(link: string, loggedAt: Date) {
    super(409, "already_logged", "This email is already logged in Bitrix24", { link, loggedAt: loggedAt.toISOString() });
  }
}

/** Likely duplicates exist: the user chooses before we create anything. */
export class DuplicatesFoundError extends MailError {
  constructor(duplicates: unknown[]) {
    super(409, "duplicates_found", "Similar records already exist in Bitrix24", { duplicates });
  }
}
