"use client";

import { useId, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { samePortalDomain } from "@/lib/portal-address";
import { deleteAllPortalData } from "./actions";
import { DataDeletedNotice } from "./data-deleted-notice";

/** The danger zone: "delete all our data" behind a dialog where the admin types the portal address. */
export function DeleteDataPanel({ domain }: { domain: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const errorId = useId();

  if (deleted) return <DataDeletedNotice />;

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
        setError(t("errors.internal"));
        return;
      }
      if (result.ok) {
        setOpen(false);
        setDeleted(true);
      } else {
        setError(
          result.error === "mismatch"
            ? t("settings.refused.mismatch", { domain })
            : result.error === "invalid"
              ? t("settings.error.invalid")
              : (result.message ?? t("errors.internal")),
        );
      }
    });
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-b24-danger/50 p-6" data-testid="danger-zone">
      <h2 id={`${inputId}-heading`} className="text-lg font-semibold text-b24-danger">
        {t("settings.danger.heading")}
      </h2>
      <p className="mt-2 max-w-3xl text-sm">{t("settings.danger.body")}</p>
      <button
        type="button"
        onClick={() => {
          setTyped("");
          setError(null);
          setOpen(true);
        }}
        className="mt-4 rounded-md border border-b24-danger px-4 py-2 text-sm font-medium text-b24-danger hover:bg-b24-danger hover:text-white"
      >
        {t("settings.danger.button")}
      </button>

      <ConfirmDialog
        open={open}
        title={t("settings.dialog.title", { domain })}
        confirmLabel={t("settings.dialog.confirm")}
        cancelLabel={t("settings.dialog.cancel")}
        busyLabel={t("settings.dialog.working")}
        busy={pending}
        destructive
        // The server decides (lib/portal-data); the same comparison here only enables the button.
        confirmDisabled={!samePortalDomain(typed, domain)}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
        testId="delete-dialog"
      >
        <p>{t("settings.dialog.body")}</p>
        <label htmlFor={inputId} className="block font-medium">
          {t("settings.dialog.label")}{" "}
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
