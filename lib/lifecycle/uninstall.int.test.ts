/**
 * Uninstall (b24restdocs api-reference/common/events/on-app-uninstall.md; docs/architecture.md "What we keep":
 * everything of a portal is deleted on ONAPPUNINSTALL, whatever data[CLEAN] says). The emulator
 * delivers the event to our events route, wired to lib/portal-data's deletePortalData as the app's
 * route is; afterwards no row in any table refers to the portal, and other portals keep theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsReferringTo } from "../../test/support/portal-rows";
import { signInFromPost } from ".";
import { CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

const KEYS = ["acme", "globex", "initech"] as const;
let h: LifecycleHarness;
const ids: Record<string, string> = {};

/** One row in every portal-owned table, so a deletion that misses a table shows. */
async function seedPortalRows(portalId: string) {
  const p = h.db.prisma;
  await p.portalSetting.create({ data: { portalId, key: "privacy.master", value: { enabled: true } } });
  await p.userRight.create({ data: { portalId, userId: 2, right: "privacy.erase", granted: true } });
  await p.jobRun.create({ data: { portalId, kind: "transfer.run", state: "queued", input: { fromUserId: 2 } } });
  const log = await p.operationLog.create({ data: { portalId, tool: "transfer", action: "run", actorUserId: 1, details: { moved: 3 } } });
  await p.transfer.create({ data: { portalId, logId: log.id, kind: "transfer", fromUserId: 2, receiverIds: [3], startedBy: 1 } });
  await p.dismissalWatch.create({ data: { portalId, userId: 2 } });
  await p.dismissalRule.create({ data: { portalId, departmentId: 0, target: "manager", graceDays: 2, updatedBy: 1 } });
  await p.dismissalPlan.create({ data: { portalId, userId: 2, departmentId: 0, receiverId: 3, dueAt: new Date() } });
  await p.mailLoggedEmail.create({ data: { portalId, messageIdHash: `msg-${portalId}`, activityId: 1, ownerTypeId: 3, ownerId: 1, userId: 2 } });
  await p.privacyArchive.create({
    data: {
      portalId,
      userId: 2,
      tokenHash: `hash-${portalId}`,
      chunks: { create: [{ seq: 0, data: Buffer.from("zip") }] },
      sizeBytes: 3,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await p.privacyRequest.create({ data: { portalId, kind: "erase", subjectUserId: 2, requestedBy: 1 } });
  await p.extensionSession.create({ data: { portalId, userId: 2, tokenHash: `ext-${portalId}` } });
}

beforeAll(async () => {
  h = await lifecycleHarness({ portals: [...KEYS] });
  for (const key of KEYS) {
    ids[key] = await h.installPortal(key);
    await signInFromPost(h.deps, (await h.iframePost(key, (await h.employee(key)).id)).post);
    await seedPortalRows(ids[key]);
  }
});
afterAll(async () => h?.close());

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe("uninstall", () => {
  it("seeded every table that refers to a portal (the scan below covers them all)", async () => {
    const counts = await rowsReferringTo(h.db.prisma, ids.acme);
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(8);
    for (const [table, n] of Object.entries(counts)) expect(n, table).toBeGreaterThan(0);
  });

  it("ONAPPUNINSTALL (CLEAN=1) deletes every row of the portal and nothing of the others", async () => {
    const others = { globex: await rowsReferringTo(h.db.prisma, ids.globex), initech: await rowsReferringTo(h.db.prisma, ids.initech) };
    const applicationToken = (await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken;

    const deliveries = await h.uninstall("acme", true);

    expect(deliveries).toEqual([expect.objectContaining({ event: "ONAPPUNINSTALL", status: 200, error: null })]);
    expect(deliveries[0].body["data[CLEAN]"]).toBe("1");
    expect(h.received.at(-1)).toEqual({ event: "ONAPPUNINSTALL", status: 200, outcome: { kind: "uninstalled", portalId: ids.acme, clean: true } });
    expect(nonZero(await rowsReferringTo(h.db.prisma, ids.acme))).toEqual({});
    expect(await h.db.prisma.portal.count({ where: { memberId: h.portal("acme").memberId } })).toBe(0);
    expect(await rowsReferringTo(h.db.prisma, ids.globex)).toEqual(others.globex);
    expect(await rowsReferringTo(h.db.prisma, ids.initech)).toEqual(others.initech);
    // The emulator forgot the install and our bindings too.
    expect((await h.installs("acme")).some((i) => i.clientId === CLIENT_ID)).toBe(false);
    expect((await h.eventBindings("acme")).filter((b) => b.clientId === CLIENT_ID)).toEqual([]);

    // A replay of the event finds nothing to delete and is refused.
    const replay = await h.postEvent({ ...deliveries[0].body, "auth[application_token]": applicationToken });
    expect(replay).toBe(401);
    expect(h.received.at(-1)?.error).toMatch(/unknown portal/);
  });

  it("ONAPPUNINSTALL with CLEAN=0 deletes everything as well", async () => {
    const initech = await rowsReferringTo(h.db.prisma, ids.initech);

    const deliveries = await h.uninstall("globex", false);

    expect(deliveries).toEqual([expect.objectContaining({ event: "ONAPPUNINSTALL", status: 200 })]);
    expect(deliveries[0].body["data[CLEAN]"]).toBe("0");
    expect(h.received.at(-1)?.outcome).toEqual({ kind: "uninstalled", portalId: ids.globex, clean: false });
    expect(nonZero(await rowsReferringTo(h.db.prisma, ids.globex))).toEqual({});
    expect(await h.db.prisma.portal.count({ where: { memberId: h.portal("globex").memberId } })).toBe(0);
    expect(await rowsReferringTo(h.db.prisma, ids.initech)).toEqual(initech);
    expect(await h.db.prisma.portal.findMany({ select: { id: true } })).toEqual([{ id: ids.initech }]);
  });
});
