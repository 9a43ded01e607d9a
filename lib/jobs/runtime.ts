/**
 * Enqueueing, running and reading durable jobs. A JobRun row (ours) is the job's identity for
 * the UI — progress, attempts, error — while pg-boss carries the execution: retries with
 * backoff, expiry of attempts lost with a dead worker, and distribution across processes.
 */
import type PgBoss from "pg-boss";
import type { ClientFactory } from "../bitrix24";
import type { KeyRing } from "../crypto";
import type { PrismaClient } from "../db";
import { ValidationError } from "../errors";
import { logger } from "../log";
import { ensureQueue, getBoss } from "./boss";
import type { Enqueue, JobDefinition } from "./definition";
import { portalLockName, tryLockPortal } from "./portal-lock";

const log = logger("jobs");

/** Seconds before a job deferred by a busy portal is tried again. */
const DEFER_SECONDS = 3;
const PROGRESS_WRITE_INTERVAL_MS = 250;
/** How often a worker looks for attempts lost with a dead worker (sweepOrphans). */
const ORPHAN_SWEEP_MS = 5000;

export interface JobsRuntime {
  /** Parses `input` with the definition's schema (ValidationError when it does not fit), stores a JobRun, sends the job. */
  enqueue: Enqueue;
  /** Starts polling every defined kind; returns a stop function. */
  startWorker(options?: { concurrency?: number; pollingIntervalSeconds?: number }): Promise<() => Promise<void>>;
  boss(): Promise<PgBoss>;
  /** Creates (or updates) every kind's queue; schedules need their queue to exist. */
  ensureQueues(): Promise<void>;
  /**
   * Hands attempts lost with a dead worker back to pg-boss now rather than at their expiry (see
   * `sweepOrphans` below); returns how many. startWorker runs it every few seconds.
   */
  sweepOrphans(): Promise<number>;
}

interface JobData {
  jobRunId: string;
  /**
   * Attempts made under earlier pg-boss jobs of this JobRun: a job that finds its portal busy is
   * re-sent as a new pg-boss job, whose retryCount starts again at 0 (run() below).
   */
  priorAttempts?: number;
}

/** The attempt a fetched pg-boss job is, counted over every pg-boss job of its JobRun. */
const attemptOf = (job: { data: JobData; retryCount: number }) => (job.data.priorAttempts ?? 0) + job.retryCount + 1;

