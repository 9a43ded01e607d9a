/**
 * The Privacy tool in the emulated portal, as its users meet it: an employee downloads their data
 * through the portal notification's link (the ZIP's CSV and JSON rows checked against the
 * emulator's state), another user's session gets 403 on that link, an administrator sees only
 * "download", a switched-off action is absent and its server action refuses; an administrator
 * anonymises one dismissed user and erases another, and the requests log shows both.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { appFrame, control, openInstalledPortal, portalUsers, queryAppDatabase } from "./support/stack-env";
import { actionId } from "./support/server-actions";

interface FullUser {
  id: number;
  name: string;
  lastName: string;
  email: string;
  admin: boolean;
  active: boolean;
  userType: string;
  personalPhoto: string;
  personalMobile: string;
  departmentIds: number[];
  login: string;
  userFields: Record<string, unknown>;
}

const fullUsers = (key: string) => control<FullUser[]>("GET", `/portals/${key}/users`);
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

async function actAs(page: Page, userId: number) {
  await page.getByTestId("user-switcher").selectOption(String(userId));
  await expect(appFrame(page).getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
}

/** RFC 4180 rows of a CSV file (the export's: BOM, CRLF, quoted fields), header first. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const input = source.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\r" && input[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += c;
  }
  return rows;
}

/** A CSV file's rows as objects by its header. */
const csvObjects = (source: string) => {
  const [header, ...rows] = parseCsv(source);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

test("an employee downloads their data through the notification's link; nobody else can", async ({ page }) => {
  test.setTimeout(180_000);
  const portal = await openInstalledPortal(page);
  const users = await fullUsers(portal.key);
  const [employee, other] = users.filter((u) => !u.admin && u.active && u.userType === "employee");
  await control("POST", `/portals/${portal.key}/users/${employee.id}`, { personalMobile: "+49 151 2345678" });
  const frame = appFrame(page);

  await actAs(page, employee.id);
  await frame.getByRole("link", { name: "Privacy" }).click();
  await expect(frame.getByTestId("download-card")).toBeVisible();
  // Both master switches are off by default: the actions are absent for everyone.
  await expect(frame.getByTestId("anonymise-card")).toHaveCount(0);
  await expect(frame.getByTestId("erase-card")).toHaveCount(0);
  // … and the server action refuses whatever the page shows.
  const refused = await frame.locator("body").evaluate(
    async (_b, id) => {
      const response = await fetch("/privacy", {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([{ kind: "erase" }]),
      });
      return { status: response.status, body: await response.text() };
    },
    actionId("startMyChange", "privacy"),
  );
  expect(refused.body).toContain("switch_off");
  expect(
    Number(
      (
        await queryAppDatabase<{ n: string }>(
          `SELECT count(*) AS n FROM "PrivacyRequest" r JOIN "Portal" p ON p.id = r."portalId" WHERE p."memberId" = $1 AND r.kind = 'erase'`,
          [portal.memberId],
        )
      )[0].n,
    ),
  ).toBe(0);

  await frame.getByRole("button", { name: "Prepare my download" }).click();
  await expect(frame.getByTestId("download-started")).toBeVisible();

  // As the employee would: the portal's bell, then the notification's link, then the app's button.
  await page.getByTestId("notifications-bell").click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("notification-link")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const link = (await page.getByTestId("notification-link").first().getAttribute("href"))!;
  await page.getByTestId("notification-link").first().click();
  await expect(frame.getByTestId("privacy-download")).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent("download");
  await frame.getByTestId("download-zip").click();
  const download = await downloading;
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));

  // Profile: the JSON rows carry the emulator's values; the CSV has the same rows (a value that
  // would run as a spreadsheet formula gets a leading apostrophe there, README.txt says why).
  const me = (await fullUsers(portal.key)).find((u) => u.id === employee.id)!;
  const profile = JSON.parse(text(zip["profile.json"])) as Array<{ field: string; label: string; value: unknown }>;
  const value = (f: string) => profile.find((r) => r.field === f)?.value;
  expect([value("ID"), value("NAME"), value("LAST_NAME"), value("EMAIL"), value("PERSONAL_MOBILE")]).toEqual([
    String(me.id),
    me.name,
    me.lastName,
    me.email,
    "+49 151 2345678",
  ]);
  expect(text(zip["profile.csv"]).startsWith("\uFEFFfield,label,value\r\n")).toBe(true);
  const profileCsv = csvObjects(text(zip["profile.csv"]));
  expect(profileCsv.map((r) => r.field)).toEqual(profile.map((r) => r.field));
  const csvValue = (f: string) => profileCsv.find((r) => r.field === f)?.value;
  expect([csvValue("NAME"), csvValue("LAST_NAME"), csvValue("EMAIL"), csvValue("PERSONAL_MOBILE")]).toEqual([
    me.name,
    me.lastName,
    me.email,
    "'+49 151 2345678",
  ]);
  const departments = JSON.parse(text(zip["departments.json"])) as Array<{ department_id: number }>;
  expect(departments.map((d) => d.department_id).sort()).toEqual([...me.departmentIds].sort());
  expect(
    csvObjects(text(zip["departments.csv"]))
      .map((d) => Number(d.department_id))
      .sort(),
  ).toEqual([...me.departmentIds].sort());

  // Tasks: one row per task and role, exactly the tasks the emulator has naming the employee.
  const { rows: tasks } = await control<{ rows: Array<[number, number, number, number[], number[]]> }>("GET", `/portals/${portal.key}/ownership?type=task`);
  const expected = tasks
    .flatMap(([id, responsible, creator, accomplices, auditors]) => [
      ...(responsible === employee.id ? [`${id}:responsible`] : []),
      ...(creator === employee.id ? [`${id}:creator`] : []),
      ...(accomplices.includes(employee.id) ? [`${id}:accomplice`] : []),
      ...(auditors.includes(employee.id) ? [`${id}:auditor`] : []),
    ])
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  const taskJson = JSON.parse(text(zip["records-tasks.json"])) as Array<{ record_id: number; role: string }>;
  expect(taskJson.map((r) => `${r.record_id}:${r.role}`).sort()).toEqual(expected);
  expect(
    csvObjects(text(zip["records-tasks.csv"]))
      .map((r) => `${r.record_id}:${r.role}`)
      .sort(),
  ).toEqual(expected);
  expect(text(zip["README.txt"])).toContain("records-tasks.csv");
  const archiveHref = (await frame.getByTestId("download-zip").getAttribute("href"))!;

  // Another user's session: 403 on the page, saying the link is someone else's, and on the archive.
  await actAs(page, other.id);
  const pageStatus = page.waitForResponse((r) => r.url().includes("/privacy/download/"));
  await page.goto(link);
  expect((await pageStatus).status()).toBe(403);
  await expect(frame.getByTestId("download-not-yours")).toContainText("belongs to another user");
  await expect(frame.getByTestId("download-zip")).toHaveCount(0);
  const refusal = await frame.locator("body").evaluate(async (_b, url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as { error: string; message: string } };
  }, archiveHref);
  expect(refusal).toEqual({ status: 403, body: { error: "forbidden", message: expect.stringContaining("belongs to another user") } });

  // An administrator sees only "download" for their own data, and why.
  await actAs(page, 1);
  await frame.getByRole("link", { name: "Privacy" }).click();
  await expect(frame.getByTestId("download-card")).toBeVisible();
  await expect(frame.getByTestId("admin-download-only")).toContainText("revoked first");
  await expect(frame.getByTestId("anonymise-card")).toHaveCount(0);
  await expect(frame.getByTestId("erase-card")).toHaveCount(0);

  // Once the archive is gone, the owner's link says it has expired.
  await queryAppDatabase(`DELETE FROM "PrivacyArchive" a USING "Portal" p WHERE p.id = a."portalId" AND p."memberId" = $1`, [portal.memberId]);
  await actAs(page, employee.id);
  await page.goto(link);
  await expect(frame.getByTestId("download-expired")).toContainText("expired");
});

