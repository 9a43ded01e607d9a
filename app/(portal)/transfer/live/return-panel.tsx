"use client";

import { useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { changeReturn } from "../actions";
import { button, type Act, type Progress } from "./live-status";

/** A temporary transfer's return: when it is due, and while scheduled: another date, now, cancel, force. */
export function ReturnPanel({ id, progress: p, running, act }: { id: string; progress: Progress; running: boolean; act: Act }) {
  const t = useT();
  const format = useFormat();
  const [returnAt, setReturnAt] = useState("");
  return (
    <section className="space-y-2 rounded-md border border-b24-border p-4" data-testid="return-panel">
      <h2 className="font-semibold">{t("transfer.return.heading")}</h2>
      <p>
        {p.returnState === "scheduled" && p.returnAt
          ? t("transfer.return.scheduled", { date: format.dateTime(new Date(p.returnAt)) })
          : t(`transfer.return.${p.returnState}` as MessageKey)}
      </p>
      {p.returnState === "scheduled" ? (
        <div className="flex flex-wrap items-center gap-3">
          <input
            type="datetime-local"
            value={returnAt}
            onChange={(e) => setReturnAt(e.target.value)}
            className="rounded border border-b24-border px-2 py-1 text-sm"
          />
          <button
            type="button"
            className={`${button} border border-b24-border`}
            disabled={!returnAt}
            onClick={() => act(() => changeReturn({ id, action: "reschedule", returnAt: new Date(returnAt).toISOString() }))}
          >
            {t("transfer.return.change")}
          </button>
          <button
            type="button"
            className={`${button} border border-b24-border`}
            disabled={running}
            onClick={() => act(() => changeReturn({ id, action: "now" }))}
            data-testid="return-now"
          >
            {t("transfer.return.now")}
          </button>
          <button type="button" className={`${button} border border-b24-border`} onClick={() => act(() => changeReturn({ id, action: "cancel" }))}>
            {t("transfer.return.cancel")}
          </button>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={p.forceReturn} onChange={(e) => act(() => changeReturn({ id, action: "force", force: e.target.checked }))} />{" "}
            {t("transfer.return.force")}
          </label>
        </div>
      ) : null}
    </section>
  );
}
