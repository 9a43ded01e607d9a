/**
 * The wizard's optional filters: what the inputs hold, and the query the server actions take
 * (lib/transfer querySchema).
 */
import type { OwnershipQuery } from "@/lib/ownership";

/** The query's optional narrowing (lib/ownership OwnershipQuery without "open only"). */
export type TransferFilters = Omit<OwnershipQuery, "openOnly">;

/** The wizard's optional narrowing, as the inputs hold it ("" = not set; dates as YYYY-MM-DD). */
export interface FilterState {
  crmEntityTypeId: string;
  categoryId: string;
  stageId: string;
  createdAfter: string;
  createdBefore: string;
  changedAfter: string;
  changedBefore: string;
}

export const NO_FILTERS: FilterState = {
  crmEntityTypeId: "",
  categoryId: "",
  stageId: "",
  createdAfter: "",
  createdBefore: "",
  changedAfter: "",
  changedBefore: "",
};

export interface PipelineView {
  id: number;
  name: string;
  stages: Array<{ id: string; name: string }>;
}

const day = (value: string) => new Date(`${value}T00:00:00Z`).toISOString();

/**
 * The query the server actions take: only what is set (an undefined value would travel as
 * "$undefined"). "Before" dates are exclusive: before the start of that day (UTC).
 */
export function queryOf(f: FilterState): TransferFilters {
  const pipeline = f.crmEntityTypeId && f.categoryId !== "";
  return {
    ...(pipeline ? { crmEntityTypeId: Number(f.crmEntityTypeId), categoryId: Number(f.categoryId) } : {}),
    ...(pipeline && f.stageId ? { stageIds: [f.stageId] } : {}),
    ...(f.createdAfter ? { createdAfter: day(f.createdAfter) } : {}),
    ...(f.createdBefore ? { createdBefore: day(f.createdBefore) } : {}),
    ...(f.changedAfter ? { changedAfter: day(f.changedAfter) } : {}),
    ...(f.changedBefore ? { changedBefore: day(f.changedBefore) } : {}),
  };
}
