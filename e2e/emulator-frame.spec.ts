/**
 * The emulator's portal page with the official SDK's B24Frame inside it, in real Chromium.
 *
 * The app (e2e/fixtures/frame-app) runs on `localhost`, the portal on `127.0.0.1`: two sites,
 * as a real app and portal are. The app loads @bitrix24/b24jssdk's UMD build and talks to the
 * page only through the SDK, so each assertion shows the page speaks the protocol the SDK
 * expects (bitrix24-core-corp modules/rest/install/js/rest/applayout.js is the reference).
 */
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { installApp } from "../emulator/apps/lifecycle";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { registerApp } from "../emulator/state/store";
import type { Portal, PortalUser } from "../emulator/state/types";
import { startFrameAppServer, type FrameAppServer } from "./fixtures/frame-app/server";

let emulator: RunningEmulator;
let appServer: FrameAppServer;
let portalSeq = 0;

test.beforeAll(async () => {
  emulator = await startEmulator({ httpPort: 0, httpsPort: null });
  appServer = await startFrameAppServer();
});

test.afterAll(async () => {
  await appServer?.close();
  await emulator?.close();
});

interface World {
  portal: Portal;
  clientId: string;
  appUrl: string;
}

/** A fresh portal with the fixture app installed by user 1 (an admin); install unfinished when asked. */
async function arrange(options: { withInstallUrl: boolean }): Promise<World> {
  const key = `frame-${process.pid}-${++portalSeq}`;
  const portal = await emulator.addPortal({ key, seed: 7, title: `Frame Test ${portalSeq}` });
  const clientId = `local.frame.${key}`;
  registerApp(emulator.store, {
    clientId,
    clientSecret: "fixture-secret",
    name: "Frame Fixture",
    handlerUrl: `${appServer.origin}/app.html`,
    installUrl: options.withInstallUrl ? `${appServer.origin}/app.html?step=install` : null,
    scopes: ["user", "placement"],
  });
  await installApp(emulator.store, portal, clientId, 1);
  // Every portal is the root of its own origin (docs/decisions/005-emulator-portal-per-port.md).
  return { portal, clientId, appUrl: `http://${portal.domain}/marketplace/app/${clientId}/` };
}

function nonAdmin(portal: Portal): PortalUser {
  const user = [...portal.users.values()].find((u) => !u.admin && u.active && u.userType === "employee");
  if (!user) throw new Error("seeded portal has no active non-admin employee");
  return user;
}

const appFrame = (page: Page) => page.frameLocator('[data-testid="app-frame"]');

test("opens the install URL with the portal's POST, then the handler after installFinish", async ({ page }) => {
  const { portal, clientId, appUrl } = await arrange({ withInstallUrl: true });
  await page.goto(appUrl);
  const frame = appFrame(page);
  await expect(frame.locator("#status")).toHaveText("ready");
  await expect(frame.locator("#page")).toHaveText("install");
  await expect(frame.locator("#install-mode")).toHaveText("true");

  // The form and query string as the real app.layout template sends them.
  const post = JSON.parse((await frame.locator("#post").textContent()) ?? "null") as {
    fields: string[];
    query: Record<string, string>;
  };
  expect(post.fields.sort()).toEqual(
    ["AUTH_EXPIRES", "AUTH_ID", "PLACEMENT", "PLACEMENT_OPTIONS", "REFRESH_ID", "SERVER_ENDPOINT", "member_id", "status"].sort(),
  );
  expect(post.query).toMatchObject({ DOMAIN: portal.domain, PROTOCOL: "0", LANG: "en", step: "install" });
  expect(post.query.APP_SID).toMatch(/^[0-9a-f]{32}$/);
  const sent = appServer.posts.at(-1)!;
  expect(sent.fields).toMatchObject({ member_id: portal.memberId, PLACEMENT: "DEFAULT", AUTH_EXPIRES: "3600", status: "L" });
  expect(JSON.parse(sent.fields.PLACEMENT_OPTIONS)).toEqual({ any: `${clientId}/` });
  // The AUTH_ID the app got is a live token of the viewer (user 1) for this app.
  const grant = emulator.store.grantsByAccess.get(sent.fields.AUTH_ID);
  expect(grant).toMatchObject({ portalKey: portal.key, clientId, userId: 1 });
  expect(portal.installs.get(clientId)?.installed).toBe(false);

  await frame.locator("#finish").click();
  // The portal marks the install finished and reopens the app at its handler URL.
  await expect(frame.locator("#page")).toHaveText("handler");
  await expect(frame.locator("#status")).toHaveText("ready");
  await expect(frame.locator("#install-mode")).toHaveText("false");
  expect(portal.installs.get(clientId)?.installed).toBe(true);
  expect(new URL(page.url()).searchParams.get("install_finished")).toBe("Y");
});

