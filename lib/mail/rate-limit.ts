/**
 * A token bucket per extension session, in this process: a runaway sidebar (or a stolen token in
 * a loop) cannot spend the portal's shared rate limit (docs/bitrix24-platform.md "Limits") for everyone.
 * 60 requests burst, refilled at 2 per second — far above what a person reading mail needs.
 */
import { MailRateLimitError } from "./errors";

export interface SessionLimit {
  burst: number;
  perSecond: number;
}

export const SESSION_LIMIT: SessionLimit = { burst: 60, perSecond: 2 };

const buckets = new Map<string, { tokens: number; at: number }>();

export function takeSessionToken(sessionId: string, limit: SessionLimit = SESSION_LIMIT, now = Date.now()): void {
  const b = buckets.get(sessionId) ?? { tokens: limit.burst, at: now };
  b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
  b.at = now;
  if (b.tokens < 1) {
    buckets.set(sessionId, b);
    throw new MailRateLimitError(Math.ceil((1 - b.tokens) / limit.perSecond));
  }
  b.tokens -= 1;
  buckets.set(sessionId, b);
  if (buckets.size > 50_000) buckets.delete(buckets.keys().next().value as string); // bound memory
}
