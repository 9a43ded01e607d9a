/**
 * Crash test: a transfer of more than 5,000 records run by separate worker processes
 * (`scripts/worker.ts`), the worker SIGKILLed at three random points of its progress and
 * restarted each time, completes with every record moved exactly once — proved by the
 * emulator's call log, which names the record of every write — and with counts that match.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { waitFor } from "../../test/support/wait-for";
import { workerProcesses, type WorkerProcesses } from "../../test/support/worker-process";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, createWorld, type CallLogEntry, type World } from "../../test/support/emulator-world";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../jobs";
import { JOB_CATALOGUE } from "../job-catalogue";
import { transferRequestSchema } from "./request";
import { startTransfer } from "./start";

let db: TestDatabase;
let world: World;
let runtime: JobsRuntime;
let workers: WorkerProcesses;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 40,
    seed: { recordsPerHeavyUser: 5600 },
    scopes: ["user", "department", "task", "crm", "sonet_group", "im"],
  });
  // A retry after each kill waits a second, not the transfer's production delay (test/support/worker-process.ts).
  runtime = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: JOB_CATALOGUE, retryDelaySeconds: 1 });
  workers = workerProcesses({
    databaseUrl: db.url,
    keyBase64: world.keyBase64,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    oauthUrl: world.emu.httpUrl,
  });
});

afterAll(async () => {
  await workers?.killAll();
  await stopBoss(db.url, { graceful: false });
  await world?.close();
  await db?.drop();
  resetLimiters();
});

const WRITE_METHOD: Record<string, string> = {
  task: "tasks.task.update",
  activity: "crm.activity.update",
  workgroup: "sonet_group.setowner",
  department: "department.update",
};
const CRM: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 };
const writeKey = (type: string, recordId: number) =>
  WRITE_METHOD[type] ? `${WRITE_METHOD[type]}:${recordId}` : `crm.item.update:${CRM[type] ?? Number(type.replace("dynamic-", ""))}:${recordId}`;
const logKey = (c: CallLogEntry) => (c.method === "crm.item.update" ? `${c.method}:${c.entityTypeId}:${c.recordId}` : `${c.method}:${c.recordId}`);

describe("a worker killed three times", () => {
  it("moves every record exactly once", async () => {
    const summary = await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`);
    const from = summary.heavyUserIds[1];
    const users = await world.control<Array<{ id: number; active: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const receivers = users
      .filter((u) => u.active && !summary.heavyUserIds.includes(u.id))
      .slice(0, 2)
      .map((u) => u.id);
    const request = transferRequestSchema.parse({
      fromUserId: from,
      receiverIds: receivers,
      selections: [
        "task:responsible",
        "task:creator",
        "lead:assigned",
        "deal:assigned",
        "contact:assigned",
        "company:assigned",
        "quote:assigned",
        "invoice:assigned",
        "dynamic-128:assigned",
        "dynamic-1032:assigned",
        "activity:responsible",
      ].map((s) => ({ type: s.split(":")[0], role: s.split(":")[1] })),
      query: { openOnly: false },
      notify: false,
    });
    await world.control("DELETE", "calls");
    const { transferId: id } = await startTransfer(
      { prisma: db.prisma, clients: world.factory, jobs: runtime },
      { portalId: world.portalId, userId: ADMIN_ID },
      request,
    );
    const settled = async () => {
      const t = await db.prisma.transfer.findUniqueOrThrow({ where: { id } });
      return { ...t, settled: t.moved + t.failed + t.skipped };
    };

    let worker = workers.start();
    await waitFor(async () => (await settled()).total > 0, { timeoutMs: 120_000, message: "the plan" });
    const total = (await settled()).total;
    expect(total).toBeGreaterThanOrEqual(5000);
    // Three random kill points, in order, spread over the run.
    const points = [0, 1, 2].map((i) => Math.floor(total * (0.1 + 0.27 * i + Math.random() * 0.2))).sort((a, b) => a - b);
    for (const point of points) {
      await waitFor(async () => (await settled()).settled >= point, { timeoutMs: 180_000, intervalMs: 20, message: `progress ${point}` });
      worker = await workers.restart(worker);
    }
    await waitFor(async () => (await settled()).state === "completed", { timeoutMs: 240_000, message: "completion" });

    const t = await settled();
    const items = await db.prisma.transferItem.findMany({ where: { transferId: id }, select: { type: true, recordId: true, state: true } });
    expect(items).toHaveLength(total);
    expect(t.moved + t.failed + t.skipped).toBe(total);
    expect(items.filter((i) => i.state === "moved")).toHaveLength(t.moved);
    expect(items.some((i) => i.state === "planned" || i.state === "sending")).toBe(false);
    expect(t.skipped).toBe(0);

    // The call log: one successful write per moved record (a task held in two roles is written
    // twice), none repeated, and none for a record that did not move.
    const view = await world.control<{ calls: CallLogEntry[] }>("GET", `calls?portal=${world.portalKey}&limit=200000`);
    const writes = view.calls.filter((c) => c.inBatch && c.recordId !== undefined && /\.update$|\.setowner$/.test(c.method));
    const tally = (list: Array<{ key: string }>) => {
      const m = new Map<string, number>();
      for (const { key } of list) m.set(key, (m.get(key) ?? 0) + 1);
      return m;
    };
    const keyed = items.map((i) => ({ key: writeKey(i.type, i.recordId), state: i.state }));
    const expectedMoved = tally(keyed.filter((i) => i.state === "moved"));
    const succeeded = tally(writes.filter((c) => c.status === 200).map((c) => ({ key: logKey(c) })));
    const wrong = [...new Set([...expectedMoved.keys(), ...succeeded.keys()])].filter((k) => expectedMoved.get(k) !== succeeded.get(k));
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(writes.filter((c) => c.status === 200)).toHaveLength(t.moved);
    // Refused writes (the refusals the portal documents) belong to failed records only. A refusal
    // changes nothing, so one whose batch was in flight when the worker died reads as never sent
    // and is sent again after the restart: at most once more per kill.
    const expectedFailed = tally(keyed.filter((i) => i.state === "failed"));
    const refused = tally(writes.filter((c) => c.status !== 200).map((c) => ({ key: logKey(c) })));
    for (const [key, n] of refused) {
      const failed = expectedFailed.get(key) ?? 0;
      expect(failed, `refused write of ${key}`).toBeGreaterThan(0);
      expect(n, `refusals of ${key}`).toBeLessThanOrEqual(failed + points.length);
    }
    for (const [key, n] of expectedFailed) expect(refused.get(key) ?? 0, `refusals of ${key}`).toBeGreaterThanOrEqual(n);
    const run = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: t.jobRunId! } });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
  }, 600_000);
});
