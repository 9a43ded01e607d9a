/** The hourly check that ends the extension sessions of people the portal has dismissed, against a real database and the emulator. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { resetLimiters } from "../bitrix24";
import { createWorld, type World } from "../../test/support/emulator-world";
import { endDismissedSessions } from "./dismissed-sessions";

let db: TestDatabase;
let world: World;
const clock = Date.parse("2026-12-01T12:00:00Z");
const [ANNA, BORIS] = [5, 9];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 30 });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

let seq = 0;
const sessionRow = async (userId: number) =>
  (
    await db.prisma.extensionSession.create({
      data: { portalId: world.portalId, userId, tokenHash: `hash-${++seq}`, claimedAt: new Date(clock - 1000), expiresAt: new Date(clock + 86_400_000) },
    })
  ).id;

describe("the dismissal check of extension sessions", () => {
  it("ends the sessions of people the portal has dismissed, and no one else's", async () => {
    const boris = await sessionRow(BORIS);
    const anna = await sessionRow(ANNA);
    expect(await endDismissedSessions(deps())).toMatchObject({ ended: 0 });
    await world.control("POST", `portals/${world.portalKey}/users/${BORIS}`, { active: false });
    const borisLive = await db.prisma.extensionSession.count({ where: { portalId: world.portalId, userId: BORIS, revokedAt: null } });
    expect(borisLive).toBeGreaterThanOrEqual(1);
    expect(await endDismissedSessions(deps())).toMatchObject({ ended: borisLive });
    const rows = await db.prisma.extensionSession.findMany({ where: { id: { in: [boris, anna] } }, select: { id: true, revokedReason: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.revokedReason]))).toEqual({ [boris]: "dismissed", [anna]: null });
    await world.control("POST", `portals/${world.portalKey}/users/${BORIS}`, { active: true });
  });
});

const deps = () => ({ prisma: db.prisma, clients: world.factory, now: () => clock });
