/**
 * Resumability: a worker process running a privacy job is SIGKILLed mid-job (the emulator slows
 * the portal down so that there is a middle), a new worker process picks the job up after
 * pg-boss expires the lost attempt, and the outcome is what an uninterrupted run gives: one
 * complete archive (no partial one or spool left) with every record, and every subject
 * anonymised once with the same values, each request completed.
 */
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait-for";
import { workerProcesses, type WorkerProcesses } from "../../test/support/worker-process";
import { generateKeyBase64 } from "../crypto";
import { createJobsRuntime, stopBoss, type JobsRuntime } from "../jobs";
import { signInFromPost } from "../lifecycle";
import type { PortalUser } from "../../test/support/control-answers";
import { CLIENT_ID, CLIENT_SECRET, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";
import { readArchiveChunks } from "./download/archive-store";
import { pseudonymCode } from "./change/field-plans";
import { privacyChangeJob, privacyDownloadJob } from "./jobs";
import { attachJob, createRequests } from "./requests/requests-log";

const keyBase64 = generateKeyBase64();
let h: LifecycleHarness;
let portalId: string;
let runtime: JobsRuntime;
let workers: WorkerProcesses;

const jobRun = (id: string) => h.db.prisma.jobRun.findUniqueOrThrow({ where: { id } });
const callsOf = async (method: string) => (await h.control<{ calls: unknown[] }>("GET", `calls?portal=acme&method=${method}&limit=100000`)).calls.length;
const updatesOf = async () => (await h.control<{ calls: Array<{ recordId?: number }> }>("GET", "calls?portal=acme&method=user.update&limit=100000")).calls;

beforeAll(async () => {
  h = await lifecycleHarness({
    portals: ["acme"],
    scopes: ["user", "user.userfield", "department", "im", "disk", "task", "crm", "sonet_group"],
    // Enough tasks that the export reads pages after its first request (which reads up to 100 of each list).
    recordsPerHeavyUser: 2000,
    keyBase64,
  });
  portalId = await h.installPortal("acme");
  // This process only enqueues the production jobs; the worker processes run them. A retry after
  // the kill waits a second, not the jobs' production delay (test/support/worker-process.ts).
  runtime = createJobsRuntime({
    databaseUrl: h.db.url,
    prisma: h.db.prisma,
    definitions: [privacyDownloadJob, privacyChangeJob],
    retryDelaySeconds: 1,
  });
  // The real worker entry point with the test's database, key and app credentials.
  workers = workerProcesses({ databaseUrl: h.db.url, keyBase64, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
});
afterAll(async () => {
  await workers?.killAll();
  await stopBoss(h.db.url, { graceful: false });
  await h?.close();
});

describe("a privacy worker killed mid-job", () => {
  it("export: the new worker writes one complete archive and leaves nothing of the killed attempt", async () => {
    const summary = await h.control<{ heavyUserIds: number[] }>("GET", "portals/acme");
    const users = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const subject = users.find((u) => summary.heavyUserIds.includes(u.id) && u.active && !u.admin)!;
    await signInFromPost(h.deps, (await h.iframePost("acme", subject.id)).post);
    // Slow task pages: the export is then reliably in the middle of its records when killed.
    await h.control("POST", "faults", { portal: "acme", method: "tasks.task.list", count: 1000, error: "", latencyMs: 400 });
    const [requestId] = await createRequests(h.db.prisma, portalId, "download", [subject.id], subject.id);
    const id = await runtime.enqueue(privacyDownloadJob, {
      portalId,
      startedBy: subject.id,
      input: { requestId, subjectUserId: subject.id, lang: "en", saveToDrive: false },
      expireInSeconds: 4,
    });
    await attachJob(h.db.prisma, [requestId], id);

    const first = workers.start();
    // The archive row exists once the export writes; two more slow task pages and it is mid-records.
    await waitFor(async () => (await h.db.prisma.privacyArchive.count({ where: { jobRunId: id } })) === 1, {
      timeoutMs: 60_000,
      message: "the export started writing",
    });
    const pagesAtStart = await callsOf("tasks.task.list");
    await waitFor(async () => (await callsOf("tasks.task.list")) >= pagesAtStart + 2, { timeoutMs: 60_000, message: "the export reached the task pages" });
    await workers.kill(first);
    // The killed attempt left a partial archive (never served: no completedAt) and its spools.
    const partial = await h.db.prisma.privacyArchive.findMany({ where: { portalId } });
    expect(partial.some((a) => a.jobRunId === id && a.completedAt === null)).toBe(true);
    await h.control("DELETE", "faults");

    workers.start();
    await waitFor(async () => (await jobRun(id)).state === "completed", { timeoutMs: 90_000, message: "the export completed" });
    expect((await jobRun(id)).attempts).toBeGreaterThanOrEqual(2);
    const archives = await h.db.prisma.privacyArchive.findMany({ where: { portalId } });
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatchObject({ jobRunId: id, userId: subject.id });
    expect(archives[0].completedAt).not.toBeNull();
    const parts: Buffer[] = [];
    for await (const c of readArchiveChunks(h.db.prisma, h.deps.keys, archives[0].id)) parts.push(c);
    const files = unzipSync(new Uint8Array(Buffer.concat(parts)));
    const tasks = JSON.parse(new TextDecoder().decode(files["records-tasks.json"])) as unknown[];
    const view = await h.control<{ rows: Array<[number, number, number, number[], number[]]> }>("GET", "portals/acme/ownership?type=task");
    const expected = view.rows.reduce(
      (n, [, r, c, a, o]) => n + (r === subject.id ? 1 : 0) + (c === subject.id ? 1 : 0) + (a.includes(subject.id) ? 1 : 0) + (o.includes(subject.id) ? 1 : 0),
      0,
    );
    expect(tasks).toHaveLength(expected);
    expect(await h.db.prisma.privacyRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "completed" });
    const notes = (await h.control<Array<{ toUserId: number }>>("GET", "portals/acme/notifications")).filter((n) => n.toUserId === subject.id);
    expect(notes).toHaveLength(1);
  });

  it("anonymisation of several users: the new worker finishes the rest, nobody is written with other values", async () => {
    // Only the workers this test starts may work: the previous test's survivor goes first.
    await workers.killAll();
    const users = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const summary = await h.control<{ heavyUserIds: number[] }>("GET", "portals/acme");
    const subjects = users.filter((u) => !u.admin && u.userType === "employee" && !summary.heavyUserIds.includes(u.id)).slice(0, 4);
    expect(subjects).toHaveLength(4);
    // Active subjects: the portal answers whether they are administrators only to their own tokens.
    for (const s of subjects) if (s.active) await signInFromPost(h.deps, (await h.iframePost("acme", s.id)).post);
    await h.control("POST", "faults", { portal: "acme", method: "user.update", count: 1000, error: "", latencyMs: 1200 });
    const requestIds = await createRequests(
      h.db.prisma,
      portalId,
      "anonymise",
      subjects.map((s) => s.id),
      1,
    );
    const id = await runtime.enqueue(privacyChangeJob, {
      portalId,
      startedBy: 1,
      input: { kind: "anonymise", requestIds, lang: "en", actAsStarter: true },
      expireInSeconds: 6,
    });
    await attachJob(h.db.prisma, requestIds, id);

    const first = workers.start();
    await waitFor(async () => (await h.db.prisma.privacyRequest.count({ where: { id: { in: requestIds }, status: "completed" } })) >= 1, {
      timeoutMs: 60_000,
      message: "one subject done",
    });
    await workers.kill(first);
    const doneAtKill = await h.db.prisma.privacyRequest.findMany({ where: { id: { in: requestIds }, status: "completed" }, select: { subjectUserId: true } });
    expect(doneAtKill.length).toBeLessThan(subjects.length);
    await h.control("DELETE", "faults");
    const updatesBefore = await callsOf("user.update");

    workers.start();
    await waitFor(async () => (await jobRun(id)).state === "completed", { timeoutMs: 90_000, message: "the anonymisation completed" });
    const requests = await h.db.prisma.privacyRequest.findMany({ where: { id: { in: requestIds } } });
    expect(requests.every((r) => r.status === "completed")).toBe(true);
    // The resumed work wrote every subject not finished before the kill, and none finished before
    // it (an attempt that pg-boss expires on a loaded machine may repeat an unfinished one: same values).
    const finished = new Set(doneAtKill.map((r) => r.subjectUserId));
    const resumed = (await updatesOf()).slice(updatesBefore).map((c) => c.recordId);
    for (const s of subjects) {
      if (finished.has(s.id)) expect(resumed, `subject ${s.id} finished before the kill`).not.toContain(s.id);
      else expect(resumed, `subject ${s.id} left by the killed worker`).toContain(s.id);
    }
    const after = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const memberId = h.portal("acme").memberId;
    for (const s of subjects) {
      const u = after.find((x) => x.id === s.id)!;
      expect({ name: u.name, lastName: u.lastName, email: u.email, photo: u.personalPhoto }).toEqual({
        name: "Former employee",
        lastName: pseudonymCode(memberId, s.id),
        email: `former-employee-${s.id}@anonymised.invalid`,
        photo: "",
      });
      expect(u.departmentIds).toEqual(s.departmentIds);
      expect(u.active).toBe(s.active);
    }
  });
});
