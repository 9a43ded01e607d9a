/**
 * What a durable job is: a kind (one pg-boss queue each), its retry and expiry policy, and the
 * handler. Feature folders define their jobs with `defineJob` and the worker entry point
 * (lib/job-catalogue.ts) lists them, so lib/jobs never imports a feature.
 */
export interface JobContext<Input> {
  /** Our JobRun id (stable across retries and deferrals; what the UI polls). */
  jobRunId: string;
  portalId: string | null;
  /** The admin who started the job: background Bitrix24 calls use this user's token. */
  startedBy: number | null;
  input: Input;
  /** 1-based attempt number. */
  attempt: number;
  /** Reports done/total; cheap to call often (writes are throttled). */
  reportProgress(done: number, total: number): Promise<void>;
}

export interface JobDefinition<Input = unknown, Result = unknown> {
  kind: string;
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

export function defineJob<Input, Result>(definition: JobDefinition<Input, Result>): JobDefinition<Input, Result> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.kind)) {
    throw new Error(`Job kind "${definition.kind}" must look like "feature.action"`);
  }
  return definition;
}
