/**
 * Privacy tells the truth (issue 19 points 6–12), in each of the portal's languages:
 * - a download, and an anonymisation, read "completed" without a reload, and the button that
 *   waited for them comes back (6);
 * - nobody anonymises or erases an administrator: one who never opened the app is refused because
 *   the portal cannot say, one who did because the portal says so, in words naming them (7);
 * - bulk confirmations name the people and count them; 0 months and a capped value are refused
 *   in words, never silently changed (8);
 * - previews a person can read: the confirmation word once and always in view, fields by the
 *   portal's labels (never UF_…), dates in the reader's language (9);
 * - the pseudonym is written in the portal's language, whatever language the admin reads (10).
 */
import { expect, test, type Page } from "@playwright/test";
import { appFrame, control, expectInWindow, newPortalWithApp, queryAppDatabase } from "./support/stack-env";
import { callAction } from "./support/server-actions";

const WORDS = {
  en: {
    admin: "Portal administrator",
    transfer: "Transfer",
    privacy: "Privacy",
    dismissedTab: "Dismissed users",
    anonymiseSelected: "Anonymise selected…",
    word: "anonymise",
    confirm: "Anonymise",
    formerEmployee: "Former employee",
    cannotTell: "Bitrix24 cannot tell us whether",
    isAdmin: "is a portal administrator",
    prepare: "Prepare my download",
    review: "Review what will change…",
    settingsTab: "Application settings",
    save: "Save",
    daysRange: "can work for 1 to 7 days",
    sweep: "Anonymise them…",
    monthsRange: "from 1 to 120",
    confirmType: "To confirm, type anonymise",
    people: "Who this is about: ",
    employmentDate: "Employment date",
  },
  ru: {
    admin: "Администратор портала",
    transfer: "Передача дел",
    privacy: "Персональные данные",
    dismissedTab: "Уволенные сотрудники",
    anonymiseSelected: "Анонимизировать выбранных…",
    word: "анонимизировать",
    confirm: "Анонимизировать",
    formerEmployee: "Бывший сотрудник",
    cannotTell: "Битрикс24 не сообщает нам",
    isAdmin: "— администратор портала",
    prepare: "Подготовить выгрузку",
    review: "Посмотреть, что изменится…",
    settingsTab: "Настройки приложения",
    save: "Сохранить",
    daysRange: "от 1 до 7 дней",
    sweep: "Анонимизировать…",
    monthsRange: "от 1 до 120",
    confirmType: "Для подтверждения введите анонимизировать",
    people: "Кого это касается: ",
    employmentDate: "Дата приёма на работу",
  },
  de: {
    admin: "Portal-Administrator",
    transfer: "Übertragung",
    privacy: "Datenschutz",
    dismissedTab: "Ausgeschiedene Mitarbeitende",
    anonymiseSelected: "Ausgewählte anonymisieren…",
    word: "anonymisieren",
    confirm: "Anonymisieren",
    formerEmployee: "Ehemaliges Teammitglied",
    cannotTell: "Bitrix24 sagt uns nicht, ob",
    isAdmin: "Administratorrechte im Portal",
    prepare: "Download vorbereiten",
    review: "Änderungen ansehen…",
    settingsTab: "Anwendungseinstellungen",
    save: "Speichern",
    daysRange: "1 bis 7 Tage",
    sweep: "Anonymisieren…",
    monthsRange: "zwischen 1 und 120",
    confirmType: "Zur Bestätigung anonymisieren eingeben",
    people: "Betroffene Personen: ",
    employmentDate: "Einstellungsdatum",
  },
} as const;

type Lang = keyof typeof WORDS;

interface User {
  id: number;
  name: string;
  lastName: string;
  admin: boolean;
  active: boolean;
  userType: string;
  lastLogin: string | null;
}

const users = (key: string) => control<User[]>("GET", `/portals/${key}/users`);

