"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { startSweep } from "./actions";
import { ChangeDialog } from "./change-dialog";

/** "Anonymise everyone dismissed more than N months ago", as one job. */
export function SweepForm() {
  const t = useT();
  const [months, setMonths] = useState(12);
  const [open, setOpen] = useState(false);
  return (
    <section className="rounded-lg border border-b24-border p-5" data-testid="sweep">
      <h2 className="text-lg font-semibold">{t("privacy.dismissed.sweep.title")}</h2>
      <p className="mt-1 text-sm text-b24-muted">{t("privacy.dismissed.sweep.body")}</p>
      <div className="mt-3 flex items-end gap-3">
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.dismissed.sweep.months")}</span>
          <input
            type="number"
            min={1}
            max={120}
            value={months}
            onChange={(e) => setMonths(Math.max(1, Math.min(120, Number(e.target.value) || 1)))}
            className="w-24 rounded-md border border-b24-border px-2 py-1.5"
          />
        </label>
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded-md border border-b24-danger px-3 py-1.5 text-sm text-b24-danger hover:bg-b24-danger/10"
        >
          {t("privacy.dismissed.sweep.button")}
        </button>
      </div>
      <ChangeDialog
        kind="anonymise"
        open={open}
        preview={null}
        title={t("privacy.dismissed.sweep.title")}
        body={t("privacy.dismissed.sweep.confirm", { months })}
        onClose={() => setOpen(false)}
        start={() => startSweep({ months })}
      />
    </section>
  );
}
