/**
 * Install, sign-in and roles, as a person meets them: the emulated portal page in real Chromium
 * with StaffSuite (the production build) in its iframe. The portal is on 127.0.0.1 and the app on
 * localhost — two sites — so the session cookie only works if it is fit for a cross-site iframe.
 */
import { expect, test } from "@playwright/test";
import { appFrame, control, newPortalWithApp, openInstalledPortal, portalUsers, queryAppDatabase, signedInAs } from "./support/stack-env";

test("an administrator installs StaffSuite and is signed in, in the portal's language", async ({ page }) => {
  const portal = await newPortalWithApp("de");
  await page.goto(portal.pageUrl);

  // First open: the install URL, installFinish through the SDK, then the portal reloads the
  // frame at the handler URL, which signs the admin in.
  const frame = appFrame(page);
  const installer = (await portalUsers(portal.key)).find((u) => u.id === 1)!;
  await expect(frame.getByTestId("signed-in-as")).toHaveText(signedInAs(installer, "Portal-Administrator", "Angemeldet als"), { timeout: 60_000 });
  await expect(frame.getByRole("link", { name: "Einstellungen" })).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Übertragung", exact: true })).toBeVisible();

  const installs = await control<Array<{ clientId: string; installed: boolean }>>("GET", `/portals/${portal.key}/installs`);
  expect(installs.find((i) => i.clientId === process.env.E2E_CLIENT_ID)?.installed).toBe(true);
  const rows = await queryAppDatabase<{ lang: string; installerEmail: string | null; has_token: boolean }>(
    `SELECT lang, "installerEmail", "applicationTokenEnc" IS NOT NULL AS has_token FROM "Portal" WHERE "memberId" = $1`,
    [portal.memberId],
  );
  expect(rows).toEqual([{ lang: "de", installerEmail: expect.stringContaining("@"), has_token: true }]);
});

test("an employee sees no admin pages, and the admin page refuses them on the server", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const frame = appFrame(page);

  const employee = (await portalUsers(portal.key)).find((u) => !u.admin && u.active && u.userType === "employee")!;
  await page.getByTestId("user-switcher").selectOption(String(employee.id));
  await expect(frame.getByTestId("signed-in-as")).toHaveText(signedInAs(employee, "Employee"));
  await expect(frame.getByRole("link", { name: "Settings" })).toHaveCount(0);

  // Going to the admin page anyway (inside the frame, with the employee's session) is refused.
  const settings = await frame.locator("body").evaluate(async () => {
    const response = await fetch("/settings");
    return { status: response.status, text: await response.text() };
  });
  expect(settings.status).toBe(403);
  expect(settings.text).toContain("Administrators only");
});

test("a page of the app opened outside the portal asks to open it from Bitrix24", async ({ page }) => {
  await page.goto(`${process.env.E2E_APP_URL}/transfer`);
  await expect(page.getByTestId("session-required")).toContainText("Open StaffSuite from your Bitrix24 portal");
});

test("without a session the page speaks the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${process.env.E2E_APP_URL}/privacy`);
  await expect(page.getByTestId("session-required")).toContainText("Öffnen Sie StaffSuite in Ihrem Bitrix24-Portal");
  await context.close();
});

test("the portal's frame follows the height of the page inside it", async ({ page }) => {
  await openInstalledPortal(page);
  const frame = appFrame(page);
  const frameHeight = async () => (await page.getByTestId("app-frame-layout").boundingBox())!.height;
  const contentHeight = () => frame.getByTestId("frame-content").evaluate((el) => el.getBoundingClientRect().height);

  await frame.getByRole("link", { name: "Settings" }).click();
  await expect(frame.getByTestId("settings")).toBeVisible();
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);
  const settingsHeight = await frameHeight();
  expect(settingsHeight).toBeGreaterThan(page.viewportSize()!.height);

  // A shorter page shrinks the frame again (not below the minimum).
  await frame.getByRole("link", { name: "Transfer" }).click();
  await expect(frame.getByRole("heading", { name: "Transfer" })).toBeVisible();
  await expect.poll(frameHeight).toBeLessThan(settingsHeight - 200);
  expect(await frameHeight()).toBeGreaterThanOrEqual(480);
});
