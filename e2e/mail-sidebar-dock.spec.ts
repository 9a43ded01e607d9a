/**
 * The sidebar's place in Gmail, on the Gmail fixture laid out as Gmail lays out a window
 * (e2e/fixtures/gmail/thread-page.ts): docked beside the thread at 1024, 1440 and 1920 px with no
 * part of an open message under it; collapsed to a strip that Gmail's next load remembers;
 * reached and left by keyboard; in Gmail's dark theme and compact density; the people the portal
 * knows first and, in a thread of 20 or more, the outsiders in one group that opens on demand;
 * a contact's recent activities on its card.
 */
import { expect, test, type Page } from "@playwright/test";
import { startExtensionWorld, type ExtensionWorld } from "./support/extension-browser";
import { serveGmail, type FixtureThread } from "./fixtures/gmail/thread-page";

const EMPLOYEE = 5;
let world: ExtensionWorld;

test.describe.configure({ mode: "serial" });
test.beforeAll(async ({ browser }) => {
  world = await startExtensionWorld(browser);
});
test.afterAll(async () => {
  await world?.close();
});

/** Where the panel is, and every box of the open messages that reaches under it. */
function layoutOf(gmail: Page) {
  return gmail.evaluate(() => {
    const panel = document.getElementById("staffsuite-sidebar")!.shadowRoot!.querySelector(".panel")!.getBoundingClientRect();
    const parts = [...document.querySelectorAll('[role="main"] .adn, [role="main"] .adn *')].map((e) => e.getBoundingClientRect());
    const visible = parts.filter((r) => r.width > 0 && r.height > 0);
    return {
      panelLeft: panel.left,
      panelWidth: panel.width,
      panelHeight: panel.height,
      under: visible.filter((r) => r.right > panel.left + 0.5 && r.left < panel.right && r.bottom > panel.top && r.top < panel.bottom).length,
      messagesRight: Math.max(...visible.map((r) => r.right)),
      dateRight: document.querySelector('[role="main"] .g3')!.getBoundingClientRect().right,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

test("docked beside the thread at every width, collapsible and remembered, keyboard reachable, in Gmail's theme and density, known people first", async () => {
  test.setTimeout(180_000);
  const { rest } = world;
  const [me, colleague] = await rest<Array<{ ID: string; EMAIL: string; NAME: string; LAST_NAME: string }>>("user.get", { FILTER: { ID: [EMPLOYEE, 3] } }).then(
    (users) => [users.find((u) => Number(u.ID) === EMPLOYEE)!, users.find((u) => Number(u.ID) === 3)!],
  );
  const stamp = Date.now();
  const contactEmail = `rita.recent.${stamp}@acme-e2e.test`;
  const contactId = await rest<number>("crm.contact.add", {
    fields: { NAME: "Rita", LAST_NAME: "Recent", EMAIL: [{ VALUE: contactEmail, VALUE_TYPE: "WORK" }], OPENED: "Y" },
  });
  for (const subject of ["Intro call", "Price list sent", "Follow-up meeting"]) {
    await rest("crm.activity.add", {
      fields: {
        OWNER_TYPE_ID: 3,
        OWNER_ID: contactId,
        TYPE_ID: 2,
        SUBJECT: `${subject} ${stamp}`,
        COMMUNICATIONS: [{ VALUE: "+49301234567", ENTITY_TYPE_ID: 3, ENTITY_ID: contactId }],
        RESPONSIBLE_ID: 1,
      },
    });
  }
  // Twenty strangers first in the thread, the two people the portal knows last.
  const strangers = Array.from({ length: 20 }, (_, i) => ({ email: `guest${i}.${stamp}@outside-e2e.test`, name: `Guest ${i}` }));
  const thread: FixtureThread = {
    id: "FMfcgzQXJWbNqTdLkLrMvDck",
    subject: `All hands ${stamp}`,
    messages: [1, 2].map((n) => ({
      id: `18d${stamp}${n}`,
      from: n === 1 ? strangers[0] : { email: contactEmail, name: "Rita Recent" },
      to: [{ email: me.EMAIL.toLowerCase(), name: `${me.NAME} ${me.LAST_NAME}` }],
      cc: [...strangers.slice(1), { email: colleague.EMAIL.toLowerCase(), name: colleague.NAME }, { email: contactEmail, name: "Rita Recent" }],
      date: `Mon, Dec ${n}, 2026, 9:0${n} AM`,
      body: `Message ${n}: ${"a long line of text that runs to the right edge of the thread ".repeat(12)}`,
    })),
  };
  await world.connectAs(EMPLOYEE);
  await serveGmail(world.context, me.EMAIL.toLowerCase(), [thread]);
  const gmail = await world.context.newPage();
  const panel = gmail.getByTestId("staffsuite-panel");

  // At each width: the panel is there, as tall as the window, and nothing of a message is under it.
  for (const width of [1024, 1440, 1920]) {
    await gmail.setViewportSize({ width, height: 900 });
    if (width === 1024) await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${thread.id}`);
    await expect(panel.locator(`[data-email="${contactEmail}"]`)).toHaveAttribute("data-kind", "crm");
    // Docked at the window's right edge (after the resize has settled).
    await expect.poll(async () => ((l) => Math.round(l.panelLeft + l.panelWidth))(await layoutOf(gmail))).toBe(width);
    const at = await layoutOf(gmail);
    expect(at.panelWidth, `panel width at ${width}px`).toBeGreaterThanOrEqual(280);
    expect(at.panelHeight).toBe(900);
    expect(at.under, `message boxes under the panel at ${width}px`).toBe(0);
    expect(at.dateRight).toBeLessThanOrEqual(at.panelLeft);
    expect(at.pageScrollsSideways).toBe(false);
    await gmail.screenshot({ path: test.info().outputPath(`gmail-docked-${width}.png`) });
  }

  // Known people first (in the thread's order), the twenty outsiders grouped and closed.
  const cards = panel.locator("section.card");
  await expect(cards.nth(0)).toHaveAttribute("data-email", colleague.EMAIL.toLowerCase());
  await expect(cards.nth(1)).toHaveAttribute("data-email", contactEmail);
  const outsiders = panel.getByTestId("outsiders");
  await expect(outsiders.locator("summary")).toHaveText("Not in Bitrix24: 20");
  await expect(outsiders.locator("section.card").first()).toBeHidden();
  await outsiders.locator("summary").click();
  await expect(outsiders.locator("section.card")).toHaveCount(20);
  await expect(outsiders.locator("section.card").first()).toBeVisible();

  // The contact's recent activities, newest first.
  const recent = panel.locator(`[data-email="${contactEmail}"]`).getByTestId("recent-activities");
  await expect(recent.getByRole("listitem")).toHaveText([
    new RegExp(`Follow-up meeting ${stamp}$`),
    new RegExp(`Price list sent ${stamp}$`),
    new RegExp(`Intro call ${stamp}$`),
  ]);

  // Collapse to a strip: the thread takes the room back, still nothing under the strip.
  const open = await layoutOf(gmail);
  await gmail.getByTestId("staffsuite-toggle").click();
  await expect.poll(async () => (await layoutOf(gmail)).panelWidth).toBe(44);
  const strip = await layoutOf(gmail);
  expect(strip.under).toBe(0);
  expect(strip.messagesRight).toBeGreaterThan(open.messagesRight + 200);
  await expect(gmail.getByTestId("staffsuite-toggle")).toHaveAttribute("aria-expanded", "false");
  await gmail.screenshot({ path: test.info().outputPath("gmail-collapsed-1920.png") });
  expect(await world.storage()).toMatchObject({ sidebarCollapsed: true });

  // Gmail loaded again: still a strip. Alt+Shift+S opens it with the focus inside; Tab walks it; again returns.
  await gmail.reload();
  await expect(panel.locator(`[data-email="${contactEmail}"]`)).toBeAttached();
  await expect.poll(async () => (await layoutOf(gmail)).panelWidth).toBe(44);
  await gmail.locator('[role="main"] .hP').click();
  await gmail.keyboard.press("Alt+Shift+S");
  await expect.poll(async () => (await layoutOf(gmail)).panelWidth).toBe(360);
  const focused = () =>
    gmail.evaluate(() => {
      const host = document.getElementById("staffsuite-sidebar");
      return document.activeElement === host ? `panel:${host!.shadowRoot!.activeElement?.tagName}` : "gmail";
    });
  await expect.poll(focused).toBe("panel:H1");
  await gmail.keyboard.press("Tab");
  await expect.poll(focused).toMatch(/^panel:(A|BUTTON|SELECT|SUMMARY)$/);
  await gmail.keyboard.press("Alt+Shift+S");
  await expect.poll(focused).toBe("gmail");
  expect(await world.storage()).toMatchObject({ sidebarCollapsed: false });

  // Gmail's dark theme and compact density: the panel follows both.
  await expect(panel).not.toHaveClass(/dark|compact/);
  await serveGmail(world.context, me.EMAIL.toLowerCase(), [thread], { dark: true, density: "compact" });
  await gmail.reload();
  await expect(panel).toHaveClass(/dark/);
  await expect(panel).toHaveClass(/compact/);
  await expect(panel.locator(`[data-email="${contactEmail}"]`)).toHaveAttribute("data-kind", "crm");
  expect((await layoutOf(gmail)).under).toBe(0);
  await gmail.screenshot({ path: test.info().outputPath("gmail-dark-compact-1920.png") });
  await gmail.close();
});
