/**
 * What we store about one portal, in counts and facts an administrator can check — never a
 * token or a record's content.
 */
import type { PrismaClient } from "../db";

export interface PortalDataReport {
  portal: {
    memberId: string;
    domain: string;
    licenseStatus: string | null;
    connected: boolean;
    disconnectedReason: string | null;
    installedAt: Date;
    updatedAt: Date;
    installer: { userId: number | null; name: string | null; email: string | null; position: string | null };
  };
  counts: {
    tokens: number;
    settings: number;
    userRights: number;
    jobs: number;
    operationLogs: number;
    archives: number;
    extensionSessions: number;
  };
  oldestOperationLog: Date | null;
  archiveBytes: number;
}

export async function describePortalData(prisma: PrismaClient, portalId: string): Promise<PortalDataReport | null> {
  const portal = await prisma.portal.findUnique({ where: { id: portalId } });
  if (!portal) return null;
  const where = { portalId };
  const [tokens, settings, userRights, jobs, operationLogs, archives, extensionSessions, oldest, archiveSize] = await Promise.all([
    prisma.portalToken.count({ where }),
    prisma.portalSetting.count({ where }),
    prisma.userRight.count({ where }),
    prisma.jobRun.count({ where }),
    prisma.operationLog.count({ where }),
    prisma.privacyArchive.count({ where }),
    prisma.extensionSession.count({ where }),
    prisma.operationLog.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.privacyArchive.aggregate({ where, _sum: { sizeBytes: true } }),
  ]);
  return {
    portal: {
      memberId: portal.memberId,
      domain: portal.domain,
      licenseStatus: portal.licenseStatus,
      connected: portal.status === "active",
      disconnectedReason: portal.disconnectedReason,
      installedAt: portal.installedAt,
      updatedAt: portal.updatedAt,
      installer: { userId: portal.installedByUserId, name: portal.installerName, email: portal.installerEmail, position: portal.installerPosition },
    },
    counts: { tokens, settings, userRights, jobs, operationLogs, archives, extensionSessions },
    oldestOperationLog: oldest?.createdAt ?? null,
    archiveBytes: archiveSize._sum.sizeBytes ?? 0,
  };
}
