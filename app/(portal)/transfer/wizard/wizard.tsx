"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useReducer } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { countRecords, previewTransfer, runTransfer } from "../actions";
import { queryOf } from "../filter-query";
import { dismissedLabel } from "../labels";
import type { Person } from "../person-picker";
import { EmployeeStep } from "./employee-step";
import { ReceiversStep } from "./receivers-step";
import { ReviewStep } from "./review-step";
import { TypesStep } from "./types-step";
import { initialWizardState, transferRequest, wizardReducer } from "./wizard-state";

/**
 * The four-step transfer wizard: employee, record types, receivers, review and run. This shell
 * holds the state (wizard-state.ts) and talks to the server: it re-counts the employee's records
 * when the filters change, asks for the preview and starts the run; each step is its own component.
 */
export function TransferWizard({ initialEmployee }: { initialEmployee: Person | null }) {
  const t = useT();
  const router = useRouter();
  const [state, dispatch] = useReducer(wizardReducer, initialEmployee, initialWizardState);
  const { step, employee, error } = state;

  const narrowing = useMemo(() => queryOf(state.filters), [state.filters]);
  const narrowingKey = JSON.stringify(narrowing);
  const counting = state.countedKey !== narrowingKey;

  useEffect(() => {
    if (!employee || step !== 2) return;
    let stale = false;
    void countRecords({ fromUserId: employee.id, query: JSON.parse(narrowingKey) as ReturnType<typeof queryOf> }).then((res) => {
      if (stale) return;
      if (!res.ok) return dispatch({ type: "countFailed", key: narrowingKey, message: "message" in res ? res.message : t("errors.internal" as MessageKey) });
      dispatch({ type: "counted", key: narrowingKey, counts: res.counts, smart: res.smartProcesses });
    });
    return () => {
      stale = true;
    };
  }, [employee, step, narrowingKey, t]);

  const explain = (res: { ok: false; error: string; message?: string }) =>
    dispatch({ type: "requestRefused", message: res.message ?? t(`transfer.refused.${res.error}` as MessageKey) });

  async function review() {
    dispatch({ type: "requestStarted" });
    const res = await previewTransfer(transferRequest(state));
    if (!res.ok) return explain(res);
    dispatch({ type: "previewed", preview: res });
  }

  async function run() {
    dispatch({ type: "requestStarted" });
    const res = await runTransfer(transferRequest(state));
    if (!res.ok) return explain(res);
    router.push(`/transfer/${res.transferId}`);
  }

  return (
    <div className="max-w-4xl space-y-6" data-testid="transfer-wizard" data-step={step}>
      <p className="text-sm text-b24-muted">{t("transfer.step", { n: step })}</p>
      {error ? (
        <p role="alert" className="rounded-md border border-b24-danger/40 bg-b24-danger/10 p-3 text-sm" data-testid="wizard-error">
          {error}
        </p>
      ) : null}
      {step === 1 ? <EmployeeStep dispatch={dispatch} /> : null}
      {step >= 2 && employee ? (
        <p className="text-sm" data-testid="wizard-employee">
          <span className="font-medium">{employee.name}</span>{" "}
          {!employee.active ? <span className="text-b24-danger">({dismissedLabel(t, employee)})</span> : null}
        </p>
      ) : null}
      {step === 2 ? <TypesStep state={state} dispatch={dispatch} counting={counting} /> : null}
      {step === 3 ? <ReceiversStep state={state} dispatch={dispatch} onReview={review} /> : null}
      {step === 4 && state.preview ? <ReviewStep state={state} preview={state.preview} dispatch={dispatch} onRun={run} /> : null}
    </div>
  );
}
