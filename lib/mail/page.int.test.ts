/**
 * The Mail page's reads and ways in against a real database and the emulator: who is connected,
 * what ended and why, every connection by person with the dismissed first; revoking one's own and
 * (administrators) anyone's, refused when already ended; the preview's sample thread looked up in
 * the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, createWorld, type World } from "../../test/support/emulator-world";
import { Refused } from "../errors";
import type { Session } from "../service-types";
import type { MailDeps } from "./deps";
import { revokeAnyConnection, revokeMyConnection } from "./connections";
import { readMailPage } from "./page";
import { PREVIEW_STRANGER, readMailPreview } from "./preview";

let db: TestDatabase;
let world: World;
let deps: MailDeps;
const clock = Date.parse("2026-12-01T12:00:00Z");
const DAY = 24 * 3600_000;
const [ANNA, BORIS] = [5, 9];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 30 });
  deps = {
    prisma: db.prisma,
    clients: world.factory,
    tokens: world.tokens,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    appUrl: "http://127.0.0.1:9",
    secret: "test-secret-for-mail-0123456789",
    now: () => clock,
  };
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

const session = (userId: number, isAdmin = false): Session => ({ portalId: world.portalId, userId, isAdmin, lang: "en" });

let seq = 0;
/** A claimed session row as the connect flow leaves it, then as the test says it ended. */
async function sessionRow(userId: number, ended: { at?: number; reason?: string; expiresAt?: number } = {}) {
  const created = new Date(clock - 3 * DAY);
  const row = await db.prisma.extensionSession.create({
    data: {
      portalId: world.portalId,
      userId,
      tokenHash: `hash-${++seq}-${userId}`,
      label: `Chrome ${seq}`,
      createdAt: created,
      claimedAt: created,
      lastUsedAt: created,
      expiresAt: new Date(ended.expiresAt ?? clock + 27 * DAY),
      revokedAt: ended.at ? new Date(ended.at) : null,
      revokedReason: ended.reason ?? null,
    },
  });
  return row.id;
}

describe("the Mail page", () => {
  it("shows the user's browsers, what ended lately and why, and to admins every connection with the dismissed first", async () => {
    const annaLive = await sessionRow(ANNA);
    await sessionRow(ANNA, { at: clock - DAY, reason: "uninstalled" });
    await sessionRow(ANNA, { expiresAt: clock - 2 * DAY });
    await sessionRow(ANNA, { at: clock - 40 * DAY, reason: "revoked" }); // older than 30 days: not shown
    await sessionRow(BORIS);
    await sessionRow(ADMIN_ID);
    await world.control("POST", `portals/${world.portalKey}/users/${BORIS}`, { active: false });

    const anna = await readMailPage(deps, session(ANNA));
    expect(anna.mine.map((s) => s.id)).toEqual([annaLive]);
    expect(anna.ended.map((s) => s.how).sort()).toEqual(["expired", "uninstalled"]);
    expect(anna.portal).toBeNull();

    const admin = await readMailPage(deps, session(ADMIN_ID, true));
    expect(admin.portal?.namesRead).toBe(true);
    expect(admin.portal?.people.map((p) => [p.userId, p.dismissed])).toEqual([
      [BORIS, true],
      ...[ADMIN_ID, ANNA]
        .map((id) => admin.portal!.people.find((p) => p.userId === id)!)
        .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""))
        .map((p) => [p.userId, false]),
    ]);
    expect(admin.portal?.people.every((p) => p.name)).toBe(true);
    await world.control("POST", `portals/${world.portalKey}/users/${BORIS}`, { active: true });
  });

  it("revokes the user's own connection once, and an admin's any; refuses what already ended or is someone else's", async () => {
    const mine = await sessionRow(ANNA);
    const theirs = await sessionRow(BORIS);
    await expect(revokeMyConnection(deps, session(ANNA), { sessionId: theirs })).rejects.toMatchObject({ reason: "connection_ended", status: 404 });
    expect(await revokeMyConnection(deps, session(ANNA), { sessionId: mine })).toEqual({ ok: true });
    await expect(revokeMyConnection(deps, session(ANNA), { sessionId: mine })).rejects.toBeInstanceOf(Refused);
    await expect(revokeAnyConnection(deps, session(ANNA), { sessionId: theirs })).rejects.toMatchObject({ code: "forbidden" });
    expect(await revokeAnyConnection(deps, session(ADMIN_ID, true), { sessionId: theirs })).toEqual({ ok: true });
    const row = await db.prisma.extensionSession.findUniqueOrThrow({ where: { id: theirs } });
    expect(row.revokedReason).toBe("revoked_by_admin");
    await expect(revokeAnyConnection(deps, { ...session(ADMIN_ID, true), portalId: "another-portal" }, { sessionId: mine })).rejects.toBeInstanceOf(Refused);
  });

  it("previews the sidebar on a sample thread of the user's contacts, a colleague and a stranger, looked up in the portal", async () => {
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const email = `preview.${Date.now()}@client.test`;
    await admin.call("crm.contact.add", {
      fields: { NAME: "Petra", LAST_NAME: "Preview", EMAIL: [{ VALUE: email, VALUE_TYPE: "WORK" }], ASSIGNED_BY_ID: ADMIN_ID },
    });
    const preview = await readMailPreview(deps, session(ADMIN_ID, true));
    const kinds = new Map(preview.results.map((r) => [r.email, r.kind]));
    expect(preview.participants[0]).toEqual({ email, name: "Petra Preview", role: "from" });
    expect(kinds.get(email)).toBe("crm");
    expect([...kinds.values()]).toContain("colleague");
    expect(kinds.get(PREVIEW_STRANGER.email)).toBe("unknown");
    expect(preview.participants.length).toBeLessThanOrEqual(5);
    expect(preview.pipelines.pipelines.length).toBeGreaterThan(0);
  });
});
