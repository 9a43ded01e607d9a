/**
 * Attacks from docs/security.md, in real Chromium against the production build:
 * - a page of another origin on the portal's site frames /settings with a signed-in admin's
 *   (partitioned) cookie: frame-ancestors names only the portal's origin, so it gets nothing;
 * - a demoted administrator's next destructive action is refused (the portal is asked again);
 * - after "delete all data" the app says a reinstall brings it back, and a reinstall does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { appFrame, appUrl, clientId, control, openInstalledPortal, queryAppDatabase } from "./support/stack-env";

/** A page on 127.0.0.1 at another port: another origin, the same site as the emulated portal (also on 127.0.0.1). */
async function baitServer(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function portalRowCount(memberId: string): Promise<number> {
  return Number((await queryAppDatabase<{ n: string }>(`SELECT count(*) AS n FROM "Portal" WHERE "memberId" = $1`, [memberId]))[0].n);
}

async function openSettings(page: Page) {
  const frame = appFrame(page);
  await frame.getByRole("link", { name: "Settings" }).click();
  await expect(frame.getByRole("heading", { name: "What we store" })).toBeVisible();
  return frame;
}

test("a page of another origin on the portal's site cannot frame the admin area", async ({ page, context }) => {
  const portal = await openInstalledPortal(page);
  await openSettings(page); // the admin's session works in the portal's frame
  // Every emulated portal is the root of its own origin (docs/decisions/005-emulator-portal-per-port.md).
  const portalOrigin = new URL(portal.pageUrl).origin;

  const bait = await baitServer(
    `<!doctype html><title>Win a prize</title><iframe id="victim" src="${appUrl()}/settings" style="opacity:0.01;width:900px;height:700px"></iframe>`,
  );
  try {
    const attacker = await context.newPage();
    const framed = attacker.waitForResponse((r) => r.url() === `${appUrl()}/settings`);
    await attacker.goto(bait.url);
    const response = await framed;
    // The bait's frame does carry the admin's session (same site, same cookie partition): only
    // the frame-ancestors answer stands between the bait and the admin area.
    expect((await response.request().allHeaders()).cookie ?? "").toContain("staffsuite.session=");
    // The answer itself says only the signed-in portal may show it…
    expect(response.headers()["content-security-policy"]).toBe(`frame-ancestors ${portalOrigin}`);
    // …and Chromium does not render it in the bait page: nothing of Settings is there to click.
    const victim = attacker.frames().find((f) => f !== attacker.mainFrame());
    expect(victim).toBeDefined();
    await expect
      .poll(async () =>
        victim!
          .locator('[data-testid="settings"], [data-testid="danger-zone"]')
          .count()
          .catch(() => 0),
      )
      .toBe(0);
    expect(await victim!.evaluate(() => document.body?.innerText ?? "").catch(() => "")).not.toContain("Delete all data");
    await attacker.close();
  } finally {
    await bait.close();
  }
});

test("a page without a session cannot be framed by anyone", async ({ request }) => {
  const answer = await request.get(`${appUrl()}/settings`);
  expect(answer.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
});

test("an administrator demoted in the portal is refused at their next destructive action", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const frame = await openSettings(page);
  const [{ domain }] = await queryAppDatabase<{ domain: string }>(`SELECT domain FROM "Portal" WHERE "memberId" = $1`, [portal.memberId]);

  await control("POST", `/portals/${portal.key}/users/1`, { admin: false });
  await frame.getByRole("button", { name: "Delete all data…" }).click();
  await frame
    .getByRole("dialog")
    .getByLabel(/type the portal address/)
    .fill(domain);
  await frame.getByRole("dialog").getByRole("button", { name: "Delete everything" }).click();
  await expect(frame.getByTestId("forbidden")).toContainText("Administrators only");
  expect(await portalRowCount(portal.memberId)).toBe(1);
});

test("after deleting all data the app says a reinstall brings it back, and a reinstall does", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const frame = await openSettings(page);
  const [{ domain }] = await queryAppDatabase<{ domain: string }>(`SELECT domain FROM "Portal" WHERE "memberId" = $1`, [portal.memberId]);
  await frame.getByRole("button", { name: "Delete all data…" }).click();
  await expect(frame.getByRole("dialog")).toContainText("until an administrator reinstalls it");
  await frame
    .getByRole("dialog")
    .getByLabel(/type the portal address/)
    .fill(domain);
  await frame.getByRole("dialog").getByRole("button", { name: "Delete everything" }).click();
  await expect(frame.getByTestId("data-deleted")).toContainText("reinstalls it in Bitrix24");
  expect(await portalRowCount(portal.memberId)).toBe(0);

  // The administrator opens the app again: it says what brings it back.
  await page.goto(portal.pageUrl);
  await expect(appFrame(page).getByTestId("auth-error")).toContainText("must reinstall it in Bitrix24");
  expect(await portalRowCount(portal.memberId)).toBe(0);

  // Uninstall and install again in the portal: the install URL sets it up, verified as ever.
  await control("POST", `/portals/${portal.key}/uninstall`, { clientId: clientId() });
  await control("POST", `/portals/${portal.key}/install`, { clientId: clientId(), userId: 1 });
  await page.goto(portal.pageUrl);
  await expect(appFrame(page).getByTestId("signed-in-as")).toContainText("Portal administrator", { timeout: 60_000 });
  await expect(appFrame(page).getByRole("heading", { name: "Transfer" })).toBeVisible();
  expect(await portalRowCount(portal.memberId)).toBe(1);
});
