/**
 * Extension sessions: the only credential the browser holds. A session token is 256 random bits,
 * stored as its SHA-256 only, bound to one portal user, with an expiry; revoking it is a row
 * update that the next request sees. The portal's OAuth tokens never leave the server.
 *
 * Connecting happens in two steps so that no token travels in a URL: the OAuth callback stores a
 * pending row keyed by a one-time claim code (its hash) and the extension's challenge (SHA-256 of
 * a verifier only the extension knows, as in PKCE, RFC 7636); the extension then claims the
 * session with code + verifier and only then gets the token.
 */
import { createHash } from "node:crypto";
import { generateToken, hashToken } from "../crypto";
import { nowOf, type MailDeps } from "./deps";
import { MailUnauthorizedError, sessionEndedError } from "./errors";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
export const CLAIM_TTL_MS = 5 * 60 * 1000;
/** lastUsedAt is written at most this often per session (not on every lookup). */
const TOUCH_EVERY_MS = 60_000;

export interface ExtensionAuth {
  sessionId: string;
  portalId: string;
  userId: number;
}

/** What a request needs of the session's portal: links, language, and what the REST client needs. */
export const SESSION_PORTAL_SELECT = {
  id: true,
  domain: true,
  protocol: true,
  lang: true,
  status: true,
  clientEndpoint: true,
  disconnectedReason: true,
} as const;

export interface SessionPortal {
  id: string;
  domain: string;
  protocol: string;
  lang: string;
  status: string;
  clientEndpoint: string;
  disconnectedReason: string | null;
}

/** The session's columns and its portal's (named as in SessionPortal), from one raw query. */
interface SessionRow extends Omit<SessionPortal, "id"> {
  id: string;
  portalId: string;
  userId: number;
  claimedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedReason: string | null;
}

/** A live session and its portal, read together: one database round-trip per request. */
export interface AuthenticatedSession extends ExtensionAuth {
  portal: SessionPortal;
}

/** base64url(SHA-256(verifier)): the challenge the extension sent when it started connecting. */
export function challengeOf(verifier: string): string {
  return createHash("sha256").update(verifier, "utf8").digest("base64url");
}

/** Stores a pending session for a verified portal user; returns the one-time claim code. */
export async function createPendingSession(deps: MailDeps, args: { portalId: string; userId: number; challenge: string; label: string }): Promise<string> {
  const code = generateToken(24);
  await deps.prisma.extensionSession.create({
    data: {
      portalId: args.portalId,
      userId: args.userId,
      tokenHash: hashToken(`claim:${code}`),
      claimChallenge: args.challenge,
      label: args.label.slice(0, 80),
      expiresAt: new Date(nowOf(deps) + CLAIM_TTL_MS),
    },
  });
  return code;
}

/** What we keep of an uninstall address's one-time code (./uninstall.ts). */
export const uninstallCodeHash = (code: string) => hashToken(`uninstall:${code}`);

