"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { cancelTransfer, retryTransfer, undoTransfer } from "../actions";
import { button, type Act, type Status } from "./live-status";

/** What can be done with the transfer now: cancel while it runs; once finished, undo (asked first) and retry the failures. */
export function NextSteps({ id, status, running, act }: { id: string; status: Status; running: boolean; act: Act }) {
  const t = useT();
  const [confirmingUndo, setConfirmingUndo] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const p = status.progress;
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
        {!running && p.failed > 0 ? (
          <button type="button" className={`${button} bg-b24-blue text-white`} onClick={() => act(() => retryTransfer({ id }))} data-testid="retry-failed">
            {t("transfer.progress.retry")}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmingUndo}
        title={t("transfer.progress.undo")}
        confirmLabel={t("transfer.progress.undo")}
        cancelLabel={t("transfer.progress.keep")}
        busyLabel={t("transfer.progress.undoing")}
        busy={undoing}
        onConfirm={async () => {
          setUndoing(true);
          await act(() => undoTransfer({ id }));
          setUndoing(false);
          setConfirmingUndo(false);
        }}
        onClose={() => setConfirmingUndo(false)}
        testId="undo-dialog"
      >
        <p>{t("transfer.progress.undoConfirm")}</p>
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
