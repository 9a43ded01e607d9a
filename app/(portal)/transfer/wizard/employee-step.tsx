"use client";

import type { Dispatch } from "react";
import { useT } from "@/lib/i18n/client";
import { PersonPicker } from "../person-picker";
import type { WizardAction } from "./wizard-state";

/** Step 1: whose records move. */
export function EmployeeStep({ dispatch }: { dispatch: Dispatch<WizardAction> }) {
  const t = useT();
  return (
    <section className="space-y-4">
      <h2 className="text-xl font-semibold">{t("transfer.step1.title")}</h2>
      <PersonPicker testId="employee-picker" onPick={(p) => dispatch({ type: "pickEmployee", employee: p })} />
    </section>
  );
}
