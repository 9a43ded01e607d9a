/**
 * The job queue against a real PostgreSQL: progress, retries with backoff, final failure with its
 * error kept, one job per portal at a time, and a worker killed mid-job (SIGKILL) whose job a new
 * worker process finishes; processes starting together create their queues without deadlock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { waitFor } from "../../test/support/wait-for";
import { workerProcesses, type WorkerProcesses } from "../../test/support/worker-process";
import PgBoss from "pg-boss";
import { ValidationError } from "../errors";
import { z } from "zod";
import { ensureQueue } from "./boss";
import { tryLockPortal } from "./portal-lock";
import { BOSS_SCHEMA, createJobsRuntime, defineJob, readJobProgress, scheduleRecurring, selftestJob, stopBoss, type JobsRuntime } from "./index";

let db: TestDatabase;
let runtime: JobsRuntime;
let stopWorker: () => Promise<void>;

async function newPortal(memberId: string): Promise<string> {
  const portal = await db.prisma.portal.create({
    data: { memberId, domain: `${memberId}.example.test`, clientEndpoint: "https://x/rest/", serverEndpoint: "https://o/rest/" },
  });
  return portal.id;
}

const run = (id: string) => db.prisma.jobRun.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  db = await createTestDatabase();
  runtime = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: [selftestJob], maintenanceIntervalSeconds: 1 });
});

afterAll(async () => {
  await stopWorker?.();
  await stopBoss(db.url, { graceful: false });
  await db.drop();
});

describe("durable jobs", () => {
  it("runs a job to completion and reports its progress", async () => {
    stopWorker = await runtime.startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5 });
    const portalId = await newPortal("progress");
    const id = await runtime.enqueue(selftestJob, { portalId, startedBy: 1, input: { steps: 6, stepMs: 150 } });
    const seen = new Set<number>();
    await waitFor(
      async () => {
        const row = await run(id);
        seen.add(row.done);
        return row.state === "completed";
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    const done = await run(id);
    expect(done).toMatchObject({ done: 6, total: 6, attempts: 1, error: null, result: { counted: 6, attempt: 1 } });
    // Intermediate progress was visible while it ran, not only the end state.
    expect([...seen].some((n) => n > 0 && n < 6)).toBe(true);
  });

  it("refuses to enqueue an input its schema rejects, storing nothing", async () => {
    const portalId = await newPortal("bad-input");
    await expect(runtime.enqueue(selftestJob, { portalId, input: { steps: -1, stepMs: 1 } })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.prisma.jobRun.count({ where: { portalId } })).toBe(0);
  });

  it("fails at once, without retries, a job whose stored input no longer fits its schema (a deploy changed it)", async () => {
    const id = await runtime.enqueue(selftestJob, { portalId: await newPortal("stale-input"), input: { steps: 1, stepMs: 1 } });
    // As if the schema had changed since: the stored input is of an older shape.
    await db.prisma.jobRun.update({ where: { id }, data: { input: { steps: "1", stepMs: 1 } } });
    await waitFor(async () => (await run(id)).state === "failed", { timeoutMs: 30_000 });
    const failed = await run(id);
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatch(/stored input no longer fits.*steps/);
  });

  it("retries a failing job with backoff, then succeeds", async () => {
    const id = await runtime.enqueue(selftestJob, { portalId: await newPortal("retry"), input: { steps: 1, stepMs: 1, failTimes: 2 } });
    await waitFor(async () => (await run(id)).state === "completed", { timeoutMs: 40_000 });
    expect(await run(id)).toMatchObject({ attempts: 3, result: { attempt: 3 } });
  });

  it("marks a job failed with its error once the retries are spent", async () => {
    const id = await runtime.enqueue(selftestJob, { portalId: await newPortal("fail"), input: { steps: 1, stepMs: 1, failTimes: 99 } });
    await waitFor(async () => (await run(id)).state === "failed", { timeoutMs: 60_000 });
    const failed = await run(id);
    expect(failed.attempts).toBe(selftestJob.retryLimit + 1);
    expect(failed.error).toBe(`selftest: planned failure on attempt ${selftestJob.retryLimit + 1}`);
    expect(failed.finishedAt).not.toBeNull();
  });

  it("counts attempts on when a retry finds its portal busy and is re-sent as a new pg-boss job", async () => {
    const seen: number[] = [];
    const job = defineJob<Record<string, never>, { attempt: number }>({
      kind: "test.deferred-retry",
      input: z.object({}).strict(),
      retryLimit: 3,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      exclusivePerPortal: true,
      async handler({ attempt }) {
        seen.push(attempt);
        if (seen.length === 1) throw new Error("the first attempt fails");
        return { attempt };
      },
    });
    const own = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: [job] });
    const stop = await own.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      const portalId = await newPortal("deferred-retry");
      const id = await own.enqueue(job, { portalId, input: {} });
      await waitFor(async () => (await run(id)).state === "retrying", { timeoutMs: 20_000, message: "the first attempt failed" });
      const failedAs = (await run(id)).bossJobId;
      // Another job of the portal holds it: the retry defers (a new pg-boss job, retryCount 0).
      const lock = await tryLockPortal(db.url, portalId);
      expect(lock).not.toBeNull();
      await waitFor(async () => (await run(id)).bossJobId !== failedAs, { timeoutMs: 20_000, message: "the retry deferred" });
      await lock!.release();
      await waitFor(async () => (await run(id)).state === "completed", { timeoutMs: 30_000, message: "completion" });
      expect(seen).toEqual([1, 2]);
      expect(await run(id)).toMatchObject({ attempts: 2, result: { attempt: 2 } });
    } finally {
      await stop();
    }
  });

  it("never runs a completed job again: the retry pg-boss makes of an attempt that outlived its expiry does nothing", async () => {
    const seen: number[] = [];
    const bossJobs = (jobRunId: string) =>
      db.prisma.$queryRawUnsafe<Array<{ state: string; retry_count: number }>>(
        `SELECT state, retry_count FROM ${BOSS_SCHEMA}.job WHERE name = 'test.outlived-expiry' AND data->>'jobRunId' = $1`,
        jobRunId,
      );
    const job = defineJob<Record<string, never>, { attempt: number }>({
      kind: "test.outlived-expiry",
      input: z.object({}).strict(),
      retryLimit: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 1,
      exclusivePerPortal: true,
      async handler({ jobRunId, attempt }) {
        seen.push(attempt);
        // The first attempt is still working when pg-boss's maintenance expires it and queues its retry.
        if (attempt === 1)
          await waitFor(async () => (await bossJobs(jobRunId)).some((j) => j.state === "retry"), { timeoutMs: 30_000, message: "the attempt expired" });
        return { attempt };
      },
    });
    const own = createJobsRuntime({ databaseUrl: db.url, prisma: db.prisma, definitions: [job], maintenanceIntervalSeconds: 1 });
    const stop = await own.startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      const id = await own.enqueue(job, { portalId: await newPortal("outlived-expiry"), input: {} });
      await waitFor(async () => (await run(id)).state === "completed", { timeoutMs: 40_000, message: "completion" });
      // The retry is fetched once the attempt has ended; it finds the JobRun completed.
      const ended = (jobs: Array<{ state: string; retry_count: number }>) =>
        jobs.every((j) => ["completed", "failed"].includes(j.state)) && (jobs.length > 1 || jobs[0]?.retry_count > 0);
      await waitFor(async () => ended(await bossJobs(id)), {
        timeoutMs: 30_000,
        message: "the retry was fetched and ended",
      });
      expect(seen).toEqual([1]);
      expect(await run(id)).toMatchObject({ state: "completed", attempts: 1, result: { attempt: 1 } });
    } finally {
      await stop();
    }
  });

  it("runs one job per portal at a time while other portals proceed", async () => {
    const a = await newPortal("busy-a");
    const b = await newPortal("busy-b");
    const a1 = await runtime.enqueue(selftestJob, { portalId: a, input: { steps: 8, stepMs: 150 } });
    const a2 = await runtime.enqueue(selftestJob, { portalId: a, input: { steps: 2, stepMs: 50 } });
    const b1 = await runtime.enqueue(selftestJob, { portalId: b, input: { steps: 2, stepMs: 50 } });
    await waitFor(async () => (await Promise.all([a1, a2, b1].map(run))).every((r) => r.state === "completed"), { timeoutMs: 40_000 });
    const [ra1, ra2, rb1] = await Promise.all([a1, a2, b1].map(run));
    // Either of portal a's jobs may take the portal first; they never overlap.
    const [first, second] = ra1.startedAt! <= ra2.startedAt! ? [ra1, ra2] : [ra2, ra1];
    expect(second.startedAt!.getTime()).toBeGreaterThanOrEqual(first.finishedAt!.getTime());
    // Portal b did not wait for portal a's long job.
    expect(rb1.startedAt!.getTime()).toBeLessThan(ra1.finishedAt!.getTime());
  });
});

describe("reading a job's progress", () => {
  it("shows a portal's job to its admins and to the user who started it, to no one else", async () => {
    const portalId = await newPortal("visible");
    const other = await newPortal("visible-other");
    const id = (await db.prisma.jobRun.create({ data: { kind: selftestJob.kind, portalId, startedBy: 7, state: "running", done: 3, total: 12 } })).id;
    const read = (viewer: { portalId: string; userId: number; isAdmin: boolean }) => readJobProgress(db.prisma, null, id, viewer);

    expect(await read({ portalId, userId: 7, isAdmin: false })).toMatchObject({ id, state: "running", done: 3, total: 12, fraction: 0.25 });
    expect(await read({ portalId, userId: 1, isAdmin: true })).toMatchObject({ id, fraction: 0.25 });
    expect(await read({ portalId, userId: 8, isAdmin: false })).toBeNull();
    expect(await read({ portalId: other, userId: 1, isAdmin: true })).toBeNull();
  });
});

describe("a worker process killed mid-job", () => {
  let workers: WorkerProcesses;
  beforeAll(() => {
    workers = workerProcesses({ databaseUrl: db.url });
  });
  afterAll(() => workers.killAll());

  it("loses nothing: a new worker runs the job to completion", async () => {
    await stopWorker?.(); // only the child processes work from here on
    const portalId = await newPortal("killed");
    const id = await runtime.enqueue(selftestJob, { portalId, input: { steps: 30, stepMs: 100 }, expireInSeconds: 3 });
    const first = workers.start();
    await waitFor(async () => (await run(id)).done >= 3, { timeoutMs: 60_000 });
    await workers.kill(first);
    const progressAtKill = (await run(id)).done;
    expect(progressAtKill).toBeLessThan(30);

    workers.start();
    await waitFor(async () => (await run(id)).state === "completed", { timeoutMs: 90_000 });
    const finished = await run(id);
    expect(finished.done).toBe(30);
    expect(finished.attempts).toBeGreaterThanOrEqual(2);
  });
});

describe("processes starting together", () => {
  it("declare a recurring job together: one JobRun row, no duplicate-key failure", async () => {
    const boss = await runtime.boss();
    await runtime.ensureQueues();
    const schedule = { jobRunId: "recurring-selftest", kind: selftestJob.kind, cron: "0 3 * * *" };
    // Each process's start-up declares it; several at once used to race (read, then insert).
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => scheduleRecurring(db.prisma, boss, schedule)));
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect(await db.prisma.jobRun.count({ where: { id: schedule.jobRunId } })).toBe(1);
    expect((await boss.getSchedules()).filter((s) => s.name === selftestJob.kind)).toHaveLength(1);
  });

  it("create their queues on a fresh database without deadlocking each other", async () => {
    // Two pg-boss instances stand for two processes (web and worker, or several workers) that
    // start at once and each create every queue of the catalogue.
    const fresh = await createTestDatabase();
    const bosses = [0, 1].map(() => new PgBoss({ connectionString: fresh.url, schema: BOSS_SCHEMA, max: 4, supervise: false, schedule: false }));
    try {
      for (const boss of bosses) await boss.start();
      const kinds = Array.from({ length: 6 }, (_, i) => defineJob({ ...selftestJob, kind: `start.queue-${i}` }));
      await Promise.all(bosses.flatMap((boss) => kinds.map((kind) => ensureQueue(boss, fresh.url, kind))));
      const queues = await bosses[0].getQueues();
      expect(
        queues
          .map((q) => q.name)
          .filter((n) => n.startsWith("start."))
          .sort(),
      ).toEqual(kinds.map((k) => k.kind).sort());
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => {});
      await fresh.drop();
    }
  });
});
