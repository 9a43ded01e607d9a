/**
 * Deal pipelines and their stages, and lead statuses, for the sidebar's pickers and stage names
 * (the extension caches them in chrome.storage.local). One batch: `crm.category.list`
 * entityTypeId=2 (api-reference/crm/universal/category/crm-category-list.md, `result.categories`)
 * and `crm.status.list` (api-reference/crm/status/crm-status-list.md): deal stages carry
 * ENTITY_ID `DEAL_STAGE` (default pipeline) or `DEAL_STAGE_{categoryId}`, lead statuses `STATUS`.
 */
import type { Bitrix24Client } from "../bitrix24";
import { CRM_TYPES, pipelinesOf, type Pipeline } from "../ownership";

export type { Pipeline };

export interface PipelineCatalogue {
  pipelines: Pipeline[];
  leadStatuses: Array<{ id: string; name: string }>;
}

type Row = Record<string, unknown>;

export async function readPipelines(client: Bitrix24Client): Promise<PipelineCatalogue> {
  const [categories, statuses] = await client.batch([
    { method: "crm.category.list", params: { entityTypeId: CRM_TYPES.deal } },
    { method: "crm.status.list", params: { order: { SORT: "ASC" } } },
  ]);
  if (!categories.ok) throw categories.error;
  if (!statuses.ok) throw statuses.error;
  const all = (Array.isArray(statuses.result) ? statuses.result : []) as Row[];
  const leadStatuses = all.filter((s) => s.ENTITY_ID === "STATUS").map((s) => ({ id: String(s.STATUS_ID), name: String(s.NAME ?? "") }));
  return { pipelines: pipelinesOf(CRM_TYPES.deal, categories.result, statuses.result), leadStatuses };
}
