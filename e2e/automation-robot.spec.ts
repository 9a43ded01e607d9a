/**
 * The CRM robot "Hand over related records" in the portal: the install registers it, an
 * administrator puts it on a deal stage on the deal's card and moves the deal there (the portal's
 * own page, in Chromium); the portal posts the call to the app, which moves the deal's contact,
 * company, open activity and open task to the deal's responsible person and answers the call.
 * Ownership is checked through the emulator's control API, not the app. The history shows the run
 * as automatic, and undo in the app gives everything back.
 */
import { expect, test } from "@playwright/test";
import { appFrame, clientId, control, expectInWindow, openInstalledPortal, portalUsers } from "./support/stack-env";

const ROBOT_CODE = "staffsuite_hand_over";

type Row = Array<number | number[]>;
async function holderOf(portalKey: string, kind: string, id: number): Promise<number> {
  const { rows } = await control<{ rows: Row[] }>("GET", `/portals/${portalKey}/ownership?type=${kind}`);
  return rows.find((r) => r[0] === id)![1] as number;
}

async function rest<T>(hook: string, method: string, params: unknown): Promise<T> {
  const res = await fetch(`${hook}${method}.json`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) });
  const body = (await res.json()) as { result: T; error?: string };
  if (!res.ok || body.error) throw new Error(`${method}: ${res.status} ${JSON.stringify(body)}`);
  return body.result;
}

test("the robot on a deal stage hands the deal's related records to its responsible person, and undo gives them back", async ({ page }) => {
  test.setTimeout(240_000);
  const portal = await openInstalledPortal(page);
  const registered = await control<{ robots: Array<{ code: string; clientId: string }> }>("GET", `/portals/${portal.key}/automation`);
  expect(registered.robots).toEqual([expect.objectContaining({ code: ROBOT_CODE, clientId: clientId() })]);

  // A deal held by one colleague whose contact, company, activity and task another one holds.
  const [responsible, holder] = (await portalUsers(portal.key)).filter((u) => u.active && !u.admin && u.userType === "employee");
  const hook = (await control<{ url: string }>("POST", `/portals/${portal.key}/webhooks`, { userId: 1 })).url;
  const contact = await rest<number>(hook, "crm.contact.add", { fields: { NAME: "Robot", LAST_NAME: "Contact", ASSIGNED_BY_ID: holder.id } });
  const company = await rest<number>(hook, "crm.company.add", { fields: { TITLE: "Robot Ltd", ASSIGNED_BY_ID: holder.id } });
  const deal = await rest<number>(hook, "crm.deal.add", {
    fields: { TITLE: "Robot deal", CONTACT_ID: contact, COMPANY_ID: company, ASSIGNED_BY_ID: responsible.id },
  });
  const activity = await rest<number>(hook, "crm.activity.add", {
    fields: { OWNER_TYPE_ID: 2, OWNER_ID: deal, TYPE_ID: 2, SUBJECT: "Call back", RESPONSIBLE_ID: holder.id, COMMUNICATIONS: [{ VALUE: "+4912345" }] },
  });
  const task = Number(
    (await rest<{ task: { id: string } }>(hook, "tasks.task.add", { fields: { TITLE: "Send offer", RESPONSIBLE_ID: holder.id, UF_CRM_TASK: [`D_${deal}`] } }))
      .task.id,
  );

  // On the deal's card in the portal: put the robot on "Preparation", then move the deal there.
  await page.goto(`${new URL(portal.pageUrl).origin}/crm/deal/details/${deal}/`);
  const form = page.locator(`form[data-testid="add-robot"][data-code="${ROBOT_CODE}"]`);
  await expect(form).toContainText("StaffSuite: hand over related records");
  await form.getByTestId("robot-stage").selectOption("PREPARATION");
  await form.getByRole("button").click();
  await expect(page.locator(`[data-testid="stage"][data-stage-id="PREPARATION"] [data-testid="stage-robot"][data-code="${ROBOT_CODE}"]`)).toBeVisible();
  await page.getByTestId("move-PREPARATION").click();
  await expect(page.getByTestId("crm-card")).toHaveAttribute("data-stage-id", "PREPARATION");

  // The app answers the call once it has moved everything.
  await expect
    .poll(async () => (await control<{ calls: Array<{ status: string }> }>("GET", `/portals/${portal.key}/automation?recordId=${deal}`)).calls[0]?.status, {
      timeout: 90_000,
      message: "the robot's call is completed",
    })
    .toBe("completed");
  for (const [kind, id] of [
    ["crm-3", contact],
    ["crm-4", company],
    ["activity", activity],
    ["task", task],
  ] as const)
    expect(await holderOf(portal.key, kind, id), `${kind} ${id}`).toBe(responsible.id);
  await page.reload();
  const run = page.locator('[data-testid="robot-run"][data-status="completed"]');
  await expect(run).toBeVisible();
  await expect(run).toContainText("StaffSuite handed over 4 related records to the responsible person; 0 could not be moved.");

  // In the app: the history shows the run as automatic; undo gives everything back.
  await page.goto(portal.pageUrl);
  const frame = appFrame(page);
  await frame.getByTestId("history-link").click();
  const row = frame
    .getByTestId("history-table")
    .locator("tbody tr")
    .filter({ has: frame.getByTestId("history-automatic") });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("history-automatic")).toContainText(`Robot on Deal #${deal}`);
  await row.getByRole("link").click();
  await frame.getByTestId("undo-transfer").click();
  const undo = frame.locator('dialog[open][data-testid="undo-dialog"]');
  await expectInWindow(page, undo, "the undo confirmation");
  await undo.getByRole("button", { name: "Undo this transfer" }).click();
  await expect(frame.getByTestId("transfer-live").getByRole("heading", { level: 1 })).toHaveText("Undo");
  await expect(frame.getByTestId("transfer-live")).toHaveAttribute("data-state", "completed", { timeout: 120_000 });
  for (const [kind, id] of [
    ["crm-3", contact],
    ["crm-4", company],
    ["activity", activity],
    ["task", task],
  ] as const)
    expect(await holderOf(portal.key, kind, id), `${kind} ${id}`).toBe(holder.id);
});
