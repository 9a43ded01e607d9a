/**
 * Sessions of people using the app inside the Bitrix24 iframe. A session is issued only after
 * the portal's POST was checked against Bitrix24 itself (lib/lifecycle: sign-in); it is a
 * next-auth JWT (encrypted, A256GCM) in a cookie that works in a cross-site iframe:
 * SameSite=None; Secure; Partitioned (CHIPS), so it is keyed to the portal's site.
 *
 * A session lives SESSION_MAX_AGE_SECONDS from the sign-in, whatever happens after: nothing
 * re-issues it (opening the app again signs in anew). Admin rights are asked of the portal again
 * before admin actions (lib/admin-rights.ts, through app/(portal)/guards.ts), whatever the
 * session remembers.
 */
import { cookies } from "next/headers";
import { UnauthorizedError } from "./errors";
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

export { ForbiddenError, UnauthorizedError } from "./errors";

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
