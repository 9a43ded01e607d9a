// What we keep about a portal: the report its admins see, deleting all of it, and retention.
import type PgBoss from "pg-boss";
import { getPrisma } from "../db";
import { env } from "../env";
import { getBoss } from "../jobs";
import { confirmsPortalDomain } from "./confirmation";
import { deletePortalData as deleteWith, type PortalDataDeletion } from "./delete";
import { describePortalData as describeWith, type PortalDataReport } from "./describe";
import { retentionJob, scheduleRetention as scheduleWith } from "./retention";

export { RETENTION } from "./retention-rules";
export { deletionConfirmationSchema } from "./confirmation";
export type { PurgeCounts } from "./retention";
export type { PortalDataReport } from "./describe";
export type { PortalDataDeletion } from "./delete";

function processBoss(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (!url) return Promise.reject(new Error("DATABASE_URL is not set"));
  return getBoss(url);
}

/** Deletes every row of the portal in one transaction (ONAPPUNINSTALL, admin request) and cancels its queued jobs. */
export function deletePortalData(portalId: string): Promise<PortalDataDeletion> {
  return deleteWith({ prisma: getPrisma(), boss: processBoss }, portalId);
}

export type ConfirmedDeletion = { kind: "deleted" } | { kind: "mismatch" } | { kind: "missing" };

/** Deletes the portal's data only if `typed` is the portal's domain (the admin's confirmation). */
export async function deletePortalDataConfirmed(portalId: string, typed: string): Promise<ConfirmedDeletion> {
  const portal = await getPrisma().portal.findUnique({ where: { id: portalId }, select: { domain: true } });
  if (!portal) return { kind: "missing" };
  if (!confirmsPortalDomain(typed, portal.domain)) return { kind: "mismatch" };
  const { deleted } = await deletePortalData(portalId);
  return deleted ? { kind: "deleted" } : { kind: "missing" };
}

/** What we store about the portal, for its administrators; null once it is deleted. */
export function describePortalData(portalId: string): Promise<PortalDataReport | null> {
  return describeWith(getPrisma(), portalId);
}

/** The daily purge of expired data (listed in lib/job-catalogue.ts). */
export const retentionPurgeJob = retentionJob(() => getPrisma());

/** Declares the daily `retention.purge` cron; call at start of every process that starts pg-boss, after ensureQueues(). */
export function scheduleRetention(boss: PgBoss): Promise<void> {
  return scheduleWith(getPrisma(), boss);
}
