/**
 * Forgetting a portal: on ONAPPUNINSTALL (whatever data[CLEAN] says) and on an administrator's
 * request. Every portal-owned table cascades from Portal, so one delete removes it all in one
 * transaction. Queued pg-boss jobs of the portal need no cleanup: their JobRun rows go with the
 * portal, and the worker skips a job whose JobRun is gone.
 */
import type { PrismaClient } from "../db";

export async function deletePortalData(prisma: PrismaClient, portalId: string): Promise<boolean> {
  const { count } = await prisma.portal.deleteMany({ where: { id: portalId } });
  return count > 0;
}
