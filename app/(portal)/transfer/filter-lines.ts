import type { formatters, Translate } from "@/lib/i18n";
import { readPipelines, type OwnershipClient, type Pipeline } from "@/lib/ownership";
import type { TransferQuery } from "@/lib/transfer";
import { filterSummary } from "./filter-summary";

/**
 * Server side: the lines that describe transfers' narrowing ("all records", pipeline and stage by
 * their live names, dates), for the history and a transfer's own page. Reads each CRM type's
 * pipelines once, only for the types the queries narrowed (usually none).
 */
export async function filterLines(
  client: OwnershipClient,
  t: Translate,
  format: Pick<ReturnType<typeof formatters>, "date">,
  queries: Array<TransferQuery | null>,
  smartProcesses: Array<{ entityTypeId: number; title: string }>,
): Promise<(query: TransferQuery | null) => string[]> {
  const types = [...new Set(queries.map((q) => q?.crmEntityTypeId).filter((id): id is number => id !== undefined))];
  const pipelines = new Map<number, Pipeline[]>(
    await Promise.all(types.map(async (id) => [id, await readPipelines(client, id).catch(() => [])] as [number, Pipeline[]])),
  );
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
