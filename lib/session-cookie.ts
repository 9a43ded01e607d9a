/**
 * The session cookie itself: what a verified portal POST puts in it, how it is sealed (a
 * next-auth JWT, encrypted A256GCM with NEXTAUTH_SECRET) and read back. No database or portal
 * call here, so the proxy (proxy.ts) can read it on every request; lib/auth.ts is the front door.
 */
import { decode, encode } from "next-auth/jwt";
import { requireSetting } from "./env";
import { resolveLang, type Lang } from "./i18n";

export interface PortalSession {
  portalId: string;
  memberId: string;
  userId: number;
  /** "First Last" from the portal at sign-in, for the UI; empty when the portal has none. */
  userName: string;
  isAdmin: boolean;
  /** The user's language (their open's LANG); the portal's own is not changed by it. */
  lang: Lang;
  /** The verified portal's web origin: the only page allowed to frame ours (proxy.ts). */
  portalOrigin: string;
  /** When the portal's POST was verified (ms since the epoch): the session's absolute start. */
  signedInAt: number;
}

export const SESSION_COOKIE = "staffsuite.session";
/** Absolute: from the sign-in, never extended. */
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

/** Seconds the session has left (0 when over). */
export function sessionSecondsLeft(session: Pick<PortalSession, "signedInAt">, now = Date.now()): number {
  return Math.max(0, Math.floor((session.signedInAt + SESSION_MAX_AGE_SECONDS * 1000 - now) / 1000));
}

/** The encrypted cookie value for a verified session; it expires with the session, not later. */
export async function encodeSession(session: PortalSession): Promise<string> {
  return encode({ token: { sub: `${session.portalId}:${session.userId}`, ...session }, secret: secret(), maxAge: Math.max(1, sessionSecondsLeft(session)) });
}

export async function decodeSession(value: string | undefined): Promise<PortalSession | null> {
  if (!value || value.length > 8192) return null;
  try {
    const token = await decode({ token: value, secret: secret() });
    if (!token || typeof token.portalId !== "string" || typeof token.userId !== "number") return null;
    if (typeof token.portalOrigin !== "string" || typeof token.signedInAt !== "number") return null; // issued before both existed
    const session: PortalSession = {
      portalId: token.portalId,
      memberId: String(token.memberId ?? ""),
      userId: token.userId,
      userName: typeof token.userName === "string" ? token.userName : "",
      isAdmin: token.isAdmin === true,
      lang: resolveLang(String(token.lang ?? "en")),
      portalOrigin: token.portalOrigin,
      signedInAt: token.signedInAt,
    };
    // The JWT's own `exp` is renewable by whoever re-encodes it; the sign-in time is not.
    return sessionSecondsLeft(session) > 0 ? session : null;
  } catch {
    return null; // tampered, expired or made with another secret
  }
}

/** The session in a Cookie header (route handlers and the proxy, which read the request). */
export function sessionCookieOf(headers: Headers): string | undefined {
  const header = headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === SESSION_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}
