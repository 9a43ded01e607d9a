/**
 * Privacy tells the truth (issue 19 points 6–12), in each of the portal's languages:
 * - nobody anonymises or erases an administrator: one who never opened the app is refused because
 *   the portal cannot say, one who did because the portal says so, in words naming them (7);
 * - the pseudonym is written in the portal's language, whatever language the admin reads (10).
 */
import { expect, test, type Page } from "@playwright/test";
import { appFrame, control, newPortalWithApp, queryAppDatabase } from "./support/stack-env";
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
    expect(await queryAppDatabase(`SELECT id FROM "PrivacyRequest" WHERE "subjectUserId" = $1`, [colleague.id])).toEqual([]);
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
    const dialog = frame.getByTestId("change-dialog");
    // The preview already shows the pseudonym as the portal will write it.
    await expect(dialog.getByTestId("preview-fields").locator('tr[data-field="NAME"] td').nth(2)).toHaveText(WORDS[lang].formerEmployee);
    await dialog.getByRole("textbox").fill(r.word);
    await dialog.getByRole("button", { name: r.confirm, exact: true }).click();
    await expect(dialog.getByTestId("change-started")).toBeVisible();
    await expect.poll(async () => (await users(portal.key)).find((u) => u.id === subjectId)?.name, { timeout: 60_000 }).toBe(WORDS[lang].formerEmployee);
  });
}
