/**
 * The REST client of one portal user: every call waits for the portal's rate limiter and any
 * operating-time pause, sends, and on the answers the platform tells us to wait out retries with
 * backoff (retry.ts). On `expired_token` / `invalid_token` (HTTP 401) it gets a refreshed token
 * once and repeats the call, as the official SDK does (b24jssdk core/http/abstract-http
 * "isAuthError"). Batch and list-all build on `call` (batch.ts, list-all.ts).
 */
import { isTokenRejection, OperationTimeLimitError, RateLimitedError } from "./errors";
import type { CallResult } from "./envelope";
import { sendRest, type FetchLike } from "./http";
import { operatingFor, type OperatingTracker } from "./operating";
import type { Params } from "./params";
import { limiterFor, realSleep, type PortalRateLimiter, type RateLimitConfig, type Sleep } from "./rate-limiter";
import { DEFAULT_RETRY, isIdempotentMethod, retryDecision, type RetryPolicy } from "./retry";
import { runBatch, type BatchCommand, type BatchItemResult, type BatchOptions } from "./batch";
import { listAll, listPages, type ListOptions } from "./list-all";

export type { CallResult } from "./envelope";

/** Where the client gets access tokens (the token store, or a fixed token in scripts). */
export interface AccessTokenSource {
  /** A valid access token, refreshed first when expired or about to. */
  current(): Promise<string>;
  /** The portal refused `rejected`: return a fresh token (one refresh shared by concurrent callers). */
  afterRejection(rejected: string): Promise<string>;
}

export interface CallOptions {
  /** Safe to repeat after a 5xx or a lost answer (default: not for *.add, *.send, … — retry.ts). */
  idempotent?: boolean;
}

/** What happened on the wire, for benchmarks and diagnostics (never carries tokens). */
export type ClientEvent =
  | { type: "request"; method: string }
  | { type: "rate_limited"; method: string }
  | { type: "retry"; method: string; code: string; delayMs: number }
  | { type: "token_refreshed"; method: string };

export interface ClientConfig {
  /** The portal's REST base (client_endpoint), `https://{portal}/rest/`; its scheme is used as is. */
  restBase: string;
  /** Key of the per-portal limiter and operating tracker shared in this process (the portal's id). */
  portalKey: string;
  tokens: AccessTokenSource;
  rateLimit?: RateLimitConfig;
  retry?: RetryPolicy;
  fetch?: FetchLike;
  /** The limiter to wait on (default: this process's limiter of the portal; the factory may pass the shared one). */
  limiter?: PortalRateLimiter;
  operating?: OperatingTracker;
  sleep?: Sleep;
  timeoutMs?: number;
  onEvent?: (event: ClientEvent) => void;
}

export class Bitrix24Client {
  private readonly limiter: PortalRateLimiter;
  private readonly operating: OperatingTracker;
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;

  constructor(private readonly config: ClientConfig) {
    this.limiter = config.limiter ?? limiterFor(config.portalKey, config.rateLimit);
    this.operating = config.operating ?? operatingFor(config.portalKey);
    this.retry = config.retry ?? DEFAULT_RETRY;
    this.sleep = config.sleep ?? realSleep;
  }

  /**
   * Calls one REST method; throws a typed Bitrix24Error when it fails for good. `idempotent`
   * (default: guessed from the name, retry.ts) decides whether a 5xx or lost answer is retried.
   */
  async call<T = unknown>(method: string, params: Params = {}, options: CallOptions = {}): Promise<CallResult<T>> {
    const idempotent = options.idempotent ?? isIdempotentMethod(method);
    let token = await this.config.tokens.current();
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const pause = this.operating.pauseBefore(method, Date.now());
      if (pause > 0) await this.sleep(pause);
      const answered = await this.limiter.acquire();
      this.config.onEvent?.({ type: "request", method });
      try {
        const answer = await sendRest({
          restBase: this.config.restBase,
          method,
          params,
          accessToken: token,
          fetch: this.config.fetch,
          timeoutMs: this.config.timeoutMs,
        });
        answered(answer.time?.duration);
        this.operating.record(method, answer.time);
        return { result: answer.result as T, total: answer.total, next: answer.next, time: answer.time };
      } catch (error) {
        answered();
        if (isTokenRejection(error) && !refreshed) {
          refreshed = true;
          token = await this.config.tokens.afterRejection(token);
          this.config.onEvent?.({ type: "token_refreshed", method });
          attempt--; // the refresh retry is not a backoff attempt
          continue;
        }
        if (error instanceof RateLimitedError) {
          this.limiter.onRateLimited();
          this.config.onEvent?.({ type: "rate_limited", method });
        }
        if (error instanceof OperationTimeLimitError && error.status !== 0) {
          // Refused by the portal (not by our own tracker before sending): remember the block.
          this.operating.refused(method, Date.now());
          error.resetAt = this.operating.resetAt(method);
        }
        const delay = retryDecision(error, attempt, this.retry, Date.now() / 1000, undefined, idempotent);
        if (delay === null) throw error;
        this.config.onEvent?.({ type: "retry", method, code: (error as { code: string }).code, delayMs: delay });
        await this.sleep(delay);
      }
    }
  }

  /**
   * Runs commands in `batch` calls of up to 50; one result or error per command, in order.
   * A command refused inside the batch for rate (QUERY_LIMIT_EXCEEDED) or operating time
   * (OPERATION_TIME_LIMIT: the batch answers 200 and puts the refusal under the command's key in
   * `result_error`, without the 429 — rest_provider.php methodsBatch) is not retried here: the
   * caller decides, and the limiter and the operating tracker learn of it, so the next request
   * waits (b24restdocs settings/performance/limits.md, "How to respond to limit errors").
   */
  batch(commands: readonly BatchCommand[], options: BatchOptions = {}): Promise<BatchItemResult[]> {
    // Each command's run time counts toward its own method's operating limit (docs/bitrix24-platform.md "Batch").
    return runBatch(
      this,
      commands,
      options,
      (method, time) => this.operating.record(method, time),
      async (methods) => {
        const pause = Math.max(0, ...methods.map((m) => this.operating.pauseBefore(m, Date.now())));
        if (pause > 0) await this.sleep(pause);
      },
      (items) => this.learnLimits(items),
    );
  }

  /**
   * How long `method` is blocked for its operating time (ms, 0 = free to call), so that a caller
   * running many methods can send the others meanwhile.
   */
  blockedFor(method: string): number {
    return this.operating.blockedFor(method, Date.now());
  }

  private learnLimits(items: readonly BatchItemResult[]): void {
    let rateLimited = false;
    for (const item of items) {
      if (item.ok) continue;
      if (item.error instanceof RateLimitedError && !rateLimited) {
        rateLimited = true;
        this.limiter.onRateLimited();
        this.config.onEvent?.({ type: "rate_limited", method: item.error.method ?? "batch" });
      }
      if (item.error instanceof OperationTimeLimitError && item.error.method) {
        this.operating.refused(item.error.method, Date.now());
        item.error.resetAt = this.operating.resetAt(item.error.method);
      }
    }
  }

  /** Every record of a list method, by fast ID pagination (order ID asc, filter >ID, start=-1). */
  listAll<T = Record<string, unknown>>(method: string, params: Params = {}, options: ListOptions = {}): Promise<T[]> {
    return listAll<T>(this, method, params, options);
  }

  /** The same, page by page (for progress and for lists too big to hold). */
  listPages<T = Record<string, unknown>>(method: string, params: Params = {}, options: ListOptions = {}): AsyncGenerator<T[]> {
    return listPages<T>(this, method, params, options);
  }
}
