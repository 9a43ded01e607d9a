/**
 * Sessions that end on the server when the extension's life ends: a dismissed user's sessions
 * end (the sidebar and the popup say why), and removing the extension from Chrome opens its
 * uninstall address, which ends the session with its one-time code. Uninstalling is last: the
 * extension is gone afterwards.
 */
import { expect, test } from "@playwright/test";
import { startExtensionWorld, type ExtensionWorld } from "./support/extension-browser";
import { serveGmail, type FixtureThread } from "./fixtures/gmail/thread-page";
import { appUrl, control, queryAppDatabase } from "./support/stack-env";

const EMPLOYEE = 5;
let world: ExtensionWorld;

test.describe.configure({ mode: "serial" });
test.beforeAll(async ({ browser }) => {
  world = await startExtensionWorld(browser);
});
test.afterAll(async () => {
  await world?.close();
});

const sessions = (memberId: string) =>
  queryAppDatabase<{ revokedReason: string | null; revokedAt: Date | null }>(
    `SELECT s."revokedReason", s."revokedAt" FROM "ExtensionSession" s JOIN "Portal" p ON p."id" = s."portalId"
     WHERE p."memberId" = $1 AND s."claimedAt" IS NOT NULL ORDER BY s."createdAt"`,
    [memberId],
  );

const thread = (id: string, subject: string): FixtureThread => ({
  id,
  subject,
  messages: [
    {
      id: `18e${id.slice(-6)}`,
      from: { email: `someone.${id}@elsewhere-e2e.test`, name: "Someone" },
      to: [{ email: "me@staff-e2e.test", name: "" }],
      cc: [],
      date: "Thu, Dec 3, 2026, 8:00 AM",
      body: "Hello",
    },
  ],
});

test("a dismissed user's sessions end, and the sidebar and popup say why", async () => {
  const popup = await world.connectAs(EMPLOYEE);
  const threads = [thread("FMfcgzQXJWbNqTdLkLrMvOne", "First"), thread("FMfcgzQXJWbNqTdLkLrMvTwo", "Second")];
  await serveGmail(world.context, "me@staff-e2e.test", threads);
  const gmail = await world.context.newPage();
  await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${threads[0].id}`);
  const panel = gmail.getByTestId("staffsuite-panel");
  await expect(panel.locator("section.card")).toHaveCount(1);

  await control("POST", `/portals/${world.portalKey}/users/${EMPLOYEE}`, { active: false });
  await gmail.evaluate((id) => (location.hash = `#inbox/${id}`), threads[1].id);
  await expect(panel.getByTestId("staffsuite-message")).toContainText("Your Bitrix24 account is deactivated, so StaffSuite ended this connection");
  expect((await sessions(world.memberId)).map((s) => s.revokedReason)).toEqual(["dismissed"]);
  expect(Object.keys(await world.storage())).not.toContain("connection");
  await popup.reload();
  await expect(popup.getByRole("status")).toContainText("Your Bitrix24 account is deactivated");
  await gmail.screenshot({ path: test.info().outputPath("sidebar-dismissed.png") });
  await gmail.close();
  await popup.close();
  await control("POST", `/portals/${world.portalKey}/users/${EMPLOYEE}`, { active: true });
});

test("removing the extension ends its session on the server", async () => {
  await world.connectAs(EMPLOYEE);
  const { connection } = (await world.storage()) as { connection: { token: string } };
  expect((await fetch(`${appUrl()}/api/extension/session`, { headers: { authorization: `Bearer ${connection.token}` } })).status).toBe(200);
  // Chrome opens the uninstall address the extension set when it connected.
  const [goodbye] = await Promise.all([
    world.context.waitForEvent("page"),
    world.worker.evaluate(() => chrome.management.uninstallSelf()).catch(() => undefined),
  ]);
  await goodbye.waitForLoadState();
  expect(goodbye.url()).toContain(`${appUrl()}/api/extension/uninstalled?`);
  await expect(goodbye.getByTestId("uninstalled-status")).toContainText("Its connection to your Bitrix24 is ended");
  expect((await fetch(`${appUrl()}/api/extension/session`, { headers: { authorization: `Bearer ${connection.token}` } })).status).toBe(401);
  expect((await sessions(world.memberId)).map((s) => s.revokedReason)).toEqual(["dismissed", "uninstalled"]);
  // The address works once.
  await goodbye.reload();
  await expect(goodbye.getByTestId("uninstalled-status")).toContainText("There was no connection left to end");
});
