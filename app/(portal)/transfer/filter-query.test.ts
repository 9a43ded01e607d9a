import { describe, expect, it } from "vitest";
import { querySchema } from "@/lib/transfer";
import { translator } from "@/lib/i18n";
import { NO_FILTERS, queryOf } from "./filter-query";
import { filterSummary } from "./filter-summary";

const date = (d: Date) => d.toISOString().slice(0, 10);

describe("the wizard's filters", () => {
  it("send nothing that is not set, and what is set in the shape the server action accepts", () => {
    expect(queryOf(NO_FILTERS)).toEqual({});
    // A type without a pipeline chosen narrows nothing.
    expect(queryOf({ ...NO_FILTERS, crmEntityTypeId: "2" })).toEqual({});
    const query = queryOf({ ...NO_FILTERS, crmEntityTypeId: "2", categoryId: "1", stageId: "C1:WON", createdAfter: "2025-03-01", changedBefore: "2025-04-01" });
    expect(query).toEqual({
      crmEntityTypeId: 2,
      categoryId: 1,
      stageIds: ["C1:WON"],
      createdAfter: "2025-03-01T00:00:00.000Z",
      changedBefore: "2025-04-01T00:00:00.000Z",
    });
    expect(querySchema.parse(query)).toEqual({ openOnly: true, ...query });
    // Pipeline 0 (a deal's default pipeline) is a real choice, not "unset".
    expect(queryOf({ ...NO_FILTERS, crmEntityTypeId: "2", categoryId: "0" })).toEqual({ crmEntityTypeId: 2, categoryId: 0 });
  });

  it("read back as lines in the portal's language, with the pipeline's and stage's names when known", () => {
    const query = queryOf({ ...NO_FILTERS, crmEntityTypeId: "2", categoryId: "1", stageId: "C1:WON", createdAfter: "2025-03-01" });
    expect(filterSummary(translator("en"), date, query, { pipeline: "Partners", stages: new Map([["C1:WON", "Won"]]) })).toEqual([
      "Deals in pipeline “Partners”, stage “Won”",
      "Created on or after: 2025-03-01",
    ]);
    expect(
      filterSummary(translator("ru"), date, { crmEntityTypeId: 128, categoryId: 4 }, { smartProcesses: [{ entityTypeId: 128, title: "Заявки" }] }),
    ).toEqual(["Заявки в воронке «#4»"]);
    expect(filterSummary(translator("de"), date, {})).toEqual([]);
    expect(filterSummary(translator("de"), date, null)).toEqual([]);
  });
});
