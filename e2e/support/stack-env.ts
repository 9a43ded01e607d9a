/**
 * What e2e/global-setup.ts started, and small helpers over the emulator's control API.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { controlClient, type ControlCall, type ControlMethod } from "../../emulator/control/client";

export const appUrl = () => required("E2E_APP_URL");
export const emulatorUrl = () => required("E2E_EMULATOR_URL");
export const clientId = () => required("E2E_CLIENT_ID");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through playwright.config.ts (global setup)`);
  return value;
}

/** The emulator's control API (emulator/control/README.md); the URL is known only after global setup. */
export const control: ControlCall = <T>(method: ControlMethod, path: string, body?: unknown) => controlClient(emulatorUrl())<T>(method, path, body);

let portalSeq = 0;

/** A fresh emulated portal (its own member_id) with StaffSuite installed by user 1, not finished. */
export async function newPortalWithApp(lang: "en" | "ru" | "de"): Promise<{ key: string; memberId: string; pageUrl: string }> {
  const key = `e2e-${process.pid}-${++portalSeq}`;
  const portal = await control<{ memberId: string; baseUrl: string }>("POST", "/portals", { key, lang, protocol: "http", seed: 3 });
  await control("POST", `/portals/${key}/install`, { clientId: clientId(), userId: 1 });
  // The portal is the root of its own origin (emulator/control/README.md: baseUrl).
  return { key, memberId: portal.memberId, pageUrl: `${portal.baseUrl}/marketplace/app/${clientId()}/` };
}

export const appFrame = (page: Page) => page.frameLocator('[data-testid="app-frame"]');

/**
 * A fresh English portal opened by its admin until the install is complete: the install-finish
 * page is signed in too, so wait for the handler page the portal reloads to after installFinish —
 * before that, anyone else opening the app would get the install URL again.
 */
export async function openInstalledPortal(page: Page) {
  const portal = await newPortalWithApp("en");
  await page.goto(portal.pageUrl);
  await expect(appFrame(page).getByTestId("signed-in-as")).toContainText("Portal administrator", { timeout: 60_000 });
  await expect(appFrame(page).getByRole("heading", { name: "Transfer" })).toBeVisible();
  return portal;
}

export interface EmulatedUser {
  id: number;
  name: string;
  lastName: string;
  admin: boolean;
  active: boolean;
  userType: string;
}

/** The emulated portal's users, read through the control API. */
export const portalUsers = (key: string) => control<EmulatedUser[]>("GET", `/portals/${key}/users`);

/** What the app's header says about who is signed in. */
export const signedInAs = (user: EmulatedUser, role: string, words = "Signed in as") => `${words} ${user.name} ${user.lastName} · ${role}`;

/** Runs a query on the app's database (to assert what the app stored). */
export async function queryAppDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: required("E2E_DATABASE_URL") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The unpacked extension's ID, pinned by its manifest `key` (extension/manifest.ts) and allowed by EXTENSION_IDS' default. */
export const EXTENSION_ID = "nkpemaaopkoinklakofmpgimbhhlcabe";

/**
 * Waits until `target` (in the app's frame) lies wholly inside the portal's window, as a user must
 * see a dialog they just opened: our frame is as tall as the page, so "visible" in the frame's
 * own terms proves nothing. Playwright's boxes are in the main page's viewport coordinates.
 */
export async function expectInWindow(page: Page, target: Locator, what: string): Promise<void> {
  const window = page.viewportSize()!;
  await expect
    .poll(
      async () => {
        const box = await target.boundingBox();
        return box && box.y >= 0 && box.y + box.height <= window.height ? "in the window" : `at ${JSON.stringify(box)}, window ${window.height} px tall`;
      },
      { message: `${what} is inside the portal's window` },
    )
    .toBe("in the window");
}
