/**
 * The Gmail extension end to end: the built extension loaded into Debian's Chromium (a persistent
 * context, new headless), a page with Gmail's thread structure at mail.google.com (routed), the
 * connect flow through the emulated portal's OAuth, the sidebar's cards, creating a lead, logging
 * an e-mail once, switching threads, and disconnecting (storage cleared, the old token refused);
 * creating a deal with the pipeline and stage pickers, the duplicate warnings (an open deal, a
 * company of the e-mail's domain) before anything is created, revoking from the app's Mail page;
 * the sidebar, popup and Mail page in German and Russian, light and dark.
 * The extension is built here, for this run's app address (a fresh clone has no build).
 */
import { expect, test, type BrowserContext, type Page, type Worker } from "@playwright/test";
import { appFrame, appUrl, control, EXTENSION_ID, newPortalWithApp } from "./support/stack-env";
import { startExtensionWorld, type ExtensionWorld } from "./support/extension-browser";
import { serveGmail, type FixtureThread } from "./fixtures/gmail/thread-page";

const EMPLOYEE = 5;

let world: ExtensionWorld;
let context: BrowserContext;
let installer: Page;
let worker: Worker;
let portalKey: string;
let rest: ExtensionWorld["rest"];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  world = await startExtensionWorld(browser);
  ({ context, installer, worker, portalKey, rest } = world);
});

test.afterAll(async () => {
  await world?.close();
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
  await serveGmail(context, myEmail, threads);

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
  const logToDeal = contactCard.locator(`[data-action="log-email"][data-target="deal:${dealId}"]`);
  await expect(logToDeal).toHaveAccessibleName(`Log this email to the deal Globex renewal ${stamp}`);
  await logToDeal.click();
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
  await expect(appFrame(installer).getByTestId("mail-admin-count")).toHaveText("Browsers connected: 1. People: 1.");
  await expect(appFrame(installer).getByTestId("mail-status")).toHaveText("You are not connected: no browser holds a key to your account.");
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
  await expect(appFrame(installer).getByTestId("mail-admin-count")).toHaveText("Nobody in this portal has the extension connected.");
});

