/**
 * The deal pipelines, their stages and the lead statuses, cached in chrome.storage.local for
 * PIPELINES_TTL_MS: the sidebar names a deal's pipeline and stage on every thread, and they change
 * rarely. A cached copy younger than that is reused; an older one, or a refresh the sidebar asks
 * for (a deal shows a stage the cache does not know), is fetched again. A failed fetch leaves the
 * cache as it was and answers the failure.
 */
import type { ApiAnswer } from "../shared/messages";
import { PIPELINES_TTL_MS, type PipelineCache } from "../shared/storage";

export interface PipelineCacheDeps {
  read(): Promise<PipelineCache | undefined>;
  write(cache: PipelineCache): Promise<void>;
  /** GET /api/extension/pipelines as the connected user. */
  fetch(): Promise<ApiAnswer<Omit<PipelineCache, "fetchedAt"> | unknown>>;
  now(): number;
}

export async function cachedPipelines(deps: PipelineCacheDeps, refresh: boolean): Promise<ApiAnswer<PipelineCache | unknown>> {
  const cached = await deps.read();
  if (cached && !refresh && deps.now() - cached.fetchedAt < PIPELINES_TTL_MS) return { status: 200, body: cached };
  const answer = await deps.fetch();
  if (answer.status !== 200) return answer;
  const body = answer.body as Omit<PipelineCache, "fetchedAt">;
  const fresh: PipelineCache = { fetchedAt: deps.now(), pipelines: body.pipelines, leadStatuses: body.leadStatuses };
  await deps.write(fresh);
  return { status: 200, body: fresh };
}
