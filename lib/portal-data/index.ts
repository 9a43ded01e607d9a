// What we keep about a portal: the report admins see, deleting it all, and retention.
import { getPrisma } from "../db";
import { deletePortalData as deleteWith } from "./delete";
import { describePortalData as describeWith, type PortalDataReport } from "./describe";
import { retentionJob } from "./retention";

export { purgeExpired, scheduleRetention, RETENTION, type PurgeCounts } from "./retention";
export type { PortalDataReport } from "./describe";

/** Deletes every row of the portal (all tables cascade from Portal). */
export function deletePortalData(portalId: string): Promise<boolean> {
  return deleteWith(getPrisma(), portalId);
}

/** What we store about the portal, for its administrators. */
export function describePortalData(portalId: string): Promise<PortalDataReport | null> {
  return describeWith(getPrisma(), portalId);
}

/** The nightly purge of expired data (listed in lib/job-catalogue.ts). */
export const retentionPurgeJob = retentionJob(() => getPrisma());