export function createJobsRuntime(options: {
  databaseUrl: string;
  prisma: PrismaClient;
  definitions: readonly JobDefinition<never>[] | readonly JobDefinition[];
  maintenanceIntervalSeconds?: number;
  /**
   * Every job this runtime sends waits this long before its first retry (backoff doubles it), in
   * place of its definition's `retryDelaySeconds`: tests whose workers are killed on purpose
   * (JOBS_RETRY_DELAY_SECONDS) do not wait out a production delay after each kill.
   */
  retryDelaySeconds?: number;
  // What the handlers get in their context (lib/services.ts passes the process's), each read on first use.
  clients?: () => ClientFactory;
  keys?: () => KeyRing;
  appClientId?: () => string;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
}): JobsRuntime {
  const { databaseUrl, prisma, retryDelaySeconds } = options;
  const given = <T>(name: string, make: (() => T) | undefined): T => {
    if (!make) throw new Error(`This job runtime was created without ${name} (createJobsRuntime({ ${name} }))`);
    return make();
  };
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const definitions = new Map((options.definitions as readonly JobDefinition[]).map((d) => [d.kind, d]));
  const readyQueues = new Map<string, Promise<void>>();

  const boss = () => getBoss(databaseUrl, { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds });
  const queueReady = (definition: JobDefinition) => {
    let ready = readyQueues.get(definition.kind);
    if (!ready) {
      ready = boss().then((b) => ensureQueue(b, databaseUrl, definition));
      readyQueues.set(definition.kind, ready);
      ready.catch(() => readyQueues.delete(definition.kind));
    }
    return ready;
  };

  const enqueue: Enqueue = async (definition, { portalId = null, startedBy = null, input, expireInSeconds }) => {
    if (!definitions.has(definition.kind)) throw new Error(`Job kind ${definition.kind} is not in the catalogue`);
    const parsed = definition.input.safeParse(input);
    if (!parsed.success)
      throw new ValidationError(
        `Invalid input for ${definition.kind}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`,
      );
    const jobRun = await prisma.jobRun.create({
      data: { kind: definition.kind, portalId, startedBy, input: parsed.data as never, state: "queued" },
    });
    await send(definition as JobDefinition, jobRun.id, expireInSeconds ? { expireInSeconds } : {});
    return jobRun.id;
  };

  async function send(definition: JobDefinition, jobRunId: string, options: PgBoss.SendOptions = {}, priorAttempts = 0): Promise<void> {
    await queueReady(definition);
    const data: JobData = priorAttempts > 0 ? { jobRunId, priorAttempts } : { jobRunId };
    const retryDelay = retryDelaySeconds === undefined ? {} : { retryDelay: retryDelaySeconds };
    const id = await (await boss()).send(definition.kind, data, { ...retryDelay, ...options });
    if (!id) throw new Error(`pg-boss refused a ${definition.kind} job`);
    await prisma.jobRun.update({ where: { id: jobRunId }, data: { bossJobId: id } });
  }

  async function run(definition: JobDefinition, job: PgBoss.JobWithMetadata<JobData>): Promise<unknown> {
    const jobRun = await prisma.jobRun.findUnique({ where: { id: job.data.jobRunId } });
    // Gone with its portal (uninstall), cancelled while queued, or already done: nothing to do. A
    // done JobRun still gets a pg-boss retry when its last attempt outlived expireInSeconds (pg-boss
    // expired it mid-work and queued a retry, which a worker fetches once the attempt has ended).
    if (!jobRun || jobRun.state === "cancelled" || jobRun.state === "completed") return { skipped: true };

    const lock = definition.exclusivePerPortal && jobRun.portalId ? await tryLockPortal(databaseUrl, jobRun.portalId) : undefined;
    if (lock === null) {
      // Not an attempt: the attempts made so far (a retry after a crash may be the one deferred)
      // travel with the new job, and so does what is left of the retry budget.
      const made = attemptOf(job) - 1;
      await send(
        definition,
        jobRun.id,
        { startAfter: DEFER_SECONDS, expireInSeconds: job.expireInSeconds, retryLimit: Math.max(0, definition.retryLimit - made) },
        made,
      );
      return { deferred: true };
    }
    const attempt = attemptOf(job);
    // The stored input may predate a deploy that changed the schema: such a job cannot succeed
    // on any attempt, so it fails at once, saying why, instead of being retried.
    const input = definition.input.safeParse(jobRun.input);
    if (!input.success) {
      await prisma.jobRun.update({
        where: { id: jobRun.id },
        data: {
          state: "failed",
          attempts: attempt,
          finishedAt: new Date(),
          error:
            `The job's stored input no longer fits its definition: ${input.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`.slice(
              0,
              2000,
            ),
        },
      });
      await lock?.release();
      return { invalidInput: true };
    }
    try {
      await prisma.jobRun.update({
        where: { id: jobRun.id },
        data: { state: "running", attempts: attempt, startedAt: jobRun.startedAt ?? new Date(), error: null },
      });
      let lastWrite = 0;
      const result = await definition.handler({
        jobRunId: jobRun.id,
        portalId: jobRun.portalId,
        startedBy: jobRun.startedBy,
        input: input.data,
        attempt,
        prisma,
        get clients() {
          return given("clients", options.clients);
        },
        get keys() {
          return given("keys", options.keys);
        },
        get appClientId() {
          return given("appClientId", options.appClientId);
        },
        jobs: { enqueue },
        now,
        sleep,
        async reportProgress(done, total) {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && done < total) return;
          lastWrite = now;
          await prisma.jobRun.update({ where: { id: jobRun.id }, data: { done, total } });
        },
      });
      await prisma.jobRun.update({
        where: { id: jobRun.id },
        data: { state: "completed", finishedAt: new Date(), result: (result ?? null) as never },
      });
      return result;
    } catch (error) {
      const final = attempt >= definition.retryLimit + 1;
      const message = error instanceof Error ? error.message : String(error);
      await prisma.jobRun
        .update({
          where: { id: jobRun.id },
          data: { state: final ? "failed" : "retrying", error: message.slice(0, 2000), finishedAt: final ? new Date() : null },
        })
        // The job's own error is rethrown below; a row we could not mark is left to the orphan sweep.
        .catch((markError) => log.warn("job run not marked after an error", { kind: definition.kind, error: markError }));
      throw error;
    } finally {
      await lock?.release();
    }
  }

  /**
   * A job of one portal runs holding the portal's advisory lock (portal-lock.ts), which PostgreSQL
   * releases when the holder's connection dies. The runtime writes "completed"/"failed" before
   * it releases the lock, so a JobRun still "running" whose portal lock is free belongs to a
   * worker that died mid-attempt: fail that pg-boss attempt at once, so its retry (which resumes
   * from the job's own checkpoints) starts after `retryDelaySeconds` instead of after
   * `expireInSeconds` — hours for a long transfer.
   */
  async function portalLockHeld(portalId: string): Promise<boolean> {
    const rows = await prisma.$queryRaw<Array<{ held: boolean }>>`
      SELECT EXISTS (
        SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND granted
          AND classid::bigint = ((hashtextextended(${portalLockName(portalId)}, 0) >> 32) & 4294967295)
          AND objid::bigint = (hashtextextended(${portalLockName(portalId)}, 0) & 4294967295)
      ) AS held`;
    return rows[0]?.held === true;
  }

  async function sweepOrphans(): Promise<number> {
    const exclusive = [...definitions.values()].filter((d) => d.exclusivePerPortal).map((d) => d.kind);
    if (exclusive.length === 0) return 0;
    const running = await prisma.jobRun.findMany({
      where: { state: "running", kind: { in: exclusive }, portalId: { not: null }, bossJobId: { not: null } },
      select: { id: true, kind: true, portalId: true, bossJobId: true, attempts: true },
      take: 50,
    });
    let swept = 0;
    for (const run of running) {
      // Look, do not take: taking the lock here would make a worker starting the retry defer it.
      if (await portalLockHeld(run.portalId!)) continue; // a live worker holds it
      const still = await prisma.jobRun.findUnique({ where: { id: run.id }, select: { state: true, bossJobId: true, attempts: true } });
      if (still?.state !== "running" || still.bossJobId !== run.bossJobId) continue;
      const b = await boss();
      const job = await b.getJobById<JobData>(run.kind, run.bossJobId!);
      // Only the very attempt the JobRun says is running: a retry that a live worker has just
      // fetched (pg-boss keeps the job id, counts retryCount) but not yet locked is left alone.
      if (job?.state !== "active" || attemptOf(job) !== still.attempts) continue;
      await b.fail(run.kind, run.bossJobId!, { error: "the worker running this attempt stopped" });
      await prisma.jobRun.update({ where: { id: run.id }, data: { state: "retrying", error: "The worker running this job stopped; it is resumed." } });
      swept++;
    }
    return swept;
  }

  return {
    boss,
    sweepOrphans,
    async ensureQueues() {
      for (const definition of definitions.values()) await queueReady(definition);
    },
    enqueue,
    async startWorker({ concurrency = 2, pollingIntervalSeconds = 1 } = {}) {
      const b = await boss();
      const workerIds: string[] = [];
      for (const definition of definitions.values()) {
        await queueReady(definition);
        // pg-boss 10 runs one fetch loop per work() call: concurrency = that many loops.
        for (let i = 0; i < concurrency; i++) {
          workerIds.push(
            await b.work<JobData>(definition.kind, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds }, async ([job]) => run(definition, job)),
          );
        }
      }
      const sweep = async () => {
        await sweepOrphans().catch((error) => log.warn("orphan sweep failed", { error }));
      };
      await sweep();
      const sweeper = setInterval(() => void sweep(), ORPHAN_SWEEP_MS);
      sweeper.unref();
      return async () => {
        clearInterval(sweeper);
        // Stopping: a worker pg-boss no longer knows has nothing left to stop.
        await Promise.all(workerIds.map((id) => b.offWork({ id }).catch(() => {})));
      };
    },
  };
}
