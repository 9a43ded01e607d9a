/**
 * OAuth tokens of portal users, encrypted at rest (lib/crypto.ts), refreshed under a per-portal
 * lock. Bitrix24 refresh tokens are single-use (docs/bitrix24-platform.md "OAuth 2.0"): two processes
 * refreshing at once would both spend the same token and one of them — or the portal — would be
 * left with a dead pair. So a refresh takes `pg_advisory_xact_lock(hashtext(portalId))` inside a
 * transaction (works across processes and machines on one database), re-reads the row after the
 * lock and reuses a token another process just refreshed. Within a process, callers of the same
 * user share one in-flight refresh, so twenty concurrent calls make one request to the OAuth server.
 *
 * Tokens are never logged and never in error messages.
 */
import type { PrismaClient } from "../generated/prisma/client";
import { decryptSecret, encryptSecret, type KeyRing } from "../crypto";
import { NoTokenError, PortalDisconnectedError, UserTokenDeadError } from "./errors";
import type { FetchLike } from "./http";
import { accessTokenExpiry, refreshTokens, RefreshTokenDeadError, type OAuthClientCredentials } from "./oauth";
import type { AccessTokenSource } from "./client";

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scope?: string;
  isAdmin?: boolean;
}

export interface TokenStoreConfig {
  prisma: PrismaClient;
  keys: KeyRing;
  credentials: OAuthClientCredentials;
  fetch?: FetchLike;
  /** Refresh this long before the access token's expiry (default 60 s). */
  refreshMarginMs?: number;
  now?: () => number;
}

interface Cached {
  token: string;
  expiresAt: number;
}

type LockedOutcome = { kind: "token"; token: string; expiresAt: number } | { kind: "user-dead" } | { kind: "dead"; reason: string };

/** The reason an admin sees on a disconnected portal (and what to do about it). */
export const DEAD_REFRESH_REASON =
  "The portal no longer accepts the app's refresh token. A portal administrator must open StaffSuite in Bitrix24 again (or reinstall it) to reconnect.";

export class TokenStore {
  private readonly cache = new Map<string, Cached>();
  private readonly inflight = new Map<string, Promise<Cached>>();
  private readonly margin: number;
  private readonly now: () => number;

  constructor(private readonly config: TokenStoreConfig) {
    this.margin = config.refreshMarginMs ?? 60_000;
    this.now = config.now ?? Date.now;
  }

  /** Stores a user's token pair (from install, the iframe POST, or an OAuth answer), encrypted. */
  async saveTokens(portalId: string, userId: number, pair: TokenPair): Promise<void> {
    const data = {
      accessTokenEnc: encryptSecret(pair.accessToken, this.config.keys),
      refreshTokenEnc: encryptSecret(pair.refreshToken, this.config.keys),
      expiresAt: pair.expiresAt,
      ...(pair.scope !== undefined ? { scope: pair.scope } : {}),
      ...(pair.isAdmin !== undefined ? { isAdmin: pair.isAdmin } : {}),
    };
    await this.config.prisma.portalToken.upsert({
      where: { portalId_userId: { portalId, userId } },
      create: { portalId, userId, ...data },
      update: data,
    });
    this.cache.set(key(portalId, userId), { token: pair.accessToken, expiresAt: pair.expiresAt.getTime() });
  }

  /** A valid access token for the user, refreshed first when it has expired or is about to. */
  async getAccessToken(portalId: string, userId: number): Promise<string> {
    const k = key(portalId, userId);
    const cached = this.cache.get(k);
    if (cached && this.fresh(cached.expiresAt)) return cached.token;
    const row = await this.config.prisma.portalToken.findUnique({ where: { portalId_userId: { portalId, userId } } });
    if (!row) throw new NoTokenError(portalId, userId);
    if (this.fresh(row.expiresAt.getTime())) {
      const c = { token: decryptSecret(row.accessTokenEnc, this.config.keys), expiresAt: row.expiresAt.getTime() };
      this.cache.set(k, c);
      return c.token;
    }
    return (await this.refreshOnce(portalId, userId, null)).token;
  }

  /** The portal refused `rejected` (expired_token / invalid_token): refresh unless someone already did. */
  async refreshAfterRejection(portalId: string, userId: number, rejected: string): Promise<string> {
    return (await this.refreshOnce(portalId, userId, rejected)).token;
  }

  /** The token source a Bitrix24Client uses for this portal user. */
  sourceFor(portalId: string, userId: number): AccessTokenSource {
    return {
      current: () => this.getAccessToken(portalId, userId),
      afterRejection: (rejected) => this.refreshAfterRejection(portalId, userId, rejected),
    };
  }

