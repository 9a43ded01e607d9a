"use client";

import type { Dispatch } from "react";
import { useFormat, useT } from "@/lib/i18n/client";
import { filterSummary } from "../filter-summary";
import { typeLabel } from "@/lib/ownership/client";
import { primary, secondary } from "./buttons";
import { transferQuery, type Preview, type WizardAction, type WizardState } from "./wizard-state";

/** Step 4: the plan per type and receiver (and as CSV), how it is carried out (notify, temporary), and the run. */
export function ReviewStep({ state, preview, dispatch, onRun }: { state: WizardState; preview: Preview; dispatch: Dispatch<WizardAction>; onRun: () => void }) {
  const t = useT();
  const format = useFormat();
  const { receivers, smart, temporary, returnAt } = state;
  const set = (patch: Extract<WizardAction, { type: "set" }>["patch"]) => dispatch({ type: "set", patch });
  const pipeline = state.pipelines.find((p) => String(p.id) === state.filters.categoryId);
  const summary = filterSummary(t, format.date, transferQuery(state), {
    pipeline: pipeline?.name,
    stages: new Map((pipeline?.stages ?? []).map((st) => [st.id, st.name])),
    smartProcesses: smart,
  });

  function downloadCsv() {
    const url = URL.createObjectURL(new Blob([preview.csv], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `transfer-plan-${state.employee!.id}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="space-y-4">
      <h2 className="text-xl font-semibold">{t("transfer.step4.title")}</h2>
      <div className="text-sm" data-testid="review-filters">
        <span className="text-b24-muted">{t("transfer.review.filters")}: </span>
        {[state.openOnly ? t("transfer.types.openOnly") : t("transfer.review.allRecords"), ...summary].join(" · ")}
      </div>
      {preview.total === 0 ? (
        <p>{t("transfer.review.empty")}</p>
      ) : (
        <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="review-table">
          <thead>
            <tr className="text-left text-b24-muted">
              <th className="py-1">{t("transfer.review.type")}</th>
              {receivers.map((r) => (
                <th key={r.id}>{r.name}</th>
              ))}
              <th>{t("transfer.review.total")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(preview.perType).map(([type, per]) => (
              <tr key={type} className="border-t border-b24-border">
                <td className="py-1">{typeLabel(t, type, smart)}</td>
                {receivers.map((r) => (
                  <td key={r.id}>{format.number(per[r.id] ?? 0)}</td>
                ))}
                <td className="font-medium" data-testid="review-type-total">
                  {format.number(Object.values(per).reduce((s, n) => s + n, 0))}
                </td>
              </tr>
            ))}
            {/* A total under each receiver, and the whole plan in the total column. */}
            <tr className="border-t border-b24-border font-medium">
              <td className="py-1">{t("transfer.review.total")}</td>
              {receivers.map((r) => (
                <td key={r.id} data-testid={`review-receiver-total-${r.id}`}>
                  {format.number(Object.values(preview.perType).reduce((s, per) => s + (per[r.id] ?? 0), 0))}
                </td>
              ))}
              <td data-testid="review-total">{preview.total}</td>
            </tr>
          </tbody>
        </table>
      )}
      <button type="button" className={secondary} onClick={downloadCsv} data-testid="download-csv">
        {t("transfer.review.csv")}
      </button>
      <div className="space-y-2">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={state.notify} onChange={(e) => set({ notify: e.target.checked })} /> {t("transfer.review.notify")}
        </label>
        <label className="flex flex-wrap items-center gap-2">
          <input type="checkbox" checked={temporary} onChange={(e) => set({ temporary: e.target.checked })} data-testid="temporary" />{" "}
          {t("transfer.review.temporary")}
          <input
            type="datetime-local"
            value={returnAt}
            disabled={!temporary}
            onChange={(e) => set({ returnAt: e.target.value })}
            className="rounded border border-b24-border px-2 py-1"
            data-testid="return-at"
          />
          {/* datetime-local has no zone: the browser reads it in the user's own, so say which. */}
          <span className="text-sm text-b24-muted" data-testid="return-zone">
            {t("transfer.review.zone", { zone: format.timeZone })}
          </span>
        </label>
        {temporary ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={state.forceReturn} onChange={(e) => set({ forceReturn: e.target.checked })} /> {t("transfer.review.forceReturn")}
          </label>
        ) : null}
      </div>
      <div className="flex gap-3">
        <button type="button" className={secondary} onClick={() => dispatch({ type: "goTo", step: 3 })}>
          {t("transfer.back")}
        </button>
        <button
          type="button"
          className={primary}
          disabled={state.busy || preview.total === 0 || (temporary && !returnAt)}
          onClick={onRun}
          data-testid="run-transfer"
        >
          {t("transfer.review.run")}
        </button>
      </div>
    </section>
  );
}
