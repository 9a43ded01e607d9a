// What we keep about a portal: the report its admins see, deleting all of it, and retention.
// Functions take the services they need (app/ passes lib/services.ts's; tests their own).
import { confirmsPortalDomain } from "./confirmation";
import { deletePortalData, type DeletePortalDataDeps } from "./delete";

export { RETENTION } from "./retention-rules";
export { deletionConfirmationSchema } from "./confirmation";
export { retentionPurgeJob, scheduleRetention } from "./retention";
export { describePortalData } from "./describe";
export { deletePortalData } from "./delete";

export type ConfirmedDeletion = { kind: "deleted" } | { kind: "mismatch"; domain: string } | { kind: "missing" };

/** Deletes the portal's data only if `typed` is the portal's domain (the admin's confirmation). */
export async function deletePortalDataConfirmed(deps: DeletePortalDataDeps, portalId: string, typed: string): Promise<ConfirmedDeletion> {
  const portal = await deps.prisma.portal.findUnique({ where: { id: portalId }, select: { domain: true } });
  if (!portal) return { kind: "missing" };
  if (!confirmsPortalDomain(typed, portal.domain)) return { kind: "mismatch", domain: portal.domain };
  const { deleted } = await deletePortalData(deps, portalId);
  return deleted ? { kind: "deleted" } : { kind: "missing" };
}
