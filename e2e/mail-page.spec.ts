/**
 * The app's Mail page, as an administrator and as an employee, in English, Russian and German: how
 * to get the extension (the zip built for this app, the steps to load it, how to connect), whether
 * the user is connected, their browsers and the ones that ended and why; for administrators every
 * connection in the portal by person, dismissed people first, each revocable — and what the
 * revoked browser is told.
 */
import { expect, test } from "@playwright/test";
import { appFrame, control, newPortalWithApp, portalUsers } from "./support/stack-env";
import { connectExtensionOverHttp, extensionApi } from "./support/extension-session";

const WORDS = {
  en: {
    unknown: "Not in Bitrix24",
    lead: "Create lead",
    create: "Create",
    preview: "This is a preview: in Gmail, this button does it for real.",
    transfer: "Transfer",
    mail: "Mail",
    title: "Gmail extension",
    download: "Download the extension (version",
    connectHow: "click the StaffSuite icon",
    connectedOne: "You are connected in one browser.",
    disconnected: "disconnected from the extension on",
    summary: "Browsers connected: 3. People: 3.",
    dismissed: "dismissed in Bitrix24",
    revoke: "Revoke",
    adminRevoked: "Revoked: that browser can no longer use StaffSuite",
  },
  ru: {
    unknown: "Нет в Битрикс24",
    lead: "Создать лид",
    create: "Создать",
    preview: "Это предпросмотр: в Gmail эта кнопка сработает по-настоящему.",
    transfer: "Передача дел",
    mail: "Почта",
    title: "Расширение для Gmail",
    download: "Скачать расширение (версия",
    connectHow: "нажмите значок StaffSuite",
    connectedOne: "Вы подключены в одном браузере.",
    disconnected: "отключено в расширении",
    summary: "Подключённых браузеров: 3. Сотрудников: 3.",
    dismissed: "уволен в Битрикс24",
    revoke: "Отозвать",
    adminRevoked: "Отозвано: этот браузер больше не может пользоваться StaffSuite",
  },
  de: {
    unknown: "Nicht in Bitrix24",
    lead: "Lead anlegen",
    create: "Anlegen",
    preview: "Dies ist eine Vorschau: In Gmail führt diese Schaltfläche es wirklich aus.",
    transfer: "Übertragung",
    mail: "Mail",
    title: "Gmail-Erweiterung",
    download: "Erweiterung herunterladen (Version",
    connectHow: "auf das StaffSuite-Symbol",
    connectedOne: "Sie sind in einem Browser verbunden.",
    disconnected: "in der Erweiterung getrennt am",
    summary: "Verbundene Browser: 3. Personen: 3.",
    dismissed: "in Bitrix24 entlassen",
    revoke: "Widerrufen",
    adminRevoked: "Widerrufen: Dieser Browser kann StaffSuite nicht mehr nutzen",
  },
} as const;

for (const lang of ["en", "ru", "de"] as const) {
  const words = WORDS[lang];
  test(`the Mail page says how to get the extension and who is connected, to an admin and an employee (${lang})`, async ({ page }) => {
    test.setTimeout(150_000);
    const portal = await newPortalWithApp(lang);
    await page.goto(portal.pageUrl);
    const app = appFrame(page);
    await expect(app.getByRole("heading", { name: words.transfer, exact: true })).toBeVisible({ timeout: 60_000 });
    const [anna, boris] = (await portalUsers(portal.key)).filter((u) => !u.admin && u.active && u.userType === "employee");

    // The admin in one browser; Anna in two, one of which she disconnected; Boris in one, then dismissed.
    await connectExtensionOverHttp(portal.key, 1);
    await connectExtensionOverHttp(portal.key, anna.id);
    const annaGone = await connectExtensionOverHttp(portal.key, anna.id);
    expect((await extensionApi(annaGone, "DELETE", "/api/extension/session")).status).toBe(200);
    const borisToken = await connectExtensionOverHttp(portal.key, boris.id);
    await control("POST", `/portals/${portal.key}/users/${boris.id}`, { active: false });

    await app.getByRole("link", { name: words.mail, exact: true }).click();
    await expect(app.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
    await expect(app.getByTestId("mail-status")).toHaveText(words.connectedOne);
    // How to get it: the zip built for this app, the steps, how to connect to this portal.
    const install = app.getByTestId("mail-install");
    const download = install.getByTestId("mail-package-link");
    await expect(download).toContainText(words.download);
    await expect(install.getByRole("listitem")).toHaveCount(3);
    const { domain } = await control<{ domain: string }>("GET", `/portals/${portal.key}`);
    await expect(install.getByTestId("mail-connect-how")).toContainText(words.connectHow);
    await expect(install.getByTestId("mail-connect-how")).toContainText(domain);
    const zip = await fetch((await download.getAttribute("href"))!);
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // The preview: the sidebar's own cards on a sample thread looked up in this portal; its buttons change nothing.
    const preview = app.getByTestId("mail-preview-sidebar").getByTestId("staffsuite-panel");
    await expect(preview.locator('section.card[data-kind="colleague"]')).toHaveCount(1);
    const stranger = preview.locator('section.card[data-email="alex.morgan@example.com"]');
    await expect(stranger).toContainText(words.unknown);
    await expect(app.getByTestId("mail-preview-email")).toContainText("alex.morgan@example.com");
    await stranger.getByRole("button", { name: words.lead }).click();
    await stranger.getByRole("button", { name: words.create, exact: true }).click();
    await expect(stranger.getByRole("status")).toHaveText(words.preview);

    // Every connection of the portal, the dismissed person first.
    const admin = app.getByTestId("mail-admin");
    await expect(admin.getByTestId("mail-admin-count")).toHaveText(words.summary);
    const people = admin.getByTestId("mail-admin-people").locator(":scope > li");
    await expect(people).toHaveCount(3);
    await expect(people.first()).toHaveAttribute("data-user-id", String(boris.id));
    await expect(people.first()).toContainText(`${boris.name} ${boris.lastName}`);
    await expect(people.first()).toContainText(words.dismissed);
    await expect(admin.locator(`[data-user-id="${anna.id}"]`)).toHaveAttribute("data-dismissed", "no");
    await page.screenshot({ path: test.info().outputPath(`mail-page-admin-${lang}.png`), fullPage: true });
    await people.first().getByRole("button", { name: words.revoke }).click();
    await expect(people.first().getByRole("status")).toContainText(words.adminRevoked);
    // Boris's browser is told who ended it.
    const refused = await extensionApi(borisToken, "GET", "/api/extension/session");
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe("session_revoked_by_admin");

    // Anna, an employee: her one browser, the one she disconnected, no one else's.
    await page.getByTestId("user-switcher").selectOption(String(anna.id));
    await expect(app.getByTestId("signed-in-as")).toContainText(`${anna.name} ${anna.lastName}`);
    await app.getByRole("link", { name: words.mail, exact: true }).click();
    await expect(app.getByTestId("mail-status")).toHaveText(words.connectedOne);
    await expect(app.getByTestId("mail-sessions").getByRole("listitem")).toHaveCount(1);
    await expect(app.getByTestId("mail-ended")).toContainText(words.disconnected);
    await expect(app.getByTestId("mail-admin")).toHaveCount(0);
    await expect(app.getByTestId("mail-package-link")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`mail-page-employee-${lang}.png`), fullPage: true });
    await control("POST", `/portals/${portal.key}/users/${boris.id}`, { active: true });
  });
}
