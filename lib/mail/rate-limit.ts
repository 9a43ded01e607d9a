/**
 * A token bucket per extension session, in this process (lib/token-bucket.ts): a runaway sidebar
 * (or a stolen token in a loop) cannot spend the portal's shared rate limit (docs/bitrix24-platform.md
 * "Limits") for everyone. 60 requests burst, refilled at 2 per second — far above what a person
 * reading mail needs.
 */
import { KeyedBuckets, type BucketSpec } from "../token-bucket";
import { MailRateLimitError } from "./errors";

export const SESSION_LIMIT: BucketSpec = { capacity: 60, refillPerSecond: 2 };

const sessions = new KeyedBuckets(SESSION_LIMIT, Date.now, 50_000);

/** Takes one request of the session's budget; MailRateLimitError (with the wait) when it has none left. */
export function takeSessionToken(sessionId: string): void {
  if (!sessions.take(sessionId)) throw new MailRateLimitError(sessions.retryAfterSeconds(sessionId));
}
