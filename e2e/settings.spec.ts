/**
 * The admin Settings page inside the emulated portal: what we store, and "delete all our data"
 * through its confirmation dialog; an employee calling the delete action directly gets HTTP 403
 * and nothing is deleted.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { appFrame, control, newPortalWithApp, openInstalledPortal, portalUsers, queryAppDatabase, signedInAs } from "./support/stack-env";

async function installedPortal(page: Page) {
  const portal = await openInstalledPortal(page);
  const [row] = await queryAppDatabase<{ id: string; domain: string }>(`SELECT id, domain FROM "Portal" WHERE "memberId" = $1`, [portal.memberId]);
  return { ...portal, ...row };
}

/** Rows of every table with a portalId column (information_schema), plus the Portal row itself. */
async function rowsOfPortal(portalId: string): Promise<number> {
  const tables = await queryAppDatabase<{ t: string }>(
    `SELECT table_name::text AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'portalId'`,
  );
  let total = (await queryAppDatabase<{ n: string }>(`SELECT count(*) AS n FROM "Portal" WHERE id = $1`, [portalId])).map((r) => Number(r.n))[0];
  for (const { t } of tables) {
    total += Number((await queryAppDatabase<{ n: string }>(`SELECT count(*) AS n FROM "${t}" WHERE "portalId" = $1`, [portalId]))[0].n);
  }
  return total;
}

/** The server action's id from the production build's manifest (what the page's form would send). */
function deleteActionId(): string {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === "deleteAllPortalData" && Object.keys(action.workers).some((w) => w.includes("settings/page")),
  );
  if (!entry) throw new Error("deleteAllPortalData is not in the build's server-reference-manifest.json");
  return entry[0];
}

test("an administrator sees what we store and deletes all of it after typing the portal address", async ({ page }) => {
  const portal = await installedPortal(page);
  const frame = appFrame(page);
  await frame.getByRole("link", { name: "Settings" }).click();
  await expect(frame.getByRole("heading", { name: "What we store" })).toBeVisible();

  const [{ n: tokens }] = await queryAppDatabase<{ n: string }>(`SELECT count(*) AS n FROM "PortalToken" WHERE "portalId" = $1`, [portal.id]);
  await expect(frame.getByTestId("stored-tokens").getByTestId("count")).toHaveText(tokens);
  await expect(frame.getByTestId("portal-facts")).toContainText(portal.domain);
  await expect(frame.getByTestId("retention-rules")).toContainText("12 months");
  expect(await rowsOfPortal(portal.id)).toBeGreaterThan(1);

  await frame.getByRole("button", { name: "Delete all data…" }).click();
  const dialog = frame.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete everything" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/type the portal address/).fill("another.bitrix24.test");
  await expect(confirm).toBeDisabled();
  // Escape closes it and deletes nothing.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await rowsOfPortal(portal.id)).toBeGreaterThan(1);

  await frame.getByRole("button", { name: "Delete all data…" }).click();
  await dialog.getByLabel(/type the portal address/).fill(portal.domain.toUpperCase());
  await confirm.click();
  await expect(frame.getByTestId("data-deleted")).toContainText("All StaffSuite data of this portal has been deleted");
  expect(await rowsOfPortal(portal.id)).toBe(0);

  // Reloading the page with the same session shows the same final state, not an error.
  await frame.locator("body").evaluate(() => location.reload());
  await expect(frame.getByTestId("data-deleted")).toBeVisible();
});

test("an employee calling the delete action directly gets 403 and nothing is deleted", async ({ page }) => {
  const portal = await installedPortal(page);
  const frame = appFrame(page);
  const employee = (await portalUsers(portal.key)).find((u) => !u.admin && u.active && u.userType === "employee")!;
  await page.getByTestId("user-switcher").selectOption(String(employee.id));
  await expect(frame.getByTestId("signed-in-as")).toHaveText(signedInAs(employee, "Employee"));
  const before = await rowsOfPortal(portal.id);

  const answer = await frame.locator("body").evaluate(
    async (_body, { actionId, domain }) => {
      const response = await fetch("/settings", {
        method: "POST",
        headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([domain]),
      });
      return response.status;
    },
    { actionId: deleteActionId(), domain: portal.domain },
  );
  // 403 is forbidden() from the action (an unknown action id would answer 404).
  expect(answer).toBe(403);
  expect(await rowsOfPortal(portal.id)).toBe(before);
});

test("in German, a long installer email stays inside its card and no archive reads as none", async ({ page }) => {
  const portal = await newPortalWithApp("de");
  const email = "alexandra.schmidthohenberger.personalabteilung@examplekonzernholding.de";
  await control("POST", `/portals/${portal.key}/users/1`, { email });
  await page.goto(portal.pageUrl);
  const frame = appFrame(page);
  await expect(frame.getByTestId("signed-in-as")).toContainText("Portal-Administrator", { timeout: 60_000 });
  // The install-finish page is signed in too, and the portal reloads the frame after installFinish:
  // wait for the handler page (Transfer, "Übertragung") before clicking, or the click meets a frame
  // that is going away.
  await expect(frame.getByRole("heading", { name: "Übertragung", exact: true })).toBeVisible();
  await frame.getByRole("link", { name: "Einstellungen" }).click();

  const installer = frame.getByTestId("installer");
  await expect(installer).toContainText(email);
  // Every value ends inside the card (the email used to run past its right edge).
  const overflow = await installer.evaluate((list) => {
    const card = list.closest("section")!.getBoundingClientRect();
    return [...list.querySelectorAll("dd")].filter((dd) => dd.getBoundingClientRect().right > card.right || dd.scrollWidth > dd.clientWidth).length;
  });
  expect(overflow).toBe(0);
  await expect(frame.getByTestId("stored-archives")).toContainText("Kein Archiv wartet auf den Download.");
});
