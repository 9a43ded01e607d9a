/**
 * The CRM robot end to end against the emulator over HTTP, a real PostgreSQL and real pg-boss
 * jobs: registered at install (and again, idempotently), put on a deal stage, the deal moved there;
 * the call the portal posted is verified (application_token, the portal answering for its token),
 * its hand-over job moves the deal's contact, company, open activity and open task to the deal's
 * responsible person (a closed task stays), answers the call with the counts, shows in history as
 * automatic, and is undone. Ownership is read through the emulator's control API, not the app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { ADMIN_ID, CLIENT_ID, createWorld, type World } from "../../../test/support/emulator-world";
import { waitFor } from "../../../test/support/wait-for";
import { resetLimiters } from "../../bitrix24";
import { encryptSecret } from "../../crypto";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../../jobs";
import { verifyAppCall } from "../../lifecycle";
import type { TransferServices } from "../deps";
import { listHistory } from "../history";
import { transferRunJob } from "../run-job";
import { undoTransfer } from "../undo";
import { parseRobotCall } from "./call";
import { ROBOT_CODE } from "./definition";
import { robotHandOverJob, startRobotHandOver } from "./hand-over";
import { registerRobot, registerRobotOnInstall, registerRobotOnUpdate } from "./register";

const APP_URL = "http://127.0.0.1:9";

let db: TestDatabase;
let world: World;
let runtime: JobsRuntime;
let stopWorker: () => Promise<void>;
let deps: TransferServices;

type Row = Array<number | number[]>;
async function holderOf(kind: string, id: number): Promise<number> {
  const { rows } = await world.control<{ rows: Row[] }>("GET", `portals/${world.portalKey}/ownership?type=${kind}`);
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no ${kind} ${id}`);
  return row[1] as number;
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 20, seed: { recordsPerHeavyUser: 0 }, scopes: ["user", "department", "task", "crm", "bizproc"] });
  // ONAPPINSTALL's application_token, as the events route stores it.
  const summary = await world.control<{ installs: Array<{ clientId: string; applicationToken: string }> }>("GET", `portals/${world.portalKey}`);
  const token = summary.installs.find((i) => i.clientId === CLIENT_ID)!.applicationToken;
  await db.prisma.portal.update({ where: { id: world.portalId }, data: { applicationTokenEnc: encryptSecret(token, world.keys) } });
  runtime = createJobsRuntime({
    databaseUrl: db.url,
    prisma: db.prisma,
    definitions: [transferRunJob, robotHandOverJob],
    maintenanceIntervalSeconds: 1,
    clients: () => world.factory,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
  });
  deps = { prisma: db.prisma, clients: world.factory, jobs: runtime };
  stopWorker = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorker?.();
  await stopBoss(db.url, { graceful: false });
  await world?.close();
  await db?.drop();
  resetLimiters();
});

const admin = () => world.factory.clientFor(world.portalId, { userId: ADMIN_ID });

describe("registering the robot", () => {
  it("registers it at install when bizproc is granted, updates it when registered again, and skips a portal without bizproc", async () => {
    const client = await admin();
    expect(await registerRobotOnInstall({ client, scopes: ["user", "crm"], userId: ADMIN_ID }, APP_URL)).toBe(false);
    expect((await client.call<string[]>("bizproc.robot.list")).result).not.toContain(ROBOT_CODE);
    expect(await registerRobotOnInstall({ client, scopes: ["user", "crm", "bizproc"], userId: ADMIN_ID }, APP_URL)).toBe(true);
    expect(await registerRobot(client, APP_URL, ADMIN_ID)).toBe("updated");
    expect((await client.call<string[]>("bizproc.robot.list")).result).toEqual([ROBOT_CODE]);
  });

  it("registers it again after an app update, which dropped it", async () => {
    const client = await admin();
    await world.control("POST", `portals/${world.portalKey}/app-update`, { clientId: CLIENT_ID });
    expect((await client.call<string[]>("bizproc.robot.list")).result).toEqual([]);
    expect(await registerRobotOnUpdate({ clients: world.factory, appUrl: APP_URL }, world.portalId)).toBe(true);
    expect((await client.call<string[]>("bizproc.robot.list")).result).toEqual([ROBOT_CODE]);
  });
});

describe("a deal moved into the robot's stage", () => {
  it("hands its related records to its responsible person, answers the call, shows as automatic in history and is undone", async () => {
    const client = await admin();
    const users = await world.control<Array<{ id: number; active: boolean; admin: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const [responsible, holder] = users.filter((u) => u.active && !u.admin).map((u) => u.id);
    const contact = (await client.call<number>("crm.contact.add", { fields: { NAME: "Robot", ASSIGNED_BY_ID: holder } })).result;
    const company = (await client.call<number>("crm.company.add", { fields: { TITLE: "Robot Ltd", ASSIGNED_BY_ID: holder } })).result;
    const deal = (
      await client.call<number>("crm.deal.add", { fields: { TITLE: "Robot deal", CONTACT_ID: contact, COMPANY_ID: company, ASSIGNED_BY_ID: responsible } })
    ).result;
    const activity = (
      await client.call<number>("crm.activity.add", {
        fields: { OWNER_TYPE_ID: 2, OWNER_ID: deal, TYPE_ID: 2, SUBJECT: "Call", RESPONSIBLE_ID: holder, COMMUNICATIONS: [{ VALUE: "+4912345" }] },
      })
    ).result;
    const openTask = (
      await client.call<{ task: { id: string } }>("tasks.task.add", { fields: { TITLE: "Open", RESPONSIBLE_ID: holder, UF_CRM_TASK: [`D_${deal}`] } })
    ).result.task.id;
    const closedTask = (
      await client.call<{ task: { id: string } }>("tasks.task.add", { fields: { TITLE: "Done", RESPONSIBLE_ID: holder, UF_CRM_TASK: [`D_${deal}`] } })
    ).result.task.id;
    await client.call("tasks.task.update", { taskId: closedTask, fields: { STATUS: 5 } });

    await world.control("POST", `portals/${world.portalKey}/automation/rules`, {
      entityTypeId: 2,
      stageId: "PREPARATION",
      clientId: CLIENT_ID,
      code: ROBOT_CODE,
    });
    await world.control("POST", `portals/${world.portalKey}/automation/move`, { entityTypeId: 2, id: deal, stageId: "PREPARATION", userId: ADMIN_ID });
    const [delivery] = await world.control<Array<{ body: Record<string, string> }>>("GET", `deliveries?portal=${world.portalKey}&event=BIZPROC_ROBOT`);
    const call = parseRobotCall(Object.entries(delivery.body));
    expect(call).toMatchObject({ entityTypeId: 2, recordId: deal, options: { moveContact: true, includeClosed: false } });

    // Forged calls are refused before anything is queued.
    const verify = (auth: typeof call.auth) => verifyAppCall({ prisma: db.prisma, keys: world.keys }, auth);
    await expect(verify({ ...call.auth, applicationToken: "guessed" })).rejects.toThrow(/application_token/);
    await expect(verify({ ...call.auth, accessToken: "stolen" })).rejects.toThrow(/did not confirm/);
    await expect(verify({ ...call.auth, domain: "evil.example.test" })).rejects.toThrow(/DOMAIN/);
    const caller = await verify(call.auth);
    expect(caller).toMatchObject({ portalId: world.portalId, userId: ADMIN_ID });

    const { jobRunId } = await startRobotHandOver(deps, caller, call);
    await waitFor(async () => (await db.prisma.jobRun.findUniqueOrThrow({ where: { id: jobRunId } })).state === "completed", {
      timeoutMs: 60_000,
      message: "the robot's job",
    });
    expect(await holderOf("crm-3", contact)).toBe(responsible);
    expect(await holderOf("crm-4", company)).toBe(responsible);
    expect(await holderOf("activity", activity)).toBe(responsible);
    expect(await holderOf("task", Number(openTask))).toBe(responsible);
    expect(await holderOf("task", Number(closedTask))).toBe(holder);

    const automation = await world.control<{ calls: Array<{ status: string; returnValues: Record<string, unknown> }> }>(
      "GET",
      `portals/${world.portalKey}/automation?recordId=${deal}`,
    );
    expect(automation.calls).toEqual([
      expect.objectContaining({
        status: "completed",
        returnValues: { movedContacts: "1", movedCompanies: "1", movedActivities: "1", movedTasks: "1", failed: "0" },
      }),
    ]);

    const [entry] = await listHistory(deps, world.portalId);
    expect(entry).toMatchObject({
      kind: "transfer",
      origin: { by: "robot", entityTypeId: 2, recordId: deal },
      receiverIds: [responsible],
      fromUserId: holder,
      moved: 4,
      failed: 0,
    });
    const log = await db.prisma.operationLog.findFirstOrThrow({ where: { portalId: world.portalId, action: "transfer" } });
    expect(log.details).toMatchObject({ automatic: "robot", entityTypeId: 2, recordId: deal, state: "completed", moved: 4 });

    const undo = await undoTransfer(deps, { portalId: world.portalId, userId: ADMIN_ID }, { transferId: entry.id });
    await waitFor(async () => (await db.prisma.transfer.findUniqueOrThrow({ where: { id: undo.transferId } })).state === "completed", {
      timeoutMs: 60_000,
      message: "the undo",
    });
    expect(await holderOf("crm-3", contact)).toBe(holder);
    expect(await holderOf("crm-4", company)).toBe(holder);
    expect(await holderOf("activity", activity)).toBe(holder);
    expect(await holderOf("task", Number(openTask))).toBe(holder);
  });
});
