/**
 * What a durable job is: a kind (one pg-boss queue each), the zod schema of its input, its retry
 * and expiry policy, and the handler. Feature folders define their jobs with `defineJob` and the
 * worker entry point (lib/job-catalogue.ts) lists them, so lib/jobs never imports a feature.
 *
 * The input is parsed when the job is enqueued and again when it runs: a job's input is stored
 * and may outlive a deploy that changed its shape (JobsRuntime fails such a job, without retries).
 */
import type { z } from "zod";
import type { ClientFactory } from "../bitrix24";
import type { KeyRing } from "../crypto";
import type { PrismaClient } from "../db";

/** Stores a JobRun and sends the job; its input is parsed with the definition's schema first. */
export type Enqueue = <Input>(
  definition: JobDefinition<Input>,
  options: { portalId?: string | null; startedBy?: number | null; input: Input; expireInSeconds?: number },
) => Promise<string>;

export interface JobContext<Input> {
  /** Our JobRun id (stable across retries and deferrals; what the UI polls). */
  jobRunId: string;
  portalId: string | null;
  /** The admin who started the job: background Bitrix24 calls use this user's token. */
  startedBy: number | null;
  /** The input, parsed with the definition's schema. */
  input: Input;
  /** 1-based attempt number. */
  attempt: number;
  /** Reports done/total; cheap to call often (writes are throttled). */
  reportProgress(done: number, total: number): Promise<void>;
  // The world the handler works in, from the runtime (the process's services, or a test's): a
  // handler reads everything it needs from here and never asks the composition root.
  /** The process's database. */
  prisma: PrismaClient;
  /** The process's Bitrix24 clients: `clients.clientFor(portalId, { userId: startedBy })`. */
  clients: ClientFactory;
  /** Seals and opens what is kept encrypted (the token key ring). */
  keys: KeyRing;
  /** Our app's client_id: the portal opens the app at /marketplace/app/{clientId}/. */
  appClientId: string;
  /** Starts further jobs (the same runtime's enqueue). */
  jobs: { enqueue: Enqueue };
  /** The clock and waits (tests shorten waits). */
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface JobDefinition<Input = unknown, Result = unknown> {
  kind: string;
  /** The input's schema: `enqueue` and every run parse with it. */
  input: z.ZodType<Input>;
  /** Retries after the first failure, with exponential backoff from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * How long one attempt may run before it counts as lost (a worker that died mid-job): pg-boss
   * then fails it and the retry policy applies. Long work should checkpoint its progress and be
   * resumable, because an attempt may be repeated.
   */
  expireInSeconds: number;
  /** Jobs of one portal run one at a time (they share the portal's rate limit). */
  exclusivePerPortal: boolean;
  handler(context: JobContext<Input>): Promise<Result>;
}

/** The input type of a job definition. */
export type JobInput<D> = D extends JobDefinition<infer Input> ? Input : never;

export function defineJob<Input, Result>(definition: JobDefinition<Input, Result>): JobDefinition<Input, Result> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.kind)) {
    throw new Error(`Job kind "${definition.kind}" must look like "feature.action"`);
  }
  return definition;
}
