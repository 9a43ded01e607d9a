/**
 * Admin rights are the portal's to say, not the session's (admin-rights.ts): a demoted
 * administrator is refused at the next check past the cache, and at once where the action is
 * destructive (maxAgeMs 0). The demotion goes through the emulator's control API.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAdminRights, ADMIN_RECHECK_MAX_AGE_MS } from "./admin-rights";
import { signInFromPost } from "./lifecycle";
import { ADMIN_ID, lifecycleHarness, type LifecycleHarness } from "../test/support/lifecycle-harness";

let h: LifecycleHarness;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"] });
  await h.installPortal("acme");
});
afterAll(async () => h?.close());

it("asks the portal; a demoted admin is refused at once for destructive actions and within minutes for the rest", async () => {
  const session = await signInFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
  expect(session.isAdmin).toBe(true);
  let now = Date.now();
  const rights = createAdminRights(h.deps.clients, () => now);
  await h.control("DELETE", "calls");
  expect(await rights.isStillAdmin(session, { maxAgeMs: ADMIN_RECHECK_MAX_AGE_MS })).toBe(true);
  expect((await h.control<{ counts: Record<string, number> }>("GET", "calls?portal=acme")).counts["user.admin"]).toBe(1);

  await h.control("POST", `portals/acme/users/${ADMIN_ID}`, { admin: false });
  try {
    // Destructive: always asked, so refused at once.
    expect(await rights.isStillAdmin(session, { maxAgeMs: 0 })).toBe(false);
    // The cache now holds the fresh "no" too; past the cache age the portal is asked again.
    now += ADMIN_RECHECK_MAX_AGE_MS + 1;
    expect(await rights.isStillAdmin(session, { maxAgeMs: ADMIN_RECHECK_MAX_AGE_MS })).toBe(false);
    expect((await h.control<{ counts: Record<string, number> }>("GET", "calls?portal=acme")).counts["user.admin"]).toBe(3);
  } finally {
    await h.control("POST", `portals/acme/users/${ADMIN_ID}`, { admin: true });
  }
  // A "yes" is believed for at most ADMIN_RECHECK_MAX_AGE_MS.
  expect(await rights.isStillAdmin(session, { maxAgeMs: 0 })).toBe(true);
  now += ADMIN_RECHECK_MAX_AGE_MS - 1000;
  expect(await rights.isStillAdmin(session, { maxAgeMs: ADMIN_RECHECK_MAX_AGE_MS })).toBe(true);
  expect((await h.control<{ counts: Record<string, number> }>("GET", "calls?portal=acme")).counts["user.admin"]).toBe(4);
});

it("a dismissed administrator (the portal refuses their token) is no administrator", async () => {
  const session = await signInFromPost(h.deps, (await h.iframePost("acme", ADMIN_ID)).post);
  const rights = createAdminRights(h.deps.clients);
  await h.control("POST", "portals/acme/tokens/expire", { userId: ADMIN_ID, access: true, refresh: true, revoke: true });
  expect(await rights.isStillAdmin(session, { maxAgeMs: 0 })).toBe(false);
});
