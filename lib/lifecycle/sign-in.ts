/**
 * Sign-in inside the iframe: the portal POSTs to the handler URL each time a user opens the app.
 * After verification the user gets a session for that portal, and their fresh tokens are stored
 * so calls on their behalf use their own rights.
 */
import type { PortalSession } from "../auth";
import { resolveLang } from "../i18n";
import type { LifecycleDeps } from "./deps";
import type { PortalPost } from "./portal-post";
import { upsertPortal } from "./portals";
import { PortalAuthError, verifyPortalAuth } from "./verify-portal-auth";

export async function signInFromPost(deps: LifecycleDeps, post: PortalPost): Promise<PortalSession> {
  const verified = await verifyPortalAuth({ accessToken: post.AUTH_ID, refreshToken: post.REFRESH_ID, memberId: post.member_id, domain: post.DOMAIN }, deps);
  const known = await deps.prisma.portal.findUnique({ where: { memberId: verified.memberId }, select: { id: true } });
  // A portal we have no record of has not run the install (or deleted its data): an admin must
  // open the app once so that the install URL sets it up again.
  if (!known) throw new PortalAuthError("the app is not set up in this portal yet — a portal administrator must open it first");
  const lang = resolveLang(post.LANG);
  const portalId = await upsertPortal(deps, verified, { lang });
  return { portalId, memberId: verified.memberId, userId: verified.userId, userName: verified.userName, isAdmin: verified.isAdmin, lang };
}