async function actAs(page: Page, userId: number) {
  await page.getByTestId("user-switcher").selectOption(String(userId));
  await expect(appFrame(page).getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
}

/** A fresh portal in `lang`, installed and opened by its administrator, both switches on. */
async function portalWithSwitchesOn(page: Page, lang: Lang) {
  const portal = await newPortalWithApp(lang);
  const frame = appFrame(page);
  await page.goto(portal.pageUrl);
  await expect(frame.getByTestId("signed-in-as")).toContainText(WORDS[lang].admin, { timeout: 60_000 });
  // The portal reloads the frame after installFinish: wait for the handler's page before acting.
  await expect(frame.getByRole("heading", { name: WORDS[lang].transfer, exact: true })).toBeVisible();
  expect((await callAction(frame, "privacy", "saveSettings", { allowAnonymisation: true, allowErasure: true, linkDays: 7 })).answer).toEqual({ ok: true });
  return portal;
}

for (const lang of ["en", "ru", "de"] as const) {
  test(`Privacy in ${lang}: an administrator cannot be erased or anonymised, whether or not they ever opened the app`, async ({ page }) => {
    const w = WORDS[lang];
    const portal = await portalWithSwitchesOn(page, lang);
    const frame = appFrame(page);
    const colleague = (await users(portal.key)).find((u) => u.active && !u.admin && u.userType === "employee" && u.id !== 1)!;
    const name = `${colleague.name} ${colleague.lastName}`;
    // Made an administrator in the portal; they have never opened StaffSuite.
    await control("POST", `/portals/${portal.key}/users/${colleague.id}`, { admin: true });

    const unknown = await callAction(frame, "privacy", "startUsersChange", { kind: "erase", userIds: [colleague.id] });
    expect(unknown.answer).toMatchObject({ ok: false, error: "admin_unknown" });
    expect(unknown.answer?.message).toContain(w.cannotTell);
    expect(unknown.answer?.message).toContain(name);
    expect((await callAction(frame, "privacy", "previewUserChange", { kind: "anonymise", userId: colleague.id })).answer).toMatchObject({
      ok: false,
      error: "admin_unknown",
    });

    // They open the app once: now the portal says they are an administrator, and that is the refusal.
    await actAs(page, colleague.id);
    await expect(frame.getByTestId("signed-in-as")).toContainText(w.admin);
    await actAs(page, 1);
    for (const kind of ["erase", "anonymise"] as const) {
      const refused = await callAction(frame, "privacy", "startUsersChange", { kind, userIds: [colleague.id] });
      expect(refused.answer).toMatchObject({ ok: false, error: "subject_admin" });
      expect(refused.answer?.message).toContain(name);
      expect(refused.answer?.message).toContain(w.isAdmin);
    }

    // Nothing was started and nothing changed in the portal.
    expect(
      await queryAppDatabase(`SELECT r.id FROM "PrivacyRequest" r JOIN "Portal" p ON p.id = r."portalId" WHERE p."memberId" = $1 AND r."subjectUserId" = $2`, [
        portal.memberId,
        colleague.id,
      ]),
    ).toEqual([]);
    expect((await users(portal.key)).find((u) => u.id === colleague.id)).toMatchObject({ name: colleague.name, lastName: colleague.lastName, active: true });
  });

  test(`Privacy in ${lang}: the pseudonym is in the portal's language when the administrator reads another`, async ({ page }) => {
    const portal = await portalWithSwitchesOn(page, lang);
    const frame = appFrame(page);
    // The administrator reads the portal in another language than the portal's own.
    const reads: Lang = lang === "en" ? "de" : "en";
    const r = WORDS[reads];
    await page.goto(`${portal.pageUrl}?lang=${reads}`);
    await expect(frame.getByTestId("signed-in-as")).toContainText(r.admin, { timeout: 60_000 });
    await frame.getByRole("link", { name: r.privacy, exact: true }).click();
    await frame.getByRole("link", { name: r.dismissedTab }).click();
    const table = frame.getByTestId("dismissed-table");
    const row = table.locator("tbody tr").first();
    const subjectId = Number(await row.getAttribute("data-user-id"));
    await row.locator('input[type="checkbox"]').check();
    await frame.getByRole("button", { name: r.anonymiseSelected }).click();
    const dialog = frame.locator('dialog[open][data-testid="change-dialog"]');
    // The preview already shows the pseudonym as the portal will write it.
    await expect(dialog.getByTestId("preview-fields").locator('tr[data-field="NAME"] td').nth(2)).toHaveText(WORDS[lang].formerEmployee);
    await dialog.getByRole("textbox").fill(r.word);
    await dialog.getByRole("button", { name: r.confirm, exact: true }).click();
    await expect(dialog.getByTestId("change-started")).toBeVisible();
    await expect.poll(async () => (await users(portal.key)).find((u) => u.id === subjectId)?.name, { timeout: 60_000 }).toBe(WORDS[lang].formerEmployee);
  });

  test(`Privacy in ${lang}: confirmations name the people and count them, wrong numbers are refused in words, previews read as words`, async ({ page }) => {
    test.setTimeout(150_000);
    const w = WORDS[lang];
    const portal = await portalWithSwitchesOn(page, lang);
    const frame = appFrame(page);
    await frame.getByRole("link", { name: w.privacy, exact: true }).click();

    // 30 download days: refused at the field, in words, and nothing saved (not quietly 7).
    await frame.getByRole("link", { name: w.settingsTab }).click();
    await frame.getByTestId("link-days").fill("30");
    await frame.getByRole("button", { name: w.save, exact: true }).click();
    await expect(frame.getByTestId("privacy-settings").getByRole("alert")).toContainText(w.daysRange);
    expect(
      await queryAppDatabase(
        `SELECT s.value FROM "PortalSetting" s JOIN "Portal" p ON p.id = s."portalId" WHERE p."memberId" = $1 AND s.key = 'privacy.linkDays'`,
        [portal.memberId],
      ),
    ).toEqual([{ value: 7 }]);

    // "Dismissed more than N months ago": 0 is refused, 1 lists exactly who and how many.
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 1);
    // Two more employees dismissed, last signed in a year ago (whatever the seed gave them).
    for (const u of (await users(portal.key)).filter((x) => x.active && !x.admin && x.userType === "employee").slice(-2)) {
      await control("POST", `/portals/${portal.key}/users/${u.id}`, { active: false, lastLogin: new Date(Date.now() - 365 * 86_400_000).toISOString() });
    }
    const everyone = await users(portal.key);
    const longGone = everyone.filter((u) => !u.active && u.userType === "employee" && u.lastLogin && new Date(u.lastLogin) < cutoff);
    expect(longGone.length).toBeGreaterThan(1);
    await frame.getByRole("link", { name: w.dismissedTab }).click();
    const sweep = frame.getByTestId("sweep");
    await sweep.getByRole("spinbutton").fill("0");
    await sweep.getByRole("button", { name: w.sweep, exact: true }).click();
    await expect(frame.getByTestId("sweep-error")).toContainText(w.monthsRange);
    await sweep.getByRole("spinbutton").fill("1");
    await sweep.getByRole("button", { name: w.sweep, exact: true }).click();
    const dialog = frame.locator('dialog[open][data-testid="change-dialog"]');
    const listed = dialog.getByTestId("confirm-people");
    await expect(listed.getByRole("heading")).toHaveText(`${w.people}${longGone.length}`);
    await expect(listed.locator("li")).toHaveCount(longGone.length);
    for (const u of longGone) await expect(listed.locator(`li[data-user-id="${u.id}"]`)).toContainText(`${u.name} ${u.lastName}`);
    await dialog.getByRole("button", { name: cancelOf(lang), exact: true }).click();

    // Two selected: the confirmation names both and counts them; the word appears once, in view.
    const table = frame.getByTestId("dismissed-table");
    const rows = table.locator("tbody tr");
    const ids = [Number(await rows.nth(0).getAttribute("data-user-id")), Number(await rows.nth(1).getAttribute("data-user-id"))];
    for (const i of [0, 1]) await rows.nth(i).locator('input[type="checkbox"]').check();
    await frame.getByRole("button", { name: w.anonymiseSelected }).click();
    await expect(listed.getByRole("heading")).toHaveText(`${w.people}2`);
    for (const id of ids) {
      const u = everyone.find((x) => x.id === id)!;
      await expect(listed.locator(`li[data-user-id="${id}"]`)).toHaveText(`${u.name} ${u.lastName}`);
    }
    await expect(dialog.getByTestId("confirm-word-label")).toHaveText(w.confirmType);
    await dialog.getByRole("button", { name: cancelOf(lang), exact: true }).click();
    for (const i of [0, 1]) await rows.nth(i).locator('input[type="checkbox"]').uncheck();

    // One person's preview: custom fields by the portal's label, dates in words, the word in view.
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await frame.getByRole("button", { name: w.anonymiseSelected }).click();
    const fields = dialog.getByTestId("preview-fields");
    await expect(fields).toBeVisible();
    await expect(fields).not.toContainText("UF_");
    await expect(fields).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(fields.locator('tr[data-field="UF_EMPLOYMENT_DATE"] td').first()).toHaveText(w.employmentDate);
    await expect(dialog.getByTestId("confirm-word-label")).toHaveText(w.confirmType);
    await expectInWindow(page, dialog.getByRole("textbox"), "the confirmation field");
    await dialog.getByRole("button", { name: cancelOf(lang), exact: true }).click();
  });

  test(`Privacy in ${lang}: a download and an anonymisation read completed without a reload`, async ({ page }) => {
    const w = WORDS[lang];
    const portal = await portalWithSwitchesOn(page, lang);
    const frame = appFrame(page);
    const employee = (await users(portal.key)).find((u) => u.active && !u.admin && u.userType === "employee")!;
    expect((await callAction(frame, "privacy", "setUserRights", { userIds: [employee.id], right: "anonymise", granted: true })).answer).toMatchObject({
      ok: true,
    });
    await actAs(page, employee.id);
    await frame.getByRole("link", { name: w.privacy, exact: true }).click();
    const prepare = frame.getByRole("button", { name: w.prepare });
    await prepare.click();
    await expect(frame.getByTestId("download-started")).toBeVisible();
    // No reload from here on: the list and the button follow the job by themselves.
    const download = frame.getByTestId("my-requests").locator('li[data-kind="download"]');
    await expect(download).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    await expect(download.getByTestId("download-ready")).toBeVisible();
    await expect(prepare).toBeEnabled();

    await frame.getByTestId("anonymise-card").getByRole("button", { name: w.review }).click();
    const dialog = frame.locator('dialog[open][data-testid="change-dialog"]');
    await dialog.getByRole("textbox").fill(w.word);
    await dialog.getByRole("button", { name: w.confirm, exact: true }).click();
    await expect(dialog.getByTestId("change-started")).toBeVisible();
    await dialog.getByRole("button", { name: cancelOf(lang), exact: true }).click();
    await expect(frame.getByTestId("my-requests").locator('li[data-kind="anonymise"]')).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    expect((await users(portal.key)).find((u) => u.id === employee.id)?.name).toBe(w.formerEmployee);
  });
}

function cancelOf(lang: Lang): string {
  return { en: "Cancel", ru: "Отмена", de: "Abbrechen" }[lang];
}
