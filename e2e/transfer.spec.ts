/**
 * The Transfer wizard end to end inside the emulated portal: an administrator moves a seeded
 * user's open records of every type to two receivers, watches the progress reach 100 %, and the
 * emulator's state (control API) shows every moved record with its planned receiver and nothing
 * else changed; undo gives it all back. An employee gets 403 on the wizard's pages and actions.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appFrame, control, expectInWindow, openInstalledPortal, portalUsers, queryAppDatabase, signedInAs } from "./support/stack-env";

type Row = Array<number | number[]>;
const KINDS = ["task", "crm-1", "crm-2", "crm-3", "crm-4", "crm-7", "crm-31", "crm-128", "crm-1032", "activity", "workgroup", "department"];

async function ownership(key: string): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const k of KINDS) out[k] = (await control<{ rows: Row[] }>("GET", `/portals/${key}/ownership?type=${k}`)).rows;
  return out;
}

const kindOf = (type: string) =>
  ["task", "activity", "workgroup", "department"].includes(type)
    ? type
    : `crm-${{ lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 }[type] ?? type.replace("dynamic-", "")}`;
const COLUMN: Record<string, number> = { responsible: 1, creator: 2, accomplice: 3, auditor: 4, assigned: 1, owner: 1, head: 1 };

/** A portal REST call through an incoming webhook (the test's own eyes on the portal, not the app's). */
async function rest<T>(hook: string, method: string, params: Record<string, unknown>): Promise<{ result: T; next?: number }> {
  const res = await fetch(`${hook}${method}.json`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) });
  return (await res.json()) as { result: T; next?: number };
}

/** The employee's open deals, with their pipelines (crm.item.list, every page). */
async function openDeals(hook: string, userId: number): Promise<Array<{ id: number; categoryId: number }>> {
  const out: Array<{ id: number; categoryId: number }> = [];
  for (let start: number | undefined = 0; start !== undefined;) {
    const page: { result: { items: Array<{ id: number; categoryId: number }> }; next?: number } = await rest(hook, "crm.item.list", {
      entityTypeId: 2,
      filter: { assignedById: userId, stageSemanticId: "P" },
      select: ["id", "categoryId"],
      start,
    });
    out.push(...page.result.items.map((d) => ({ id: Number(d.id), categoryId: Number(d.categoryId) })));
    start = page.next;
  }
  return out;
}

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const entry = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && Object.keys(a.workers).some((w) => w.includes("transfer")));
  if (!entry) throw new Error(`${name} is not in the build's server-reference-manifest.json`);
  return entry[0];
}

