/**
 * OAuth as b24restdocs settings/oauth/index.md, auto-renewal.md and error-codes.md describe it:
 * the portal's /oauth/authorize/ redirects with code/state/domain/member_id/scope/server_domain;
 * the central /oauth/token/ exchanges a 30-second code and single-use refresh tokens (GET or POST).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ID, CLIENT_SECRET, get, postForm, startWorld, type World } from "../testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});

async function authorize(userId: number, state = "s1"): Promise<URL> {
  const res = await fetch(`${w.portalUrl}/oauth/authorize/?client_id=${CLIENT_ID}&state=${state}&user_id=${userId}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}
const token = (q: string) => get(`${w.emu.httpUrl}/oauth/token/?${q}`);

describe("OAuth", () => {
  it("shows a login page listing users when no user is chosen", async () => {
    const res = await fetch(`${w.portalUrl}/oauth/authorize/?client_id=${CLIENT_ID}&state=abc`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('name="user_id"');
    expect(html).toContain('value="abc"');
  });

  it("redirects to the app with the documented parameters", async () => {
    const back = await authorize(2, "st");
    const portal = w.emu.store.portals.get("acme")!;
    expect(back.origin + back.pathname).toBe(`${w.app.url}/handler`);
    // The portal is the root of its own origin: DOMAIN is its host:port, nothing after it.
    expect(portal.domain).toBe(new URL(w.portalUrl).host);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({
      state: "st",
      domain: portal.domain,
      member_id: portal.memberId,
      scope: "user,department,im,crm,task",
    });
    expect(back.searchParams.get("code")).toMatch(/^[0-9a-f]{32}$/);
    expect(back.searchParams.get("server_domain")).toBe(new URL(w.emu.httpUrl).host);
  });

  it("exchanges a code once, with the real response fields", async () => {
    const code = (await authorize(2)).searchParams.get("code")!;
    const q = `grant_type=authorization_code&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&code=${code}`;
    const r = await token(q);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([
      "access_token",
      "client_endpoint",
      "domain",
      "expires",
      "expires_in",
      "member_id",
      "refresh_token",
      "scope",
      "server_endpoint",
      "status",
      "user_id",
    ]);
    expect(r.body).toMatchObject({
      expires_in: 3600,
      user_id: 2,
      status: "L",
      client_endpoint: `${w.portalUrl}/rest/`,
      domain: new URL(w.emu.httpUrl).host,
      server_endpoint: `${w.emu.httpUrl}/rest/`,
    });
    expect(r.body.expires).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(await token(q)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("lets a code expire after 30 seconds", async () => {
    const code = (await authorize(1)).searchParams.get("code")!;
    await postFormClock(31);
    try {
      expect(await token(`grant_type=authorization_code&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&code=${code}`)).toMatchObject({
        status: 400,
        body: { error: "invalid_grant" },
      });
    } finally {
      await postFormClock(null);
    }
  });

  it("refreshes by POST, once: the new pair works, the old refresh token does not", async () => {
    const code = (await authorize(1)).searchParams.get("code")!;
    const first = (await token(`grant_type=authorization_code&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&code=${code}`)).body;
    const body = `grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&refresh_token=${first.refresh_token}`;
    const second = await postForm(`${w.emu.httpUrl}/oauth/token/`, body);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await get(`${second.body.client_endpoint}profile?auth=${second.body.access_token}`)).body.result.ID).toBe("1");
    expect(await postForm(`${w.emu.httpUrl}/oauth/token/`, body)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("answers invalid_client for a wrong secret and invalid_request without grant_type", async () => {
    expect(await token(`grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=bad&refresh_token=x`)).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
    expect(await token(`client_id=${CLIENT_ID}`)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("refuses a refresh token past its life, and revoked tokens", async () => {
    const code = (await authorize(3)).searchParams.get("code")!;
    const t = (await token(`grant_type=authorization_code&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&code=${code}`)).body;
    await fetch(`${w.emu.httpUrl}/_emulator/portals/acme/tokens/expire`, {
      method: "POST",
      body: JSON.stringify({ userId: 3, access: true, refresh: true, revoke: true }),
    });
    expect(await get(`${t.client_endpoint}profile?auth=${t.access_token}`)).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    expect(await token(`grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&refresh_token=${t.refresh_token}`)).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });
});

async function postFormClock(advanceSec: number | null): Promise<void> {
  await fetch(`${w.emu.httpUrl}/_emulator/clock`, { method: "POST", body: JSON.stringify(advanceSec === null ? { offsetMs: 0 } : { advanceSec }) });
}
