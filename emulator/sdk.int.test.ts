/**
 * The yardstick: the official @bitrix24/b24jssdk, unchanged, against the emulator.
 * B24OAuth (node_modules/@bitrix24/b24jssdk/dist/esm/oauth/auth.mjs: refreshes at
 * `{server_endpoint minus rest/}oauth/token/` and retries on 401 expired_token/invalid_token) and
 * B24Hook (hook/auth.mjs: always https://{domain}/rest/{user}/{secret}/) — the latter needs the
 * emulator's CA in NODE_EXTRA_CA_CERTS.
 */
import { B24Hook, B24OAuth, LoggerFactory } from "@bitrix24/b24jssdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ID, CLIENT_SECRET, get, postJson, startWorld, type World } from "./testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld({
    portals: [
      { key: "acme", plan: "standard", seed: { seed: 7, users: 130 } },
      { key: "secure", protocol: "https", seed: 3 },
    ],
  });
});
afterAll(async () => {
  await w.close();
});

/** Gets tokens the way a standalone app does: authorize page → code → /oauth/token/. */
async function tokensViaAuthorizeFlow(userId: number): Promise<Record<string, any>> {
  const res = await fetch(`${w.portalUrl}/oauth/authorize/?client_id=${CLIENT_ID}&state=xyz&user_id=${userId}`, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  expect(back.searchParams.get("state")).toBe("xyz");
  const code = back.searchParams.get("code")!;
  const t = await get(`${w.emu.httpUrl}/oauth/token/?grant_type=authorization_code&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&code=${code}`);
  expect(t.status).toBe(200);
  return t.body;
}

function sdkFor(t: Record<string, any>): B24OAuth {
  const b24 = new B24OAuth(
    {
      applicationToken: w.emu.store.portals.get("acme")!.installs.get(CLIENT_ID)!.applicationToken,
      userId: t.user_id,
      memberId: t.member_id,
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expires: t.expires,
      expiresIn: t.expires_in,
      scope: t.scope,
      domain: new URL(t.client_endpoint).host,
      clientEndpoint: t.client_endpoint,
      serverEndpoint: t.server_endpoint,
      status: t.status,
    } as ConstructorParameters<typeof B24OAuth>[0],
    { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  );
  b24.setLogger(LoggerFactory.createNullLogger());
  return b24;
}

describe("@bitrix24/b24jssdk B24OAuth against the emulator", () => {
  it("calls, batches and lists across pages", async () => {
    const b24 = sdkFor(await tokensViaAuthorizeFlow(1));
    const profile = await b24.actions.v2.call.make<{ ID: string; ADMIN: boolean }>({ method: "profile", params: {} });
    expect(profile.isSuccess).toBe(true);
    expect(profile.getData()!.result).toMatchObject({ ID: "1", ADMIN: true });

    const batch = await b24.actions.v2.batch.make({
      calls: { me: { method: "user.current", params: {} }, deps: { method: "department.get", params: {} } },
      options: { isHaltOnError: true, returnAjaxResult: true },
    });
    expect(batch.isSuccess).toBe(true);
    const data = batch.getData() as Record<string, { getData(): { result: unknown } }>;
    expect((data.me.getData().result as { ID: string }).ID).toBe("1");
    expect(Array.isArray(data.deps.getData().result)).toBe(true);

    const all = await b24.actions.v2.callList.make<{ ID: string }>({ method: "user.get", params: { filter: { ACTIVE: true } }, idKey: "ID" });
    expect(all.isSuccess).toBe(true);
    const ids = all.getData()!.map((u) => Number(u.ID));
    const expected = [...w.emu.store.portals.get("acme")!.users.values()].filter(
      (u) => u.active && !["bot", "email", "imconnector", "replica"].includes(u.userType),
    ).length;
    expect(expected).toBeGreaterThan(50); // more than one page
    expect(ids.length).toBe(expected);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refreshes an expired access token through /oauth/token/ and the call succeeds", async () => {
    const t = await tokensViaAuthorizeFlow(2);
    const b24 = sdkFor(t);
    // Expire the token on the server only: the SDK still thinks it is valid, gets 401 expired_token, refreshes.
    await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/tokens/expire`, { userId: 2, access: true });
    const before = w.emu.store.calls.length;
    const r = await b24.actions.v2.call.make<{ ID: string }>({ method: "user.current", params: {} });
    expect(r.isSuccess).toBe(true);
    expect(r.getData()!.result.ID).toBe("2");
    const log = w.emu.store.calls.slice(before).map((c) => `${c.method}:${c.status}`);
    expect(log).toEqual(["user.current:401", "user.current:200"]);
    // The old refresh token is single-use: it was spent by the SDK.
    const reuse = await get(
      `${w.emu.httpUrl}/oauth/token/?grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&refresh_token=${t.refresh_token}`,
    );
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});

describe("@bitrix24/b24jssdk B24Hook over HTTPS", () => {
  it("takes the webhook URL the portal hands out (B24Hook.fromWebhookUrl) and calls it through the local CA", async () => {
    const hook = await postJson(`${w.emu.httpUrl}/_emulator/portals/secure/webhooks`, { userId: 1, scopes: ["user", "department"] });
    // The real shape: https://{portal}/rest/{user}/{code}/ — the portal is the root of its own origin.
    expect(hook.body.url).toBe(`https://${w.emu.store.portals.get("secure")!.domain}/rest/1/${hook.body.code}/`);
    const b24 = B24Hook.fromWebhookUrl(hook.body.url);
    b24.setLogger(LoggerFactory.createNullLogger());
    const r = await b24.actions.v2.call.make<{ ID: string }>({ method: "user.current", params: {} });
    expect(r.isSuccess).toBe(true);
    expect(r.getData()!.result.ID).toBe("1");
    const deps = await b24.actions.v2.callList.make<{ ID: string }>({ method: "department.get", params: {}, idKey: "ID" });
    expect(deps.getData()!.length).toBe(w.emu.store.portals.get("secure")!.departments.size);
  });

  it("the https portal refuses plain http with INVALID_REQUEST (Https required)", async () => {
    const hook = await postJson(`${w.emu.httpUrl}/_emulator/portals/secure/webhooks`, { userId: 1, scopes: ["user"] });
    const r = await get(`http://${w.emu.store.portals.get("secure")!.domain}/rest/1/${hook.body.code}/user.current`);
    expect(r).toMatchObject({ status: 400, body: { error: "INVALID_REQUEST" } });
  });
});
