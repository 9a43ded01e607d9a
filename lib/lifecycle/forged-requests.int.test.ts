/**
 * Forged and replayed requests are refused and change nothing (verify-portal-auth.ts; events.ts;
 * docs/bitrix24-platform.md: the iframe POST proves nothing by itself, and every event must carry
 * the stored application_token). Each case compares every Portal and PortalToken row, and
 * the emulator's event bindings, before and after.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortalAuthError, installFromPost, signInFromPost } from ".";
import { ADMIN_ID, CLIENT_ID, OTHER_CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

let h: LifecycleHarness;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme", "globex"] });
  await h.installPortal("acme");
  await h.installPortal("globex");
});
afterAll(async () => h?.close());

/** Everything the lifecycle writes, plus the bindings it makes in the emulator. */
async function world() {
  const portals = await h.db.prisma.portal.findMany({ orderBy: { id: "asc" } });
  const tokens = await h.db.prisma.portalToken.findMany({ orderBy: { id: "asc" } });
  const bindings = await Promise.all(["acme", "globex"].map(async (k) => (await h.eventBindings(k)).map((b) => ({ ...b }))));
  return { portals, tokens, bindings };
}

async function expectRefusedAndUnchanged(attempt: () => Promise<unknown>, reason: RegExp) {
  const before = await world();
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PortalAuthError);
  expect((error as PortalAuthError).reason).toMatch(reason);
  expect(await world()).toEqual(before);
}

describe("forged portal POSTs", () => {
  it("refuses an install POST carrying another app's tokens", async () => {
    await h.installApp("acme", OTHER_CLIENT_ID, ADMIN_ID);
    const { post } = await h.iframePost("acme", ADMIN_ID, { clientId: OTHER_CLIENT_ID });
    await expectRefusedAndUnchanged(() => installFromPost(h.deps, post), /wrong_client/);
    const again = await h.iframePost("acme", ADMIN_ID, { clientId: OTHER_CLIENT_ID });
    await expectRefusedAndUnchanged(() => signInFromPost(h.deps, again.post), /wrong_client/);
  });

  it("refuses an iframe POST whose DOMAIN names another portal", async () => {
    const { post } = await h.iframePost("acme", ADMIN_ID, { query: { DOMAIN: h.portal("globex").domain } });
    await expectRefusedAndUnchanged(() => signInFromPost(h.deps, post), /DOMAIN does not match/);
  });

  it("refuses an iframe POST whose member_id is another portal's", async () => {
    const { post } = await h.iframePost("acme", ADMIN_ID);
    await expectRefusedAndUnchanged(() => signInFromPost(h.deps, { ...post, member_id: h.portal("globex").memberId }), /member_id does not match/);
  });

  it("refuses a replayed POST whose AUTH_ID has expired, and the same POST replayed after use", async () => {
    const { post, tokens } = await h.iframePost("acme", ADMIN_ID);
    await h.control("POST", "portals/acme/tokens/expire", { userId: ADMIN_ID, clientId: CLIENT_ID, access: true });
    expect((await h.findGrant(tokens.accessToken))!.accessExpiresAt).toBeLessThanOrEqual(Date.now());
    await expectRefusedAndUnchanged(() => signInFromPost(h.deps, post), /expired_token/);

    const fresh = await h.iframePost("acme", ADMIN_ID);
    await signInFromPost(h.deps, fresh.post);
    // Verification spent REFRESH_ID: the captured form is worthless afterwards.
    await expectRefusedAndUnchanged(() => signInFromPost(h.deps, fresh.post), /invalid_grant/);
  });

  it("refuses a non-administrator's POST to the install URL and binds nothing", async () => {
    const employee = await h.employee("acme");
    const { post } = await h.iframePost("acme", employee.id);
    await expectRefusedAndUnchanged(() => installFromPost(h.deps, post), /administrator/);
    expect(await h.db.prisma.portalToken.count({ where: { userId: employee.id } })).toBe(0);
  });
});

describe("forged events", () => {
  const acmeAuth = () => ({ "auth[member_id]": h.portal("acme").memberId, "auth[domain]": h.portal("acme").domain });

  it("refuses ONAPPUNINSTALL with a wrong application_token (or another portal's) and deletes nothing", async () => {
    const before = await world();
    const attempts = [randomBytes(16).toString("hex"), (await h.installs("globex")).find((i) => i.clientId === CLIENT_ID)!.applicationToken, ""];
    for (const token of attempts) {
      const status = await h.postEvent({ event: "ONAPPUNINSTALL", "data[CLEAN]": "1", ...acmeAuth(), "auth[application_token]": token });
      expect(status).toBe(401);
      expect(h.received.at(-1)).toMatchObject({ event: "ONAPPUNINSTALL", status: 401, error: expect.stringMatching(/^EventAuthError/) });
    }
    expect(await world()).toEqual(before);
  });

  it("refuses an ONAPPINSTALL forged by an employee with their own iframe tokens: the application_token cannot be replaced", async () => {
    // Any employee who opens the app sees AUTH_ID/REFRESH_ID in the iframe POST. Were those enough
    // for ONAPPINSTALL, they could set the application_token and then send ONAPPUNINSTALL.
    const employee = await h.employee("acme");
    const { tokens } = await h.iframePost("acme", employee.id);
    const chosen = randomBytes(16).toString("hex");
    const before = await world();
    const install = await h.postEvent({
      event: "ONAPPINSTALL",
      ...acmeAuth(),
      "auth[access_token]": tokens.accessToken,
      "auth[refresh_token]": tokens.refreshToken,
      "auth[client_endpoint]": tokens.clientEndpoint,
      "auth[user_id]": String(employee.id),
      "auth[application_token]": chosen,
    });
    expect(install).toBe(401);
    const uninstall = await h.postEvent({ event: "ONAPPUNINSTALL", "data[CLEAN]": "1", ...acmeAuth(), "auth[application_token]": chosen });
    expect(uninstall).toBe(401);
    expect(await h.db.prisma.portal.count({ where: { memberId: h.portal("acme").memberId } })).toBe(1);
    expect(await world()).toEqual(before);
  });
});
