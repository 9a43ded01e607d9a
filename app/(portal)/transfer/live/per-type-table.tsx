"use client";

import { useT } from "@/lib/i18n/client";
import { byTypeOrder, typeLabel } from "@/lib/ownership/client";
import type { Progress } from "./live-status";

/** Moved, failed and skipped of planned, per record type. */
export function PerTypeTable({ perType, smartProcesses }: { perType: Progress["perType"]; smartProcesses: Array<{ entityTypeId: number; title: string }> }) {
  const t = useT();
  return (
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
        {byTypeOrder(perType).map((row) => (
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
  );
}
