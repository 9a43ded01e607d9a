/**
 * The daily dismissal watch against the emulator over HTTP: the first check only records who is
 * dismissed already; a later check reports a newly dismissed employee who still owns open work to
 * the administrators, once, with a link that opens their overview inside the portal; the app
 * keeps user IDs only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { ADMIN_ID, CLIENT_ID, createWorld, type World } from "../../test/support/emulator-world";
import { resetLimiters } from "../bitrix24";
import type { TransferDeps } from "./deps";
import { watchDismissals } from "./dismissal-watch";
import { appPathForOverviewLink } from "./placement";

let db: TestDatabase;
let world: World;
let deps: TransferDeps;

interface Note {
  toUserId: number;
  message: string;
  tag: string;
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 24,
    seed: { recordsPerHeavyUser: 30 },
    scopes: ["user", "department", "task", "crm", "sonet_group", "im"],
  });
  deps = { prisma: db.prisma, clients: world.factory, appClientId: CLIENT_ID };
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("the dismissal watch", () => {
  it("reports a newly dismissed employee with open work once, linking to their overview in the app", async () => {
    const users = await world.control<Array<{ id: number; active: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const { heavyUserIds } = await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`);
    const leaver = heavyUserIds.find((id) => id !== ADMIN_ID && users.find((u) => u.id === id)?.active)!;
    expect(leaver).toBeGreaterThan(0);
    const notes = async () =>
      (await world.control<Note[]>("GET", `portals/${world.portalKey}/notifications`)).filter((n) => n.tag.startsWith("staffsuite-dismissal-"));

    // First check: who is dismissed already is recorded, nobody is reported.
    expect(await watchDismissals(deps)).toEqual({ portals: 1, notified: 0 });
    const recorded = await db.prisma.dismissalWatch.findMany({ where: { portalId: world.portalId } });
    expect(recorded.map((r) => r.userId).sort((a, b) => a - b)).toEqual(
      users
        .filter((u) => !u.active)
        .map((u) => u.id)
        .sort((a, b) => a - b),
    );
    expect(await notes()).toEqual([]);

    await world.control("POST", `portals/${world.portalKey}/users/${leaver}`, { active: false });
    expect(await watchDismissals(deps)).toEqual({ portals: 1, notified: 1 });
    const sent = await notes();
    expect(sent.map((n) => n.toUserId)).toEqual([ADMIN_ID]);
    const link = /\[URL=([^\]]+)\]/.exec(sent[0].message)?.[1] ?? "";
    const url = new URL(link);
    expect(url.pathname).toBe(`/marketplace/app/${CLIENT_ID}/overview/${leaver}/`);
    // The portal hands the path after the app's address to our handler, which routes it here.
    expect(appPathForOverviewLink(url.pathname.split(`/marketplace/app/${CLIENT_ID}/`)[1])).toBe(`/transfer/overview/${leaver}`);
    expect(
      (await db.prisma.dismissalWatch.findUniqueOrThrow({ where: { portalId_userId: { portalId: world.portalId, userId: leaver } } })).notifiedAt,
    ).not.toBeNull();

    // Reported once: the next check finds nobody new.
    expect(await watchDismissals(deps)).toEqual({ portals: 1, notified: 0 });
    expect(await notes()).toHaveLength(1);
  });

  it("routes only well-formed overview links", () => {
    expect(appPathForOverviewLink("overview/42/")).toBe("/transfer/overview/42");
    for (const bad of ["overview/0/", "overview/abc/", "overview/42/../../x", "download/1/2", "", null]) expect(appPathForOverviewLink(bad)).toBeNull();
  });
});
