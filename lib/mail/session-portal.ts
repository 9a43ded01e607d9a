/** The portal an extension session (or a portal page) acts in, and a REST client as its user. */
import type { MailDeps } from "./deps";
import { MailUnauthorizedError } from "./errors";
import { SESSION_PORTAL_SELECT, type SessionPortal } from "./sessions";

/** The session's portal: its address (for links) and language. */
export async function sessionPortal(deps: Pick<MailDeps, "prisma">, auth: { portalId: string; portal?: SessionPortal }): Promise<SessionPortal> {
  if (auth.portal) return auth.portal; // read with the session (authenticate)
  const portal = await deps.prisma.portal.findUnique({ where: { id: auth.portalId }, select: SESSION_PORTAL_SELECT });
  if (!portal) throw new MailUnauthorizedError("StaffSuite is no longer installed in this Bitrix24");
  return portal;
}

/** The session's portal and a REST client acting as its user (no second read of the portal's row). */
export async function portalContext(deps: MailDeps, auth: { portalId: string; userId: number; portal?: SessionPortal }) {
  const portal = await sessionPortal(deps, auth);
  const client = await deps.clients.clientFor(auth.portalId, { userId: auth.userId, portal });
  return { portal, client };
}
