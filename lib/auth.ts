/**
 * Sessions of people using the app inside the Bitrix24 iframe. A session is issued only after
 * the portal's POST was checked against Bitrix24 itself (lib/lifecycle: sign-in); it is a
 * next-auth JWT (encrypted, A256GCM) in a cookie that works in a cross-site iframe:
 * SameSite=None; Secure; Partitioned (CHIPS), so it is keyed to the portal's site.
 */
import { cookies } from "next/headers";
import type { AuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { requireSetting } from "./env";
import { ForbiddenError, UnauthorizedError } from "./errors";
import { resolveLang, type Lang } from "./i18n";

export { ForbiddenError, UnauthorizedError } from "./errors";

export interface PortalSession {
  portalId: string;
  memberId: string;
  userId: number;
  /** "First Last" from the portal at sign-in, for the UI; empty when the portal has none. */
  userName: string;
  isAdmin: boolean;
  lang: Lang;
}

export const SESSION_COOKIE = "staffsuite.session";
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Cookie attributes for a third-party iframe: without SameSite=None and Secure Chromium drops it. */
export const SESSION_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "none" as const,
  secure: true,
  partitioned: true,
  path: "/",
  maxAge: SESSION_MAX_AGE_SECONDS,
};

function secret(): string {
  return requireSetting("NEXTAUTH_SECRET");
}

/** The encrypted cookie value for a verified session. */
export async function encodeSession(session: PortalSession): Promise<string> {
  return encode({ token: { sub: `${session.portalId}:${session.userId}`, ...session }, secret: secret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function decodeSession(value: string | undefined): Promise<PortalSession | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: secret() });
    if (!token || typeof token.portalId !== "string" || typeof token.userId !== "number") return null;
    return {
      portalId: token.portalId,
      memberId: String(token.memberId ?? ""),
      userId: token.userId,
      userName: typeof token.userName === "string" ? token.userName : "",
      isAdmin: token.isAdmin === true,
      lang: resolveLang(String(token.lang ?? "en")),
    };
  } catch {
    return null; // tampered, expired or made with another secret
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

/** Admin-only actions check here, on the server, whatever the UI showed. */
export async function requireAdmin(): Promise<PortalSession> {
  const session = await requireSession();
  if (!session.isAdmin) throw new ForbiddenError();
  return session;
}

/**
 * next-auth's own view of the same cookie (GET /api/auth/session for client components).
 * Sign-in happens only through the portal POST, so there are no providers to choose from.
 */
export function authOptions(): AuthOptions {
  return {
    secret: secret(),
    providers: [],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: SESSION_COOKIE_OPTIONS } },
    callbacks: {
      session({ session, token }) {
        return { ...session, portalId: token.portalId, userId: token.userId, isAdmin: token.isAdmin, lang: token.lang };
      },
    },
  };
}