test("an administrator transfers a user's open work to two receivers, then undoes it", async ({ page }) => {
  test.setTimeout(240_000);
  const portal = await openInstalledPortal(page);
  const summary = await control<{ heavyUserIds: number[] }>("GET", `/portals/${portal.key}`);
  const users = await portalUsers(portal.key);
  const from = users.find((u) => u.id === summary.heavyUserIds[1])!;
  const [r1, r2] = users.filter((u) => u.active && u.userType === "employee" && !summary.heavyUserIds.includes(u.id) && u.id !== 1).slice(3, 5);
  const before = await ownership(portal.key);

  const frame = appFrame(page);
  const wizard = frame.getByTestId("transfer-wizard");
  await expect(wizard).toHaveAttribute("data-step", "1", { timeout: 60_000 });
  const employeePicker = frame.getByTestId("employee-picker");
  await employeePicker.getByRole("searchbox").fill(from.lastName);
  await employeePicker.getByTestId(`person-${from.id}`).click();

  await expect(wizard).toHaveAttribute("data-step", "2");
  const types = frame.getByTestId("type-list");
  await expect(types.locator("input[type=checkbox]").first()).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByTestId("open-only")).toBeChecked();

  // One optional filter: only the deals of one pipeline (the non-default one holding most of the employee's open deals).
  const hook = (await control<{ url: string }>("POST", `/portals/${portal.key}/webhooks`, { userId: 1 })).url;
  const deals = await openDeals(hook, from.id);
  const perPipeline = new Map<number, number[]>();
  for (const d of deals) perPipeline.set(d.categoryId, [...(perPipeline.get(d.categoryId) ?? []), d.id]);
  const [pipelineId, pipelineDeals] = [...perPipeline.entries()].filter(([c]) => c !== 0).sort((a, b) => b[1].length - a[1].length)[0];
  expect(pipelineDeals.length).toBeLessThan(deals.length);
  const dealCount = frame.getByTestId("type-deal:assigned").locator("xpath=..");
  const openCount = (n: number) => new RegExp(`(^|\\D)${n} open`);
  await expect(dealCount).toContainText(openCount(deals.length));
  await frame.getByTestId("filter-crm-type").selectOption("2");
  await frame.getByTestId("filter-category").selectOption(String(pipelineId));
  const pipelineName = (await frame.getByTestId("filter-category").locator("option:checked").textContent())!;
  // The live count follows the filter.
  await expect(dealCount).toContainText(openCount(pipelineDeals.length));
  await frame.getByTestId("to-receivers").click();

  const receiverPicker = frame.getByTestId("receiver-picker");
  for (const r of [r1, r2]) {
    await receiverPicker.getByRole("searchbox").fill(r.lastName);
    await receiverPicker.getByTestId(`person-${r.id}`).click();
  }
  await expect(frame.getByTestId("receivers").locator("li")).toHaveCount(2);
  await frame.getByTestId("to-review").click();

  await expect(wizard).toHaveAttribute("data-step", "4", { timeout: 60_000 });
  await expect(frame.getByTestId("review-filters")).toContainText(pipelineName);
  const planned = Number(await frame.getByTestId("review-total").textContent());
  expect(planned).toBeGreaterThan(20);
  const download = page.waitForEvent("download");
  await frame.getByTestId("download-csv").click();
  const csv = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split(/\r?\n/);
  expect(csv).toHaveLength(planned + 1);
  expect(csv[0]).toBe("type,role,record_id,from_user_id,to_user_id,open");

  await frame.getByTestId("run-transfer").click();
  const live = frame.getByTestId("transfer-live");
  await expect(live).toHaveAttribute("data-state", "completed", { timeout: 120_000 });
  await expect(frame.getByTestId("transfer-bar")).toHaveAttribute("data-percent", "100");
  await expect(frame.getByTestId("transfer-filters")).toContainText(pipelineName);

  const [transfer] = await queryAppDatabase<{ id: string; moved: number; failed: number; total: number }>(
    `SELECT id, moved, failed, total FROM "Transfer" WHERE "fromUserId" = $1 AND kind = 'transfer' ORDER BY "createdAt" DESC LIMIT 1`,
    [from.id],
  );
  expect(transfer.total).toBe(planned);
  const items = await queryAppDatabase<{ type: string; role: string; recordId: number; toUserId: number; state: string }>(
    `SELECT type, role, "recordId", "toUserId", state FROM "TransferItem" WHERE "transferId" = $1`,
    [transfer.id],
  );
  const moved = items.filter((i) => i.state === "moved");
  expect(moved.length).toBe(transfer.moved);
  expect(new Set(moved.map((i) => i.toUserId))).toEqual(new Set([r1.id, r2.id]));
  expect(new Set(moved.map((i) => i.type)).size).toBeGreaterThanOrEqual(8);
  // Deals: exactly the open ones of the chosen pipeline.
  expect(
    items
      .filter((i) => i.type === "deal")
      .map((i) => i.recordId)
      .sort((a, b) => a - b),
  ).toEqual([...pipelineDeals].sort((a, b) => a - b));

  // The portal: each moved record now has its receiver; every other holder is unchanged.
  const after = await ownership(portal.key);
  const target = new Map(moved.map((i) => [`${kindOf(i.type)}:${i.recordId}:${COLUMN[i.role]}`, i.toUserId]));
  for (const kind of KINDS) {
    before[kind].forEach((row, r) => {
      for (let col = 1; col < row.length; col++) {
        const to = target.get(`${kind}:${row[0]}:${col}`);
        const now = after[kind][r][col];
        if (to === undefined) expect(now, `${kind} ${row[0]} column ${col}`).toEqual(row[col]);
        else if (Array.isArray(now)) expect(now).toContain(to);
        else expect(now, `${kind} ${row[0]}`).toBe(to);
      }
    });
  }

  // Undo: everything goes back (nobody changed a record meanwhile).
  await frame.getByTestId("undo-transfer").click();
  const undo = frame.locator('dialog[open][data-testid="undo-dialog"]');
  await expectInWindow(page, undo, "the undo confirmation");
  await undo.getByRole("button", { name: "Undo this transfer" }).click();
  // The transfer's own page says "completed" too: wait for the undo's page first, then for it to finish.
  await expect(frame.getByTestId("transfer-live").getByRole("heading", { level: 1 })).toHaveText("Undo");
  await expect(live).toHaveAttribute("data-state", "completed", { timeout: 120_000 });
  const restored = await ownership(portal.key);
  for (const kind of KINDS) {
    if (kind !== "task") {
      expect(restored[kind], kind).toEqual(before[kind]);
      continue;
    }
    // Tasks: responsible and creator exactly as before; in participant lists the employee is back
    // wherever they were (a receiver who was already a participant is not listed twice, so a list
    // may have lost that duplicate — the transfer merged them).
    before.task.forEach((row, r) => {
      expect(restored.task[r].slice(0, 3), `task ${row[0]}`).toEqual(row.slice(0, 3));
      for (const col of [3, 4])
        expect((restored.task[r][col] as number[]).includes(from.id), `task ${row[0]} list ${col}`).toBe((row[col] as number[]).includes(from.id));
    });
  }

  // History lists both.
  await frame.getByRole("link", { name: "Transfer", exact: true }).click();
  await frame.getByTestId("history-link").click();
  await expect(frame.getByTestId("history-table").locator("tbody tr")).toHaveCount(2);
  await expect(frame.getByTestId("history-filters")).toContainText(pipelineName);
  await expect(frame.getByTestId("history-chart")).toBeVisible();
});

