/**
 * Test support: a portal with at least one row in every portal-owned table, and nothing expired
 * (each test adds the old rows it is about).
 */
import type { PrismaClient } from "../../lib/db";

export const SECRET_MARKERS = ["v1:access-secret", "v1:refresh-secret", "v1:application-secret"];

export async function seedPortal(prisma: PrismaClient, memberId: string, now = new Date()): Promise<string> {
  const { id } = await prisma.portal.create({
    data: {
      memberId,
      domain: `${memberId}.bitrix24.test`,
      clientEndpoint: `https://${memberId}.bitrix24.test/rest/`,
      serverEndpoint: "https://oauth.bitrix.info/rest/",
      licenseStatus: "P",
      applicationTokenEnc: SECRET_MARKERS[2],
      installerName: "Installer Name",
      installerEmail: "installer@example.test",
      installerPosition: "CTO",
      installedByUserId: 1,
    },
  });
  const soon = new Date(now.getTime() + 60 * 60 * 1000);
  await prisma.portalToken.create({
    data: { portalId: id, userId: 1, accessTokenEnc: SECRET_MARKERS[0], refreshTokenEnc: SECRET_MARKERS[1], expiresAt: soon },
  });
  await prisma.portalSetting.create({ data: { portalId: id, key: "privacy.masterErase", value: true } });
  await prisma.userRight.createMany({
    data: [
      { portalId: id, userId: 7, right: "erase", granted: true },
      { portalId: id, userId: 8, right: "anonymise", granted: false },
    ],
  });
  await prisma.jobRun.create({ data: { portalId: id, kind: "system.selftest", state: "completed", finishedAt: now } });
  const log = await prisma.operationLog.create({ data: { portalId: id, tool: "transfer", action: "run", actorUserId: 1, createdAt: now } });
  await prisma.transfer.create({
    data: {
      portalId: id,
      logId: log.id,
      kind: "transfer",
      fromUserId: 7,
      receiverIds: [8],
      startedBy: 1,
      items: { create: [{ seq: 0, type: "deal", role: "assigned", recordId: 1, fromUserId: 7, toUserId: 8 }] },
    },
  });
  await prisma.dismissalWatch.create({ data: { portalId: id, userId: 7 } });
  await prisma.dismissalRule.create({ data: { portalId: id, departmentId: 3, target: "manager", graceDays: 2, updatedBy: 1 } });
  await prisma.dismissalPlan.create({ data: { portalId: id, userId: 7, departmentId: 3, receiverId: 8, dueAt: now } });
  await prisma.rateBucket.create({ data: { portalId: id, level: 3, at: now } });
  await prisma.privacyArchive.create({
    data: {
      portalId: id,
      userId: 1,
      tokenHash: `${memberId}-archive`,
      chunks: { create: [{ seq: 0, data: Buffer.from("zip") }] },
      sizeBytes: 3,
      expiresAt: soon,
    },
  });
  await prisma.privacyRequest.create({ data: { portalId: id, kind: "download", subjectUserId: 1, requestedBy: 1, status: "completed", finishedAt: now } });
  await prisma.extensionSession.create({ data: { portalId: id, userId: 1, tokenHash: `${memberId}-ext` } });
  await prisma.mailLoggedEmail.create({ data: { portalId: id, messageIdHash: `${memberId}-msg`, activityId: 1, ownerTypeId: 3, ownerId: 1, userId: 1 } });
  return id;
}
