/**
 * Ending extension sessions (the Mail page lists them: ./page.ts). A revoked row keeps why it ended
 * (`revokedReason`), so the extension's next request is told who ended it (./errors.ts
 * sessionEndedError) until the retention purge deletes the row 30 days later.
 *
 * - its user: Disconnect in the extension ("disconnected"), or the Mail page ("revoked");
 * - an administrator, on the Mail page, any session of the portal ("revoked_by_admin");
 * - the portal: its user was dismissed ("dismissed": the dismissal watch, or the first request
 *   the portal refused, ./refusals.ts);
 * - Chrome, opening the uninstall address when the extension is removed ("uninstalled", ./uninstall.ts).
 */
import { nowOf, type MailDeps } from "./deps";
import type { RevokeReason } from "./errors";
import { forgetSession } from "./sessions";

type Db = Pick<MailDeps, "prisma" | "now">;

/** Revokes one session of this user in this portal (another user's session id matches nothing). */
export async function revokeSession(
  deps: Db,
  owner: { portalId: string; userId: number },
  sessionId: string,
  reason: Extract<RevokeReason, "disconnected" | "revoked"> = "revoked",
): Promise<boolean> {
  const r = await deps.prisma.extensionSession.updateMany({
    where: { id: sessionId, portalId: owner.portalId, userId: owner.userId, revokedAt: null },
    data: { revokedAt: new Date(nowOf(deps)), revokedReason: reason, uninstallCodeHash: null },
  });
  if (r.count === 1) forgetSession(sessionId);
  return r.count === 1;
}

/** An administrator revokes any session of their portal (the caller checked they are one, on the server). */
export async function revokePortalSession(deps: Db, portalId: string, sessionId: string): Promise<boolean> {
  const r = await deps.prisma.extensionSession.updateMany({
    where: { id: sessionId, portalId, revokedAt: null },
    data: { revokedAt: new Date(nowOf(deps)), revokedReason: "revoked_by_admin", uninstallCodeHash: null },
  });
  if (r.count === 1) forgetSession(sessionId);
  return r.count === 1;
}

/** Ends every session of these portal users (dismissed): returns how many were live. */
export async function revokeUsersSessions(deps: Db, portalId: string, userIds: number[], reason: Extract<RevokeReason, "dismissed">): Promise<number> {
  if (userIds.length === 0) return 0;
  const ended = await deps.prisma.extensionSession.findMany({ where: { portalId, userId: { in: userIds }, revokedAt: null }, select: { id: true } });
  if (ended.length === 0) return 0;
  await deps.prisma.extensionSession.updateMany({
    where: { id: { in: ended.map((s) => s.id) }, revokedAt: null },
    data: { revokedAt: new Date(nowOf(deps)), revokedReason: reason, uninstallCodeHash: null },
  });
  for (const s of ended) forgetSession(s.id);
  return ended.length;
}
