/**
 * Sign-in inside the iframe (sign-in.ts): each open of the app POSTs AUTH_ID/REFRESH_ID; after
 * verification through the OAuth server and `profile` the user gets a session with their own
 * identity and rights, and their fresh tokens are stored (b24restdocs api-reference/common/users/profile.md:
 * ADMIN says whether the user is a portal administrator).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "../crypto";
import { PortalAuthError, signInFromPost } from ".";
import { ADMIN_ID, CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

let h: LifecycleHarness;
let acmeId: string;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme", "initech"] });
  acmeId = await h.installPortal("acme");
});
afterAll(async () => h?.close());

/** Asks the portal itself who a stored token belongs to. */
async function profileOf(portalId: string, userId: number): Promise<{ ID: string; ADMIN: boolean }> {
  const row = await h.db.prisma.portalToken.findUniqueOrThrow({ where: { portalId_userId: { portalId, userId } } });
  const res = await fetch(`http://${h.portal("acme").domain}/rest/profile?auth=${decryptSecret(row.accessTokenEnc, h.deps.keys)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { ID: string; ADMIN: boolean } }).result;
}

describe("sign-in", () => {
  it("gives the portal's admin an admin session and keeps their working tokens", async () => {
    const { post } = await h.iframePost("acme", ADMIN_ID);
    const session = await signInFromPost(h.deps, post);
    const admin = (await h.users("acme")).find((u) => u.id === ADMIN_ID)!;
    expect(session).toEqual({
      portalId: acmeId,
      memberId: h.portal("acme").memberId,
      userId: ADMIN_ID,
      userName: `${admin.name} ${admin.lastName}`,
      isAdmin: true,
      lang: "en",
      portalOrigin: `http://${h.portal("acme").domain}`,
      signedInAt: expect.any(Number),
    });
    expect(await profileOf(acmeId, ADMIN_ID)).toMatchObject({ ID: String(ADMIN_ID), ADMIN: true });
  });

  it("gives an employee a non-admin session of their own and stores their tokens beside the admin's", async () => {
    const employee = await h.employee("acme");
    const { post } = await h.iframePost("acme", employee.id, { query: { LANG: "ru" } });
    const session = await signInFromPost(h.deps, post);
    expect(session).toEqual({
      portalId: acmeId,
      memberId: h.portal("acme").memberId,
      userId: employee.id,
      userName: `${employee.name} ${employee.lastName}`,
      isAdmin: false,
      lang: "ru",
      portalOrigin: `http://${h.portal("acme").domain}`,
      signedInAt: expect.any(Number),
    });
    const row = await h.db.prisma.portalToken.findUniqueOrThrow({ where: { portalId_userId: { portalId: acmeId, userId: employee.id } } });
    expect(row.isAdmin).toBe(false);
    expect(await profileOf(acmeId, employee.id)).toMatchObject({ ID: String(employee.id), ADMIN: false });
    expect(await h.db.prisma.portalToken.count({ where: { portalId: acmeId } })).toBe(2);
    expect(await h.db.prisma.portal.count()).toBe(1);
  });

  it("a user who becomes an admin in the portal gets an admin session next time (the portal decides, not our records)", async () => {
    const employee = await h.employee("acme");
    await h.control("POST", `portals/acme/users/${employee.id}`, { admin: true });
    try {
      const session = await signInFromPost(h.deps, (await h.iframePost("acme", employee.id)).post);
      expect(session.isAdmin).toBe(true);
      const row = await h.db.prisma.portalToken.findUniqueOrThrow({ where: { portalId_userId: { portalId: acmeId, userId: employee.id } } });
      expect(row.isAdmin).toBe(true);
    } finally {
      await h.control("POST", `portals/acme/users/${employee.id}`, { admin: false });
    }
    expect((await signInFromPost(h.deps, (await h.iframePost("acme", employee.id)).post)).isAdmin).toBe(false);
  });

  it("only an admin's sign-in reconnects a disconnected portal (portals.ts; token-store.ts DEAD_REFRESH_REASON)", async () => {
    await h.deps.tokens.markDisconnected(acmeId, "refresh token dead");
    await signInFromPost(h.deps, (await h.iframePost("acme", (await h.employee("acme")).id)).post);
    expect(await h.db.prisma.portal.findUniqueOrThrow({ where: { id: acmeId } })).toMatchObject({
      status: "disconnected",
      disconnectedReason: "refresh token dead",
    });
    await signInFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
    expect(await h.db.prisma.portal.findUniqueOrThrow({ where: { id: acmeId } })).toMatchObject({
      status: "active",
      disconnectedReason: null,
      disconnectedAt: null,
    });
  });

  it("an employee's LANG is their session's: the portal keeps the language of its install", async () => {
    const before = (await h.db.prisma.portal.findUniqueOrThrow({ where: { id: acmeId } })).lang;
    const employee = await h.employee("acme");
    const session = await signInFromPost(h.deps, (await h.iframePost("acme", employee.id, { query: { LANG: before === "de" ? "ru" : "de" } })).post);
    expect(session.lang).toBe(before === "de" ? "ru" : "de");
    expect((await h.db.prisma.portal.findUniqueOrThrow({ where: { id: acmeId } })).lang).toBe(before);
  });

  it("refuses a portal that never ran our install, even with valid tokens, and stores nothing", async () => {
    // The app is installed in the emulated portal, but its install URL never reached us.
    await h.installApp("initech", CLIENT_ID, ADMIN_ID);
    const { post } = await h.iframePost("initech", ADMIN_ID);
    const error = await signInFromPost(h.deps, post).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortalAuthError);
    expect((error as PortalAuthError).reason).toMatch(/not set up/);
    expect(await h.db.prisma.portal.count({ where: { memberId: h.portal("initech").memberId } })).toBe(0);
    expect(await h.db.prisma.portalToken.count({ where: { portalId: { not: acmeId } } })).toBe(0);
  });
});
