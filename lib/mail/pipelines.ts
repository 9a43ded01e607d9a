/**
 * Deal pipelines and their stages, and lead statuses, for the sidebar's pickers and stage names
 * (the extension caches them in chrome.storage.local). One batch: `crm.category.list`
 * entityTypeId=2 (api-reference/crm/universal/category/crm-category-list.md, `result.categories`)
 * and `crm.status.list` (api-reference/crm/status/crm-status-list.md): deal stages carry
 * ENTITY_ID `DEAL_STAGE` (default pipeline) or `DEAL_STAGE_{categoryId}`, lead statuses `STATUS`.
 */
import type { Bitrix24Client } from "../bitrix24";

export interface Pipeline {
  id: number;
  name: string;
  isDefault: boolean;
  stages: Array<{ id: string; name: string; semantics: "process" | "success" | "failure" }>;
}

export interface PipelineCatalogue {
  pipelines: Pipeline[];
  leadStatuses: Array<{ id: string; name: string }>;
}

type Row = Record<string, unknown>;

export async function readPipelines(client: Bitrix24Client): Promise<PipelineCatalogue> {
  const [categories, statuses] = await client.batch([
    { method: "crm.category.list", params: { entityTypeId: 2 } },
    { method: "crm.status.list", params: { order: { SORT: "ASC" } } },
  ]);
  if (!categories.ok) throw categories.error;
  if (!statuses.ok) throw statuses.error;
  const cats = ((categories.result as { categories?: Row[] })?.categories ?? []) as Row[];
  const all = (Array.isArray(statuses.result) ? statuses.result : []) as Row[];
  const semantics = (s: Row): "process" | "success" | "failure" => {
    const v = String((s.EXTRA as Row | undefined)?.SEMANTICS ?? s.SEMANTICS ?? "");
    return v === "success" || v === "S" ? "success" : v === "failure" || v === "F" ? "failure" : "process";
  };
  const pipelines = cats.map((c): Pipeline => {
    const id = Number(c.id);
    const entity = id === 0 ? "DEAL_STAGE" : `DEAL_STAGE_${id}`;
    return {
      id,
      name: String(c.name ?? ""),
      isDefault: c.isDefault === "Y" || c.isDefault === true,
      stages: all
        .filter((s) => s.ENTITY_ID === entity)
        .sort((a, b) => Number(a.SORT) - Number(b.SORT))
        .map((s) => ({ id: String(s.STATUS_ID), name: String(s.NAME ?? ""), semantics: semantics(s) })),
    };
  });
  const leadStatuses = all.filter((s) => s.ENTITY_ID === "STATUS").map((s) => ({ id: String(s.STATUS_ID), name: String(s.NAME ?? "") }));
  return { pipelines, leadStatuses };
}
