/**
 * The Transfer job end to end against the emulator over HTTP, a real PostgreSQL and real pg-boss
 * jobs: a two-receiver transfer moves exactly the planned records (the portal's whole ownership
 * compared before and after), notifies the receivers, records failures with the portal's error
 * code and retries them, waits out QUERY_LIMIT_EXCEEDED, is undone (a record changed by hand
 * meanwhile stays and is listed), refuses inactive receivers, cancels, and a temporary
 * transfer's return gives records back except one changed by hand. Finally no table holds a
 * seeded user's name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { waitFor } from "../../test/support/wait-for";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import { Refused } from "../errors";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../jobs";
import type { TransferServices } from "./deps";
import { dismissalWatchJob, returnsDueJob } from "./jobs";
import { listHistory, movedPerMonth } from "./history";
import { listItems, readTransferProgress } from "./progress";
import { transferRequestSchema } from "./request";
import { transferRunJob } from "./run-job";
import { cancelTransfer, retryTransfer, startTransfer } from "./start";
import { startDueReturns } from "./temporary";
import { undoTransfer } from "./undo";

let db: TestDatabase;
let world: World;
let deps: TransferServices;
let runtime: JobsRuntime;
let stopWorker: () => Promise<void>;
let heavy: number;
let receivers: number[];

type Row = Array<number | number[]>;
const KINDS = ["task", "crm-1", "crm-2", "crm-3", "crm-4", "crm-7", "crm-31", "crm-128", "crm-1032", "activity", "workgroup", "department"];
async function ownership(): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const k of KINDS) out.set(k, (await world.control<{ rows: Row[] }>("GET", `portals/${world.portalKey}/ownership?type=${k}`)).rows);
  return out;
}
const kindOf = (type: string) =>
  type === "task" || type === "activity" || type === "workgroup" || type === "department"
    ? type
    : `crm-${{ lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 }[type] ?? type.replace("dynamic-", "")}`;

const ALL_SELECTIONS = [
  { type: "task", role: "responsible" },
  { type: "task", role: "creator" },
  { type: "task", role: "accomplice" },
  { type: "task", role: "auditor" },
  { type: "lead", role: "assigned" },
  { type: "deal", role: "assigned" },
  { type: "contact", role: "assigned" },
  { type: "company", role: "assigned" },
  { type: "quote", role: "assigned" },
  { type: "invoice", role: "assigned" },
  { type: "dynamic-128", role: "assigned" },
  { type: "dynamic-1032", role: "assigned" },
  { type: "activity", role: "responsible" },
  { type: "workgroup", role: "owner" },
  { type: "department", role: "head" },
];

const transfer = (id: string) => db.prisma.transfer.findUniqueOrThrow({ where: { id } });
const finished = (id: string) =>
  waitFor(async () => ["completed", "cancelled", "failed"].includes((await transfer(id)).state), { timeoutMs: 60_000, message: `transfer ${id} to finish` });

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({
    prisma: db.prisma,
    seedUsers: 60,
    seed: { recordsPerHeavyUser: 150 },
    scopes: ["user", "department", "task", "crm", "sonet_group", "im"],
  });
  // The production job definitions; the runtime hands them the test's world (waits for limits shortened).
  runtime = createJobsRuntime({
    databaseUrl: db.url,
    prisma: db.prisma,
    definitions: [transferRunJob, returnsDueJob, dismissalWatchJob],
    maintenanceIntervalSeconds: 1,
    clients: () => world.factory,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200))),
  });
  deps = { prisma: db.prisma, clients: world.factory, jobs: runtime };
  stopWorker = await runtime.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
  const summary = await world.control<{ heavyUserIds: number[] }>("GET", `portals/${world.portalKey}`);
  heavy = summary.heavyUserIds[1];
  const users = await world.control<Array<{ id: number; active: boolean }>>("GET", `portals/${world.portalKey}/users`);
  receivers = users
    .filter((u) => u.active && u.id !== heavy && u.id !== ADMIN_ID && !summary.heavyUserIds.includes(u.id))
    .slice(0, 2)
    .map((u) => u.id);
});

/** The signed-in administrator. */
const admin = () => ({ portalId: world.portalId, userId: ADMIN_ID });

