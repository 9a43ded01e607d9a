/**
 * The portal page over HTTP, without a browser: the form it renders, the frame session's
 * guard, and the user switcher's cookie. The browser side is e2e/emulator-frame.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installApp } from "../apps/lifecycle";
import { startEmulator, type RunningEmulator } from "../server";
import { registerApp } from "../state/store";
import type { Portal } from "../state/types";

let emu: RunningEmulator;
let portal: Portal;
/** The portal's own origin, e.g. http://127.0.0.1:40123 */
let base: string;
const clientId = "local.portal-page.test";

beforeAll(async () => {
  emu = await startEmulator({ httpPort: 0, httpsPort: null });
  portal = await emu.addPortal({ key: "pp", seed: 3, title: "Page <Test>", lang: "ru" });
  base = `http://${portal.domain}`;
  registerApp(emu.store, {
    clientId,
    clientSecret: "secret",
    name: "Page Test App",
    handlerUrl: "http://localhost:1/handler?x=1",
    installUrl: "http://localhost:1/install",
    scopes: ["user"],
  });
  await installApp(emu.store, portal, clientId, 1);
});

afterAll(async () => {
  await emu.close();
});

const attr = (html: string, re: RegExp) => re.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null;

async function openApp(cookie?: string) {
  const res = await fetch(`${base}/marketplace/app/${clientId}/`, { headers: cookie ? { cookie } : {} });
  const html = await res.text();
  const config = JSON.parse(/<script type="application\/json" id="b24emu-frame-config">(.*?)<\/script>/s.exec(html)![1]);
  return { res, html, config };
}

