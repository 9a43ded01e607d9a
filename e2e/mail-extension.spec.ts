/**
 * The Gmail extension end to end: the built extension loaded into Debian's Chromium (a persistent
 * context, new headless), a page with Gmail's thread structure at mail.google.com (routed), the
 * connect flow through the emulated portal's OAuth, the sidebar's cards, creating a lead, logging
 * an e-mail once, switching threads, and disconnecting (storage cleared, the old token refused).
 * The extension is built here, for this run's app address (a fresh clone has no build).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from "@playwright/test";
import { buildExtension } from "../extension/build";
import { appFrame, appUrl, control, clientId, newPortalWithApp, openInstalledPortal } from "./support/stack-env";
import { gmailPage, type FixtureThread } from "./fixtures/gmail/thread-page";

const EXTENSION_ID = "nkpemaaopkoinklakofmpgimbhhlcabe";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const EMPLOYEE = 5;

interface TokenAnswer {
  access_token: string;
  client_endpoint: string;
}

let context: BrowserContext;
let installer: Page;
let worker: Worker;
let profileDir: string;
let outDir: string;
let portalKey: string;
let rest: <T>(method: string, params: Record<string, unknown>) => Promise<T>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  // Install StaffSuite in a fresh portal the way an admin does (through the portal page).
  installer = await browser.newPage();
  portalKey = (await openInstalledPortal(installer)).key;
  const admin = await control<TokenAnswer>("POST", `/portals/${portalKey}/tokens`, { clientId: clientId(), userId: 1 });
  rest = async <T>(method: string, params: Record<string, unknown>) => {
    const res = await fetch(`${admin.client_endpoint}${method}.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...params, auth: admin.access_token }),
    });
    const json = (await res.json()) as { result: T; error?: string };
    if (json.error) throw new Error(`${method}: ${json.error}`);
    return json.result;
  };

  outDir = mkdtempSync(path.join(tmpdir(), "staffsuite-ext-"));
  const { dir } = await buildExtension({ appUrl: appUrl(), outDir });
  profileDir = mkdtempSync(path.join(tmpdir(), "staffsuite-profile-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: false,
    args: ["--headless=new", `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...chromiumArgs],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
});

test.afterAll(async () => {
  await context?.close();
  for (const d of [profileDir, outDir]) if (d) rmSync(d, { recursive: true, force: true });
});

const storage = () => worker.evaluate(() => chrome.storage.local.get(null));

test("loads with a fixed ID and only the permissions it needs", async () => {
  expect(new URL(worker.url()).host).toBe(EXTENSION_ID);
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.permissions).toEqual(["storage"]);
  expect(manifest.host_permissions).toEqual(["https://mail.google.com/*", `${new URL(appUrl()).origin}/*`]);
});

test("connects, shows the thread's people, creates a lead, logs once, follows navigation, disconnects", async () => {
  // The world: a colleague, a contact with an open deal, and a stranger.
  const users = await rest<Array<{ ID: string; EMAIL: string; NAME: string; LAST_NAME: string }>>("user.get", { FILTER: { ID: [EMPLOYEE, 3] } });
  const me = users.find((u) => Number(u.ID) === EMPLOYEE)!;
  const colleague = users.find((u) => Number(u.ID) === 3)!;
  const stamp = Date.now();
  const contactEmail = `gina.buyer.${stamp}@globex-e2e.test`;
  const contactId = await rest<number>("crm.contact.add", {
    fields: { NAME: "Gina", LAST_NAME: "Buyer", EMAIL: [{ VALUE: contactEmail, VALUE_TYPE: "WORK" }], OPENED: "Y" },
  });
  const dealId = await rest<number>("crm.deal.add", { fields: { TITLE: `Globex renewal ${stamp}`, CONTACT_ID: contactId, OPENED: "Y" } });
  const stranger = `sam.stranger.${stamp}@initech-e2e.test`;
  const myEmail = me.EMAIL.toLowerCase();
  const threads: FixtureThread[] = [
    {
      id: "FMfcgzQXJWbNqTdLkLrMvZpR",
      subject: `Renewal terms ${stamp}`,
      messages: [
        {
          id: `18c${stamp}a1`,
          from: { email: stranger, name: "Sam Stranger" },
          to: [{ email: myEmail, name: `${me.NAME} ${me.LAST_NAME}` }],
          cc: [
            { email: colleague.EMAIL, name: `${colleague.NAME} ${colleague.LAST_NAME}` },
            { email: contactEmail, name: "Gina Buyer" },
          ],
          date: "Thu, Nov 20, 2026, 10:00 AM",
          body: "Hello, here are the renewal terms we discussed.",
        },
      ],
    },
    {
      id: "FMfcgzQXJWbNqTdLkLrMvZpS",
      subject: `Lunch ${stamp}`,
      messages: [
        {
          id: `18c${stamp}b1`,
          from: { email: contactEmail, name: "Gina Buyer" },
          to: [{ email: myEmail, name: "" }],
          cc: [],
          date: "Fri, Nov 21, 2026, 12:00 PM",
          body: "Lunch on Friday?",
        },
      ],
    },
  ];
  await context.route("https://mail.google.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: gmailPage(myEmail, threads) }));

  // Connect: the popup, the portal's consent page (as the employee), the app's callback page.
  const portal = await control<{ domain: string }>("GET", `/portals/${portalKey}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.getByLabel("Your Bitrix24 address").fill(portal.domain);
  const [consent] = await Promise.all([context.waitForEvent("page"), popup.getByRole("button", { name: "Connect" }).click()]);
  await consent.locator(`button[name="user_id"][value="${EMPLOYEE}"]`).click();
  await expect(consent.locator("main")).toHaveAttribute("data-extension-connected", "yes");
  await expect(popup.getByTestId("connected-to")).toContainText(portal.domain);
  const stored = await storage();
  expect(Object.keys(stored).sort()).toEqual(["connection", "lastPortal", "ownEmails"]);
  expect(stored.ownEmails).toContain(myEmail);
  const token = (stored.connection as { token: string }).token;
  await consent.close();

  // The inbox list carries addresses too, but no thread is open: no panel, no lookup.
  const gmail = await context.newPage();
  await gmail.goto("https://mail.google.com/mail/u/0/#inbox");
  await expect(gmail.locator("span.zF").first()).toBeVisible();
  await expect(gmail.getByTestId("staffsuite-panel")).toHaveCount(0);

  // Open the first thread: a card per participant except me.
  await gmail.getByRole("link", { name: threads[0].subject }).click();
  const panel = gmail.getByTestId("staffsuite-panel");
  await expect(panel.locator(`[data-email="${colleague.EMAIL.toLowerCase()}"]`)).toHaveAttribute("data-kind", "colleague");
  await expect(panel.locator(`[data-email="${contactEmail}"]`)).toHaveAttribute("data-kind", "crm");
  await expect(panel.locator(`[data-email="${contactEmail}"] [data-deal="${dealId}"]`)).toContainText(`Globex renewal ${stamp}`);
  await expect(panel.locator(`[data-email="${stranger}"]`)).toHaveAttribute("data-kind", "unknown");
  await expect(panel.locator(`[data-email="${myEmail}"]`)).toHaveCount(0);
  await expect(panel.locator(`[data-email="${colleague.EMAIL.toLowerCase()}"]`)).toContainText(`${colleague.NAME} ${colleague.LAST_NAME}`);
  await gmail.screenshot({ path: test.info().outputPath("sidebar-thread.png") });

  // Create a lead for the stranger (prefilled from the e-mail): it appears in the portal.
  const strangerCard = panel.locator(`[data-email="${stranger}"]`);
  await strangerCard.locator('[data-action="create-lead"]').click();
  await expect(strangerCard.locator('input[name="name"]')).toHaveValue("Sam");
  await expect(strangerCard.locator('input[name="lastName"]')).toHaveValue("Stranger");
  await strangerCard.getByRole("button", { name: "Create", exact: true }).click();
  await expect(panel.locator(`[data-email="${stranger}"]`)).toHaveAttribute("data-kind", "crm");
  const found = await rest<{ LEAD?: number[] }>("crm.duplicate.findbycomm", { type: "EMAIL", values: [stranger] });
  expect(found.LEAD).toHaveLength(1);
  const lead = await rest<Record<string, string>>("crm.lead.get", { id: found.LEAD![0] });
  expect(lead).toMatchObject({ NAME: "Sam", LAST_NAME: "Stranger", ASSIGNED_BY_ID: String(EMPLOYEE) });

  // Log the e-mail to the deal: an e-mail activity on the deal, in the portal.
  const contactCard = panel.locator(`[data-email="${contactEmail}"]`);
  await contactCard.locator(`[data-action="log-email"][data-target="deal:${dealId}"]`).click();
  await expect(contactCard.getByRole("status")).toContainText("Logged to Bitrix24");
  const activities = await rest<Array<Record<string, string>>>("crm.activity.list", {
    filter: { OWNER_TYPE_ID: 2, OWNER_ID: dealId },
    select: ["ID", "SUBJECT", "TYPE_ID", "DIRECTION", "DESCRIPTION"],
  });
  const logged = activities.filter((a) => a.SUBJECT === threads[0].subject);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ TYPE_ID: "4", DIRECTION: "1" });
  expect(logged[0].DESCRIPTION).toContain("renewal terms we discussed");

  // The same e-mail again (to the contact this time): refused, with a link to where it went.
  await contactCard.locator(`[data-action="log-email"][data-target="contact:${contactId}"]`).click();
  await expect(contactCard.getByRole("status")).toContainText("Already logged");
  await expect(contactCard.getByRole("status").getByRole("link")).toHaveAttribute("href", new RegExp(`/crm/deal/details/${dealId}/`));

  // Gmail's in-page navigation to another thread updates the panel.
  await gmail.evaluate((id) => (location.hash = `#inbox/${id}`), threads[1].id);
  await expect(panel.locator("[data-email]")).toHaveCount(1);
  await expect(panel.locator(`[data-email="${contactEmail}"]`)).toHaveAttribute("data-kind", "crm");

  // In the app, the administrator sees how many extension connections the portal has.
  await appFrame(installer).getByRole("link", { name: "Mail" }).click();
  await expect(appFrame(installer).getByTestId("mail-admin-count")).toContainText("Active extension connections in this portal: 1 (people: 1)");
  await expect(appFrame(installer).getByTestId("mail-no-sessions")).toBeVisible();
  await installer.screenshot({ path: test.info().outputPath("mail-page-admin.png") });

  // Disconnect: storage cleared, the old token refused by the server.
  await popup.reload();
  await popup.getByRole("button", { name: "Disconnect" }).click();
  await expect(popup.getByRole("status")).toContainText("Disconnected");
  expect(await storage()).toEqual({});
  const after = await fetch(`${appUrl()}/api/extension/lookup`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ participants: [{ email: contactEmail }] }),
  });
  expect(after.status).toBe(401);
  await expect(panel.getByTestId("staffsuite-message")).toContainText("Not connected");
  await installer.reload();
  await appFrame(installer).getByRole("link", { name: "Mail" }).click();
  await expect(appFrame(installer).getByTestId("mail-admin-count")).toContainText("Active extension connections in this portal: 0 (people: 0)");
});

test("the API answers bad input with JSON 4xx, never 5xx, and CORS only for the extension", async () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${appUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  expect((await post("/api/extension/lookup", "{}")).status).toBe(401);
  expect((await post("/api/extension/session/claim", "not json")).status).toBe(400);
  expect((await post("/api/extension/session/claim", JSON.stringify({ code: "x".repeat(20), verifier: "y".repeat(50) }))).status).toBe(401);
  const forged = await post("/api/extension/log-email", "{}", { authorization: `Bearer ${"A".repeat(43)}` });
  expect(forged.status).toBe(401);
  expect(await forged.json()).toMatchObject({ error: "unauthorized" });
  const start = await fetch(`${appUrl()}/api/extension/connect?portal=nowhere.example&challenge=short`, { redirect: "manual" });
  expect(start.status).toBe(400);
  const unknown = await fetch(`${appUrl()}/api/extension/connect?portal=nowhere.example&challenge=${"a".repeat(43)}`, { redirect: "manual" });
  expect(unknown.status).toBe(404);
  // A callback whose state we did not sign is refused before any call to the OAuth server.
  const callback = await fetch(`${appUrl()}/api/extension/connect/callback?code=abc&state=${"x".repeat(30)}`);
  expect(callback.status).toBe(401);
  const ok = await fetch(`${appUrl()}/api/extension/lookup`, {
    method: "OPTIONS",
    headers: { origin: `chrome-extension://${EXTENSION_ID}`, "access-control-request-method": "POST" },
  });
  expect(ok.headers.get("access-control-allow-origin")).toBe(`chrome-extension://${EXTENSION_ID}`);
  const evil = await fetch(`${appUrl()}/api/extension/lookup`, {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
  });
  expect(evil.headers.get("access-control-allow-origin")).toBeNull();
});

test("the sidebar speaks the portal's language and follows a dark theme", async ({ browser }) => {
  const portal = await newPortalWithApp("de");
  const admin = await browser.newPage();
  await admin.goto(portal.pageUrl);
  await expect(appFrame(admin).getByRole("heading", { name: "Übergabe" })).toBeVisible({ timeout: 60_000 });
  await admin.close();
  const summary = await control<{ domain: string }>("GET", `/portals/${portal.key}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await popup.locator("#portal").fill(summary.domain);
  const [consent] = await Promise.all([context.waitForEvent("page"), popup.locator("#connect").click()]);
  await consent.locator(`button[name="user_id"][value="${EMPLOYEE}"]`).click();
  await expect(consent.locator("main")).toHaveAttribute("data-extension-connected", "yes");
  await expect(consent.getByRole("heading")).toHaveText("StaffSuite für Gmail ist verbunden");
  await consent.close();

  const threads: FixtureThread[] = [
    {
      id: "FMfcgzQXJWbNqTdLkLrMvZpT",
      subject: "Angebot",
      messages: [
        {
          id: "18cde1",
          from: { email: "kunde@beispiel-e2e.test", name: "Karla Kunde" },
          to: [{ email: "ich@beispiel-e2e.test", name: "" }],
          cc: [],
          date: "Mon, Nov 24, 2026, 9:00 AM",
          body: "Guten Tag",
        },
      ],
    },
  ];
  await context.unroute("https://mail.google.com/**");
  await context.route("https://mail.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: gmailPage("ich@beispiel-e2e.test", threads) }),
  );
  const gmail = await context.newPage();
  await gmail.emulateMedia({ colorScheme: "dark" });
  await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${threads[0].id}`);
  const card = gmail.getByTestId("staffsuite-panel").locator('[data-email="kunde@beispiel-e2e.test"]');
  await expect(card).toContainText("Nicht in Bitrix24");
  await expect(card.getByRole("button", { name: "Lead anlegen" })).toBeVisible();
  await expect(gmail.getByTestId("staffsuite-panel")).toHaveClass(/dark/);
  await gmail.screenshot({ path: test.info().outputPath("sidebar-de-dark.png") });
  await gmail.close();
  await popup.locator("#disconnect").click();
  await expect.poll(() => storage()).toEqual({});
});
