"use client";

import type { Dispatch } from "react";
import { useT } from "@/lib/i18n/client";
import { PersonPicker } from "../person-picker";
import { primary, secondary } from "./buttons";
import type { WizardAction, WizardState } from "./wizard-state";

/** Step 3: who receives the records (active employees only: never a dismissed or external user) and, with several, how they are split. */
export function ReceiversStep({ state, dispatch, onReview }: { state: WizardState; dispatch: Dispatch<WizardAction>; onReview: () => void }) {
  const t = useT();
  const { receivers, split } = state;
  return (
    <section className="space-y-4">
      <h2 className="text-xl font-semibold">{t("transfer.step3.title")}</h2>
      <ul className="flex flex-wrap gap-2" data-testid="receivers">
        {receivers.map((r) => (
          <li key={r.id} className="flex items-center gap-2 rounded-full bg-b24-surface px-3 py-1">
            {r.name}
            <button type="button" className="text-sm text-b24-link" onClick={() => dispatch({ type: "removeReceiver", id: r.id })}>
              {t("transfer.receivers.remove")}
            </button>
          </li>
        ))}
      </ul>
      <PersonPicker
        testId="receiver-picker"
        exclude={[state.employee!.id, ...receivers.map((r) => r.id)]}
        onPick={(p) =>
          dispatch(
            !p.active
              ? { type: "showError", message: t("transfer.receivers.inactive", { name: p.name }) }
              : p.external
                ? { type: "showError", message: t("transfer.receivers.external", { name: p.name }) }
                : { type: "addReceiver", receiver: p },
          )
        }
      />
      {receivers.length > 1 ? (
        <fieldset className="space-y-1">
          <label className="flex items-center gap-2">
            <input type="radio" name="split" checked={split === "even"} onChange={() => dispatch({ type: "set", patch: { split: "even" } })} />{" "}
            {t("transfer.split.even")}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="split"
              checked={split === "by-company"}
              onChange={() => dispatch({ type: "set", patch: { split: "by-company" } })}
              data-testid="split-company"
            />{" "}
            {t("transfer.split.company")}
          </label>
        </fieldset>
      ) : null}
      <div className="flex gap-3">
        <button type="button" className={secondary} onClick={() => dispatch({ type: "goTo", step: 2 })}>
          {t("transfer.back")}
        </button>
        <button type="button" className={primary} disabled={receivers.length === 0 || state.busy} onClick={onReview} data-testid="to-review">
          {t("transfer.next")}
        </button>
      </div>
    </section>
  );
}