  /** Marks a portal disconnected: its calls stop until an admin reconnects it. */
  async markDisconnected(portalId: string, reason: string): Promise<void> {
    await this.config.prisma.portal.update({
      where: { id: portalId },
      data: { status: "disconnected", disconnectedAt: new Date(this.now()), disconnectedReason: reason },
    });
  }

  private fresh(expiresAtMs: number): boolean {
    return expiresAtMs - this.margin > this.now();
  }

  /** One refresh per portal user in this process at a time; joiners share its outcome. */
  private refreshOnce(portalId: string, userId: number, rejected: string | null): Promise<Cached> {
    const k = key(portalId, userId);
    let p = this.inflight.get(k);
    if (!p) {
      p = this.refreshLocked(portalId, userId, rejected).finally(() => this.inflight.delete(k));
      this.inflight.set(k, p);
    }
    return p;
  }

  private async refreshLocked(portalId: string, userId: number, rejected: string | null): Promise<Cached> {
    const { prisma, keys } = this.config;
    const outcome = await prisma.$transaction(
      async (tx): Promise<LockedOutcome> => {
        // Per-portal lock across processes; released at commit/rollback.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${portalId}))`;
        const row = await tx.portalToken.findUnique({
          where: { portalId_userId: { portalId, userId } },
          include: { portal: { select: { status: true, serverEndpoint: true } } },
        });
        if (!row) throw new NoTokenError(portalId, userId);
        if (row.portal.status === "disconnected") return { kind: "dead", reason: "" };
        const current = decryptSecret(row.accessTokenEnc, keys);
        // Another process (or an earlier holder of the lock) refreshed while we waited: reuse it.
        const replaced = rejected !== null && current !== rejected;
        if ((rejected === null || replaced) && this.fresh(row.expiresAt.getTime())) {
          return { kind: "token", token: current, expiresAt: row.expiresAt.getTime() };
        }
        let answer;
        try {
          answer = await refreshTokens({
            serverEndpoint: row.portal.serverEndpoint,
            credentials: this.config.credentials,
            refreshToken: decryptSecret(row.refreshTokenEnc, keys),
            fetch: this.config.fetch,
          });
        } catch (e) {
          if (e instanceof RefreshTokenDeadError) {
            // The pair is useless now: forget it. One user's dead token (an employee who has not
            // opened the app for weeks) must not cut off everyone else; the portal is cut off
            // when no admin's token is left to act for it.
            await tx.portalToken.delete({ where: { id: row.id } });
            if ((await tx.portalToken.count({ where: { portalId, isAdmin: true } })) > 0) return { kind: "user-dead" };
            await tx.portal.update({
              where: { id: portalId },
              data: { status: "disconnected", disconnectedAt: new Date(this.now()), disconnectedReason: DEAD_REFRESH_REASON },
            });
            return { kind: "dead", reason: DEAD_REFRESH_REASON };
          }
          throw e;
        }
        const expiresAt = accessTokenExpiry(answer, this.now()).getTime();
        await tx.portalToken.update({
          where: { id: row.id },
          data: {
            accessTokenEnc: encryptSecret(answer.access_token, keys),
            refreshTokenEnc: encryptSecret(answer.refresh_token, keys),
            expiresAt: new Date(expiresAt),
            ...(answer.scope !== undefined ? { scope: answer.scope } : {}),
          },
        });
        return { kind: "token", token: answer.access_token, expiresAt };
      },
      // The lock wait and the OAuth round-trip both happen inside; Prisma's 5 s default is too short.
      { maxWait: 60_000, timeout: 90_000 },
    );
    if (outcome.kind !== "token") this.cache.delete(key(portalId, userId));
    if (outcome.kind === "user-dead") throw new UserTokenDeadError(portalId, userId);
    if (outcome.kind === "dead") {
      const reason = outcome.reason || (await this.disconnectReason(portalId));
      throw new PortalDisconnectedError(portalId, reason);
    }
    const c = { token: outcome.token, expiresAt: outcome.expiresAt };
    this.cache.set(key(portalId, userId), c);
    return c;
  }

  private async disconnectReason(portalId: string): Promise<string> {
    const p = await this.config.prisma.portal.findUnique({ where: { id: portalId }, select: { disconnectedReason: true } });
    return p?.disconnectedReason ?? DEAD_REFRESH_REASON;
  }
}

function key(portalId: string, userId: number): string {
  return `${portalId}:${userId}`;
}
