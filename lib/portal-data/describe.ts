/**
 * What we store about one portal, as facts and counts an administrator can check against our
 * privacy promises (docs/architecture.md "What we keep"). Never a token, a secret or a record's content: the portal
 * row is read with an explicit select that leaves the encrypted application token out.
 */
import type { PrismaClient } from "../db";

type Count = (prisma: PrismaClient, where: { portalId: string }) => Promise<number>;

/** Each table's rows of the portal, counted; the report's `counts` has one entry per line here. */
const COUNTED = {
  tokens: (prisma, where) => prisma.portalToken.count({ where }),
  settings: (prisma, where) => prisma.portalSetting.count({ where }),
  userRights: (prisma, where) => prisma.userRight.count({ where }),
  jobs: (prisma, where) => prisma.jobRun.count({ where }),
  operationLogs: (prisma, where) => prisma.operationLog.count({ where }),
  archives: (prisma, where) => prisma.privacyArchive.count({ where }),
  /** Privacy: the requests log (whose data, who asked, kind, status, dates; user IDs only). */
  privacyRequests: (prisma, where) => prisma.privacyRequest.count({ where }),
  extensionSessions: (prisma, where) => prisma.extensionSession.count({ where }),
  /** Hashes of logged e-mails' message IDs (Mail: "already logged"). */
  loggedEmails: (prisma, where) => prisma.mailLoggedEmail.count({ where }),
  /** Transfer: transfers, undos and returns (user IDs, options, counters). */
  transfers: (prisma, where) => prisma.transfer.count({ where }),
  /** Transfer: one row per record and role moved (record ID, previous and new owner, outcome). */
  transferRecords: (prisma, where) => prisma.transferItem.count({ where: { transfer: where } }),
  /** Transfer: temporary transfers whose return is still scheduled (lib/transfer/temporary.ts: returnState "scheduled"). */
  scheduledReturns: (prisma, where) => prisma.transfer.count({ where: { ...where, returnState: "scheduled" } }),
  /** Transfer's dismissal watch: dismissed users already reported (user IDs only). */
  dismissalWatch: (prisma, where) => prisma.dismissalWatch.count({ where }),
  /** Transfer: dismissal rules per department (receiver kind or colleague's ID, grace days). */
  dismissalRules: (prisma, where) => prisma.dismissalRule.count({ where }),
  /** Transfer: hand-overs the rules planned (dismissed user's and receiver's IDs, due date, state). */
  dismissalPlans: (prisma, where) => prisma.dismissalPlan.count({ where }),
} satisfies Record<string, Count>;

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
  counts: Record<keyof typeof COUNTED, number>;
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
  const names = Object.keys(COUNTED) as Array<keyof typeof COUNTED>;
  const [counted, oldest, archiveSize] = await Promise.all([
    Promise.all(names.map((name) => COUNTED[name](prisma, where))),
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
    counts: Object.fromEntries(names.map((name, i) => [name, counted[i]])) as PortalDataReport["counts"],
    oldestOperationLogAt: oldest._min.createdAt,
    archiveBytes: archiveSize._sum.sizeBytes ?? 0,
  };
}
