"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { cancelTransfer, changeReturn, retryTransfer, transferStatus, undoTransfer } from "./actions";
import { byTypeOrder, durationLabel, typeLabel } from "./labels";

type Status = Extract<Awaited<ReturnType<typeof transferStatus>>, { ok: true }>;
const RUNNING = new Set(["queued", "planning", "moving"]);
const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

/** A transfer's live progress (polled every second while it runs), its failures, and what can be done next. */
export function TransferLive({
  id,
  initial,
  names,
  portalBase,
  smartProcesses = [],
  filters = [],
}: {
  id: string;
  initial: Status;
  names: Record<number, string>;
  portalBase: string;
  /** The portal's smart-process types, to name them by their own titles. */
  smartProcesses?: Array<{ entityTypeId: number; title: string }>;
  /** The wizard's narrowing of this transfer, one line each (none for undos and returns). */
  filters?: string[];
}) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [returnAt, setReturnAt] = useState("");
  const [confirmingUndo, setConfirmingUndo] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const p = status.progress;
  const running = RUNNING.has(p.state);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const res = await transferStatus({ id });
      if (res.ok) setStatus(res);
    }, 1000);
    return () => clearInterval(timer);
  }, [id, running]);

  const name = (uid: number) => names[uid] ?? `#${uid}`;
  const settled = p.moved + p.failed + p.skipped;
  const percent = p.total > 0 ? Math.round((settled / p.total) * 100) : running ? null : 100;
  const act = async (work: () => Promise<{ ok: boolean; error?: string; message?: string; transferId?: string }>) => {
    setError(null);
    const res = await work();
    if (!res.ok) return setError(res.message ?? t(`transfer.refused.${res.error}` as MessageKey));
    if (res.transferId && res.transferId !== id) router.push(`/transfer/${res.transferId}`);
    else {
      const fresh = await transferStatus({ id });
      if (fresh.ok) setStatus(fresh);
    }
  };
  const eta = p.etaSeconds === null ? "—" : durationLabel(t, p.etaSeconds);

  return (
    <div className="max-w-4xl space-y-6" data-testid="transfer-live" data-state={p.state}>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t(`transfer.kind.${p.kind}` as MessageKey)}</h1>
        <p className="text-b24-muted">
          {p.kind === "transfer"
            ? t("transfer.progress.fromTo", { from: name(p.fromUserId), to: p.receiverIds.map(name).join(", ") })
            : t("transfer.progress.backTo", { to: p.receiverIds.map(name).join(", ") })}
        </p>
        {filters.length ? (
          <p className="text-sm text-b24-muted" data-testid="transfer-filters">
            {t("transfer.history.filters")}: {filters.join(" · ")}
          </p>
        ) : null}
        {p.parentId ? (
          <p className="text-sm">
            <Link className="text-b24-link" href={`/transfer/${p.parentId}`}>
              {t("transfer.progress.of", { id: p.parentId })}
            </Link>
          </p>
        ) : null}
      </header>
      {error ? (
        <p role="alert" className="rounded-md border border-b24-danger/40 bg-b24-danger/10 p-3 text-sm" data-testid="transfer-error">
          {error}
        </p>
      ) : null}

      <div className="space-y-2">
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium" data-testid="transfer-state">
            {t(`transfer.state.${p.state}` as MessageKey)}
          </span>
          <span className="text-b24-muted" data-testid="transfer-counts">
            {t("transfer.progress.counts", { done: settled, total: p.total })}
          </span>
        </div>
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={percent === null ? t("transfer.state.planning") : `${percent}%`}
          className="h-2 w-full overflow-hidden rounded-full bg-b24-surface"
          data-testid="transfer-bar"
          data-percent={percent ?? ""}
        >
          <div
            className={`h-full ${p.state === "completed" ? "bg-b24-success" : "bg-b24-blue"} transition-[width] duration-300`}
            style={{ width: `${percent ?? 10}%` }}
          />
        </div>
        {p.recordsPerSecond !== null ? (
          <p className="text-sm text-b24-muted" data-testid="transfer-rate">
            {running
              ? t("transfer.progress.rate", { rate: format.number(Math.round(p.recordsPerSecond * 10) / 10), eta })
              : t("transfer.progress.rateDone", { rate: format.number(Math.round(p.recordsPerSecond * 10) / 10) })}
          </p>
        ) : null}
      </div>

      <table className="w-full text-sm" data-testid="per-type">
        <thead>
          <tr className="text-left text-b24-muted">
            <th className="py-1">{t("transfer.review.type")}</th>
            <th>{t("transfer.progress.moved")}</th>
            <th>{t("transfer.progress.failed")}</th>
            <th>{t("transfer.progress.skipped")}</th>
            <th>{t("transfer.review.total")}</th>
          </tr>
        </thead>
        <tbody>
          {byTypeOrder(p.perType).map((row) => (
            <tr key={row.type} className="border-t border-b24-border">
              <td className="py-1">{typeLabel(t, row.type, smartProcesses)}</td>
              <td>{row.moved}</td>
              <td>{row.failed}</td>
              <td>{row.skipped}</td>
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>

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

      {p.returnState ? (
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
      ) : null}

      {[
        ["failures", status.failures, "transfer.progress.failures"],
        ["skipped", status.skipped, "transfer.progress.skippedList"],
      ].map(([kind, list, title]) =>
        (list as Status["failures"]).length ? (
          <section key={kind as string} className="space-y-2" data-testid={`list-${kind}`}>
            <h2 className="font-semibold">{t(title as MessageKey)}</h2>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-b24-muted">
                  <th className="py-1">{t("transfer.review.type")}</th>
                  <th>{t("transfer.progress.record")}</th>
                  <th>{t("transfer.progress.code")}</th>
                </tr>
              </thead>
              <tbody>
                {(list as Status["failures"]).map((f) => (
                  <tr key={`${f.type}:${f.role}:${f.recordId}`} className="border-t border-b24-border">
                    <td className="py-1">{typeLabel(t, f.type, smartProcesses)}</td>
                    <td>
                      <a className="text-b24-link" target="_top" href={`${portalBase}${recordHref(f.type, f.recordId, f.toUserId)}`}>
                        #{f.recordId}
                      </a>
                    </td>
                    <td>
                      <code>{f.errorCode}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null,
      )}
    </div>
  );
}

// The portal paths of lib/ownership/links.ts, for a client component (which may not import lib/ownership).
function recordHref(type: string, id: number, holder: number): string {
  const named: Record<string, string> = { lead: "lead", deal: "deal", contact: "contact", company: "company" };
  if (type === "task") return `/company/personal/user/${holder}/tasks/task/view/${id}/`;
  if (type === "workgroup") return `/workgroups/group/${id}/`;
  if (named[type]) return `/crm/${named[type]}/details/${id}/`;
  const etid = type === "quote" ? 7 : type === "invoice" ? 31 : Number(type.replace("dynamic-", ""));
  return Number.isFinite(etid) ? `/crm/type/${etid}/details/${id}/` : "/crm/";
}
