"use server";

import { deletePortalDataConfirmed, deletionConfirmationSchema } from "@/lib/portal-data";
import { logger } from "@/lib/log";
import { services } from "@/lib/services";
import { Refused } from "@/lib/errors";
import { portalAction, succeed } from "../server-action";

const log = logger("settings");

/**
 * The admin's "delete all our data": the typed portal address confirms it. A non-admin gets
 * HTTP 403 (forbidden()) and nothing is deleted; the check is here, whatever the UI showed, it
 * comes before the input is read, and it asks the portal afresh (destructive).
 */
export const deleteAllPortalData = portalAction({ destructive: true, input: deletionConfirmationSchema }, async (typed, session) => {
  const { prisma, jobs } = services();
  const outcome = await deletePortalDataConfirmed({ prisma, boss: jobs.boss }, session.portalId, typed);
  if (outcome.kind === "mismatch") throw new Refused("settings.refused.mismatch", { params: { domain: outcome.domain } });
  // "missing": deleted already (another tab, or ONAPPUNINSTALL): the admin's wish holds.
  log.info("all data deleted on an administrator's request", { portalId: session.portalId, userId: session.userId });
  return succeed();
});
