"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { typeLabel } from "@/lib/ownership/client";
import { crmPipelines } from "./actions";
import type { FilterState, PipelineView } from "./filter-query";

const input = "rounded border border-b24-border px-2 py-1";

/**
 * Step 2's optional filters: a pipeline and stage of one CRM type (pipelines from the portal,
 * only for types that have them) and created / changed bounds. Changes re-count at once.
 */
export function WizardFilters({
  value,
  onChange,
  pipelineTypes,
  smartProcesses,
  onPipelines,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** Our type keys with pipelines that the employee holds (deal, invoice, dynamic-N). */
  pipelineTypes: Array<{ type: string; entityTypeId: number }>;
  smartProcesses: Array<{ entityTypeId: number; title: string }>;
  onPipelines: (pipelines: PipelineView[]) => void;
}) {
  const t = useT();
  const [pipelines, setPipelines] = useState<PipelineView[] | null>(null);
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });

  useEffect(() => {
    if (!value.crmEntityTypeId) return;
    let stale = false;
    void crmPipelines({ entityTypeId: Number(value.crmEntityTypeId) }).then((res) => {
      if (stale || !res.ok) return;
      setPipelines(res.pipelines);
      onPipelines(res.pipelines);
    });
    return () => {
      stale = true;
      setPipelines(null);
    };
  }, [value.crmEntityTypeId, onPipelines]);

  const pipeline = pipelines?.find((p) => String(p.id) === value.categoryId);
  const date = (key: "createdAfter" | "createdBefore" | "changedAfter" | "changedBefore") => (
    <label className="flex flex-col gap-1">
      {t(`transfer.filters.${key}`)}
      <input type="date" value={value[key]} onChange={(e) => set({ [key]: e.target.value })} className={input} data-testid={`filter-${key}`} />
    </label>
  );

  return (
    <fieldset className="space-y-3 rounded-md border border-b24-border p-3 text-sm" data-testid="filters">
      <legend className="px-1 text-b24-muted">{t("transfer.filters.heading")}</legend>
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1">
          {t("transfer.filters.crmType")}
          <select
            value={value.crmEntityTypeId}
            onChange={(e) => set({ crmEntityTypeId: e.target.value, categoryId: "", stageId: "" })}
            className={input}
            data-testid="filter-crm-type"
          >
            <option value="">{t("transfer.filters.noPipelineFilter")}</option>
            {pipelineTypes.map((p) => (
              <option key={p.entityTypeId} value={p.entityTypeId}>
                {typeLabel(t, p.type, smartProcesses)}
              </option>
            ))}
          </select>
        </label>
        {value.crmEntityTypeId ? (
          <label className="flex flex-col gap-1">
            {t("transfer.filters.category")}
            <select
              value={value.categoryId}
              onChange={(e) => set({ categoryId: e.target.value, stageId: "" })}
              className={input}
              disabled={pipelines === null}
              data-testid="filter-category"
            >
              <option value="">{t("transfer.filters.anyCategory")}</option>
              {(pipelines ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {pipeline ? (
          <label className="flex flex-col gap-1">
            {t("transfer.filters.stage")}
            <select value={value.stageId} onChange={(e) => set({ stageId: e.target.value })} className={input} data-testid="filter-stage">
              <option value="">{t("transfer.filters.anyStage")}</option>
              {pipeline.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-4">
        {date("createdAfter")}
        {date("createdBefore")}
        {date("changedAfter")}
        {date("changedBefore")}
      </div>
      <p className="text-xs text-b24-muted">{t("transfer.filters.note")}</p>
    </fieldset>
  );
}
