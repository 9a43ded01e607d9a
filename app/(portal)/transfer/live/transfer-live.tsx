"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { transferStatus } from "../actions";
import { RUNNING, type Act, type Status } from "./live-status";
import { NextSteps } from "./next-steps";
import { PerTypeTable } from "./per-type-table";
import { ProgressSummary } from "./progress-summary";
import { RecordLists } from "./record-lists";
import { ReturnPanel } from "./return-panel";

/**
 * A transfer's live progress (polled every second while it runs), its failures, and what can be
 * done next. This shell holds the status and carries out the actions; each part is its own component.
 */
export function TransferLive({
  id,
  initial,
  names,
  portalBase,
  smartProcesses = [],
  filters = [],
  parent = null,
}: {
  id: string;
  initial: Status;
  names: Record<number, string>;
  portalBase: string;
  /** The portal's smart-process types, to name them by their own titles. */
  smartProcesses?: Array<{ entityTypeId: number; title: string }>;
  /** The wizard's narrowing of this transfer, one line each (none for undos and returns). */
  filters?: string[];
  /** What an undo or a return gives back: named by its kind, date and people (never its ID). */
  parent?: { id: string; kind: string; createdAt: string; from: number[]; to: number[] } | null;
}) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [error, setError] = useState<string | null>(null);
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
  const act: Act = async (work) => {
    setError(null);
    const res = await work();
    if (!res.ok) return setError(res.message ?? t(`transfer.refused.${res.error}` as MessageKey));
    if (res.transferId && res.transferId !== id) router.push(`/transfer/${res.transferId}`);
    else {
      const fresh = await transferStatus({ id });
      if (fresh.ok) setStatus(fresh);
    }
  };

  return (
    <div className="max-w-4xl space-y-6" data-testid="transfer-live" data-state={p.state} data-outcome={p.outcome}>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t(`transfer.kind.${p.kind}` as MessageKey)}</h1>
        <p className="text-b24-muted">
          {p.kind === "transfer"
            ? t("transfer.progress.fromTo", { from: name(p.fromUserId), to: p.receiverIds.map(name).join(", ") })
            : p.takenFrom.length
              ? t("transfer.progress.givesBack", { from: p.takenFrom.map(name).join(", "), to: p.receiverIds.map(name).join(", ") })
              : t("transfer.progress.backTo", { to: p.receiverIds.map(name).join(", ") })}
        </p>
        {filters.length ? (
          <p className="text-sm text-b24-muted" data-testid="transfer-filters">
            {t("transfer.history.filters")}: {filters.join(" · ")}
          </p>
        ) : null}
        {parent ? (
          <p className="text-sm">
            <Link className="text-b24-link" href={`/transfer/${parent.id}`} data-testid="parent-link">
              {t(`transfer.progress.of.${parent.kind}` as MessageKey, {
                date: format.dateTime(new Date(parent.createdAt)),
                from: parent.from.map(name).join(", "),
                to: parent.to.map(name).join(", "),
              })}
            </Link>
          </p>
        ) : null}
      </header>
      {error ? (
        <p role="alert" className="rounded-md border border-b24-danger/40 bg-b24-danger/10 p-3 text-sm" data-testid="transfer-error">
          {error}
        </p>
      ) : null}
      <ProgressSummary progress={p} running={running} />
      <PerTypeTable perType={p.perType} smartProcesses={smartProcesses} />
      <NextSteps id={id} status={status} running={running} act={act} />
      {p.returnState ? <ReturnPanel id={id} progress={p} running={running} act={act} /> : null}
      <RecordLists status={status} portalBase={portalBase} smartProcesses={smartProcesses} name={name} />
    </div>
  );
}
