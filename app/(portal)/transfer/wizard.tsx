"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { countRecords, previewTransfer, runTransfer } from "./actions";
import { crmTypeOf, filterSummary } from "./filter-summary";
import { NO_FILTERS, queryOf, type FilterState, type PipelineView } from "./filter-query";
import { WizardFilters } from "./filters";
import { roleLabel, typeLabel } from "./labels";
import { PersonPicker, type Person } from "./person-picker";

interface Count {
  type: string;
  role: string;
  open: number;
  total: number;
  error?: string;
}
type Smart = Array<{ entityTypeId: number; title: string }>;
const key = (c: { type: string; role: string }) => `${c.type}:${c.role}`;
const button = "rounded-md px-4 py-2 font-medium disabled:opacity-50";
const primary = `${button} bg-b24-blue text-white hover:bg-b24-blue-dark`;
const secondary = `${button} border border-b24-border hover:bg-b24-surface`;

/** The four-step transfer wizard: employee, record types, receivers, review and run. */
export function TransferWizard({ initialEmployee }: { initialEmployee: Person | null }) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const [step, setStep] = useState(initialEmployee ? 2 : 1);
  const [employee, setEmployee] = useState<Person | null>(initialEmployee);
  const [counts, setCounts] = useState<Count[] | null>(null);
  const [smart, setSmart] = useState<Smart>([]);
  const [openOnly, setOpenOnly] = useState(true);
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [pipelines, setPipelines] = useState<PipelineView[]>([]);
  const onPipelines = useCallback((p: PipelineView[]) => setPipelines(p), []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [receivers, setReceivers] = useState<Person[]>([]);
  const [split, setSplit] = useState<"even" | "by-company">("even");
  const [notify, setNotify] = useState(true);
  const [temporary, setTemporary] = useState(false);
  const [returnAt, setReturnAt] = useState("");
  const [forceReturn, setForceReturn] = useState(false);
  const [preview, setPreview] = useState<{ total: number; perType: Record<string, Record<number, number>>; csv: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The filters the shown counts are for: while they differ from the inputs, a count is on its way. */
  const [countedKey, setCountedKey] = useState<string | null>(null);

  const narrowing = useMemo(() => queryOf(filters), [filters]);
  const narrowingKey = JSON.stringify(narrowing);
  const counting = countedKey !== narrowingKey;
  const query = useMemo(() => ({ openOnly, ...narrowing }), [openOnly, narrowing]);

  useEffect(() => {
    if (!employee || step !== 2) return;
    let stale = false;
    void countRecords({ fromUserId: employee.id, query: JSON.parse(narrowingKey) as ReturnType<typeof queryOf> }).then((res) => {
      if (stale) return;
      setCountedKey(narrowingKey);
      if (!res.ok) return setError("message" in res ? res.message : t("errors.internal" as MessageKey));
      setCounts(res.counts);
      setSmart(res.smartProcesses);
      setSelected((prev) => (prev.size ? prev : new Set(res.counts.filter((c) => c.open > 0).map(key))));
    });
    return () => {
      stale = true;
    };
  }, [employee, step, narrowingKey, t]);

  const request = () => ({
    fromUserId: employee!.id,
    receiverIds: receivers.map((r) => r.id),
    selections: [...selected].map((s) => ({ type: s.split(":")[0], role: s.split(":")[1] })),
    query,
    split,
    notify,
    forceReturn,
    ...(temporary && returnAt ? { returnAt: new Date(returnAt).toISOString() } : {}),
  });
  const explain = (res: { ok: false; error: string; message?: string }) => setError(res.message ?? t(`transfer.refused.${res.error}` as MessageKey));

  async function review() {
    setBusy(true);
    setError(null);
    const res = await previewTransfer(request());
    setBusy(false);
    if (!res.ok) return explain(res);
    setPreview(res);
    setStep(4);
  }

  async function run() {
    setBusy(true);
    setError(null);
    const res = await runTransfer(request());
    if (!res.ok) {
      setBusy(false);
      return explain(res);
    }
    router.push(`/transfer/${res.transferId}`);
  }

  function downloadCsv() {
    const url = URL.createObjectURL(new Blob([preview!.csv], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `transfer-plan-${employee!.id}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const chosen = (counts ?? []).filter((c) => selected.has(key(c)));
  // CRM types with pipelines (deals, smart invoices, smart processes) that the employee holds.
  const pipelineTypes = [
    ...new Map(
      (counts ?? [])
        .map((c) => ({
          type: c.type,
          total: c.total,
          entityTypeId: c.type === "deal" ? 2 : c.type === "invoice" ? 31 : Number(/^dynamic-(\d+)$/.exec(c.type)?.[1] ?? 0),
        }))
        .filter((p) => p.entityTypeId > 0 && crmTypeOf(p.entityTypeId) === p.type && (p.total > 0 || String(p.entityTypeId) === filters.crmEntityTypeId))
        .map(({ type, entityTypeId }) => ({ type, entityTypeId }))
        .map((p) => [p.entityTypeId, p]),
    ).values(),
  ];
  const pipeline = pipelines.find((p) => String(p.id) === filters.categoryId);
  const summary = filterSummary(t, format.date, query, {
    pipeline: pipeline?.name,
    stages: new Map((pipeline?.stages ?? []).map((st) => [st.id, st.name])),
    smartProcesses: smart,
  });
  const nothing = counts !== null && counts.every((c) => c.total === 0);
  return (
    <div className="max-w-4xl space-y-6" data-testid="transfer-wizard" data-step={step}>
      <p className="text-sm text-b24-muted">{t("transfer.step", { n: step })}</p>
      {error ? (
        <p role="alert" className="rounded-md border border-b24-danger/40 bg-b24-danger/10 p-3 text-sm" data-testid="wizard-error">
          {error}
        </p>
      ) : null}

      {step === 1 ? (
        <section className="space-y-4">
          <h2 className="text-xl font-semibold">{t("transfer.step1.title")}</h2>
          <PersonPicker
            testId="employee-picker"
            onPick={(p) => {
              setEmployee(p);
              setCounts(null);
              setSelected(new Set());
              setStep(2);
            }}
          />
        </section>
      ) : null}

      {step >= 2 && employee ? (
        <p className="text-sm" data-testid="wizard-employee">
          <span className="font-medium">{employee.name}</span>{" "}
          {!employee.active ? <span className="text-b24-danger">({t("transfer.person.dismissed")})</span> : null}
        </p>
      ) : null}

      {step === 2 ? (
        <section className="space-y-4">
          <h2 className="text-xl font-semibold">{t("transfer.step2.title")}</h2>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} data-testid="open-only" /> {t("transfer.types.openOnly")}
          </label>
          <WizardFilters value={filters} onChange={setFilters} pipelineTypes={pipelineTypes} smartProcesses={smart} onPipelines={onPipelines} />
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
                <li key={key(c)}>
                  <label className="flex items-start gap-2 rounded-md border border-b24-border p-3">
                    <input
                      type="checkbox"
                      className="mt-1"
                      data-testid={`type-${key(c)}`}
                      checked={selected.has(key(c))}
                      onChange={(e) =>
                        setSelected((prev) => {
                          const next = new Set(prev);
                          if (e.target.checked) next.add(key(c));
                          else next.delete(key(c));
                          return next;
                        })
                      }
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
            <button type="button" className={secondary} onClick={() => setStep(1)}>
              {t("transfer.back")}
            </button>
            <button type="button" className={primary} disabled={chosen.length === 0} onClick={() => setStep(3)} data-testid="to-receivers">
              {t("transfer.next")}
            </button>
          </div>
        </section>
      ) : null}

      {step === 3 ? (
        <section className="space-y-4">
          <h2 className="text-xl font-semibold">{t("transfer.step3.title")}</h2>
          <ul className="flex flex-wrap gap-2" data-testid="receivers">
            {receivers.map((r) => (
              <li key={r.id} className="flex items-center gap-2 rounded-full bg-b24-surface px-3 py-1">
                {r.name}
                <button type="button" className="text-sm text-b24-link" onClick={() => setReceivers((l) => l.filter((x) => x.id !== r.id))}>
                  {t("transfer.receivers.remove")}
                </button>
              </li>
            ))}
          </ul>
          <PersonPicker
            testId="receiver-picker"
            exclude={[employee!.id, ...receivers.map((r) => r.id)]}
            onPick={(p) => {
              if (!p.active) return setError(t("transfer.receivers.inactive", { name: p.name }));
              setError(null);
              setReceivers((l) => [...l, p]);
            }}
          />
          {receivers.length > 1 ? (
            <fieldset className="space-y-1">
              <label className="flex items-center gap-2">
                <input type="radio" name="split" checked={split === "even"} onChange={() => setSplit("even")} /> {t("transfer.split.even")}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="split" checked={split === "by-company"} onChange={() => setSplit("by-company")} data-testid="split-company" />{" "}
                {t("transfer.split.company")}
              </label>
            </fieldset>
          ) : null}
          <div className="flex gap-3">
            <button type="button" className={secondary} onClick={() => setStep(2)}>
              {t("transfer.back")}
            </button>
            <button type="button" className={primary} disabled={receivers.length === 0 || busy} onClick={review} data-testid="to-review">
              {t("transfer.next")}
            </button>
          </div>
        </section>
      ) : null}

      {step === 4 && preview ? (
        <section className="space-y-4">
          <h2 className="text-xl font-semibold">{t("transfer.step4.title")}</h2>
          <div className="text-sm" data-testid="review-filters">
            <span className="text-b24-muted">{t("transfer.review.filters")}: </span>
            {[openOnly ? t("transfer.types.openOnly") : t("transfer.review.allRecords"), ...summary].join(" · ")}
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
                </tr>
              </thead>
              <tbody>
                {Object.entries(preview.perType).map(([type, per]) => (
                  <tr key={type} className="border-t border-b24-border">
                    <td className="py-1">{typeLabel(t, type, smart)}</td>
                    {receivers.map((r) => (
                      <td key={r.id}>{per[r.id] ?? 0}</td>
                    ))}
                  </tr>
                ))}
                <tr className="border-t border-b24-border font-medium">
                  <td className="py-1">{t("transfer.review.total")}</td>
                  <td colSpan={receivers.length} data-testid="review-total">
                    {preview.total}
                  </td>
                </tr>
              </tbody>
            </table>
          )}
          <button type="button" className={secondary} onClick={downloadCsv} data-testid="download-csv">
            {t("transfer.review.csv")}
          </button>
          <div className="space-y-2">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t("transfer.review.notify")}
            </label>
            <label className="flex flex-wrap items-center gap-2">
              <input type="checkbox" checked={temporary} onChange={(e) => setTemporary(e.target.checked)} data-testid="temporary" />{" "}
              {t("transfer.review.temporary")}
              <input
                type="datetime-local"
                value={returnAt}
                disabled={!temporary}
                onChange={(e) => setReturnAt(e.target.value)}
                className="rounded border border-b24-border px-2 py-1"
                data-testid="return-at"
              />
            </label>
            {temporary ? (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={forceReturn} onChange={(e) => setForceReturn(e.target.checked)} /> {t("transfer.review.forceReturn")}
              </label>
            ) : null}
          </div>
          <div className="flex gap-3">
            <button type="button" className={secondary} onClick={() => setStep(3)}>
              {t("transfer.back")}
            </button>
            <button
              type="button"
              className={primary}
              disabled={busy || preview.total === 0 || (temporary && !returnAt)}
              onClick={run}
              data-testid="run-transfer"
            >
              {t("transfer.review.run")}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
