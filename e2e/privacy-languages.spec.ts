/**
 * The Privacy tool in each of the portal's languages, as an administrator and as an employee:
 * every tab and both previews show translated headings, no raw message key or unfilled
 * placeholder, and nothing runs past the frame's width; another user opening an employee's
 * download link is told, in their language, that the link belongs to someone else (HTTP 403).
 * Each screen is saved as a screenshot (the window, as the user sees it) in the test's output
 * folder, for a person to look at.
 */
import { expect, test, type FrameLocator, type Page, type TestInfo } from "@playwright/test";
import { appFrame, control, expectInWindow, newPortalWithApp } from "./support/stack-env";

const WORDS = {
  en: {
    admin: "Portal administrator",
    transfer: "Transfer",
    privacy: "Privacy",
    tabs: ["My personal data", "Application settings", "User settings", "Dismissed users", "Requests log"],
    download: "Download my data",
    prepare: "Prepare my download",
    allowAnonymise: "Allow anonymisation",
    allowErase: "Allow erasure",
    save: "Save",
    saved: "Saved.",
    anonymiseSelected: "Anonymise selected…",
    review: "Review what will change…",
    fields: "Profile fields that will change",
    records: "Records that name this person",
    cancel: "Cancel",
    notYours: "This link is not yours",
    firstName: "First name",
  },
  ru: {
    admin: "Администратор портала",
    transfer: "Передача дел",
    privacy: "Персональные данные",
    tabs: ["Мои персональные данные", "Настройки приложения", "Права пользователей", "Уволенные сотрудники", "Журнал запросов"],
    download: "Выгрузить мои данные",
    prepare: "Подготовить выгрузку",
    allowAnonymise: "Разрешить анонимизацию",
    allowErase: "Разрешить удаление",
    save: "Сохранить",
    saved: "Сохранено.",
    anonymiseSelected: "Анонимизировать выбранных…",
    review: "Посмотреть, что изменится…",
    fields: "Поля профиля, которые изменятся",
    records: "Записи, в которых указан сотрудник",
    cancel: "Отмена",
    notYours: "Это не ваша ссылка",
    firstName: "Имя",
  },
  de: {
    admin: "Portal-Administrator",
    transfer: "Übertragung",
    privacy: "Datenschutz",
    tabs: ["Meine personenbezogenen Daten", "Anwendungseinstellungen", "Benutzerrechte", "Ausgeschiedene Mitarbeitende", "Anfrageprotokoll"],
    download: "Meine Daten herunterladen",
    prepare: "Download vorbereiten",
    allowAnonymise: "Anonymisierung erlauben",
    allowErase: "Löschen erlauben",
    save: "Speichern",
    saved: "Gespeichert.",
    anonymiseSelected: "Ausgewählte anonymisieren…",
    review: "Änderungen ansehen…",
    fields: "Profilfelder, die sich ändern",
    records: "Datensätze, in denen diese Person genannt wird",
    cancel: "Abbrechen",
    notYours: "Dieser Link ist nicht Ihrer",
    firstName: "Vorname",
  },
} as const;

type Lang = keyof typeof WORDS;

interface User {
  id: number;
  admin: boolean;
  active: boolean;
  userType: string;
}

/** A message key of our dictionaries ("privacy.tab.my") or a placeholder left unfilled ("{count}"). */
const RAW_TEXT = /\b(?:privacy|settings|transfer|nav|session|errors|jobs|mail|forbidden|notFound)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b|\{[a-z][A-Za-z]*\}/;

/** Checks one screen of the frame and saves its screenshot. */
async function look(page: Page, frame: FrameLocator, info: TestInfo, name: string) {
  const body = frame.locator("body");
  await expect(body).not.toContainText(RAW_TEXT);
  // Nothing wider than the frame: the document does not scroll sideways, no element is cut off.
  const layout = await body.evaluate((b) => {
    const doc = b.ownerDocument.documentElement;
    const cut = [...b.querySelectorAll<HTMLElement>("h1, h2, h3, p, a, button, label, th, td, li, span, select")]
      // .sr-only is cut on purpose (a label for screen readers only).
      .filter(
        (el) =>
          el.offsetParent !== null && !el.classList.contains("sr-only") && getComputedStyle(el).overflowX === "hidden" && el.scrollWidth > el.clientWidth + 1,
      )
      .map((el) => el.textContent?.slice(0, 40));
    return { sideways: doc.scrollWidth - doc.clientWidth, cut };
  });
  expect(layout, name).toEqual({ sideways: 0, cut: [] });
  // What the user sees, not the full page: for a page taller than the window Chromium renders a
  // full-page shot beyond the viewport, and afterwards it at times sent clicks on the app (a tab,
  // Cancel) to the portal's <iframe> element instead of into the app's process: the app never
  // saw them. The checks above cover the whole frame document.
  await page.screenshot({ path: info.outputPath(`${name}.png`) });
}

