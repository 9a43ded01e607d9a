"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { cancelTransfer, retryTransfer, undoTransfer } from "../actions";
import { PersonPicker, type Person } from "../person-picker";
import { GiveBack, type GiveBackChoice } from "./give-back";
import { button, type Act, type Status } from "./live-status";

/**
 * What can be done with the transfer now: cancel while it runs; once finished, undo (asked first,
 * with whom it takes from and gives back to) and retry the failures — saying when a retry would
 * only fail the same way, and offering another colleague for the failed records.
 */
export function NextSteps({ id, status, running, act }: { id: string; status: Status; running: boolean; act: Act }) {
  const t = useT();
  const [confirmingUndo, setConfirmingUndo] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [choice, setChoice] = useState<{ value: GiveBackChoice; ready: boolean }>({ value: {}, ready: false });
  const [other, setOther] = useState<Person | null>(null);
  const p = status.progress;
  const same = status.failures.filter((f) => f.outlook !== "maybe").length;
  return (
    <>
      <div className="flex flex-wrap gap-3">
        {running && !p.cancelRequested ? (
          <button
            type="button"
            className={`${button} border border-b24-border`}
            onClick={() => act(() => cancelTransfer({ id }))}
            data-testid="cancel-transfer"
          >
            {t("transfer.progress.cancel")}
          </button>
        ) : null}
        {!running && !status.undoneBy && p.moved > 0 ? (
          <button type="button" className={`${button} border border-b24-border`} data-testid="undo-transfer" onClick={() => setConfirmingUndo(true)}>
            {t("transfer.progress.undo")}
          </button>
        ) : null}
        {!running && p.failed > 0 && same < status.failures.length ? (
          <button type="button" className={`${button} bg-b24-blue text-white`} onClick={() => act(() => retryTransfer({ id }))} data-testid="retry-failed">
            {t("transfer.progress.retry")}
          </button>
        ) : null}
      </div>
      {!running && p.failed > 0 ? (
        <section className="space-y-2 rounded-md border border-b24-border p-4" data-testid="retry-other">
          <p>{same > 0 ? t("transfer.progress.retrySame", { count: same }) : t("transfer.progress.retryElse")}</p>
          {other ? (
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className={`${button} bg-b24-blue text-white`}
                onClick={() => act(() => retryTransfer({ id, receiverId: other.id }))}
                data-testid="retry-to-other"
              >
                {t("transfer.progress.retryTo", { name: other.name })}
              </button>
              <button type="button" className="text-sm text-b24-link" onClick={() => setOther(null)}>
                {t("transfer.receivers.remove")}
              </button>
            </div>
          ) : (
            <PersonPicker testId="retry-picker" receiversOnly exclude={[p.fromUserId]} onPick={setOther} />
          )}
        </section>
      ) : null}
      <ConfirmDialog
        open={confirmingUndo}
        title={t("transfer.progress.undo")}
        confirmLabel={t("transfer.progress.undo")}
        cancelLabel={t("transfer.progress.keep")}
        busyLabel={t("transfer.progress.undoing")}
        busy={undoing}
        confirmDisabled={!choice.ready}
        onConfirm={async () => {
          setUndoing(true);
          await act(() => undoTransfer({ id, ...choice.value }));
          setUndoing(false);
          setConfirmingUndo(false);
        }}
        onClose={() => setConfirmingUndo(false)}
        testId="undo-dialog"
      >
        <p>{t("transfer.progress.undoConfirm")}</p>
        {confirmingUndo ? <GiveBack id={id} kind="undo" onChange={(value, ready) => setChoice({ value, ready })} /> : null}
      </ConfirmDialog>
      {status.undoneBy ? (
        <p>
          <Link className="text-b24-link" href={`/transfer/${status.undoneBy}`} data-testid="undone-link">
            {t("transfer.progress.undone")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
