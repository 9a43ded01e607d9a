/**
 * Conformance of the REST entry: addresses, params, envelope and system errors.
 * Follows b24restdocs settings/how-to-call-rest-api/ (calls, data encoding), api-reference/data-types.md#time,
 * _includes/system-errors.md and local-integrations/local-webhooks.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, postForm, postJson, startWorld, type World } from "../testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});

describe("REST envelope and addressing", () => {
  it("answers /rest/{method}.json and /rest/{method} with result and the full time object", async () => {
    const a = await get(`${w.rest}profile.json?auth=${w.token()}`);
    const b = await postJson(`${w.rest}profile`, { auth: w.token() });
    expect(a.status).toBe(200);
    expect(b.body.result.ID).toBe("1");
    expect(a.body.result).toMatchObject({ ID: "1", ADMIN: true });
    expect(Object.keys(a.body.time).sort()).toEqual(
      ["date_finish", "date_start", "duration", "finish", "operating", "operating_reset_at", "processing", "start"].sort(),
    );
    expect(a.body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(a.body).not.toHaveProperty("total");
  });

  it("tolerates the double slash the SDK produces (client_endpoint + /method)", async () => {
    const r = await get(`${w.rest}/user.admin?auth=${w.token()}`);
    expect(r.body.result).toBe(true);
  });

  it("reads PHP-style nested form params and JSON bodies alike", async () => {
    const form = await postForm(`${w.rest}user.get`, `auth=${w.token()}&FILTER%5B%3EID%5D=2&FILTER%5BACTIVE%5D=true`);
    const json = await postJson(`${w.rest}user.get`, { auth: w.token(), FILTER: { ">ID": 2, ACTIVE: true } });
    expect(form.status).toBe(200);
    expect(form.body.result.map((u: { ID: string }) => u.ID)).toEqual(json.body.result.map((u: { ID: string }) => u.ID));
    expect(form.body.result.every((u: { ID: string }) => Number(u.ID) > 2)).toBe(true);
  });

  it("answers ERROR_METHOD_NOT_FOUND with 404", async () => {
    const r = await get(`${w.rest}no.such.method?auth=${w.token()}`);
    expect(r).toMatchObject({ status: 404, body: { error: "ERROR_METHOD_NOT_FOUND" } });
  });

  it("answers NO_AUTH_FOUND 401 without auth and invalid_token 401 for an unknown token", async () => {
    expect(await get(`${w.rest}profile`)).toMatchObject({ status: 401, body: { error: "NO_AUTH_FOUND" } });
    expect(await get(`${w.rest}profile?auth=nope`)).toMatchObject({ status: 401, body: { error: "invalid_token" } });
  });

  it("answers expired_token 401 once the access token's hour has passed", async () => {
    const token = w.token();
    await postJson(`${w.emu.httpUrl}/_emulator/clock`, { advanceSec: 3601 });
    try {
      expect(await get(`${w.rest}profile?auth=${token}`)).toMatchObject({ status: 401, body: { error: "expired_token" } });
    } finally {
      await postJson(`${w.emu.httpUrl}/_emulator/clock`, { offsetMs: 0 });
    }
  });

  it("enforces scopes with insufficient_scope 403", async () => {
    const hook = await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/webhooks`, { userId: 1, scopes: ["user"] });
    expect(await get(`${hook.body.url}department.get`)).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
    expect((await get(`${hook.body.url}user.admin.json`)).body.result).toBe(true);
  });

  it("serves incoming webhooks and refuses a wrong code with NO_AUTH_FOUND 401", async () => {
    const hook = await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/webhooks`, { userId: 2, scopes: ["user"] });
    const ok = await get(`${hook.body.url}user.current`);
    expect(ok.body.result.ID).toBe("2");
    const bad = await get(`${w.rest}2/wrongcode/user.current`);
    expect(bad).toMatchObject({ status: 401, body: { error: "NO_AUTH_FOUND" } });
  });

  it("injects faults: an error code with a status, then an HTML 502 page", async () => {
    const c = `${w.emu.httpUrl}/_emulator/faults`;
    await postJson(c, { portal: "acme", method: "profile", count: 1, status: 500, error: "INTERNAL_SERVER_ERROR" });
    expect(await get(`${w.rest}profile?auth=${w.token()}`)).toMatchObject({ status: 500, body: { error: "INTERNAL_SERVER_ERROR" } });
    await postJson(c, { portal: "acme", count: 1, status: 502, html: true });
    const res = await fetch(`${w.rest}profile?auth=${w.token()}`);
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect((await get(`${w.rest}profile?auth=${w.token()}`)).status).toBe(200);
  });

  it("logs calls with per-method counts", async () => {
    const before = (await get(`${w.emu.httpUrl}/_emulator/calls?portal=acme&method=server.time`)).body.counts["server.time"] ?? 0;
    await get(`${w.rest}server.time?auth=${w.token()}`);
    await get(`${w.rest}server.time?auth=${w.token()}`);
    const after = await get(`${w.emu.httpUrl}/_emulator/calls?portal=acme&method=server.time`);
    expect(after.body.counts["server.time"]).toBe(before + 2);
  });
});
