/**
 * The error codes the app answers with, their HTTP status and message key. Plain data, safe in
 * client components (app/(portal)/error.tsx reads a code from the error's digest). Which error
 * class gets which code is decided in ./index.ts.
 */
export const ERROR_STATUS = {
  /** No session, or a request the portal did not confirm. */
  unauthorized: 401,
  /** Signed in, but not allowed (e.g. not a portal administrator). */
  forbidden: 403,
  not_found: 404,
  /** Input that does not parse (zod) or breaks a rule. */
  invalid: 400,
  /** A tool's expected "no" (lib/errors Refused; its own reason and words travel with it). */
  refused: 409,
  /** Too many requests at a door anyone can knock on (our own budget, not Bitrix24's). */
  too_many_requests: 429,
  /** The portal no longer accepts our refresh token: an admin must open the app again. */
  portal_disconnected: 503,
  /** This user's stored Bitrix24 access is dead or missing: they must open the app again. */
  user_token_dead: 401,
  /** Bitrix24's request-rate limit, after our retries. */
  rate_limited: 429,
  /** Bitrix24's operating-time limit on a method (it is blocked for a while). */
  operating_limit: 429,
  /** The app's registration lacks a scope on this portal. */
  insufficient_scope: 403,
  /** Bitrix24 refused: the acting user lacks the rights. */
  access_denied: 403,
  /** The portal has no such method (a module switched off). */
  method_unavailable: 502,
  /** The Gmail extension's connection was revoked on the Mail page by its user … */
  session_revoked: 401,
  /** … or by an administrator … */
  session_revoked_by_admin: 401,
  /** … or ended because Bitrix24 dismissed its user (lib/mail revocation.ts). */
  user_dismissed: 401,
  /** The CRM record an action names no longer exists (deleted or merged meanwhile). */
  record_gone: 404,
  /** Any other answer of Bitrix24 we could not work with. */
  portal_error: 502,
  /** Anything unexpected (logged; never shown in detail). */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The i18n key of a code's message (lib/i18n/errors). */
export function errorMessageKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`;
}

/**
 * Next.js hands a server error to error.tsx with its message stripped (production) but keeps an
 * error's own `digest` (next/dist/server/app-render/create-error-handler.js: "If the error
 * already has a digest, respect the original digest"). Mapped errors carry `staffsuite.error:<code>`.
 */
export const DIGEST_PREFIX = "staffsuite.error:";

export function codeFromDigest(digest: string | undefined): ErrorCode {
  const code = digest?.startsWith(DIGEST_PREFIX) ? digest.slice(DIGEST_PREFIX.length) : "";
  return code in ERROR_STATUS ? (code as ErrorCode) : "internal";
}
