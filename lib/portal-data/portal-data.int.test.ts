/**
 * What we keep about a portal: the admin's report, deleting everything of one portal (and only
 * of that one), and the retention purge — against a real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { rowsReferringTo } from "../../test/portal-rows";
import { deletePortalData } from "./delete";
import { describePortalData } from "./describe";
import { purgeExpired } from "./retention";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const day = 24 * 60 * 60 * 1000;

/** A portal with one row in every portal-owned table (and some extra logs and archives). */
async function seededPortal(memberId: string, now = new Date()): Promise<string> {
  const { id } = await db.prisma.portal.create({
    data: {
      memberId,
      domain: `${memberId}.bitrix24.test`,
      clientEndpoint: `https://${memberId}.bitrix24.test/rest/`,
      serverEndpoint: "https://oauth.bitrix.info/rest/",
      installerName: "Installer",
      installerEmail: "installer@example.test",
      installerPosition: "CTO",
      installedByUserId: 1,
    },
  });
  await db.prisma.portalToken.create({ data: { portalId: id, userId: 1, accessTokenEnc: "v1:x", refreshTokenEnc: "v1:y", expiresAt: now } });
  await db.prisma.portalSetting.create({ data: { portalId: id, key: "privacy.masterErase", value: true } });
  await db.prisma.userRight.create({ data: { portalId: id, userId: 7, right: "erase", granted: true } });
  await db.prisma.jobRun.create({ data: { portalId: id, kind: "system.selftest" } });
  await db.prisma.operationLog.createMany({
    data: [
      { portalId: id, tool: "transfer", action: "run", actorUserId: 1, createdAt: new Date(now.getTime() - 400 * day) },
      { portalId: id, tool: "transfer", action: "run", actorUserId: 1, createdAt: new Date(now.getTime() - 300 * day) },
    ],
  });
  await db.prisma.privacyArchive.createMany({
    data: [
      { portalId: id, userId: 1, tokenHash: `${memberId}-old`, content: Buffer.from("zip"), sizeBytes: 3, expiresAt: new Date(now.getTime() - day) },
      { portalId: id, userId: 1, tokenHash: `${memberId}-new`, content: Buffer.from("zipzip"), sizeBytes: 6, expiresAt: new Date(now.getTime() + day) },
    ],
  });
  await db.prisma.extensionSession.create({ data: { portalId: id, userId: 1, tokenHash: `${memberId}-ext` } });
  return id;
}

describe("describePortalData", () => {
  it("counts what we store and names the installer, without any token", async () => {
    const id = await seededPortal("describe");
    const report = await describePortalData(db.prisma, id);
    expect(report?.counts).toEqual({ tokens: 1, settings: 1, userRights: 1, jobs: 1, operationLogs: 2, archives: 2, extensionSessions: 1 });
    expect(report?.archiveBytes).toBe(9);
    expect(report?.portal.installer).toEqual({ userId: 1, name: "Installer", email: "installer@example.test", position: "CTO" });
    expect(JSON.stringify(report)).not.toContain("v1:x");
    expect(await describePortalData(db.prisma, "no-such-portal")).toBeNull();
  });
});

describe("deletePortalData", () => {
  it("leaves no row of the portal in any table and keeps other portals' rows", async () => {
    const gone = await seededPortal("gone");
    const kept = await seededPortal("kept");
    const before = await rowsReferringTo(db.prisma, gone);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const keptBefore = await rowsReferringTo(db.prisma, kept);

    expect(await deletePortalData(db.prisma, gone)).toBe(true);
    const after = await rowsReferringTo(db.prisma, gone);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(await db.prisma.portal.count({ where: { memberId: "gone" } })).toBe(0);
    expect(await rowsReferringTo(db.prisma, kept)).toEqual(keptBefore);
    expect(await deletePortalData(db.prisma, gone)).toBe(false);
  });
});

describe("purgeExpired", () => {
  it("deletes logs past 12 months and expired archives, and nothing else", async () => {
    const now = new Date();
    const id = await seededPortal("purge", now);
    const counts = await purgeExpired(db.prisma, now);
    expect(counts.operationLogs).toBeGreaterThanOrEqual(1);
    expect(counts.archives).toBeGreaterThanOrEqual(1);
    const logs = await db.prisma.operationLog.findMany({ where: { portalId: id } });
    expect(logs).toHaveLength(1);
    expect(logs[0].createdAt.getTime()).toBeGreaterThan(now.getTime() - 365 * day);
    const archives = await db.prisma.privacyArchive.findMany({ where: { portalId: id } });
    expect(archives.map((a) => a.tokenHash)).toEqual(["purge-new"]);
    expect(await db.prisma.extensionSession.count({ where: { portalId: id } })).toBe(1);
  });
});
