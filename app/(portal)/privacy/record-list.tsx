"use client";

import { useT } from "@/lib/i18n/client";
import type { PreviewData } from "./change-dialog";

const TYPES = ["task", "lead", "deal", "contact", "company", "quote", "invoice", "activity", "workgroup", "department"] as const;
const ROLES = ["responsible", "creator", "accomplice", "auditor", "assigned", "owner", "head"] as const;

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/**
 * The records that name the person, in the preview: type, ID, role and a link that opens the
 * record in the portal (titles stay there); beyond the first few, "and N more". They are kept by
 * an anonymisation or erasure, which the heading says.
 */
export function RecordList({ records }: { records: PreviewData["records"] }) {
  const t = useT();
  const typeName = (type: string) =>
    isOneOf(TYPES, type) ? t(`privacy.record.type.${type}`) : type.startsWith("dynamic-") ? t("privacy.record.type.dynamic", { id: type.slice(8) }) : type;
  const roleName = (role: string) => (isOneOf(ROLES, role) ? t(`privacy.record.role.${role}`) : role);
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
                    <td className="py-1 pr-2">{typeName(r.type)}</td>
                    <td className="py-1 pr-2 tabular-nums">{r.id}</td>
                    <td className="py-1 pr-2">{roleName(r.role)}</td>
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
