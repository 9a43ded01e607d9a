"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { changeReturn } from "../actions";
import { GiveBack, type GiveBackChoice } from "./give-back";
import { button, type Act, type Progress } from "./live-status";

type Asking = null | { action: "now" } | { action: "cancel" } | { action: "reschedule"; returnAt: Date };

/**
 * A temporary transfer's return: when it is due, and while scheduled: another date, now, keep the
 * records, force. Each change that cannot be taken back asks first and says that the receivers are
 * told (temporary.ts notifies them); "Return now" also says whom it gives back to.
 */
export function ReturnPanel({ id, progress: p, running, act }: { id: string; progress: Progress; running: boolean; act: Act }) {
  const t = useT();
  const format = useFormat();
  const [returnAt, setReturnAt] = useState("");
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<{ value: GiveBackChoice; ready: boolean }>({ value: {}, ready: false });

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    await act(() =>
      asking.action === "reschedule"
        ? changeReturn({ id, action: "reschedule", returnAt: asking.returnAt.toISOString() })
        : asking.action === "now"
          ? changeReturn({ id, action: "now", ...choice.value })
          : changeReturn({ id, action: "cancel" }),
    );
    setBusy(false);
    setAsking(null);
  };

  return (
    <section className="space-y-2 rounded-md border border-b24-border p-4" data-testid="return-panel">
      <h2 className="font-semibold">{t("transfer.return.heading")}</h2>
      <p data-testid="return-state">
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
            aria-label={t("transfer.return.change")}
            className="rounded border border-b24-border px-2 py-1 text-sm"
            data-testid="return-date"
          />
          <button
            type="button"
            className={`${button} border border-b24-border`}
            disabled={!returnAt}
            // A datetime-local value has no zone: the browser reads it in the user's own.
            onClick={() => setAsking({ action: "reschedule", returnAt: new Date(returnAt) })}
            data-testid="return-change"
          >
            {t("transfer.return.change")}
          </button>
          <button
            type="button"
            className={`${button} border border-b24-border`}
            disabled={running}
            onClick={() => setAsking({ action: "now" })}
            data-testid="return-now"
          >
            {t("transfer.return.now")}
          </button>
          <button type="button" className={`${button} border border-b24-border`} onClick={() => setAsking({ action: "cancel" })} data-testid="return-keep">
            {t("transfer.return.cancel")}
          </button>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={p.forceReturn} onChange={(e) => act(() => changeReturn({ id, action: "force", force: e.target.checked }))} />{" "}
            {t("transfer.return.force")}
          </label>
        </div>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`transfer.return.confirm.${asking.action}.title` as MessageKey) : ""}
        confirmLabel={asking ? t(`transfer.return.confirm.${asking.action}.do` as MessageKey) : ""}
        cancelLabel={t("transfer.return.confirm.back")}
        busy={busy}
        confirmDisabled={asking?.action === "now" && !choice.ready}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
        testId="return-dialog"
      >
        {asking?.action === "reschedule" ? <p>{t("transfer.return.confirm.reschedule.body", { date: format.dateTime(asking.returnAt) })}</p> : null}
        {asking?.action === "cancel" ? <p>{t("transfer.return.confirm.cancel.body")}</p> : null}
        {asking?.action === "now" ? (
          <>
            <p>{t("transfer.return.confirm.now.body")}</p>
            <GiveBack id={id} kind="return" onChange={(value, ready) => setChoice({ value, ready })} />
          </>
        ) : null}
        <p className="text-sm text-b24-muted">{t("transfer.return.confirm.told")}</p>
      </ConfirmDialog>
    </section>
  );
}
