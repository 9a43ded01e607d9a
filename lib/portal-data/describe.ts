/**
 * What we store about one portal, as facts and counts an administrator can check against our
 * privacy promises (docs/architecture.md "What we keep"). Never a token, a secret or a record's content: the portal
 * row is read with an explicit select that leaves the encrypted application token out.
 */
import type { PrismaClient } from "../db";

export interface PortalDataReport {
  portal: {
    memberId: string;
    domain: string;
    licenseStatus: string | null;
    connected: boolean;
    disconnectedAt: Date | null;
    lang: string;
    installedAt: Date;
    updatedAt: Date;
  };
  /** Shown to the portal's administrators only (the page is admin-only). */
  installer: { userId: number | null; name: string | null; email: string | null; position: string | null };
  counts: {
    tokens: number;
    settings: number;
    userRights: number;
    jobs: number;
    operationLogs: number;
    archives: number;
    /** Privacy: the requests log (whose data, who asked, kind, status, dates; user IDs only). */
    privacyRequests: number;
    extensionSessions: number;
    /** Hashes of logged e-mails' message IDs (Mail: "already logged"). */
    loggedEmails: number;
    /** Transfer: transfers, undos and returns (user IDs, options, counters). */
    transfers: number;
    /** Transfer: one row per record and role moved (record ID, previous and new owner, outcome). */
    transferRecords: number;
    /** Transfer: temporary transfers whose return is still scheduled. */
    scheduledReturns: number;
    /** Transfer's dismissal watch: dismissed users already reported (user IDs only). */
    dismissalWatch: number;
  };
  oldestOperationLogAt: Date | null;
  archiveBytes: number;
}

/** The report, or null when the portal is not (or no longer) in our database. */
export async function describePortalData(prisma: PrismaClient, portalId: string): Promise<PortalDataReport | null> {
  const portal = await prisma.portal.findUnique({
    where: { id: portalId },
    select: {
      memberId: true,
      domain: true,
      licenseStatus: true,
      status: true,
      disconnectedAt: true,
      lang: true,
      installedAt: true,
      updatedAt: true,
      installedByUserId: true,
      installerName: true,
      installerEmail: true,
      installerPosition: true,
    },
  });
  if (!portal) return null;
  const where = { portalId };
  const [
    tokens,
    settings,
    userRights,
    jobs,
    operationLogs,
    archives,
    privacyRequests,
    extensionSessions,
    loggedEmails,
    transfers,
    transferRecords,
    scheduledReturns,
    dismissalWatch,
    oldest,
    archiveSize,
  ] = await Promise.all([
    prisma.portalToken.count({ where }),
    prisma.portalSetting.count({ where }),
    prisma.userRight.count({ where }),
    prisma.jobRun.count({ where }),
    prisma.operationLog.count({ where }),
    prisma.privacyArchive.count({ where }),
    prisma.privacyRequest.count({ where }),
    prisma.extensionSession.count({ where }),
    prisma.mailLoggedEmail.count({ where }),
    prisma.transfer.count({ where }),
    prisma.transferItem.count({ where: { transfer: where } }),
    // lib/transfer/temporary.ts: a return is pending while returnState is "scheduled".
    prisma.transfer.count({ where: { portalId, returnState: "scheduled" } }),
    prisma.dismissalWatch.count({ where }),
    prisma.operationLog.aggregate({ where, _min: { createdAt: true } }),
    prisma.privacyArchive.aggregate({ where, _sum: { sizeBytes: true } }),
  ]);
  return {
    portal: {
      memberId: portal.memberId,
      domain: portal.domain,
      licenseStatus: portal.licenseStatus,
      connected: portal.status === "active",
      disconnectedAt: portal.disconnectedAt,
      lang: portal.lang,
      installedAt: portal.installedAt,
      updatedAt: portal.updatedAt,
    },
    installer: {
      userId: portal.installedByUserId,
      name: portal.installerName,
      email: portal.installerEmail,
      position: portal.installerPosition,
    },
    counts: {
      tokens,
      settings,
      userRights,
      jobs,
      operationLogs,
      archives,
      privacyRequests,
      extensionSessions,
      loggedEmails,
      transfers,
      transferRecords,
      scheduledReturns,
      dismissalWatch,
    },
    oldestOperationLogAt: oldest._min.createdAt,
    archiveBytes: archiveSize._sum.sizeBytes ?? 0,
  };
}
