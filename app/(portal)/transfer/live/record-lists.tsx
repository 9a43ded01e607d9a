"use client";

import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { recordPath, roleLabel, typeLabel } from "@/lib/ownership/client";
import { portalUrl } from "@/lib/portal-address";
import type { Status } from "./live-status";

type SmartProcesses = Array<{ entityTypeId: number; title: string }>;

/**
 * Once finished, what did not go as planned, each in words: the record types the portal refused
 * to list while planning, the records that failed and those left as they were (each linked into
 * the portal), and the receivers whose notice did not arrive.
 */
export function RecordLists({
  status,
  portalBase,
  smartProcesses,
  name,
}: {
  status: Status;
  portalBase: string;
  smartProcesses: SmartProcesses;
  name: (userId: number) => string;
}) {
  const t = useT();
  const p = status.progress;
  const reason = (r: string) => t(`transfer.failure.${r}` as MessageKey);
  return (
    <>
      {p.planFailures.length ? (
        <section className="space-y-2" data-testid="list-plan-failures">
          <h2 className="font-semibold">{t("transfer.progress.planFailures")}</h2>
          <p className="text-sm text-b24-muted">{t("transfer.progress.planFailuresHint")}</p>
          <ul className="space-y-1 text-sm">
            {p.planFailures.map((f) => (
              <li key={`${f.type}:${f.role}`}>
                <span className="font-medium">
                  {typeLabel(t, f.type, smartProcesses)} ({roleLabel(t, f.role)})
                </span>
                : {reason(f.reason)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {(
        [
          ["failures", status.failures, "transfer.progress.failures"],
          ["skipped", status.skipped, "transfer.progress.skippedList"],
        ] as const
      ).map(([kind, list, title]) =>
        list.length ? (
          <section key={kind} className="space-y-2" data-testid={`list-${kind}`}>
            <h2 className="font-semibold">{t(title)}</h2>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-b24-muted">
                  <th className="py-1">{t("transfer.review.type")}</th>
                  <th>{t("transfer.progress.record")}</th>
                  <th>{t("transfer.progress.code")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((f) => (
                  <tr key={`${f.type}:${f.role}:${f.recordId}`} className="border-t border-b24-border align-top">
                    <td className="py-1">{typeLabel(t, f.type, smartProcesses)}</td>
                    <td>
                      <a
                        className="text-b24-link"
                        target="_top"
                        href={portalUrl(portalBase, recordPath(f.type, f.recordId, { holder: f.toUserId }) ?? "/crm/")}
                      >
                        #{f.recordId}
                      </a>
                    </td>
                    <td data-reason={f.reason}>{reason(f.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null,
      )}
      {p.noticeFailures.length ? (
        <section className="space-y-2" data-testid="list-notice-failures">
          <h2 className="font-semibold">{t("transfer.progress.noticeFailures")}</h2>
          <ul className="space-y-1 text-sm">
            {p.noticeFailures.map((f) => (
              <li key={f.userId}>{t("transfer.progress.noticeFailed", { name: name(f.userId) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
