import type { formatters, Translate } from "@/lib/i18n";
import type { Pipeline } from "@/lib/ownership";
import type { TransferQuery } from "@/lib/transfer";
import { filterSummary } from "./filter-summary";

/**
 * Server side: the lines that describe transfers' narrowing ("all records", pipeline and stage by
 * their live names, dates), for the history and a transfer's own page. `pipelines` are those of
 * the CRM types the queries narrowed, as lib/transfer's page readers return them.
 */
export function filterLines(
  t: Translate,
  format: Pick<ReturnType<typeof formatters>, "date">,
  pipelines: Map<number, Pipeline[]>,
  smartProcesses: Array<{ entityTypeId: number; title: string }>,
): (query: TransferQuery | null) => string[] {
  return (query) => {
    const pipeline = query?.crmEntityTypeId !== undefined ? pipelines.get(query.crmEntityTypeId)?.find((p) => p.id === query.categoryId) : undefined;
    const lines = filterSummary(t, format.date, query, {
      pipeline: pipeline?.name,
      stages: new Map((pipeline?.stages ?? []).map((st) => [st.id, st.name])),
      smartProcesses,
    });
    return query && !query.openOnly ? [t("transfer.review.allRecords"), ...lines] : lines;
  };
}
