/**
 * Token store against the emulator's OAuth server and a real PostgreSQL: the refresh race,
 * a dead refresh token, and encryption at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { PortalDisconnectedError, UserTokenDeadError } from "./errors";
import { resetLimiters } from "./rate-limiter";
import { TokenStore } from "./token-store";
import { createClientFactory } from "./client-factory";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, createWorld, grantsOf, LOOSE_PACING, type World } from "../../test/support/emulator-world";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

/** Expires every access token of a user on the emulator (what an hour's wait does). */
async function expireOnEmulator(userId: number) {
  await world.control("POST", "portals/acme/tokens/expire", { userId, access: true });
}

describe("token race", () => {
  it("20 concurrent calls with an expired access token → one refresh, all succeed", async () => {
    await world.connectUser(5);
    await expireOnEmulator(5);
    const grantsBefore = (await grantsOf(world.control, "acme", 5)).length;
    const client = await world.factory.clientFor(world.portalId, { userId: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.call<{ ID: unknown }>("profile")));
    expect(results.map((r) => Number(r.result.ID))).toEqual(Array(20).fill(5));
    // Each refresh issues one new grant and spends the old refresh token.
    expect((await grantsOf(world.control, "acme", 5)).length - grantsBefore).toBe(1);
    expect((await grantsOf(world.control, "acme", 5)).filter((g) => g.refreshUsed)).toHaveLength(1);
    const rejected = (await world.calls()).filter((c) => c.error === "expired_token");
    expect(rejected.length).toBeGreaterThan(0);
  });

  it("two processes (separate stores and pools) racing on an expired token → one refresh", async () => {
    await world.connectUser(6);
    // Expired in our database too: both processes take the refresh path before calling.
    await db.prisma.portalToken.update({
      where: { portalId_userId: { portalId: world.portalId, userId: 6 } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expireOnEmulator(6);
    const grantsBefore = (await grantsOf(world.control, "acme", 6)).length;
    const otherPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 5 }) });
    try {
      const stores = [
        world.tokens,
        new TokenStore({ prisma: otherPrisma, keys: world.keys, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } }),
      ];
      const factories = [world.factory, createClientFactory({ prisma: otherPrisma, tokens: stores[1], rateLimitFor: () => LOOSE_PACING })];
      const clients = await Promise.all(factories.map((f) => f.clientFor(world.portalId, { userId: 6 })));
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2].call<{ ID: unknown }>("profile")));
      expect(results.every((r) => Number(r.result.ID) === 6)).toBe(true);
      expect((await grantsOf(world.control, "acme", 6)).length - grantsBefore).toBe(1);
      const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
      expect(portal.status).toBe("active");
    } finally {
      await otherPrisma.$disconnect();
    }
  });
});

describe("encryption at rest", () => {
  it("no token column holds a token in clear, and each decrypts to an issued token", async () => {
    await world.connectUser(8);
    const rows = await db.prisma.$queryRaw<Array<{ a: string; r: string }>>`SELECT "accessTokenEnc" AS a, "refreshTokenEnc" AS r FROM "PortalToken"`;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const allIssued = (await grantsOf(world.control, "acme", undefined, null)).flatMap((g) => [g.accessToken, g.refreshToken]);
    expect(allIssued.length).toBeGreaterThan(world.issued.length);
    const dump = JSON.stringify(rows);
    for (const token of allIssued) expect(dump).not.toContain(token);
    const { decryptSecret } = await import("../crypto");
    for (const row of rows) expect(allIssued).toContain(decryptSecret(row.a, world.keys));
  });
});

// Last: these tests forget tokens and disconnect the portal.
describe("dead refresh token", () => {
  it("of an employee ends only that employee's connection", async () => {
    await world.connectUser(7);
    // The refresh token is dead (e.g. unused for longer than Bitrix24 keeps it, or revoked).
    await world.control("POST", "portals/acme/tokens/expire", { userId: 7, access: true, refresh: true, revoke: false });
    const client = await world.factory.clientFor(world.portalId, { userId: 7 });
    await expect(client.call("profile")).rejects.toBeInstanceOf(UserTokenDeadError);
    expect(await db.prisma.portalToken.count({ where: { portalId: world.portalId, userId: 7 } })).toBe(0);
    const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
    expect(portal.status).toBe("active");
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    expect(Number((await admin.call<{ ID: unknown }>("profile")).result.ID)).toBe(ADMIN_ID);
  });

  it("of the last admin marks the portal disconnected and throws PortalDisconnectedError", async () => {
    await world.control("POST", "portals/acme/tokens/expire", { userId: ADMIN_ID, access: true, refresh: true, revoke: false });
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    await expect(client.call("profile")).rejects.toBeInstanceOf(PortalDisconnectedError);
    const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
    expect(portal.status).toBe("disconnected");
    expect(portal.disconnectedReason).toMatch(/open StaffSuite in Bitrix24 again/);
    expect(portal.disconnectedAt).toBeInstanceOf(Date);
    await expect(world.factory.clientFor(world.portalId, { userId: 5 })).rejects.toBeInstanceOf(PortalDisconnectedError);
  });
});