test("creates a deal in the chosen pipeline and stage, shows duplicates first and respects the choice, and is cut off when revoked in the app", async () => {
  const ADMIN = 1;
  const [admin] = await rest<Array<{ EMAIL: string }>>("user.get", { FILTER: { ID: ADMIN } });
  const stamp = Date.now();
  const dealContactEmail = `dana.deal.${stamp}@hooli-e2e.test`;
  const dealContactId = await rest<number>("crm.contact.add", {
    fields: { NAME: "Dana", LAST_NAME: `Deal${stamp}`, EMAIL: [{ VALUE: dealContactEmail, VALUE_TYPE: "WORK" }], OPENED: "Y" },
  });
  // A company whose name holds the unknown sender's domain: the likely duplicate of a new contact.
  const domainStem = `umbrella${stamp}`;
  const companyId = await rest<number>("crm.company.add", { fields: { TITLE: `${domainStem} Ltd`, OPENED: "Y" } });
  const newcomer = `ute.${stamp}@${domainStem}.test`;
  const thread: FixtureThread = {
    id: "FMfcgzQXJWbNqTdLkLrMvZpU",
    subject: `Partnership ${stamp}`,
    messages: [
      {
        id: `18c${stamp}c1`,
        from: { email: dealContactEmail, name: `Dana Deal${stamp}` },
        to: [{ email: admin.EMAIL.toLowerCase(), name: "" }],
        cc: [{ email: newcomer, name: `Ute Neu${stamp}` }],
        date: "Tue, Nov 25, 2026, 9:30 AM",
        body: "Shall we start the partnership?",
      },
    ],
  };
  const other: FixtureThread = { ...thread, id: "FMfcgzQXJWbNqTdLkLrMvZpV", subject: `Follow-up ${stamp}` };
  await serveGmail(context, admin.EMAIL.toLowerCase(), [thread, other]);
  const popup = await world.connectAs(ADMIN);
  const gmail = await context.newPage();
  await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${thread.id}`);
  const panel = gmail.getByTestId("staffsuite-panel");
  const dana = panel.locator(`[data-email="${dealContactEmail}"]`);
  await expect(dana).toHaveAttribute("data-kind", "crm");
  await expect(dana).toContainText("No open deals");

  // Create deal: pipeline and stage pickers (from the portal's pipelines); the deal lands there.
  const createDeal = async (title: string) => {
    await dana.locator('[data-action="create-deal"]').click();
    const form = dana.locator('form[data-form="deal"]');
    await form.locator('input[name="title"]').fill(title);
    await form.locator('select[name="pipeline"]').selectOption({ label: "Partners" });
    await form.locator('select[name="stage"]').selectOption({ label: "Document preparation" });
    await form.getByRole("button", { name: "Create", exact: true }).click();
    return form;
  };
  await createDeal(`Partnership ${stamp}`);
  const listDeals = () =>
    rest<Array<Record<string, string>>>("crm.deal.list", {
      filter: { CONTACT_ID: dealContactId },
      select: ["ID", "TITLE", "CATEGORY_ID", "STAGE_ID", "ASSIGNED_BY_ID"],
    });
  await expect.poll(async () => (await listDeals()).length).toBe(1);
  const [deal] = await listDeals();
  expect(deal).toMatchObject({ TITLE: `Partnership ${stamp}`, CATEGORY_ID: "1", STAGE_ID: "C1:PREPARATION", ASSIGNED_BY_ID: String(ADMIN) });
  // The card shows it after the sidebar looked the thread up again, with its pipeline and stage.
  await expect(dana.locator(`[data-deal="${deal.ID}"]`)).toContainText("Partners › Document preparation");

  // A second deal in the same pipeline: the open one is shown first, and nothing is created until the user chooses.
  const second = await createDeal(`Second partnership ${stamp}`);
  const dealWarning = dana.getByTestId("duplicates");
  await expect(dealWarning).toContainText("Similar records already exist");
  await expect(dealWarning.getByRole("link", { name: new RegExp(`Partnership ${stamp}`) })).toHaveAttribute(
    "href",
    new RegExp(`/crm/deal/details/${deal.ID}/`),
  );
  expect(await listDeals()).toHaveLength(1);
  await dealWarning.getByRole("button", { name: "Create anyway" }).click();
  await expect.poll(async () => (await listDeals()).map((d) => d.TITLE).sort()).toEqual([`Partnership ${stamp}`, `Second partnership ${stamp}`]);
  await expect(second).toHaveCount(0);

  // A new contact whose e-mail domain is a known company's: the company is shown before anything is created.
  const ute = panel.locator(`[data-email="${newcomer}"]`);
  await expect(ute).toHaveAttribute("data-kind", "unknown");
  await ute.locator('[data-action="create-contact"]').click();
  await expect(ute.locator('input[name="lastName"]')).toHaveValue(`Neu${stamp}`);
  const utePhone = `+49 30 ${String(stamp).slice(-7)}`;
  await ute.locator('input[name="phone"]').fill(utePhone);
  await ute.getByRole("button", { name: "Create", exact: true }).click();
  const contactWarning = ute.getByTestId("duplicates");
  await expect(contactWarning.getByRole("listitem").filter({ hasText: `${domainStem} Ltd` })).toContainText("company of this email's domain");
  await expect(contactWarning.getByRole("link", { name: new RegExp(`${domainStem} Ltd`) })).toHaveAttribute(
    "href",
    new RegExp(`/crm/company/details/${companyId}/`),
  );
  expect((await rest<{ CONTACT?: number[] }>("crm.duplicate.findbycomm", { type: "EMAIL", values: [newcomer] })).CONTACT ?? []).toHaveLength(0);
  await gmail.screenshot({ path: test.info().outputPath("sidebar-duplicates.png") });
  await contactWarning.getByRole("button", { name: "Create anyway" }).click();
  await expect(ute).toHaveAttribute("data-kind", "crm");
  const made = await rest<{ CONTACT?: number[] }>("crm.duplicate.findbycomm", { type: "EMAIL", values: [newcomer] });
  expect(made.CONTACT).toHaveLength(1);
  const uteContact = await rest<{ PHONE?: Array<{ VALUE: string }> }>("crm.contact.get", { id: made.CONTACT![0] });
  expect(uteContact.PHONE?.map((p) => p.VALUE)).toEqual([utePhone]);

  // The app's Mail page lists this browser; revoking it there cuts the extension off at its next request.
  const token = ((await storage()).connection as { token: string }).token;
  await installer.reload();
  const app = appFrame(installer);
  await app.getByRole("link", { name: "Mail" }).click();
  const sessions = app.getByTestId("mail-sessions");
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await sessions.getByRole("button", { name: "Revoke" }).click();
  await expect(sessions.getByRole("status")).toContainText("Revoked: the key this browser held no longer works.");
  const refused = await fetch(`${appUrl()}/api/extension/session`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status).toBe(401);
  await gmail.evaluate((id) => (location.hash = `#inbox/${id}`), other.id);
  // The sidebar says who ended it (the code of the API's 401), not a bare "not connected".
  await expect(panel.getByTestId("staffsuite-message")).toContainText("This connection was revoked on StaffSuite's Mail page");
  expect(Object.keys(await storage())).not.toContain("connection");
  await popup.reload();
  await expect(popup.getByRole("button", { name: "Connect" })).toBeVisible();
  await gmail.close();
  await popup.close();
});