describe("portal page", () => {
  it("renders the app form as the real portal does, at the install URL until installFinish", async () => {
    const { res, html, config } = await openApp();
    expect(res.status).toBe(200);
    const host = new URL(base).host;
    const action = new URL(attr(html, /<form name="appform_[0-9a-f]+" action="([^"]+)"/)!);
    expect(action.origin + action.pathname).toBe("http://localhost:1/install");
    expect(Object.fromEntries(action.searchParams)).toEqual({
      DOMAIN: host,
      PROTOCOL: "0",
      LANG: "ru",
      APP_SID: config.appSid,
    });
    // The iframe's name is what B24Frame parses: DOMAIN | protocol | APP_SID.
    expect(attr(html, /<iframe id="appframe_[0-9a-f]+" name="([^"]+)"/)).toBe(`${host}|0|${config.appSid}`);
    expect(config.initData).toMatchObject({
      DOMAIN: host,
      PATH: "/rest/",
      INSTALL: true,
      IS_ADMIN: true,
      MEMBER_ID: portal.memberId,
      LANG: "ru",
      PLACEMENT: "DEFAULT",
    });
    expect(config.appOrigin).toBe("http://localhost:1");
    // Titles are escaped.
    expect(html).toContain("Page &lt;Test&gt;");
  });

  it("opens the handler URL (keeping its own query) once the install is finished", async () => {
    portal.installs.get(clientId)!.installed = true;
    try {
      const { html, config } = await openApp();
      const action = new URL(attr(html, /<form name="appform_[0-9a-f]+" action="([^"]+)"/)!);
      expect(action.pathname).toBe("/handler");
      expect(action.searchParams.get("x")).toBe("1");
      expect(action.searchParams.get("APP_SID")).toBe(config.appSid);
      expect(config.initData.INSTALL).toBe(false);
    } finally {
      portal.installs.get(clientId)!.installed = false;
    }
  });

  it("refuses frame actions without the page token, and acts with it", async () => {
    const { config } = await openApp();
    const url = `${base}/_portal/frame`;
    const body = JSON.stringify({ appSid: config.appSid, action: "access_refresh" });
    const denied = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(denied.status).toBe(403);
    const ok = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-b24emu-page-token": config.pageToken } });
    expect(ok.status).toBe(200);
    const tokens = (await ok.json()) as { access_token: string; expires_in: number };
    expect(emu.store.grantsByAccess.get(tokens.access_token)).toMatchObject({ portalKey: "pp", clientId, userId: 1 });
    expect(tokens.expires_in).toBe(3600);
  });

  it("switches the user with a portal-scoped cookie and never redirects off the portal", async () => {
    const employee = [...portal.users.values()].find((u) => !u.admin && u.active)!;
    const form = new URLSearchParams({ user_id: String(employee.id), return: "https://evil.example/" });
    const res = await fetch(`${base}/_portal/user`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const cookie = res.headers.get("set-cookie")!;
    // Cookies ignore ports: the portal's key in the name keeps two portals on 127.0.0.1 apart.
    expect(cookie).toContain(`b24emu_user_pp=${employee.id}`);
    expect(cookie).toContain("Path=/;");
    const { config } = await openApp(cookie.split(";")[0]);
    expect(config.initData.IS_ADMIN).toBe(false);
    expect(emu.store.grantsByAccess.get(config.initData.AUTH_ID)?.userId).toBe(employee.id);
  });

  it("lists installed apps on the start page and 404s an unknown app", async () => {
    const start = await fetch(`${base}/`);
    expect(await start.text()).toContain(`href="/marketplace/app/${clientId}/"`);
    const missing = await fetch(`${base}/marketplace/app/nope/`);
    expect(missing.status).toBe(404);
  });

  it("serves the users' photos under the portal, where the page's avatar points", async () => {
    const withPhoto = [...portal.users.values()].find((u) => u.personalPhoto)!;
    const without = [...portal.users.values()].find((u) => !u.personalPhoto)!;
    const { html } = await openApp();
    const viewer = portal.users.get(1)!;
    if (viewer.personalPhoto) expect(html).toContain(`src="${viewer.personalPhoto}"`);

    const photo = await fetch(`${base}${withPhoto.personalPhoto}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/svg+xml");
    expect(await photo.text()).toContain(`>${(withPhoto.name[0] + withPhoto.lastName[0]).toUpperCase()}</text>`);
    expect((await fetch(`${base}/upload/main/avatar/${without.id}.png`)).status).toBe(404);
  });

  it("shows a profile's bound profile-menu items and opens one as the portal opens a placement", async () => {
    const install = portal.installs.get(clientId)!;
    const person = [...portal.users.values()].find((u) => !u.active) ?? [...portal.users.values()][3];
    const employees = await (await fetch(`${base}/company/`)).text();
    expect(employees).toContain(`href="/company/personal/user/${person.id}/"`);
    const empty = await (await fetch(`${base}/company/personal/user/${person.id}/`)).text();
    expect(empty).not.toContain('data-testid="profile-placement"');
    install.installed = true;
    install.placements = [
      { id: 1, placement: "LEFT_MENU", handler: "http://localhost:1/left", userId: 0, title: "Left", langAll: {}, options: [] },
      {
        id: 2,
        placement: "USER_PROFILE_MENU",
        handler: "http://localhost:1/handler?x=1",
        userId: 0,
        title: "Overview",
        langAll: { ru: { TITLE: "Обзор <работы>", DESCRIPTION: "", GROUP_NAME: "" } },
        options: [],
      },
    ];
    try {
      const res = await fetch(`${base}/company/personal/user/${person.id}/`);
      expect(res.status).toBe(200);
      const html = await res.text();
      // Only the profile menu's binding, titled in the portal's language (ru), escaped.
      const links = [...html.matchAll(/<a href="([^"]+)" data-testid="profile-placement"[^>]*>([^<]*)<\/a>/g)];
      expect(links.map((l) => [l[1], l[2]])).toEqual([[`/company/personal/user/${person.id}/placement/${clientId}/1/`, "Обзор &lt;работы&gt;"]]);

      const opened = await fetch(`${base}${links[0][1]}`);
      const page = await opened.text();
      const action = new URL(attr(page, /<form name="appform_[0-9a-f]+" action="([^"]+)"/)!);
      expect(action.origin + action.pathname).toBe("http://localhost:1/handler");
      expect(attr(page, /name="PLACEMENT" value="([^"]*)"/)).toBe("USER_PROFILE_MENU");
      expect(JSON.parse(attr(page, /name="PLACEMENT_OPTIONS" value="([^"]*)"/)!.replace(/&quot;|&#34;/g, '"'))).toEqual({ USER_ID: String(person.id) });
      const config = JSON.parse(/<script type="application\/json" id="b24emu-frame-config">(.*?)<\/script>/s.exec(page)![1]);
      expect(config.initData).toMatchObject({ PLACEMENT: "USER_PROFILE_MENU", PLACEMENT_OPTIONS: { USER_ID: String(person.id) } });

      expect((await fetch(`${base}/company/personal/user/${person.id}/placement/${clientId}/0/`)).status).toBe(404);
      expect((await fetch(`${base}/company/personal/user/999999/`)).status).toBe(404);
    } finally {
      install.installed = false;
      install.placements = [];
    }
  });

  it("sends an old path-prefixed address (/p/{key}/…) on the central server to the portal's own origin", async () => {
    const res = await fetch(`${emu.httpUrl}/p/pp/marketplace/app/${clientId}/?lang=de`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`${base}/marketplace/app/${clientId}/?lang=de`);
  });
});
