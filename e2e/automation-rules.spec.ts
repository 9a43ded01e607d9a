/**
 * Dismissal rules in the app, in Chromium against the emulator: an administrator saves a rule
 * (every department: a named colleague, three days' grace), two employees with open work are
 * dismissed and the check plans both hand-overs; one is cancelled in its grace period and nothing
 * of that person moves; the other runs by itself once the emulator's clock has passed its date,
 * its records are the colleague's (checked in the emulator, not the app), and undo gives them back.
 */
import { expect, test } from "@playwright/test";
import { appFrame, control, expectInWindow, openInstalledPortal, portalUsers, queryAppDatabase } from "./support/stack-env";

type Row = Array<number | number[]>;
const deals = async (key: string) => (await control<{ rows: Row[] }>("GET", `/portals/${key}/ownership?type=crm-2`)).rows;

test("a dismissal rule hands over after its grace period and is undone; a cancelled one moves nothing", async ({ page }) => {
  test.setTimeout(480_000);
  const portal = await openInstalledPortal(page);
  const users = await portalUsers(portal.key);
  // Two active employees holding deals leave (the lighter ones, not the seed's heavy users, when
  // there are two: their hand-over is quick); a third receives.
  const dealCount = new Map<number, number>();
  for (const r of await deals(portal.key)) dealCount.set(r[1] as number, (dealCount.get(r[1] as number) ?? 0) + 1);
  const { heavyUserIds } = await control<{ heavyUserIds: number[] }>("GET", `/portals/${portal.key}`);
  const employees = users.filter((u) => u.active && !u.admin && u.userType === "employee");
  const [leaver, stayer] = employees
    .map((u) => u.id)
    .filter((id) => (dealCount.get(id) ?? 0) > 0)
    .sort((a, b) => Number(heavyUserIds.includes(a)) - Number(heavyUserIds.includes(b)) || dealCount.get(b)! - dealCount.get(a)!);
  const colleague = employees.find((u) => u.id !== leaver && u.id !== stayer)!;

  const frame = appFrame(page);
  await frame.getByTestId("rules-link").click();
  await expect(frame.getByRole("heading", { level: 1, name: "Dismissal rules" })).toBeVisible();
  await expect(frame.getByTestId("rules-empty")).toBeVisible();
  await frame.getByTestId("rule-target").selectOption("colleague");
  const picker = frame.getByTestId("rule-colleague-picker");
  await picker.getByRole("searchbox").fill(colleague.lastName);
  await picker.getByTestId(`person-${colleague.id}`).click();
  await frame.getByTestId("rule-grace").fill("3");
  await frame.getByTestId("rule-save").click();
  await expect(frame.getByTestId("rules-notice")).toHaveText("The rule is saved.");
  await expect(frame.getByTestId("rule-0")).toContainText(`A colleague: ${colleague.name} ${colleague.lastName}`);
  await expect(frame.getByTestId("rule-0")).toContainText("3 days");

  // The first check records who left before; then two people with open work leave.
  await frame.getByTestId("check-now").click();
  await expect(frame.getByTestId("plans-notice")).toHaveText("Checked: 0 newly dismissed employees with open work reported.");
  const before = await deals(portal.key);
  for (const id of [leaver, stayer]) await control("POST", `/portals/${portal.key}/users/${id}`, { active: false });
  await frame.getByTestId("check-now").click();
  await expect(frame.getByTestId("plans-notice")).toHaveText("Checked: 2 newly dismissed employees with open work reported.");
  for (const id of [leaver, stayer]) await expect(frame.getByTestId(`plan-${id}`)).toHaveAttribute("data-state", "planned");

  // Cancelled in its grace period: asked first, then nothing of that person moves.
  await frame.getByTestId(`plan-${stayer}`).getByTestId("plan-cancel").click();
  const dialog = frame.locator('dialog[open][data-testid="plan-cancel-dialog"]');
  await expectInWindow(page, dialog, "the cancel confirmation");
  await dialog.getByRole("button", { name: "Cancel hand-over" }).click();
  await expect(frame.getByTestId("plans-notice")).toHaveText("The hand-over is cancelled: nothing was moved.");
  await expect(frame.getByTestId(`plan-${stayer}`)).toHaveAttribute("data-state", "cancelled");

  // Past the grace period on the portal's clock, the due job starts the other by itself.
  await control("POST", "/clock", { advanceSec: 3 * 86_400 + 600 });
  await expect
    .poll(async () => (await queryAppDatabase<{ state: string }>(`SELECT state FROM "DismissalPlan" WHERE "userId" = $1`, [leaver]))[0]?.state, {
      timeout: 180_000,
      intervals: [2_000],
      message: "the hand-over starts by itself",
    })
    .toBe("started");
  // The page shows it so once reloaded (the frame's own reload: the portal's page would open the app's start).
  await frame.locator("body").evaluate(() => location.reload());
  await expect(frame.getByTestId(`plan-${leaver}`)).toHaveAttribute("data-state", "started", { timeout: 60_000 });
  await frame.getByTestId(`plan-${leaver}`).getByTestId("plan-transfer").click();
  const live = frame.getByTestId("transfer-live");
  await expect(live).toHaveAttribute("data-state", "completed", { timeout: 120_000 });

  const moved = await queryAppDatabase<{ recordId: number }>(
    `SELECT i."recordId" FROM "TransferItem" i JOIN "DismissalPlan" p ON p."transferId" = i."transferId" WHERE p."userId" = $1 AND i.type = 'deal' AND i.state = 'moved'`,
    [leaver],
  );
  expect(moved.length).toBeGreaterThan(0);
  const after = await deals(portal.key);
  for (const { recordId } of moved) expect(after.find((r) => r[0] === recordId)![1], `deal ${recordId}`).toBe(colleague.id);
  const of = (rows: Row[], id: number) => rows.filter((r) => before.find((b) => b[0] === r[0])![1] === id);
  expect(of(after, stayer)).toEqual(of(before, stayer));

  // Undo, asked first: every deal is back.
  await frame.getByTestId("undo-transfer").click();
  const undo = frame.locator('dialog[open][data-testid="undo-dialog"]');
  await expectInWindow(page, undo, "the undo confirmation");
  await undo.getByRole("button", { name: "Undo this transfer" }).click();
  await expect(live.getByRole("heading", { level: 1 })).toHaveText("Undo");
  await expect(live).toHaveAttribute("data-state", "completed", { timeout: 120_000 });
  expect(await deals(portal.key)).toEqual(before);
});
