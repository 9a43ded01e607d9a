"use client";

import { useId, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { deleteAllPortalData } from "./actions";
import { DataDeletedNotice } from "./data-deleted-notice";

export interface DeleteDataLabels {
  heading: string;
  body: string;
  button: string;
  dialogTitle: string;
  dialogBody: string;
  inputLabel: string;
  cancel: string;
  confirm: string;
  working: string;
  errorMismatch: string;
  errorInvalid: string;
  errorGeneric: string;
  deletedTitle: string;
  deletedBody: string;
}

/** Same forgiving comparison as lib/portal-data's (the server decides; this only enables the button). */
const normalize = (value: string) => value.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/+$/, "");

/** The danger zone: "delete all our data" behind a dialog where the admin types the portal address. */
export function DeleteDataPanel({ domain, labels }: { domain: string; labels: DeleteDataLabels }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const errorId = useId();

  if (deleted) return <DataDeletedNotice title={labels.deletedTitle} body={labels.deletedBody} />;

  function confirm() {
    setError(null);
    // Inside a transition, a 403 from the action (forbidden()) reaches this segment's
    // forbidden.tsx boundary instead of failing silently.
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof deleteAllPortalData>>;
      try {
        result = await deleteAllPortalData(typed);
      } catch (thrown) {
        // Next's interrupts (403/401) carry a NEXT_… digest: let them reach the boundary.
        if (String((thrown as { digest?: unknown })?.digest ?? "").startsWith("NEXT_")) throw thrown;
        setError(labels.errorGeneric);
        return;
      }
      if (result.ok) {
        setOpen(false);
        setDeleted(true);
      } else {
        setError(result.error === "mismatch" ? labels.errorMismatch : result.error === "invalid" ? labels.errorInvalid : labels.errorGeneric);
      }
    });
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-b24-danger/50 p-6" data-testid="danger-zone">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold text-b24-danger">
        {labels.heading}
      </h2>
      <p className="mt-2 max-w-3xl text-sm">{labels.body}</p>
      <button
        type="button"
        onClick={() => {
          setTyped("");
          setError(null);
          setOpen(true);
        }}
        className="mt-4 rounded-md border border-b24-danger px-4 py-2 text-sm font-medium text-b24-danger hover:bg-b24-danger hover:text-white"
      >
        {labels.button}
      </button>

      <ConfirmDialog
        open={open}
        title={labels.dialogTitle}
        confirmLabel={labels.confirm}
        cancelLabel={labels.cancel}
        busyLabel={labels.working}
        busy={pending}
        destructive
        confirmDisabled={normalize(typed) !== normalize(domain)}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        testId="delete-dialog"
      >
        <p>{labels.dialogBody}</p>
        <label htmlFor={inputId} className="block font-medium">
          {labels.inputLabel}{" "}
          <code className="select-all rounded bg-b24-surface px-1.5 py-0.5 font-mono text-b24-text" data-testid="domain-to-type">
            {domain}
          </code>
        </label>
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="w-full rounded-md border border-b24-border px-3 py-2 font-mono text-sm focus:border-b24-link"
          data-testid="delete-confirmation"
        />
        {error ? (
          <p id={errorId} role="alert" className="text-b24-danger">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
