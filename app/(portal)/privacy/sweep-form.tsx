"use client";

import { useState } from "react";
import { useFormat, useT } from "@/lib/i18n/client";
import { previewSweep, startSweep } from "./actions";
import { ChangeDialog } from "./change-dialog";
import { errorText } from "./error-text";

type Person = { id: number; name: string; lastLogin: string };

/**
 * "Anonymise everyone dismissed more than N months ago", as one job. The confirmation lists the
 * people it would anonymise and counts them (read from the portal when asked); what was typed is
 * checked on the server and refused in words (0 months is not read as 1).
 */
export function SweepForm() {
  const t = useT();
  const format = useFormat();
  const [months, setMonths] = useState("12");
  const [people, setPeople] = useState<Person[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(12);

  async function review() {
    setLoading(true);
    setError(null);
    const value = Number(months.trim() === "" ? Number.NaN : months);
    const result = await previewSweep({ months: value });
    setLoading(false);
    if (!result.ok) return setError(errorText(t, result));
    if (result.people.length === 0) return setError(t("privacy.dismissed.sweep.none"));
    setAsked(result.months);
    setPeople(result.people);
  }

  return (
    <section className="rounded-lg border border-b24-border p-5" data-testid="sweep">
      <h2 className="text-lg font-semibold">{t("privacy.dismissed.sweep.title")}</h2>
      <p className="mt-1 text-sm text-b24-muted">{t("privacy.dismissed.sweep.body")}</p>
      <div className="mt-3 flex items-end gap-3">
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.dismissed.sweep.months")}</span>
          <input
            type="number"
            inputMode="numeric"
            value={months}
            onChange={(e) => setMonths(e.target.value)}
            aria-invalid={error !== null}
            aria-describedby="sweep-error"
            className="w-24 rounded-md border border-b24-border px-2 py-1.5"
          />
        </label>
        <button
          type="button"
          onClick={review}
          disabled={loading}
          className="rounded-md border border-b24-danger px-3 py-1.5 text-sm text-b24-danger hover:bg-b24-danger/10 disabled:opacity-50"
        >
          {loading ? t("privacy.loading") : t("privacy.dismissed.sweep.button")}
        </button>
      </div>
      {error ? (
        <p id="sweep-error" role="alert" className="mt-2 text-sm text-b24-danger" data-testid="sweep-error">
          {error}
        </p>
      ) : null}
      <ChangeDialog
        kind="anonymise"
        open={people !== null}
        preview={null}
        title={t("privacy.dismissed.sweep.title")}
        body={t("privacy.dismissed.sweep.confirm", { months: asked })}
        people={(people ?? []).map((p) => ({
          id: p.id,
          name: p.name,
          detail: t("privacy.dismissed.sweep.lastLogin", { date: format.date(new Date(p.lastLogin)) }),
        }))}
        onClose={() => setPeople(null)}
        start={() => startSweep({ months: asked, userIds: (people ?? []).map((p) => p.id) })}
      />
    </section>
  );
}
