"use client";

import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { recordPath, typeLabel } from "@/lib/ownership/client";
import { portalUrl } from "@/lib/portal-address";
import type { Status } from "./live-status";

/** Once finished: the records that failed (with the portal's error code) and those skipped, each linked into the portal. */
export function RecordLists({
  status,
  portalBase,
  smartProcesses,
}: {
  status: Status;
  portalBase: string;
  smartProcesses: Array<{ entityTypeId: number; title: string }>;
}) {
  const t = useT();
  return [
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
                  <a className="text-b24-link" target="_top" href={portalUrl(portalBase, recordPath(f.type, f.recordId, { holder: f.toUserId }) ?? "/crm/")}>
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
  );
}