test("gives B24Frame its auth and REST, resizes the frame and sets the title", async ({ page }) => {
  const { portal, appUrl } = await arrange({ withInstallUrl: false });
  await page.goto(`${appUrl}?lang=de`);
  const frame = appFrame(page);
  await expect(frame.locator("#status")).toHaveText("ready");
  // B24Frame builds the portal address from window.name ("host|protocol|APP_SID").
  await expect(frame.locator("#domain")).toHaveText(`http://${portal.domain}`);
  await expect(frame.locator("#member")).toHaveText(portal.memberId);
  await expect(frame.locator("#admin")).toHaveText("true");
  await expect(frame.locator("#install-mode")).toHaveText("false");
  await expect(frame.locator("#placement")).toHaveText("DEFAULT");
  await expect(frame.locator("#lang")).toHaveText("de");
  await expect(frame.locator("#profile")).toHaveText(JSON.stringify({ ID: "1", ADMIN: true }));

  await frame.locator("#resize").click();
  await expect(frame.locator("#result")).toContainText('"height":480');
  await expect.poll(async () => (await page.getByTestId("app-frame-layout").boundingBox())?.height).toBe(480);

  await frame.locator("#title").click();
  await expect(page.getByTestId("page-title")).toHaveText("Fixture title");
  await expect(page).toHaveTitle("Fixture title");
});

test("the user switcher reopens the app with another user's tokens", async ({ page, context }) => {
  const { portal, appUrl } = await arrange({ withInstallUrl: false });
  const employee = nonAdmin(portal);
  await page.goto(appUrl);
  const frame = appFrame(page);
  await expect(frame.locator("#profile")).toHaveText(JSON.stringify({ ID: "1", ADMIN: true }));
  await expect(page.locator(`[data-testid="user-switcher"] option[value="1"]`)).toContainText("admin");

  await page.getByTestId("user-switcher").selectOption(String(employee.id));
  await expect(page.getByTestId("current-user")).toHaveAttribute("data-user-id", String(employee.id));
  await expect(frame.locator("#status")).toHaveText("ready");
  await expect(frame.locator("#admin")).toHaveText("false");
  await expect(frame.locator("#profile")).toHaveText(JSON.stringify({ ID: String(employee.id), ADMIN: false }));

  // The choice lives in a cookie of the portal's origin, named after the portal (cookies ignore ports).
  const cookies = await context.cookies(`http://${portal.domain}/`);
  expect(cookies.find((c) => c.name === `b24emu_user_${portal.key.replace(/-/g, "_")}`)?.value).toBe(String(employee.id));
  await page.reload();
  await expect(appFrame(page).locator("#profile")).toHaveText(JSON.stringify({ ID: String(employee.id), ADMIN: false }));
});

