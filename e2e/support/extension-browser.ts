/**
 * The Gmail extension in Debian's Chromium for a spec: StaffSuite installed in a fresh portal by
 * its admin (through the portal page), the extension built for this run's app address (a fresh
 * clone has no build) and loaded into a persistent context (new headless), the portal's REST API
 * as its admin, and the popup's connect flow through the portal's consent page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, type Browser, type BrowserContext, type Page, type Worker } from "@playwright/test";
import { buildExtension } from "../../extension/build";
import { appUrl, clientId, control, EXTENSION_ID, openInstalledPortal } from "./stack-env";

const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface ExtensionWorld {
  context: BrowserContext;
  /** The portal page, signed in as its admin (user 1), with the app open. */
  installer: Page;
  worker: Worker;
  portalKey: string;
  memberId: string;
  /** A REST call as the portal's admin. */
  rest<T>(method: string, params: Record<string, unknown>): Promise<T>;
  /** Everything the extension keeps (chrome.storage.local). */
  storage(): Promise<Record<string, unknown>>;
  /** Connects the extension as this portal user through the popup and the consent page; answers the popup. */
  connectAs(userId: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startExtensionWorld(browser: Browser): Promise<ExtensionWorld> {
  const installer = await browser.newPage();
  const { key: portalKey, memberId } = await openInstalledPortal(installer);
  const admin = await control<{ access_token: string; client_endpoint: string }>("POST", `/portals/${portalKey}/tokens`, { clientId: clientId(), userId: 1 });
  const rest = async <T>(method: string, params: Record<string, unknown>) => {
    const res = await fetch(`${admin.client_endpoint}${method}.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...params, auth: admin.access_token }),
    });
    const json = (await res.json()) as { result: T; error?: string };
    if (json.error) throw new Error(`${method}: ${json.error}`);
    return json.result;
  };
  const outDir = mkdtempSync(path.join(tmpdir(), "staffsuite-ext-"));
  const { dir } = await buildExtension({ appUrl: appUrl(), outDir });
  const profileDir = mkdtempSync(path.join(tmpdir(), "staffsuite-profile-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: false,
    args: ["--headless=new", `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...chromiumArgs],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  return {
    context,
    installer,
    worker,
    portalKey,
    memberId,
    rest,
    storage: () => worker.evaluate(() => chrome.storage.local.get(null)),
    async connectAs(userId) {
      const portal = await control<{ domain: string }>("GET", `/portals/${portalKey}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
      await popup.locator("#portal").fill(portal.domain);
      const [consent] = await Promise.all([context.waitForEvent("page"), popup.locator("#connect").click()]);
      await consent.locator(`button[name="user_id"][value="${userId}"]`).click();
      await expect(consent.locator("main")).toHaveAttribute("data-extension-connected", "yes");
      await consent.close();
      await expect(popup.getByTestId("connected-to")).toContainText(portal.domain);
      return popup;
    },
    async close() {
      await context.close().catch(() => undefined);
      await installer.close().catch(() => undefined);
      for (const d of [profileDir, outDir]) rmSync(d, { recursive: true, force: true });
    },
  };
}
