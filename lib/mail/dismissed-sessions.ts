/**
 * The hourly check that ends dismissed people's extension sessions (issue 22: "revoked
 * automatically"). A dismissed user's own token is refused by the portal, so their first request
 * already ends their sessions (./refusals.ts); this ends them too when no request comes — a
 * browser left on, a session an administrator looks at. For each portal with live sessions, one
 * user.get as an administrator for the dismissed employees among their owners (lib/people's
 * filter, 50 IDs a call); theirs are revoked ("dismissed"). A portal that cannot be asked is left
 * for the next hour.
 */
import { DISMISSED_EMPLOYEES } from "../people";
import { nowOf, type MailDeps } from "./deps";
import { revokeUsersSessions } from "./revocation";

export async function endDismissedSessions(deps: Pick<MailDeps, "prisma" | "clients" | "now">): Promise<{ portals: number; ended: number }> {
  const now = new Date(nowOf(deps));
  const live = await deps.prisma.extensionSession.findMany({
    where: { revokedAt: null, claimedAt: { not: null }, expiresAt: { gt: now }, portal: { status: "active" } },
    select: { portalId: true, userId: true },
    distinct: ["portalId", "userId"],
  });
  const byPortal = new Map<string, number[]>();
  for (const s of live) byPortal.set(s.portalId, [...(byPortal.get(s.portalId) ?? []), s.userId]);
  let ended = 0;
  for (const [portalId, userIds] of byPortal) {
    try {
      const admin = await deps.clients.adminClientFor(portalId);
      const dismissed: number[] = [];
      for (let i = 0; i < userIds.length; i += 50) {
        const { result } = await admin.call<Array<{ ID: string | number }>>("user.get", { FILTER: { ...DISMISSED_EMPLOYEES, ID: userIds.slice(i, i + 50) } });
        for (const u of Array.isArray(result) ? result : []) dismissed.push(Number(u.ID));
      }
      ended += await revokeUsersSessions(deps, portalId, dismissed, "dismissed");
    } catch {
      // Disconnected, no administrator's token, the portal failing: the next hour asks again.
    }
  }
  return { portals: byPortal.size, ended };
}
