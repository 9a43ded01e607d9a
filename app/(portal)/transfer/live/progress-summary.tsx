"use client";

import type { MessageKey } from "@/lib/i18n";
import { useFormat, useT } from "@/lib/i18n/client";
import { durationLabel } from "../labels";
import type { Progress } from "./live-status";

/** The state, records settled of planned, the bar, and the rate with the time left. */
export function ProgressSummary({ progress: p, running }: { progress: Progress; running: boolean }) {
  const t = useT();
  const format = useFormat();
  const settled = p.moved + p.failed + p.skipped;
  const percent = p.total > 0 ? Math.round((settled / p.total) * 100) : running ? null : 100;
  const eta = p.etaSeconds === null ? "—" : durationLabel(t, p.etaSeconds);
  return (
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
  );
}