test("refreshAuth, app and user options, and the user selector dialog", async ({ page }) => {
  const { portal, clientId, appUrl } = await arrange({ withInstallUrl: false });
  await page.goto(appUrl);
  const frame = appFrame(page);
  await expect(frame.locator("#status")).toHaveText("ready");
  const grantsBefore = emulator.store.grantsByAccess.size;

  await frame.locator("#refresh").click();
  await expect(frame.locator("#result")).toHaveText(JSON.stringify({ changed: true, profile: { ID: "1", ADMIN: true } }));
  expect(emulator.store.grantsByAccess.size).toBeGreaterThan(grantsBefore);

  await frame.locator("#app-option").click();
  await expect(frame.locator("#result")).toHaveText("set");
  expect(portal.installs.get(clientId)?.options).toMatchObject({ fixture_option: "on" });

  await frame.locator("#user-option").click();
  await expect(frame.locator("#result")).toHaveText("set");
  expect(portal.installs.get(clientId)?.userOptions[1]).toMatchObject({ fixture_user_option: "42" });

  const employee = nonAdmin(portal);
  await frame.locator("#select-user").click();
  const dialog = page.getByTestId("user-selector");
  await expect(dialog).toBeVisible();
  await dialog.locator(`button[data-user-id="${employee.id}"]`).click();
  await expect(dialog).toHaveCount(0);
  const picked = JSON.parse((await frame.locator("#result").textContent()) ?? "null") as { id: string; name: string };
  expect(picked.id).toBe(String(employee.id));
  expect(picked.name).toBe(`${employee.name} ${employee.lastName}`.trim());

  await frame.locator("#select-users").click();
  await dialog.locator(`input[data-user-id="1"]`).check();
  await dialog.locator(`input[data-user-id="${employee.id}"]`).check();
  await dialog.getByTestId("user-selector-ok").click();
  await expect(frame.locator("#result")).toContainText(`"id":"${employee.id}"`);
  const many = JSON.parse((await frame.locator("#result").textContent()) ?? "[]") as Array<{ id: string }>;
  expect(many.map((u) => u.id)).toEqual(["1", String(employee.id)]);
});

test("answers only commands signed with its frame's APP_SID", async ({ page }) => {
  const { appUrl } = await arrange({ withInstallUrl: false });
  await page.goto(appUrl);
  const frame = appFrame(page);
  await expect(frame.locator("#status")).toHaveText("ready");
  await frame.locator("#probe-sid").click();
  await expect(frame.locator("#result")).toHaveText(JSON.stringify(["probe_good"]));
});

test("openApplication shows the app in a slider that closeApplication closes", async ({ page }) => {
  const { appUrl } = await arrange({ withInstallUrl: false });
  await page.goto(appUrl);
  const frame = appFrame(page);
  await expect(frame.locator("#status")).toHaveText("ready");
  await frame.locator("#open-app").click();
  const slider = page.getByTestId("app-slider");
  await expect(slider).toBeVisible();
  const inner = slider.frameLocator("iframe").frameLocator('[data-testid="app-frame"]');
  await expect(inner.locator("#status")).toHaveText("ready");
  // openApplication's parameters reach the opened app as its placement options.
  await expect(inner.locator("#placement-options")).toHaveText(JSON.stringify({ opened: "yes" }));
  await inner.locator("#close-app").click();
  await expect(slider).toHaveCount(0);
  await expect(frame.locator("#result")).toHaveText("slider closed");
});

test.describe("over HTTPS", () => {
  // The emulator's local CA is not in Chromium's store; the portal's certificate is not what
  // this test is about, the protocol flag in the frame's name and POST is.
  test.use({ ignoreHTTPSErrors: true });
  let secure: RunningEmulator;

  test.beforeAll(async () => {
    secure = await startEmulator({ httpPort: 0, httpsPort: 0, tlsDir: path.join(os.tmpdir(), "staffsuite-e2e-tls") });
  });
  test.afterAll(async () => {
    await secure?.close();
  });

  test("an https portal sends PROTOCOL=1 and B24Frame targets its https origin", async ({ page }) => {
    const portal = await secure.addPortal({ key: "secure", seed: 7, protocol: "https" });
    registerApp(secure.store, {
      clientId: "local.frame.secure",
      clientSecret: "fixture-secret",
      name: "Frame Fixture",
      handlerUrl: `${appServer.origin}/app.html`,
      installUrl: null,
      scopes: ["user"],
    });
    await installApp(secure.store, portal, "local.frame.secure", 1);
    await page.goto(`https://${portal.domain}/marketplace/app/local.frame.secure/`);
    const frame = appFrame(page);
    await expect(frame.locator("#status")).toHaveText("ready");
    await expect(frame.locator("#domain")).toHaveText(`https://${portal.domain}`);
    const post = JSON.parse((await frame.locator("#post").textContent()) ?? "null") as { query: Record<string, string> };
    expect(post.query).toMatchObject({ PROTOCOL: "1", DOMAIN: portal.domain });
  });
});
