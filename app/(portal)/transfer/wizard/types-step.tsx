"use client";

import { useCallback, type Dispatch } from "react";
import { useT } from "@/lib/i18n/client";
import type { PipelineView } from "../filter-query";
import { WizardFilters } from "../filters";
import { roleLabel, typeLabel } from "@/lib/ownership/client";
import { primary, secondary } from "./buttons";
import { chosenCounts, countKey, pipelineTypesOf, type WizardAction, type WizardState } from "./wizard-state";

/** Step 2: which of the employee's records move: open only or all, optional filters, and the record types with their counts. */
export function TypesStep({ state, dispatch, counting }: { state: WizardState; dispatch: Dispatch<WizardAction>; counting: boolean }) {
  const t = useT();
  const { counts, smart, selected } = state;
  const onPipelines = useCallback((pipelines: PipelineView[]) => dispatch({ type: "set", patch: { pipelines } }), [dispatch]);
  const nothing = counts !== null && counts.every((c) => c.total === 0);
  return (
    <section className="space-y-4">
      <h2 className="text-xl font-semibold">{t("transfer.step2.title")}</h2>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={state.openOnly}
          onChange={(e) => dispatch({ type: "set", patch: { openOnly: e.target.checked } })}
          data-testid="open-only"
        />{" "}
        {t("transfer.types.openOnly")}
      </label>
      <WizardFilters
        value={state.filters}
        onChange={(filters) => dispatch({ type: "set", patch: { filters } })}
        pipelineTypes={pipelineTypesOf(counts, state.filters)}
        smartProcesses={smart}
        onPipelines={onPipelines}
      />
      {counts === null || counting ? (
        <p className="text-b24-muted" data-testid="counting">
          {t("transfer.types.loading")}
        </p>
      ) : null}
      {nothing ? <p data-testid="nothing-owned">{t("transfer.types.none")}</p> : null}
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="type-list">
        {(counts ?? [])
          .filter((c) => c.total > 0)
          .map((c) => (
            <li key={countKey(c)}>
              <label className="flex items-start gap-2 rounded-md border border-b24-border p-3">
                <input
                  type="checkbox"
                  className="mt-1"
                  data-testid={`type-${countKey(c)}`}
                  checked={selected.has(countKey(c))}
                  onChange={(e) => dispatch({ type: "toggleType", key: countKey(c), on: e.target.checked })}
                />
                <span>
                  <span className="font-medium">{typeLabel(t, c.type, smart)}</span> <span className="text-b24-muted">({roleLabel(t, c.role)})</span>
                  <span className="block text-sm text-b24-muted">{t("transfer.types.counts", { open: c.open, total: c.total })}</span>
                </span>
              </label>
            </li>
          ))}
      </ul>
      <div className="flex gap-3">
        <button type="button" className={secondary} onClick={() => dispatch({ type: "goTo", step: 1 })}>
          {t("transfer.back")}
        </button>
        <button
          type="button"
          className={primary}
          disabled={chosenCounts(state).length === 0}
          onClick={() => dispatch({ type: "goTo", step: 3 })}
          data-testid="to-receivers"
        >
          {t("transfer.next")}
        </button>
      </div>
    </section>
  );
}
