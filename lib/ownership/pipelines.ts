/**
 * A CRM type's pipelines and their stages, for the wizard's pipeline/stage filter. Pipelines are
 * `crm.category.list` entityTypeId (b24restdocs api-reference/crm/universal/category/crm-category-list.md,
 * `result.categories[]` id, name, isDefault); stages are `crm.status.list` rows whose ENTITY_ID names
 * the pipeline (api-reference/crm/status/crm-status-list.md, crm/status/index.md): deals `DEAL_STAGE`
 * (pipeline 0) or `DEAL_STAGE_{categoryId}`, smart invoices `SMART_INVOICE_STAGE_{categoryId}`,
 * smart processes `DYNAMIC_{entityTypeId}_STAGE_{categoryId}`. Both in one batch. Names are the
 * portal's, shown live and never stored.
 */
import { isYes } from "../bitrix24";
import type { OwnershipClient } from "./catalogue";
import { CRM_TYPES, hasPipelines } from "./record-types";

export interface Pipeline {
  id: number;
  name: string;
  isDefault: boolean;
  /** In the portal's order; semantics from the status's EXTRA.SEMANTICS (crm-status-list.md). */
  stages: Array<{ id: string; name: string; semantics: StageSemantics }>;
}

export type StageSemantics = "process" | "success" | "failure";

/** The crm.status.list ENTITY_ID of a pipeline's stages. */
export function stageEntityId(entityTypeId: number, categoryId: number): string {
  if (entityTypeId === CRM_TYPES.deal) return categoryId === 0 ? "DEAL_STAGE" : `DEAL_STAGE_${categoryId}`;
  if (entityTypeId === CRM_TYPES.invoice) return `SMART_INVOICE_STAGE_${categoryId}`;
  return `DYNAMIC_${entityTypeId}_STAGE_${categoryId}`;
}

type Row = Record<string, unknown>;

const semanticsOf = (s: Row): StageSemantics => {
  const v = String((s.EXTRA as Row | undefined)?.SEMANTICS ?? s.SEMANTICS ?? "");
  return v === "success" || v === "S" ? "success" : v === "failure" || v === "F" ? "failure" : "process";
};

/**
 * A CRM type's pipelines from the answers of `crm.category.list` (its `result`) and
 * `crm.status.list` (all statuses): each pipeline with the stages whose ENTITY_ID names it.
 */
export function pipelinesOf(entityTypeId: number, categories: unknown, statuses: unknown): Pipeline[] {
  const cats = ((categories as { categories?: Row[] } | null)?.categories ?? []) as Row[];
  const all = (Array.isArray(statuses) ? statuses : []) as Row[];
  return cats.map((c) => {
    const id = Number(c.id);
    const entity = stageEntityId(entityTypeId, id);
    return {
      id,
      name: String(c.name ?? ""),
      isDefault: isYes(c.isDefault),
      stages: all
        .filter((s) => s.ENTITY_ID === entity)
        .sort((a, b) => Number(a.SORT) - Number(b.SORT))
        .map((s) => ({ id: String(s.STATUS_ID), name: String(s.NAME ?? ""), semantics: semanticsOf(s) })),
    };
  });
}

/** The pipelines of a CRM type with their stages in the portal's order; none for a type without pipelines. */
export async function readPipelines(client: OwnershipClient, entityTypeId: number): Promise<Pipeline[]> {
  if (!hasPipelines(entityTypeId)) return [];
  const [categories, statuses] = await client.batch([
    { method: "crm.category.list", params: { entityTypeId } },
    { method: "crm.status.list", params: { order: { SORT: "ASC" } } },
  ]);
  if (!categories.ok) throw categories.error;
  if (!statuses.ok) throw statuses.error;
  return pipelinesOf(entityTypeId, categories.result, statuses.result);
}