async function actAs(page: Page, userId: number) {
  await page.getByTestId("user-switcher").selectOption(String(userId));
  await expect(appFrame(page).getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
}

for (const lang of ["en", "ru", "de"] as const satisfies readonly Lang[]) {
  test(`Privacy in ${lang}: every tab and preview translated and within the frame, as administrator and employee; a stranger's link is refused in ${lang}`, async ({
    page,
  }, info) => {
    test.setTimeout(150_000);
    const w = WORDS[lang];
    const portal = await newPortalWithApp(lang);
    const users = await control<User[]>("GET", `/portals/${portal.key}/users`);
    const [employee, other] = users.filter((u) => !u.admin && u.active && u.userType === "employee");
    const frame = appFrame(page);
    await page.goto(portal.pageUrl);
    await expect(frame.getByTestId("signed-in-as")).toContainText(w.admin, { timeout: 60_000 });
    // The portal reloads the frame after installFinish: wait for the handler's page before clicking.
    await expect(frame.getByRole("heading", { name: w.transfer, exact: true })).toBeVisible();

    // Administrator: every tab, with the switches turned on and the employee given both rights.
    await frame.getByRole("link", { name: w.privacy, exact: true }).click();
    await expect(frame.getByRole("heading", { name: w.privacy, exact: true })).toBeVisible();
    await expect(frame.getByTestId("privacy-tabs").getByRole("link")).toHaveText([...w.tabs]);
    await expect(frame.getByRole("heading", { name: w.download })).toBeVisible();
    await look(page, frame, info, `${lang}-admin-my`);

    await frame.getByRole("link", { name: w.tabs[1] }).click();
    await expect(frame.getByTestId("privacy-settings")).toBeVisible();
    await look(page, frame, info, `${lang}-admin-settings-off`);
    await frame.getByLabel(w.allowAnonymise).check();
    await frame.getByLabel(w.allowErase).check();
    await frame.getByRole("button", { name: w.save }).click();
    await expect(frame.getByText(w.saved)).toBeVisible();
    await look(page, frame, info, `${lang}-admin-settings-on`);

    await frame.getByRole("link", { name: w.tabs[2] }).click();
    await expect(frame.getByTestId("rights-table")).toBeVisible();
    const row = frame.getByTestId("rights-table").locator(`tr[data-user-id="${employee.id}"]`);
    for (const n of [1, 2]) {
      await row.locator('input[type="checkbox"]').nth(n).check();
      await expect(row.locator('input[type="checkbox"]').nth(n)).toBeChecked();
    }
    await look(page, frame, info, `${lang}-admin-users`);

    await frame.getByRole("link", { name: w.tabs[3] }).click();
    const dismissed = frame.getByTestId("dismissed-table");
    await expect(dismissed.getByTestId("remaining-work").first()).toBeVisible();
    await expect(dismissed.locator('[data-testid="remaining-work"][data-loaded="N"]')).toHaveCount(0);
    await look(page, frame, info, `${lang}-admin-dismissed`);
    await dismissed.locator('tbody input[type="checkbox"]').first().check();
    await frame.getByRole("button", { name: w.anonymiseSelected }).click();
    const dialog = frame.getByTestId("change-dialog");
    await expect(dialog.getByRole("heading", { name: w.fields })).toBeVisible();
    await expect(dialog.getByRole("heading", { name: w.records })).toBeVisible();
    await expectInWindow(page, frame.locator(`dialog[open][data-testid="change-dialog"]`), "the anonymisation preview");
    await look(page, frame, info, `${lang}-admin-dismissed-preview`);
    await dialog.getByRole("button", { name: w.cancel }).click();

    await frame.getByRole("link", { name: w.tabs[4] }).click();
    await expect(frame.getByTestId("privacy-log")).toBeVisible();
    await look(page, frame, info, `${lang}-admin-log-empty`);

    // Employee: their page with all three actions, the preview, then a download.
    await actAs(page, employee.id);
    await frame.getByRole("link", { name: w.privacy, exact: true }).click();
    await expect(frame.getByTestId("privacy-tabs")).toHaveCount(0);
    await expect(frame.getByTestId("anonymise-card")).toBeVisible();
    await expect(frame.getByTestId("erase-card")).toBeVisible();
    await look(page, frame, info, `${lang}-employee-my`);
    await frame.getByTestId("erase-card").getByRole("button", { name: w.review }).click();
    await expect(dialog.getByRole("heading", { name: w.records })).toBeVisible();
    // Standard fields are named in the portal's language, whatever language user.fields answers in.
    await expect(dialog.getByTestId("preview-fields").locator('tr[data-field="NAME"] td').first()).toHaveText(w.firstName);
    await expectInWindow(page, frame.locator(`dialog[open][data-testid="change-dialog"]`), "the erase preview");
    await look(page, frame, info, `${lang}-employee-erase-preview`);
    await dialog.getByRole("button", { name: w.cancel }).click();
    await expect(dialog.getByRole("heading", { name: w.records })).toBeHidden();
    await frame.getByRole("button", { name: w.prepare }).click();
    await expect(frame.getByTestId("download-started")).toBeVisible();
    await look(page, frame, info, `${lang}-employee-download-started`);

    let link = "";
    await expect(async () => {
      const sent = await control<Array<{ toUserId: number; message: string }>>("GET", `/portals/${portal.key}/notifications`);
      link = /\[URL=([^\]]+)\]/.exec(sent.find((n) => n.toUserId === employee.id)?.message ?? "")?.[1] ?? "";
      expect(link).not.toBe("");
    }).toPass({ timeout: 60_000 });

    // Another employee opens that link: 403, and the page says whose link it is not.
    await actAs(page, other.id);
    const answer = page.waitForResponse((r) => r.url().includes("/privacy/download/"));
    await page.goto(link);
    expect((await answer).status()).toBe(403);
    await expect(frame.getByRole("heading", { name: w.notYours })).toBeVisible();
    await look(page, frame, info, `${lang}-other-link-not-yours`);

    // The administrator's log now has the download in it.
    await actAs(page, 1);
    await page.goto(portal.pageUrl);
    await frame.getByRole("link", { name: w.privacy, exact: true }).click();
    await frame.getByRole("link", { name: w.tabs[4] }).click();
    await expect(frame.getByTestId("log-table").locator(`tr[data-kind="download"][data-subject="${employee.id}"]`)).toBeVisible();
    await look(page, frame, info, `${lang}-admin-log`);
  });
}
