/**
 * The Transfer tool as the portal shows it: the install binds the profile placement, and the
 * "work overview" item on a person's profile in the portal opens the app on that person's
 * overview (PLACEMENT=USER_PROFILE_MENU, PLACEMENT_OPTIONS USER_ID). And the wizard and the
 * history in Russian and German: translated headings, no raw i18n key on the page.
 */
import { expect, test, type FrameLocator } from "@playwright/test";
import { appFrame, appUrl, control, newPortalWithApp, openInstalledPortal, portalUsers } from "./support/stack-env";

interface Install {
  clientId: string;
  placements?: Array<{ placement: string; handler: string }>;
}

test("the work-overview item on a person's profile opens their overview in the app", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const installs = await control<Install[]>("GET", `/portals/${portal.key}/installs`);
  expect(installs.flatMap((i) => i.placements ?? [])).toEqual([
    expect.objectContaining({ placement: "USER_PROFILE_MENU", handler: `${appUrl()}/bitrix24/app` }),
  ]);

  const summary = await control<{ heavyUserIds: number[] }>("GET", `/portals/${portal.key}`);
  const person = (await portalUsers(portal.key)).find((u) => u.id === summary.heavyUserIds[0])!;
  await page.goto(`${new URL(portal.pageUrl).origin}/company/personal/user/${person.id}/`);
  await expect(page.getByTestId("profile-name")).toHaveText(`${person.name} ${person.lastName}`);
  await page.getByTestId("profile-placement").filter({ hasText: "StaffSuite: work overview" }).click();

  const frame = appFrame(page);
  await expect(frame.getByTestId("overview")).toBeVisible({ timeout: 60_000 });
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(`Work of ${person.name} ${person.lastName}`);
  await expect(frame.getByTestId("overview-table")).toBeVisible();
  expect(new URL(await frame.locator("body").evaluate(() => location.href)).pathname).toBe(`/transfer/overview/${person.id}`);
});

/** Text that looks like one of our message keys ("transfer.step2.title"), which t() shows when a key is missing. */
const RAW_KEY = /\b(transfer|core|session|errors|jobs|settings|privacy|mail)\.[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)*\b/;

async function expectNoRawKey(frame: FrameLocator) {
  const text = await frame.locator("body").innerText();
  expect(text).not.toMatch(RAW_KEY);
}

const LANGS = [
  {
    lang: "ru",
    title: "Передача дел",
    step1: "Чью работу передать?",
    step2: "Что передать",
    history: "История передач",
    chart: "Передано записей по месяцам и типам",
  },
  {
    lang: "de",
    title: "Übertragung",
    step1: "Wessen Arbeit?",
    step2: "Was übertragen wird",
    history: "Übertragungsverlauf",
    chart: "Übertragene Datensätze pro Monat und Typ",
  },
] as const;

for (const l of LANGS) {
  test(`the wizard and the history speak ${l.lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    const portal = await newPortalWithApp(l.lang);
    await page.goto(portal.pageUrl);
    const frame = appFrame(page);
    await expect(frame.getByRole("heading", { level: 1, name: l.title, exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(frame.getByRole("heading", { name: l.step1 })).toBeVisible();
    await expectNoRawKey(frame);

    const summary = await control<{ heavyUserIds: number[] }>("GET", `/portals/${portal.key}`);
    const person = (await portalUsers(portal.key)).find((u) => u.id === summary.heavyUserIds[0])!;
    const picker = frame.getByTestId("employee-picker");
    await picker.getByRole("searchbox").fill(person.lastName);
    await picker.getByTestId(`person-${person.id}`).click();
    await expect(frame.getByRole("heading", { name: l.step2 })).toBeVisible();
    await expect(frame.getByTestId("type-list").locator("input[type=checkbox]").first()).toBeVisible({ timeout: 30_000 });
    await expectNoRawKey(frame);

    await frame.getByTestId("history-link").click();
    await expect(frame.getByRole("heading", { level: 1, name: l.history })).toBeVisible();
    await expect(frame.getByRole("heading", { name: l.chart })).toBeVisible();
    await expectNoRawKey(frame);
  });
}
