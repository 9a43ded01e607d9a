"use client";

import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { durationLabel } from "../labels";
import type { Progress } from "./live-status";

/**
 * The state (once finished: the outcome — completed, completed with failures, failed, cancelled),
 * records settled of planned, the bar, and the rate with the time left. A finished bar shows what
 * happened: moved in green, failed in red, left as they were in grey; never all green with failures.
 */
export function ProgressSummary({ progress: p, running }: { progress: Progress; running: boolean }) {
  const t = useT();
  const format = useFormat();
  const settled = p.moved + p.failed + p.skipped;
  const percent = p.total > 0 ? Math.round((settled / p.total) * 100) : running ? null : 100;
  const eta = p.etaSeconds === null ? "—" : durationLabel(t, p.etaSeconds);
  const share = (n: number) => (p.total > 0 ? (n / p.total) * 100 : 0);
  const segments = running
    ? [{ key: "running", width: percent ?? 10, tone: "bg-b24-blue" }]
    : p.total === 0
      ? [{ key: "empty", width: 100, tone: p.outcome === "failed" ? "bg-b24-danger" : "bg-b24-muted/40" }]
      : [
          { key: "moved", width: share(p.moved), tone: "bg-b24-success" },
          { key: "failed", width: share(p.failed), tone: "bg-b24-danger" },
          { key: "skipped", width: share(p.skipped), tone: "bg-b24-muted/40" },
        ];
  const stateLabel = running ? t(`transfer.state.${p.state}` as MessageKey) : t(`transfer.outcome.${p.outcome}` as MessageKey, { count: p.failures });
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span
          className={`font-medium ${p.outcome === "failed" || p.outcome === "completed_with_failures" ? "text-b24-danger" : ""}`}
          data-testid="transfer-state"
        >
          {stateLabel}
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
        aria-valuetext={percent === null ? t("transfer.state.planning") : running ? `${percent}%` : stateLabel}
        className="flex h-2 w-full overflow-hidden rounded-full bg-b24-surface"
        data-testid="transfer-bar"
        data-percent={percent ?? ""}
        data-outcome={p.outcome}
      >
        {segments.map((s) =>
          s.width > 0 ? (
            <div key={s.key} data-part={s.key} className={`h-full ${s.tone} transition-[width] duration-300`} style={{ width: `${s.width}%` }} />
          ) : null,
        )}
      </div>
      {p.recordsPerSecond !== null ? (
        <p className="text-sm text-b24-muted" data-testid="transfer-rate">
          {running
            ? t("transfer.progress.rate", { rate: format.number(Math.round(p.recordsPerSecond * 10) / 10), eta })
            : t("transfer.progress.rateDone", { rate: format.number(Math.round(p.recordsPerSecond * 10) / 10) })}
        </p>
      ) : null}
    </div>
  );
}
