/**
 * Retry policy: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff
 * And Jitter") on the errors the platform tells us to wait out — QUERY_LIMIT_EXCEEDED,
 * OPERATION_TIME_LIMIT, 5xx and network failures (docs/bitrix24-platform.md "Limits"). Bounded in
 * attempts and in total delay so a job fails visibly rather than hanging.
 */
import { isRetryable, OperationTimeLimitError, RateLimitedError } from "./errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Delay before attempt `attempt + 1` (attempt counts from 1): random in [cap/2, cap], cap = base·2^(attempt-1). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": never less than half the cap, so retries after a rate refusal do not come
  // back immediately, yet concurrent callers spread out.
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Methods that create something or send something: after a 5xx or a lost answer we cannot know
 * whether the portal ran them, so repeating could create a duplicate deal or a second message.
 * Rate and operating refusals are answered before the method runs, so those are always safe.
 */
const NOT_IDEMPOTENT = /\.(add|send|create|copy|upload|uploadfile|start|attach)$/i;

export function isIdempotentMethod(method: string): boolean {
  return !NOT_IDEMPOTENT.test(method);
}

/** Whether to retry after `error` on attempt `attempt`, and after how long; null = give up. */
export function retryDecision(error: unknown, attempt: number, policy: RetryPolicy, nowSec: number, random?: () => number, idempotent = true): number | null {
  if (attempt >= policy.maxAttempts || !isRetryable(error)) return null;
  const refusedBeforeRunning = error instanceof RateLimitedError || error instanceof OperationTimeLimitError;
  if (!idempotent && !refusedBeforeRunning) return null;
  if (error instanceof OperationTimeLimitError && error.resetAt !== undefined) {
    // The method is blocked until resetAt: waiting less is pointless, waiting longer than our
    // bound means the caller (a job) should reschedule instead.
    const waitMs = Math.max(0, (error.resetAt - nowSec) * 1000) + 1000;
    return waitMs <= policy.maxDelayMs ? waitMs : null;
  }
  return backoffDelay(attempt, policy, random);
}