afterAll(async () => {
  await stopWorker?.();
  await stopBoss(db.url, { graceful: false });
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("a transfer to two receivers, then its undo", () => {
  let transferId: string;

  it("moves exactly the planned records, split between the receivers, and notifies them", async () => {
    const before = await ownership();
    const request = transferRequestSchema.parse({ fromUserId: heavy, receiverIds: receivers, selections: ALL_SELECTIONS, query: { openOnly: true } });
    ({ transferId } = await startTransfer(deps, admin(), request));
    await finished(transferId);
    const t = await transfer(transferId);
    // App-configured activities refuse crm.activity.update (crm-activity-update.md): recorded, the job goes on.
    const failures = await listItems(deps, world.portalId, transferId, "failed");
    expect(failures.every((f) => f.type === "activity" && f.reason === "configurable_activity")).toBe(true);
    expect(t).toMatchObject({ state: "completed", skipped: 0 });
    expect(t.moved).toBe(t.total - failures.length);
    expect(t.total).toBeGreaterThan(50);

    const items = await db.prisma.transferItem.findMany({ where: { transferId, state: "moved" } });
    expect(new Set(items.map((i) => i.toUserId))).toEqual(new Set(receivers));
    const after = await ownership();
    const planned = new Map(items.map((i) => [`${kindOf(i.type)}:${i.recordId}:${i.role}`, i.toUserId]));
    const roleCols: Record<string, [string, number][]> = {
      task: [
        ["responsible", 1],
        ["creator", 2],
        ["accomplice", 3],
        ["auditor", 4],
      ],
    };
    for (const kind of KINDS) {
      const b = before.get(kind)!;
      const a = after.get(kind)!;
      const cols = roleCols[kind] ?? [[kind === "workgroup" ? "owner" : kind === "department" ? "head" : kind === "activity" ? "responsible" : "assigned", 1]];
      b.forEach((row, r) => {
        for (const [role, col] of cols) {
          const to = planned.get(`${kind}:${row[0]}:${role}`);
          const was = row[col];
          const now = a[r][col];
          if (to === undefined) expect(now, `${kind} ${row[0]} ${role} untouched`).toEqual(was);
          else if (Array.isArray(now))
            expect(now, `${kind} ${row[0]} ${role}`).toEqual((was as number[]).map((u) => (u === heavy ? to : u)).filter((u, i, l) => l.indexOf(u) === i));
          else expect(now, `${kind} ${row[0]} ${role}`).toBe(to);
        }
      });
    }
    // Every kind of record was part of it.
    expect(new Set(items.map((i) => i.type))).toEqual(
      new Set(
        ["task", "lead", "deal", "contact", "company", "quote", "invoice", "dynamic-128", "dynamic-1032", "activity", "workgroup"].filter((x) =>
          items.some((i) => i.type === x),
        ),
      ),
    );
    expect(items.some((i) => i.role === "accomplice") && items.some((i) => i.type === "activity") && items.some((i) => i.type.startsWith("dynamic-"))).toBe(
      true,
    );

    const notes = await world.control<Array<{ toUserId: number; message: string; tag: string }>>("GET", `portals/${world.portalKey}/notifications`);
    for (const r of receivers) expect(notes.some((n) => n.toUserId === r && n.tag === `staffsuite-transfer-${transferId}-${r}`)).toBe(true);

    const progress = await readTransferProgress(deps, world.portalId, transferId);
    expect(progress!.perType.reduce((s, p) => s + p.moved, 0)).toBe(t.moved);
    expect(progress!.recordsPerSecond).toBeGreaterThan(0);
    const history = await listHistory(deps, world.portalId, { userId: heavy });
    expect(history[0]).toMatchObject({ id: transferId, kind: "transfer", moved: t.moved });
    const chart = await movedPerMonth(deps, world.portalId);
    expect(chart.reduce((s, c) => s + c.moved, 0)).toBe(t.moved);
    const log = await db.prisma.operationLog.findUniqueOrThrow({ where: { id: t.logId } });
    expect(log).toMatchObject({ tool: "transfer", actorUserId: ADMIN_ID, subjectUserId: heavy });
  });

  it("undo gives every record back except one changed by hand meanwhile, which is listed", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const deal = await db.prisma.transferItem.findFirstOrThrow({ where: { transferId, type: "deal" } });
    await client.call("crm.item.update", { entityTypeId: 2, id: deal.recordId, fields: { assignedById: ADMIN_ID } });
    const { transferId: undoId } = await undoTransfer(deps, admin(), { transferId });
    await finished(undoId);
    const u = await transfer(undoId);
    expect(u).toMatchObject({ state: "completed", kind: "undo", skipped: 1, failed: 0 });
    expect(u.moved).toBe(u.total - 1);
    const skipped = await listItems(deps, world.portalId, undoId, "skipped");
    expect(skipped).toEqual([expect.objectContaining({ type: "deal", recordId: deal.recordId, reason: "changed" })]);
    const after = await ownership();
    const items = await db.prisma.transferItem.findMany({ where: { transferId, state: "moved", role: { in: ["assigned", "responsible", "owner"] } } });
    for (const i of items) {
      const row = after.get(kindOf(i.type))!.find((r) => r[0] === i.recordId)!;
      expect(row[1]).toBe(i.type === "deal" && i.recordId === deal.recordId ? ADMIN_ID : heavy);
    }
  });

  it("an undo can itself be undone: the records it gave back go to the receivers again", async () => {
    const undo = await db.prisma.transfer.findFirstOrThrow({ where: { parentId: transferId, kind: "undo" } });
    const { transferId: redoId } = await undoTransfer(deps, admin(), { transferId: undo.id });
    await finished(redoId);
    const redo = await transfer(redoId);
    expect(redo).toMatchObject({ state: "completed", kind: "undo", parentId: undo.id, failed: 0, moved: undo.moved });
    expect([...redo.receiverIds].sort((a, b) => a - b)).toEqual([...receivers].sort((a, b) => a - b));
    const after = await ownership();
    const gaveBack = await db.prisma.transferItem.findMany({
      where: { transferId: undo.id, state: "moved", role: { in: ["assigned", "responsible", "owner"] } },
    });
    expect(gaveBack.length).toBeGreaterThan(0);
    for (const i of gaveBack) expect(after.get(kindOf(i.type))!.find((r) => r[0] === i.recordId)![1]).toBe(i.fromUserId);

    // And that one too (which leaves the records with the employee again for the tests below).
    const { transferId: againId } = await undoTransfer(deps, admin(), { transferId: redoId });
    await finished(againId);
    expect(await transfer(againId)).toMatchObject({ state: "completed", receiverIds: [heavy], moved: redo.moved, failed: 0 });
    const back = await ownership();
    for (const i of gaveBack) expect(back.get(kindOf(i.type))!.find((r) => r[0] === i.recordId)![1]).toBe(heavy);
  });
});

describe("failures, limits, refusals and cancel", () => {
  it("records a refused record with the portal's error code, waits out QUERY_LIMIT_EXCEEDED, and retries the failure", async () => {
    await world.control("POST", "faults", { portal: world.portalKey, method: "crm.item.update", count: 1, status: 403, error: "ACCESS_DENIED" });
    await world.control("POST", "faults", { portal: world.portalKey, method: "crm.item.update", count: 2, status: 503, error: "QUERY_LIMIT_EXCEEDED" });
    const request = transferRequestSchema.parse({
      fromUserId: heavy,
      receiverIds: [receivers[0]],
      selections: [{ type: "deal", role: "assigned" }],
      query: { openOnly: false },
    });
    const { transferId: id } = await startTransfer(deps, admin(), request);
    await finished(id);
    const t = await transfer(id);
    expect(t).toMatchObject({ state: "completed", failed: 1 });
    expect(t.moved).toBe(t.total - 1);
    expect(await listItems(deps, world.portalId, id, "failed")).toEqual([expect.objectContaining({ type: "deal", reason: "access_denied" })]);
    expect((await retryTransfer(deps, admin(), { transferId: id })).retried).toBe(1);
    await waitFor(async () => (await transfer(id)).state === "completed" && (await transfer(id)).failed === 0, { timeoutMs: 30_000 });
    expect((await transfer(id)).moved).toBe(t.total);
  });

  it("refuses a dismissed receiver with the reason", async () => {
    const users = await world.control<Array<{ id: number; active: boolean }>>("GET", `portals/${world.portalKey}/users`);
    const dismissed = users.find((u) => !u.active)!.id;
    const request = transferRequestSchema.parse({
      fromUserId: heavy,
      receiverIds: [receivers[0], dismissed],
      selections: [{ type: "deal", role: "assigned" }],
    });
    const refusal = await startTransfer(deps, admin(), request).catch((e) => e);
    expect(refusal).toBeInstanceOf(Refused);
    expect(refusal).toMatchObject({ reason: "receiver_inactive", userIds: [dismissed] });
  });

  it("a cancelled transfer stops and moves nothing more", async () => {
    const request = transferRequestSchema.parse({
      fromUserId: receivers[0],
      receiverIds: [receivers[1]],
      selections: [{ type: "deal", role: "assigned" }],
      query: { openOnly: false },
    });
    const { transferId: id } = await startTransfer(deps, admin(), request);
    expect((await cancelTransfer(deps, admin(), { transferId: id })).cancelled).toBe(true);
    await finished(id);
    expect(await transfer(id)).toMatchObject({ state: "cancelled", moved: 0 });
  });
});

describe("a temporary transfer", () => {
  it("returns the records when due, except one changed by hand meanwhile, which stays and is listed", async () => {
    const returnAt = new Date(Date.now() + 60_000).toISOString();
    const request = transferRequestSchema.parse({
      fromUserId: heavy,
      receiverIds: [receivers[1]],
      selections: [
        { type: "lead", role: "assigned" },
        { type: "task", role: "responsible" },
      ],
      returnAt,
    });
    const { transferId: id } = await startTransfer(deps, admin(), request);
    await finished(id);
    const t = await transfer(id);
    expect(t).toMatchObject({ state: "completed", returnState: "scheduled" });
    const lead = await db.prisma.transferItem.findFirstOrThrow({ where: { transferId: id, type: "lead" } });
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    await client.call("crm.item.update", { entityTypeId: 1, id: lead.recordId, fields: { assignedById: ADMIN_ID } });

    expect(await startDueReturns(deps, new Date())).toEqual([]); // not due yet
    const [returnId] = await startDueReturns(deps, new Date(Date.now() + 61_000));
    await finished(returnId);
    const r = await transfer(returnId);
    expect(r).toMatchObject({ kind: "return", state: "completed", skipped: 1, moved: t.moved - 1 });
    expect(await transfer(id)).toMatchObject({ returnState: "started" });
    expect(await listItems(deps, world.portalId, returnId, "skipped")).toEqual([
      expect.objectContaining({ type: "lead", recordId: lead.recordId, reason: "changed" }),
    ]);
    const leads = (await ownership()).get("crm-1")!;
    expect(leads.find((row) => row[0] === lead.recordId)![1]).toBe(ADMIN_ID);
  });
});

describe("data minimisation", () => {
  it("no table holds a seeded user's name after transfers", async () => {
    const users = await world.control<Array<{ name: string; lastName: string }>>("GET", `portals/${world.portalKey}/users`);
    const names = [...new Set(users.flatMap((u) => [u.name, u.lastName]).filter((n) => n && n.length >= 4))];
    const tables = await db.prisma.$queryRaw<
      Array<{ table_name: string }>
    >`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThan(5);
    for (const { table_name } of tables) {
      const rows = await db.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      for (const { row } of rows) for (const name of names) expect(row.includes(name), `${table_name} holds "${name}"`).toBe(false);
    }
    expect(await db.prisma.transferItem.count()).toBeGreaterThan(0);
  });
});