test("an administrator anonymises one dismissed user and erases another; the log shows both", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const frame = appFrame(page);
  const users = await fullUsers(portal.key);
  const dismissed = users.filter((u) => !u.active && u.userType === "employee");
  expect(dismissed.length).toBeGreaterThanOrEqual(2);
  const [a, b] = dismissed;
  await control("POST", `/portals/${portal.key}/users/${a.id}`, { personalPhoto: "https://example.test/a.png", personalMobile: "+7 900 111 22 33" });
  const before = await fullUsers(portal.key);

  await frame.getByRole("link", { name: "Privacy" }).click();
  await frame.getByRole("link", { name: "Application settings" }).click();
  await expect(frame.getByTestId("switch-allowAnonymisation")).toHaveAttribute("data-on", "N");
  await frame.getByLabel("Allow anonymisation").check();
  await frame.getByLabel("Allow erasure").check();
  await frame.getByRole("button", { name: "Save" }).click();
  await expect(frame.getByText("Saved.")).toBeVisible();

  await frame.getByRole("link", { name: "Dismissed users" }).click();
  const table = frame.getByTestId("dismissed-table");
  await expect(table).toBeVisible();
  const run = async (userId: number, kind: "anonymise" | "erase", word: string, button: string) => {
    await table.locator(`tr[data-user-id="${userId}"] input[type="checkbox"]`).check();
    await frame.getByRole("button", { name: kind === "anonymise" ? "Anonymise selected…" : "Erase selected…" }).click();
    const dialog = frame.getByTestId("change-dialog");
    // The preview: each changing field with its current value, and the records that name the person.
    const person = before.find((u) => u.id === userId)!;
    await expect(dialog.getByTestId("preview-fields").locator('tr[data-field="LAST_NAME"]')).toContainText(person.lastName);
    const records = dialog.getByTestId("preview-records");
    const total = Number(await records.getAttribute("data-total"));
    await expect(records.locator("tr[data-record]")).toHaveCount(Math.min(total, 25));
    if (total > 25) await expect(records.getByTestId("preview-records-more")).toContainText(`${total - 25} more`);
    await dialog.getByRole("textbox").fill(word);
    await dialog.getByRole("button", { name: button }).click();
    await expect(dialog.getByTestId("change-started")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await table.locator(`tr[data-user-id="${userId}"] input[type="checkbox"]`).uncheck();
  };
  await run(a.id, "anonymise", "anonymise", "Anonymise");
  await run(b.id, "erase", "erase", "Erase");

  await expect(async () => {
    // This portal's requests only: other tests' portals share the database.
    const rows = await queryAppDatabase<{ status: string }>(
      `SELECT r.status FROM "PrivacyRequest" r JOIN "Portal" p ON p.id = r."portalId" WHERE p."memberId" = $1 AND r.kind IN ('anonymise','erase')`,
      [portal.memberId],
    );
    expect(rows.map((r) => r.status)).toEqual(["completed", "completed"]);
  }).toPass({ timeout: 60_000 });

  const after = await fullUsers(portal.key);
  const diff = (id: number) => {
    const x = before.find((u) => u.id === id)! as unknown as Record<string, unknown>;
    const y = after.find((u) => u.id === id)! as unknown as Record<string, unknown>;
    return Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
  };
  const promised = new Set([
    "name",
    "lastName",
    "secondName",
    "email",
    "personalGender",
    "personalWww",
    "personalBirthday",
    "personalPhoto",
    "personalPhone",
    "personalMobile",
    "personalCity",
    "personalStreet",
    "workPosition",
    "workPhone",
    "userFields",
  ]);
  expect(diff(a.id).filter((k) => !promised.has(k))).toEqual([]);
  expect(diff(b.id).filter((k) => !promised.has(k) && k !== "active")).toEqual([]);
  const anonymised = after.find((u) => u.id === a.id)!;
  expect(anonymised.name).toBe("Former employee");
  expect(anonymised.lastName).toMatch(/^[0-9A-F]{4}$/);
  expect([anonymised.personalPhoto, anonymised.personalMobile]).toEqual(["", ""]);
  const erased = after.find((u) => u.id === b.id)!;
  expect([erased.name, erased.lastName, erased.active]).toEqual(["", "", false]);
  // Every other user is untouched.
  const others = before.filter((u) => u.id !== a.id && u.id !== b.id);
  expect(after.filter((u) => u.id !== a.id && u.id !== b.id)).toEqual(others);

  await frame.getByRole("link", { name: "Requests log" }).click();
  const log = frame.getByTestId("log-table");
  await expect(log.locator(`tr[data-kind="anonymise"][data-subject="${a.id}"][data-status="completed"]`)).toBeVisible();
  await expect(log.locator(`tr[data-kind="erase"][data-subject="${b.id}"][data-status="completed"]`)).toBeVisible();

  // The settings page's "what we store" counts the requests log beside the other tables.
  const [{ n }] = await queryAppDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM "PrivacyRequest" r JOIN "Portal" p ON p.id = r."portalId" WHERE p."memberId" = $1`,
    [portal.memberId],
  );
  expect(Number(n)).toBe(2);
  await frame.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(frame.getByTestId("stored-privacyRequests").getByTestId("count")).toHaveText(n);
});
