/**
 * `clientFor(portalId, { userId })`: the REST client that acts as one portal user. Calls made on
 * behalf of a user use that user's token; background jobs pass the admin who started them
 * (JobRun.startedBy), so a job can do no more than that admin could. Every client of a portal
 * shares the portal's rate limiter: with `sharedRateLimit`, every process's clients (one bucket row
 * in PostgreSQL, shared-rate-limiter.ts — the app and workers); otherwise this process's
 * (rate-limiter.ts `limiterFor` — scripts and tests that are the portal's only caller).
 */
import type { PrismaClient } from "../generated/prisma/client";
import { Bitrix24Client, type ClientEvent } from "./client";
import { Bitrix24Error, NoTokenError, PortalDisconnectedError } from "./errors";
import type { FetchLike } from "./http";
import { STANDARD_PLAN, type RateLimitConfig } from "./rate-limiter";
import { sharedLimiterFor, type BucketStore } from "./shared-rate-limiter";
import type { RetryPolicy } from "./retry";
import type { TokenStore } from "./token-store";

export interface ClientFactoryConfig {
  prisma: PrismaClient;
  tokens: TokenStore;
  /** The portal's plan limits (default standard: 50 burst, 2/s). */
  rateLimitFor?: (portalId: string) => RateLimitConfig;
  /** Pace by the portal's bucket shared with our other processes (RateBucket) rather than this process's alone. */
  sharedRateLimit?: boolean;
  /** Where the shared bucket is read (default: through `prisma`; the app passes its own small pool, pgBucketStore). */
  bucketStore?: BucketStore;
  retry?: RetryPolicy;
  fetch?: FetchLike;
  onEvent?: (event: ClientEvent) => void;
}

/** What a client needs of the portal's row; a caller that has just read it passes it along. */
export interface ClientPortalRow {
  status: string;
  clientEndpoint: string;
  disconnectedReason: string | null;
}

export interface ClientFactory {
  /**
   * A client acting as `userId` on the portal. Throws PortalDisconnectedError for a disconnected portal.
   * `portal`: the portal's row as the caller read it in this request (saves a second read of it).
   */
  clientFor(portalId: string, options: { userId: number; portal?: ClientPortalRow }): Promise<Bitrix24Client>;
  /** A client acting as some admin with a stored token (for event handlers with no user behind them). */
  adminClientFor(portalId: string): Promise<Bitrix24Client>;
}

export function createClientFactory(config: ClientFactoryConfig): ClientFactory {
  async function build(portalId: string, userId: number, known?: ClientPortalRow): Promise<Bitrix24Client> {
    const portal =
      known ??
      (await config.prisma.portal.findUnique({
        where: { id: portalId },
        select: { status: true, clientEndpoint: true, disconnectedReason: true },
      }));
    if (!portal) throw new Bitrix24Error("PORTAL_NOT_FOUND", "No such portal", 0);
    if (portal.status === "disconnected") throw new PortalDisconnectedError(portalId, portal.disconnectedReason ?? "");
    const rateLimit = config.rateLimitFor?.(portalId) ?? STANDARD_PLAN;
    return new Bitrix24Client({
      restBase: portal.clientEndpoint,
      portalKey: portalId,
      tokens: config.tokens.sourceFor(portalId, userId),
      rateLimit,
      limiter: config.sharedRateLimit ? sharedLimiterFor(config.bucketStore ?? config.prisma, portalId, rateLimit) : undefined,
      retry: config.retry,
      fetch: config.fetch,
      onEvent: config.onEvent,
    });
  }

  return {
    clientFor: (portalId, { userId, portal }) => build(portalId, userId, portal),
    async adminClientFor(portalId) {
      const row = await config.prisma.portalToken.findFirst({
        where: { portalId, isAdmin: true },
        orderBy: { updatedAt: "desc" },
        select: { userId: true },
      });
      if (!row) throw new NoTokenError(portalId, 0);
      return build(portalId, row.userId);
    },
  };
}