test("an employee gets 403 on the wizard's pages and its actions", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const frame = appFrame(page);
  const [{ id: portalId }] = await queryAppDatabase<{ id: string }>(`SELECT id FROM "Portal" WHERE "memberId" = $1`, [portal.memberId]);
  const employee = (await portalUsers(portal.key)).find((u) => !u.admin && u.active && u.userType === "employee")!;
  await page.getByTestId("user-switcher").selectOption(String(employee.id));
  await expect(frame.getByTestId("signed-in-as")).toHaveText(signedInAs(employee, "Employee"));
  // An employee's open lands on Privacy; Transfer is not offered.
  await expect(frame.getByRole("link", { name: "Transfer" })).toHaveCount(0);

  for (const url of ["/transfer", "/transfer/history", "/transfer/overview/1", "/transfer/cl0000000000000000000000"]) {
    const status = await frame.locator("body").evaluate(async (_b, u) => (await fetch(u)).status, url);
    expect(status, url).toBe(403);
  }
  const calls: Array<[string, unknown]> = [
    ["runTransfer", { fromUserId: 5, receiverIds: [6], selections: [{ type: "deal", role: "assigned" }] }],
    ["previewTransfer", { fromUserId: 5, receiverIds: [6], selections: [{ type: "deal", role: "assigned" }] }],
    ["countRecords", { fromUserId: 5 }],
    ["crmPipelines", { entityTypeId: 2 }],
  ];
  for (const [name, request] of calls) {
    const answer = await frame.locator("body").evaluate(
      async (_body, { id, request }) => {
        const response = await fetch("/transfer", {
          method: "POST",
          headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
          body: JSON.stringify([request]),
        });
        return response.status;
      },
      { id: actionId(name), request },
    );
    expect(answer, name).toBe(403);
  }
  const [{ n }] = await queryAppDatabase<{ n: string }>(`SELECT count(*) AS n FROM "Transfer" WHERE "portalId" = $1`, [portalId]);
  expect(Number(n)).toBe(0);
});
