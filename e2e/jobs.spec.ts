/**
 * A background job's live progress inside the portal: the job page polls /api/jobs/{id} and moves
 * its bar until the job ends; a failure shows its error; the job is the business of its portal's
 * admins and of whoever started it, and the API answers nobody else.
 */
import { expect, test, type Page } from "@playwright/test";
import { getPrisma } from "../lib/db";
import { createJobsRuntime, selftestJob, stopBoss, type JobsRuntime } from "../lib/jobs";
import { appFrame, appUrl, openInstalledPortal, portalUsers, queryAppDatabase, signedInAs } from "./support/stack-env";

let runtime: JobsRuntime;
const databaseUrl = () => process.env.E2E_DATABASE_URL!;

test.beforeAll(() => {
  // Enqueued from here as a tool's server action would; the app's in-process worker runs them.
  runtime = createJobsRuntime({ databaseUrl: databaseUrl(), prisma: getPrisma(databaseUrl()), definitions: [selftestJob] });
});
test.afterAll(async () => {
  await stopBoss(databaseUrl(), { graceful: false });
  await getPrisma(databaseUrl()).$disconnect();
});

async function portalId(memberId: string): Promise<string> {
  const [row] = await queryAppDatabase<{ id: string }>(`SELECT id FROM "Portal" WHERE "memberId" = $1`, [memberId]);
  return row.id;
}

const openInFrame = (page: Page, path: string) =>
  appFrame(page)
    .locator("body")
    .evaluate((_, to) => window.location.assign(to), path);

test("the job page shows a running job's progress until it completes", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const id = await runtime.enqueue(selftestJob, { portalId: await portalId(portal.memberId), startedBy: 1, input: { steps: 20, stepMs: 200 } });
  await openInFrame(page, `/jobs/${id}`);

  const frame = appFrame(page);
  await expect(frame.getByRole("heading", { name: "System check" })).toBeVisible();
  const bar = frame.getByRole("progressbar");
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const now = Number(await bar.getAttribute("aria-valuenow"));
        seen.add(now);
        return now;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe(100);
  expect(
    [...seen].some((v) => v > 0 && v < 100),
    `intermediate values seen: ${[...seen].join(", ")}`,
  ).toBe(true);
  await expect(frame.getByTestId("job-state")).toHaveText("Completed");
  await expect(frame.getByTestId("job-counts")).toHaveText("20 of 20");
});

test("a failed job shows its error", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const id = await runtime.enqueue(selftestJob, { portalId: await portalId(portal.memberId), startedBy: 1, input: { steps: 1, stepMs: 1, failTimes: 99 } });
  await openInFrame(page, `/jobs/${id}`);
  const frame = appFrame(page);
  await expect(frame.getByTestId("job-state")).toHaveText("Failed", { timeout: 90_000 });
  await expect(frame.getByTestId("job-error")).toContainText(`selftest: planned failure on attempt ${selftestJob.retryLimit + 1}`);
  // It never counted its work: no "Counting what there is to do…" on a job that has ended.
  await expect(frame.getByTestId("job-counts")).toHaveText("");
});

test("only the portal's admins and the user who started a job can read it", async ({ page }) => {
  const portal = await openInstalledPortal(page);
  const [employee, colleague] = (await portalUsers(portal.key)).filter((u) => !u.admin && u.active && u.userType === "employee");
  const pid = await portalId(portal.memberId);
  const own = await runtime.enqueue(selftestJob, { portalId: pid, startedBy: employee.id, input: { steps: 1, stepMs: 1 } });
  const admins = await runtime.enqueue(selftestJob, { portalId: pid, startedBy: 1, input: { steps: 1, stepMs: 1 } });

  const statusInFrame = (id: string) =>
    appFrame(page)
      .locator("body")
      .evaluate(async (_, url) => (await fetch(url)).status, `/api/jobs/${id}`);
  expect(await statusInFrame(own)).toBe(200); // the admin sees every job of the portal

  await page.getByTestId("user-switcher").selectOption(String(employee.id));
  await expect(appFrame(page).getByTestId("signed-in-as")).toHaveText(signedInAs(employee, "Employee"));
  expect(await statusInFrame(own)).toBe(200);
  expect(await statusInFrame(admins)).toBe(404);

  await page.getByTestId("user-switcher").selectOption(String(colleague.id));
  await expect(appFrame(page).getByTestId("signed-in-as")).toHaveText(signedInAs(colleague, "Employee"));
  expect(await statusInFrame(own)).toBe(404);
  // The page says so in the portal's frame, and the frame stays the size of what it shows (Next's
  // built-in 404 page filled 100vh, so the auto-sized frame grew without end).
  await openInFrame(page, `/jobs/${own}`);
  await expect(appFrame(page).getByTestId("not-found")).toContainText("Not found");
  const contentHeight = await appFrame(page)
    .getByTestId("frame-content")
    .evaluate((node) => node.getBoundingClientRect().height);
  expect(contentHeight).toBeLessThan(800);

  // Outside the portal there is no session at all.
  expect((await fetch(`${appUrl()}/api/jobs/${own}`)).status).toBe(401);
});
