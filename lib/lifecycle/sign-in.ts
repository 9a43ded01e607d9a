/**
 * Sign-in inside the iframe: the portal POSTs to the handler URL each time a user opens the app.
 * After verification the user gets a session for that portal, and their fresh tokens are stored
 * so calls on their behalf use their own rights.
 */
import type { PortalSession } from "../auth";
import { resolveLang, type Lang } from "../i18n";
import type { LifecycleDeps } from "./deps";
import type { PortalPost } from "./portal-post";
import { upsertPortal } from "./portals";
import { PortalNotSetUpError, verifyPortalAuth, type VerifiedPortalUser } from "./verify-portal-auth";

export async function signInFromPost(deps: LifecycleDeps, post: PortalPost): Promise<PortalSession> {
  const verified = await verifyPortalAuth({ accessToken: post.AUTH_ID, refreshToken: post.REFRESH_ID, memberId: post.member_id, domain: post.DOMAIN }, deps);
  const known = await deps.prisma.portal.findUnique({ where: { memberId: verified.memberId }, select: { id: true } });
  // A portal we have no record of never ran the install, or an administrator deleted all its
  // data (Settings). The portal sends the install URL only to an app it has not installed, and
  // the application_token that authenticates its events arrives only with ONAPPINSTALL, so the
  // one safe way back is a reinstall in the portal (docs/security.md "After delete all data").
  if (!known) throw new PortalNotSetUpError();
  // The user's LANG is theirs (the session's), not the portal's: the portal keeps the language
  // of its install.
  const portalId = await upsertPortal(deps, verified);
  return sessionOf(verified, portalId, resolveLang(post.LANG));
}

/** What the session cookie keeps of a verified open (lib/session-cookie.ts). */
export function sessionOf(verified: VerifiedPortalUser, portalId: string, lang: Lang): PortalSession {
  return {
    portalId,
    memberId: verified.memberId,
    userId: verified.userId,
    userName: verified.userName,
    isAdmin: verified.isAdmin,
    lang,
    portalOrigin: verified.origin,
    signedInAt: Date.now(),
  };
}
