"use client";

import { useT } from "@/lib/i18n/client";
import { recordTypeLabel, roleLabel } from "@/lib/ownership/client";
import type { PreviewData } from "./preview-data";

/**
 * The records that name the person, in the preview: type, ID, role and a link that opens the
 * record in the portal (titles stay there); beyond the first few, "and N more". They are kept by
 * an anonymisation or erasure, which the heading says.
 */
export function RecordList({ records }: { records: PreviewData["records"] }) {
  const t = useT();
  const more = records.total - records.shown.length;
  return (
    <section data-testid="preview-records" data-total={records.total}>
      <h3 className="font-medium">{t("privacy.preview.recordsTitle", { count: records.total })}</h3>
      {records.total === 0 ? (
        <p className="text-b24-muted">{t("privacy.preview.recordsNone")}</p>
      ) : (
        <>
          <p className="text-b24-muted">{t("privacy.preview.recordsKept")}</p>
          <div className="mt-1 max-h-48 overflow-auto">
            <table className="w-full text-left text-xs">
              <thead className="text-b24-muted">
                <tr>
                  <th className="py-1 pr-2 font-medium">{t("privacy.preview.recordType")}</th>
                  <th className="py-1 pr-2 font-medium">{t("privacy.preview.recordId")}</th>
                  <th className="py-1 pr-2 font-medium">{t("privacy.preview.recordRole")}</th>
                  <th className="py-1 font-medium">
                    <span className="sr-only">{t("privacy.preview.recordOpen")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {records.shown.map((r) => (
                  <tr key={`${r.type}:${r.id}:${r.role}`} className="border-t border-b24-border" data-record={`${r.type}:${r.id}:${r.role}`}>
                    <td className="py-1 pr-2">{recordTypeLabel(t, r.type)}</td>
                    <td className="py-1 pr-2 tabular-nums">{r.id}</td>
                    <td className="py-1 pr-2">{roleLabel(t, r.role)}</td>
                    <td className="py-1">
                      {r.link ? (
                        // The portal's page, outside our frame: a new tab keeps this dialog open.
                        <a className="text-b24-link underline" href={r.link} target="_blank" rel="noreferrer">
                          {t("privacy.preview.recordOpen")}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 ? (
            <p className="mt-1 text-b24-muted" data-testid="preview-records-more">
              {t("privacy.preview.recordsMore", { count: more })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
