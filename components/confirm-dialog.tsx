"use client";

import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { visibleBand } from "./visible-band";

/** Space kept between the dialog and the edges of what the user sees, in px. */
const EDGE = 16;

interface Props {
  open: boolean;
  title: string;
  /** What will happen, in plain words (docs/style.md "UI": a destructive action shows it before asking). */
  children: ReactNode;
  /** Shown under the scrolling body, always in view above the buttons (a typed confirmation, its error). */
  footer?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown on the confirm button while `busy`. */
  busyLabel?: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  /** A red confirm button for irreversible actions. */
  destructive?: boolean;
  onConfirm(): void;
  onClose(): void;
  testId?: string;
}

/**
 * A modal confirmation on the native <dialog>: showModal() gives the focus trap, Escape, the
 * inert page behind it and the dialog role without a library (Radix is not installed).
 * Children may hold form fields; Enter in them submits the confirmation.
 *
 * Centring is not enough inside the portal: our frame is as tall as the page, so the middle of the
 * frame may be far from what the user sees (a long list, the portal scrolled). The dialog opens in
 * the middle of the band the user sees, no taller than it: its body scrolls, its buttons stay in view.
 */
export function ConfirmDialog(props: Props) {
  const { open, title, children, confirmLabel, cancelLabel, busyLabel, busy = false, confirmDisabled = false, destructive = false } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const form = formRef.current;
    if (!dialog || !form) return;
    if (!open && dialog.open) dialog.close();
    if (!open || dialog.open) return;
    let current = true;
    // Measured before opening: showModal() focuses the first control, and a control outside the
    // visible band would make the portal scroll under the user.
    void visibleBand().then((band) => {
      if (!current) return;
      if (band) {
        form.style.maxHeight = `${Math.max(240, band.height - 2 * EDGE)}px`;
        dialog.style.margin = `${Math.round(band.top + EDGE)}px auto auto`;
      }
      dialog.showModal();
      if (band) {
        const height = dialog.getBoundingClientRect().height;
        dialog.style.margin = `${Math.round(band.top + Math.max(EDGE, (band.height - height) / 2))}px auto auto`;
      }
    });
    return () => {
      current = false;
    };
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy && !confirmDisabled) props.onConfirm();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={props.testId}
      // Escape (or the browser closing it) must go through our state, and not while working.
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) props.onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-b24-border bg-white p-0 text-b24-text shadow-xl backdrop:bg-black/40"
    >
      <form ref={formRef} onSubmit={submit} className="flex max-h-[calc(100vh-2rem)] flex-col p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="mt-3 min-h-0 space-y-3 overflow-y-auto text-sm">
          {children}
        </div>
        {props.footer ? <div className="mt-4 shrink-0 space-y-2 text-sm">{props.footer}</div> : null}
        <div className="mt-6 flex shrink-0 justify-end gap-3">
          <button
            type="button"
            onClick={() => props.onClose()}
            disabled={busy}
            className="rounded-md border border-b24-border px-4 py-2 text-sm hover:bg-b24-surface disabled:opacity-50"
          >
            {cancelLabel}
          </button>
          <button
            type="submit"
            disabled={busy || confirmDisabled}
            aria-busy={busy}
            className={`rounded-md px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50 ${
              destructive ? "bg-b24-danger hover:bg-b24-danger/90" : "bg-b24-blue hover:bg-b24-blue-dark"
            }`}
          >
            {busy && busyLabel ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
