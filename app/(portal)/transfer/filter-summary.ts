import type { Translate } from "@/lib/i18n";
import { crmTypeKey, typeLabel } from "@/lib/ownership/client";
import type { TransferFilters } from "./filter-query";

/**
 * A transfer's optional filters as short lines for the review step and the history (empty when
 * none is set). Pipeline and stage names come live from the portal when the caller has them,
 * else their IDs are shown.
 */
export function filterSummary(
  t: Translate,
  formatDate: (d: Date) => string,
  query: TransferFilters | null | undefined,
  names: { pipeline?: string; stages?: Map<string, string>; smartProcesses?: Array<{ entityTypeId: number; title: string }> } = {},
): string[] {
  if (!query) return [];
  const lines: string[] = [];
  if (query.crmEntityTypeId !== undefined && query.categoryId !== undefined) {
    const type = typeLabel(t, crmTypeKey(query.crmEntityTypeId), names.smartProcesses);
    const pipeline = names.pipeline ?? `#${query.categoryId}`;
    const stages = (query.stageIds ?? []).map((s) => names.stages?.get(s) ?? s);
    lines.push(
      stages.length
        ? t("transfer.filters.summary.stage", { type, pipeline, stage: stages.join(", ") })
        : t("transfer.filters.summary.pipeline", { type, pipeline }),
    );
  }
  for (const key of ["createdAfter", "createdBefore", "changedAfter", "changedBefore"] as const) {
    const value = query[key];
    if (value) lines.push(`${t(`transfer.filters.${key}`)}: ${formatDate(new Date(value))}`);
  }
  return lines;
}