const LANGUAGES = [
  {
    lang: "de",
    popup: "StaffSuite für Gmail",
    transfer: "Übertragung",
    mail: "Mail",
    mailTitle: "Gmail-Erweiterung",
    connected: "StaffSuite für Gmail ist verbunden",
    unknown: "Nicht in Bitrix24",
    lead: "Lead anlegen",
    revoke: "Widerrufen",
  },
  {
    lang: "ru",
    popup: "StaffSuite для Gmail",
    transfer: "Передача дел",
    mail: "Почта",
    mailTitle: "Расширение для Gmail",
    connected: "StaffSuite для Gmail подключён",
    unknown: "Нет в Битрикс24",
    lead: "Создать лид",
    revoke: "Отозвать",
  },
] as const;

for (const words of LANGUAGES) {
  test(`the sidebar and the Mail page speak the portal's language (${words.lang}), light and dark`, async ({ browser }) => {
    // A fresh portal opened in the browser, a connect and two themes: room for a loaded 2-core machine.
    test.setTimeout(150_000);
    const portal = await newPortalWithApp(words.lang);
    const admin = await browser.newPage();
    await admin.goto(portal.pageUrl);
    await expect(appFrame(admin).getByRole("heading", { name: words.transfer, exact: true })).toBeVisible({ timeout: 60_000 });
    const summary = await control<{ domain: string }>("GET", `/portals/${portal.key}`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await popup.locator("#portal").fill(summary.domain);
    const [consent] = await Promise.all([context.waitForEvent("page"), popup.locator("#connect").click()]);
    // As the administrator who opens the app below: the Mail page then lists this browser.
    await consent.locator('button[name="user_id"][value="1"]').click();
    await expect(consent.locator("main")).toHaveAttribute("data-extension-connected", "yes");
    await expect(consent.getByRole("heading")).toHaveText(words.connected);
    await consent.close();
    await popup.reload();
    await expect(popup.getByRole("heading")).toHaveText(words.popup);
    await expect(popup.locator("html")).toHaveAttribute("lang", words.lang);
    await popup.screenshot({ path: test.info().outputPath(`popup-${words.lang}.png`) });

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
    await serveGmail(context, "ich@beispiel-e2e.test", threads);
    const gmail = await context.newPage();
    const panel = gmail.getByTestId("staffsuite-panel");
    const card = panel.locator('[data-email="kunde@beispiel-e2e.test"]');
    await gmail.emulateMedia({ colorScheme: "light" });
    await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${threads[0].id}`);
    await expect(card).toContainText(words.unknown);
    await expect(panel).toHaveAttribute("lang", words.lang);
    await card.getByRole("button", { name: words.lead }).click();
    await expect(card.locator('form[data-form="lead"]')).toBeVisible();
    await expect(panel).not.toHaveClass(/dark/);
    await gmail.screenshot({ path: test.info().outputPath(`sidebar-${words.lang}-light.png`) });
    // The system turns dark: the panel follows without a reload.
    await gmail.emulateMedia({ colorScheme: "dark" });
    await expect(panel).toHaveClass(/dark/);
    await gmail.screenshot({ path: test.info().outputPath(`sidebar-${words.lang}-dark.png`) });
    await gmail.close();

    // The app's Mail page in the portal's language, with this browser listed.
    await appFrame(admin).getByRole("link", { name: words.mail, exact: true }).click();
    await expect(appFrame(admin).getByRole("heading", { name: words.mailTitle })).toBeVisible();
    await expect(appFrame(admin).getByTestId("mail-sessions").getByRole("button", { name: words.revoke })).toBeVisible();
    await admin.screenshot({ path: test.info().outputPath(`mail-page-${words.lang}.png`) });
    await admin.close();
    await popup.locator("#disconnect").click();
    await expect.poll(() => storage()).toEqual({});
    await popup.close();
  });
}
