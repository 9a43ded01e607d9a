/**
 * App install/uninstall and events: b24restdocs api-reference/common/events/on-app-install.md
 * (sent after installation completes, form-encoded, auth[] with tokens and application_token),
 * on-app-uninstall.md (data[CLEAN], auth without tokens), api-reference/events/event-bind.md,
 * event-get.md, event-unbind.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, postJson, startAppServer, type AppServer } from "../testing/harness";
import { startEmulator, type RunningEmulator } from "../server";
import { TLS_DIR } from "../testing/harness";

let emu: RunningEmulator;
let app: AppServer;
const C = (p: string, body: unknown) => postJson(`${emu.httpUrl}/_emulator/${p}`, body);

beforeAll(async () => {
  app = await startAppServer();
  emu = await startEmulator({ tlsDir: TLS_DIR, controlApi: true, portals: [{ key: "acme", seed: 4, lang: "de" }] });
  await C("apps", { clientId: "app.one", clientSecret: "s", name: "One", handlerUrl: `${app.url}/app/`, installUrl: `${app.url}/install/`, scopes: ["user"] });
});
afterAll(async () => {
  await emu.close();
  await app.close();
});

describe("install, events, uninstall", () => {
  it("installs with a random application_token; ONAPPINSTALL goes to the bound handler after installFinish", async () => {
    const inst = await C("portals/acme/install", { clientId: "app.one", userId: 1 });
    expect(inst.body.install).toMatchObject({ installed: false });
    expect(inst.body.install.applicationToken).toMatch(/^[0-9a-f]{32}$/);
    // The install script binds its handlers with the install token, then calls installFinish.
    const t = await C("portals/acme/tokens", { clientId: "app.one", userId: 1 });
    const rest = t.body.client_endpoint;
    const bind = await postJson(`${rest}event.bind`, { auth: t.body.access_token, event: "ONAPPINSTALL", handler: `${app.url}/events` });
    expect(bind.body.result).toBe(true);
    await postJson(`${rest}event.bind`, { auth: t.body.access_token, event: "onAppUninstall", handler: `${app.url}/events` });
    expect((await get(`${rest}app.info?auth=${t.body.access_token}`)).body.result.INSTALLED).toBe(false);
    expect(app.received).toHaveLength(0);
    const fin = await C("portals/acme/install-finish", { clientId: "app.one" });
    expect(fin.body.deliveries).toHaveLength(1);
    const ev = app.received.find((r) => r.path === "/events")!.body;
    expect(ev.get("event")).toBe("ONAPPINSTALL");
    expect(Object.fromEntries([...ev].filter(([k]) => k.startsWith("data")))).toEqual({
      "data[VERSION]": "1",
      "data[ACTIVE]": "Y",
      "data[INSTALLED]": "Y",
      "data[LANGUAGE_ID]": "de",
    });
    for (const k of [
      "access_token",
      "expires",
      "expires_in",
      "scope",
      "domain",
      "server_endpoint",
      "status",
      "client_endpoint",
      "member_id",
      "user_id",
      "refresh_token",
      "application_token",
    ]) {
      expect(ev.get(`auth[${k}]`), k).toBeTruthy();
    }
    expect(ev.get("auth[application_token]")).toBe(inst.body.install.applicationToken);
    expect(Number(ev.get("ts"))).toBeGreaterThan(0);
    // The token in the event works.
    expect((await get(`${ev.get("auth[client_endpoint]")}app.info?auth=${ev.get("auth[access_token]")}`)).body.result).toMatchObject({
      INSTALLED: true,
      STATUS: "L",
      LICENSE_FAMILY: "std",
    });
  });

  it("event.get lists and event.unbind removes bindings; the handler URL follows the server's checkCallback", async () => {
    const t = await C("portals/acme/tokens", { clientId: "app.one", userId: 1 });
    const rest = t.body.client_endpoint;
    const auth = t.body.access_token;
    const list = (await get(`${rest}event.get?auth=${auth}`)).body.result;
    expect(list).toEqual(expect.arrayContaining([{ event: "ONAPPUNINSTALL", handler: `${app.url}/events`, auth_type: "0", offline: 0 }]));
    // modules/rest/lib/handlerhelper.php: a host without a dot, or a scheme other than http(s), is refused;
    // the host is not compared with the app's URL, so another host or port is accepted.
    expect(await postJson(`${rest}event.bind`, { auth, event: "ONUSERADD", handler: "http://intranet/h" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_WRONG_HANDLER_URL" },
    });
    expect(await postJson(`${rest}event.bind`, { auth, event: "ONUSERADD", handler: "ftp://files.example/h" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_UNSUPPORTED_PROTOCOL" },
    });
    expect((await postJson(`${rest}event.bind`, { auth, event: "ONUSERADD", handler: "https://other.example:8443/h" })).body.result).toBe(true);
    expect((await postJson(`${rest}event.unbind`, { auth, event: "ONUSERADD", handler: "https://other.example:8443/h" })).body.result).toEqual({ count: 1 });
    await postJson(`${rest}event.bind`, { auth, event: "ONUSERADD", handler: `${app.url}/u` });
    expect((await postJson(`${rest}event.unbind`, { auth, event: "ONUSERADD", handler: `${app.url}/u` })).body.result).toEqual({ count: 1 });
    const plain = [...emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active)!;
    const t2 = await C("portals/acme/tokens", { clientId: "app.one", userId: plain.id });
    const denied = await postJson(`${rest}event.bind`, {
      auth: t2.body.access_token,
      event: "ONUSERADD",
      handler: `${app.url}/u`,
      auth_type: plain.id === 1 ? 2 : 1,
    });
    expect(denied).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
  });

  it("uninstall sends ONAPPUNINSTALL with data[CLEAN] and no tokens, then drops the install and its tokens", async () => {
    const t = await C("portals/acme/tokens", { clientId: "app.one", userId: 1 });
    const before = app.received.length;
    const un = await C("portals/acme/uninstall", { clientId: "app.one", clean: true });
    expect(un.body.deliveries).toHaveLength(1);
    const ev = app.received[before].body;
    expect(ev.get("event")).toBe("ONAPPUNINSTALL");
    expect(ev.get("data[CLEAN]")).toBe("1");
    expect(ev.get("auth[application_token]")).toBeTruthy();
    expect(ev.get("auth[member_id]")).toBe(emu.store.portals.get("acme")!.memberId);
    expect(ev.has("auth[access_token]")).toBe(false);
    expect(ev.has("auth[refresh_token]")).toBe(false);
    expect(await get(`${t.body.client_endpoint}profile?auth=${t.body.access_token}`)).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    const deliveries = await get(`${emu.httpUrl}/_emulator/deliveries?portal=acme`);
    expect(deliveries.body.map((d: { event: string }) => d.event)).toEqual(["ONAPPINSTALL", "ONAPPUNINSTALL"]);
  });
});
