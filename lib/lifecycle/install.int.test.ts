/**
 * Install, as a portal runs it (docs/bitrix24-platform.md "Apps, iframe and install"; b24restdocs
 * settings/app-installation, api-reference/common/events/on-app-install.md): the admin's first
 * open POSTs to the install URL, we verify it, store the portal, its installer and tokens and bind
 * ONAPPINSTALL/ONAPPUNINSTALL; after installFinish the portal sends ONAPPINSTALL with the
 * application_token. Real PostgreSQL, the emulator over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "../crypto";
import { eventHandlerUrl, installFromPost } from "./install";
import { ADMIN_ID, CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

let h: LifecycleHarness;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"] });
});
afterAll(async () => h?.close());

interface Binding {
  clientId: string;
  event: string;
  handler: string;
}
const ourBindings = async () =>
  (await h.control<Binding[]>("GET", "portals/acme/events")).filter((b) => b.clientId === CLIENT_ID).map((b) => ({ event: b.event, handler: b.handler }));

describe("install", () => {
  it("stores the portal, its installer and encrypted tokens, and binds both lifecycle events; a re-install duplicates nothing", async () => {
    const emulated = h.portal("acme");
    const install = await h.installApp("acme", CLIENT_ID, ADMIN_ID);
    expect(install.installed).toBe(false);
    const { post, tokens } = await h.iframePost("acme", ADMIN_ID, { query: { LANG: "de" } });

    const session = await installFromPost(h.deps, post);

    expect(session).toMatchObject({ memberId: emulated.memberId, userId: ADMIN_ID, isAdmin: true, lang: "de" });
    const admin = (await h.users("acme")).find((u) => u.id === ADMIN_ID)!;
    const row = await h.db.prisma.portal.findUniqueOrThrow({ where: { id: session.portalId } });
    expect(row).toMatchObject({
      memberId: emulated.memberId,
      domain: emulated.domain,
      protocol: "http",
      clientEndpoint: `http://${emulated.domain}/rest/`,
      serverEndpoint: `${h.emu.httpUrl}/rest/`,
      // The OAuth answer's `status` letter (the emulator answers the app registration's, "L").
      licenseStatus: tokens.status,
      status: "active",
      lang: "de",
      installedByUserId: ADMIN_ID,
      installerName: `${admin.name} ${admin.lastName}`,
      installerEmail: admin.email,
      installerPosition: admin.workPosition,
      applicationTokenEnc: null,
    });
    expect(row.installerName).toBeTruthy();

    // Verification spent the posted refresh token at the OAuth server and stored the fresh pair.
    const postedGrant = (await h.findGrant(tokens.refreshToken))!;
    expect(postedGrant.refreshUsed).toBe(true);
    const stored = await h.db.prisma.portalToken.findMany({ where: { portalId: session.portalId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ userId: ADMIN_ID, isAdmin: true });
    const access = decryptSecret(stored[0].accessTokenEnc, h.deps.keys);
    const refresh = decryptSecret(stored[0].refreshTokenEnc, h.deps.keys);
    const grant = (await h.findGrant(access))!;
    expect(grant).toMatchObject({ portalKey: "acme", clientId: CLIENT_ID, userId: ADMIN_ID, refreshToken: refresh, refreshUsed: false });
    for (const enc of [stored[0].accessTokenEnc, stored[0].refreshTokenEnc]) {
      expect(enc).toMatch(/^v1\./);
      expect(enc).not.toContain(access);
      expect(enc).not.toContain(refresh);
    }

    const handler = eventHandlerUrl(h.deps);
    expect(handler).toBe(`${h.appUrl}/api/bitrix24/events`);
    expect(await ourBindings()).toEqual([
      { event: "ONAPPINSTALL", handler },
      { event: "ONAPPUNINSTALL", handler },
      { event: "ONAPPUPDATE", handler },
    ]);

    // The admin opens the install URL again before installFinish (a reload): same row, same bindings.
    const again = await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
    expect(again.portalId).toBe(session.portalId);
    expect(await h.db.prisma.portal.count()).toBe(1);
    expect(await h.db.prisma.portalToken.count()).toBe(1);
    expect(await ourBindings()).toHaveLength(3);
    expect((await h.db.prisma.portal.findUniqueOrThrow({ where: { id: session.portalId } })).lang).toBe(emulated.lang);
  });

  it("installFinish makes the portal deliver ONAPPINSTALL to our handler, which stores the application_token encrypted", async () => {
    const emulated = h.portal("acme");
    const applicationToken = (await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken;
    const before = h.received.length;

    const deliveries = await h.finishInstall("acme");

    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "ONAPPINSTALL", handler: eventHandlerUrl(h.deps), status: 200, error: null });
    expect(h.received.slice(before)).toEqual([
      expect.objectContaining({ event: "ONAPPINSTALL", status: 200, outcome: { kind: "installed", portalId: expect.any(String) } }),
    ]);
    const rows = await h.db.prisma.portal.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].applicationTokenEnc).toMatch(/^v1\./);
    expect(rows[0].applicationTokenEnc).not.toContain(applicationToken);
    expect(decryptSecret(rows[0].applicationTokenEnc!, h.deps.keys)).toBe(applicationToken);
    expect((await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.installed).toBe(true);
    // ONAPPINSTALL is verified through the OAuth server too: its refresh token is spent, its fresh pair stored.
    const eventRefresh = deliveries[0].body["auth[refresh_token]"];
    expect((await h.findGrant(eventRefresh))!.refreshUsed).toBe(true);
    expect(await h.db.prisma.portalToken.count()).toBe(1);
  });

  it("a POST to the install URL after installation updates the same portal and binds nothing twice", async () => {
    const id = (await h.db.prisma.portal.findFirstOrThrow()).id;
    const session = await installFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
    expect(session.portalId).toBe(id);
    expect(await h.db.prisma.portal.count()).toBe(1);
    expect(await ourBindings()).toHaveLength(3);
    // The application_token from ONAPPINSTALL survives a re-install POST.
    const row = await h.db.prisma.portal.findUniqueOrThrow({ where: { id } });
    expect(decryptSecret(row.applicationTokenEnc!, h.deps.keys)).toBe((await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken);
  });
});
