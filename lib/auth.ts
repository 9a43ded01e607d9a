/**
 * Sessions of people using the app inside the Bitrix24 iframe. A session is issued only after
 * the portal's POST was checked against Bitrix24 itself (lib/lifecycle: sign-in); it is a
 * next-auth JWT (encrypted, A256GCM) in a cookie that works in a cross-site iframe:
 * SameSite=None; Secure; Partitioned (CHIPS), so it is keyed to the portal's site.
 *
 * A session lives SESSION_MAX_AGE_SECONDS from the sign-in, whatever happens after: nothing
 * re-issues it (opening the app again signs in anew). Admin rights are asked of the portal again
 * before admin actions (lib/admin-rights.ts), whatever the session remembers.
 */
import { cookies } from "next/headers";
import { createAdminRights, ADMIN_RECHECK_MAX_AGE_MS, type AdminRights } from "./admin-rights";
import { bitrix24 } from "./bitrix24";
import { decodeSession, SESSION_COOKIE, type PortalSession } from "./session-cookie";

export {
  decodeSession,
  encodeSession,
  sessionCookieOf,
  sessionSecondsLeft,
  SESSION_COOKIE,
  SESSION_COOKIE_OPTIONS,
  SESSION_MAX_AGE_SECONDS,
  type PortalSession,
} from "./session-cookie";

export class UnauthorizedError extends Error {
  readonly status = 401;
  constructor(message = "No session: open the app from the Bitrix24 portal") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "Portal administrators only") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The current request's session, or null (server components, actions, route handlers). */
export async function readSession(): Promise<PortalSession | null> {
  const jar = await cookies();
  return decodeSession(jar.get(SESSION_COOKIE)?.value);
}

export async function requireSession(): Promise<PortalSession> {
  const session = await readSession();
  if (!session) throw new UnauthorizedError();
  return session;
}

let adminRights: AdminRights | undefined;

/** The process's admin re-check (one cache for every request). */
export function processAdminRights(): AdminRights {
  return (adminRights ??= createAdminRights(bitrix24()));
}

/**
 * Admin-only actions check here, on the server, whatever the UI showed: the session must say
 * administrator AND the portal must still say so (asked at most ADMIN_RECHECK_MAX_AGE_MS ago;
 * `destructive` always asks).
 */
export async function requireAdmin(options: { destructive?: boolean } = {}): Promise<PortalSession> {
  const session = await requireSession();
  if (!session.isAdmin) throw new ForbiddenError();
  const stillAdmin = await processAdminRights().isStillAdmin(session, { maxAgeMs: options.destructive ? 0 : ADMIN_RECHECK_MAX_AGE_MS });
  if (!stillAdmin) throw new ForbiddenError();
  return session;
}