/** Swaps a claim code + verifier for the session token (once), and the code of its uninstall address (./uninstall.ts). */
export async function claimSession(
  deps: Pick<MailDeps, "prisma" | "now">,
  args: { code: string; verifier: string },
): Promise<{ token: string; expiresAt: Date; auth: ExtensionAuth; uninstallCode: string }> {
  const now = new Date(nowOf(deps));
  const token = generateToken(32);
  const uninstallCode = generateToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const claimHash = hashToken(`claim:${args.code}`);
  // One conditional update: a second claim of the same code, a wrong verifier or an expired
  // code all match no row.
  const updated = await deps.prisma.extensionSession.updateMany({
    where: { tokenHash: claimHash, claimChallenge: challengeOf(args.verifier), claimedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: {
      tokenHash: hashToken(token),
      claimChallenge: null,
      claimedAt: now,
      expiresAt,
      lastUsedAt: now,
      uninstallCodeHash: uninstallCodeHash(uninstallCode),
    },
  });
  if (updated.count !== 1) throw new MailUnauthorizedError("This sign-in link has expired or was used already: connect again");
  const row = await deps.prisma.extensionSession.findUniqueOrThrow({
    where: { tokenHash: hashToken(token) },
    select: { id: true, portalId: true, userId: true },
  });
  return { token, expiresAt, auth: { sessionId: row.id, portalId: row.portalId, userId: row.userId }, uninstallCode };
}

/**
 * Sessions this process read in the last AUTH_REUSE_MS, by token hash. A sidebar sends requests in
 * bursts (a thread opens: lookup, pipelines; the user flips through threads), and under load the
 * database round-trip — not our CPU — is what a request waits for (npm run bench:mail). A reused
 * row is still checked for expiry; revoking in this process (disconnect, the Mail page) drops it at
 * once, so the next request is refused; a session deleted by another process (retention, a
 * portal's data erased) stops working within AUTH_REUSE_MS.
 */
const AUTH_REUSE_MS = 2_000;
const MAX_REUSED = 10_000;
// On globalThis: Next.js may bundle this module once for route handlers and again for server
// actions, and a revoke on the Mail page (an action) must drop what the API (a route) reuses.
const REUSED = Symbol.for("staffsuite.mail.reusedSessions");
type Reused = Map<string, { at: number; row: SessionRow }>;
const reused = ((globalThis as Record<symbol, unknown>)[REUSED] ??= new Map()) as Reused;

// Bumped by every revoke: a read that was in flight meanwhile may predate it and is not reused.
const EPOCH = Symbol.for("staffsuite.mail.revokeEpoch");
const epoch = () => ((globalThis as Record<symbol, unknown>)[EPOCH] as number | undefined) ?? 0;

/** Drops a revoked session from what this process reuses (./revocation.ts calls it after every revoke). */
export function forgetSession(sessionId: string): void {
  (globalThis as Record<symbol, unknown>)[EPOCH] = epoch() + 1;
  for (const [hash, hit] of reused) if (hit.row.id === sessionId) reused.delete(hash);
}

/**
 * Token hashes asked for in the same turn of the event loop, read with one query: when many
 * sidebars ask at once (everyone opens Gmail at nine), one round-trip serves them all instead of
 * each waiting its turn for a pooled connection.
 */
type Waiter = { resolve(row: SessionRow | undefined): void; reject(error: unknown): void };
const pendingReads = new WeakMap<object, Map<string, Waiter[]>>();

function loadSessionRow(prisma: MailDeps["prisma"], tokenHash: string): Promise<SessionRow | undefined> {
  let batch = pendingReads.get(prisma);
  if (!batch) {
    const fresh = new Map<string, Waiter[]>();
    pendingReads.set(prisma, fresh);
    setImmediate(() => void readBatch(prisma, fresh));
    batch = fresh;
  }
  const waiters = batch.get(tokenHash) ?? [];
  batch.set(tokenHash, waiters);
  return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
}

async function readBatch(prisma: MailDeps["prisma"], batch: Map<string, Waiter[]>): Promise<void> {
  pendingReads.delete(prisma);
  try {
    // Raw SQL: the hot path of every extension request, and Prisma's query compiler costs more
    // CPU per call than the query itself (about 1 ms per request, npm run bench:mail --cpu-prof).
    const rows = await prisma.$queryRaw<Array<SessionRow & { tokenHash: string }>>`
      SELECT s."tokenHash", s."id", s."portalId", s."userId", s."claimedAt", s."revokedAt", s."revokedReason", s."expiresAt", s."lastUsedAt",
             p."domain", p."protocol", p."lang", p."status"::text AS "status", p."clientEndpoint", p."disconnectedReason"
      FROM "ExtensionSession" s JOIN "Portal" p ON p."id" = s."portalId"
      WHERE s."tokenHash" = ANY(${[...batch.keys()]}::text[])`;
    const byHash = new Map(rows.map(({ tokenHash, ...row }) => [tokenHash, row]));
    for (const [hash, waiters] of batch) for (const w of waiters) w.resolve(byHash.get(hash));
  } catch (error) {
    for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
  }
}

async function readSession(deps: MailDeps, tokenHash: string): Promise<SessionRow | undefined> {
  const at = performance.now(); // monotonic: a test's clock (deps.now) moves expiry, not reuse
  const hit = reused.get(tokenHash);
  if (hit && at - hit.at < AUTH_REUSE_MS) return hit.row;
  const before = epoch();
  const row = await loadSessionRow(deps.prisma, tokenHash);
  if (row && row.claimedAt && !row.revokedAt && epoch() === before) {
    if (reused.size >= MAX_REUSED) for (const [k, v] of reused) if (at - v.at >= AUTH_REUSE_MS || reused.size >= MAX_REUSED) reused.delete(k);
    reused.set(tokenHash, { at, row });
  } else reused.delete(tokenHash);
  return row;
}

/**
 * Reads `Authorization: Bearer …`; throws MailUnauthorizedError for anything but a live session —
 * or, for a session someone ended (the Mail page, an administrator, the dismissal of its user),
 * the error that says so, so that the sidebar can tell its user why it stopped.
 * The session and its portal come in one query (shared by the requests of the same moment, or
 * reused from the last two seconds, above).
 */
export async function authenticate(deps: MailDeps, authorization: string | null): Promise<AuthenticatedSession> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? "");
  if (!match) throw new MailUnauthorizedError();
  const row = await readSession(deps, hashToken(match[1]));
  const now = nowOf(deps);
  if (row?.claimedAt && row.revokedAt) throw sessionEndedError(row.revokedReason);
  if (!row || !row.claimedAt || row.expiresAt.getTime() <= now) throw new MailUnauthorizedError();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    row.lastUsedAt = new Date(now);
    await deps.prisma.extensionSession.update({ where: { id: row.id }, data: { lastUsedAt: row.lastUsedAt } });
  }
  const portal: SessionPortal = {
    id: row.portalId,
    domain: row.domain,
    protocol: row.protocol,
    lang: row.lang,
    status: row.status,
    clientEndpoint: row.clientEndpoint,
    disconnectedReason: row.disconnectedReason,
  };
  return { sessionId: row.id, portalId: row.portalId, userId: row.userId, portal };
}
