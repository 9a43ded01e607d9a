"use client";

import { useEffect, useState } from "react";
import { useFormat, useT } from "@/lib/i18n/client";
import { previewUserChange, readRemainingWork, startUsersChange } from "./actions";
import { ChangeDialog, type PreviewData } from "./change-dialog";
import { errorText } from "./error-text";

interface Row {
  id: number;
  name: string;
  departments: string;
  lastLogin: string | null;
}

/** Remaining work of one user, read when the row shows (lib/ownership counts, one or two batch calls). */
function RemainingWork({ userId }: { userId: number }) {
  const t = useT();
  const [work, setWork] = useState<{ open: number; total: number } | null>(null);
  useEffect(() => {
    let live = true;
    void readRemainingWork({ userId }).then((r) => live && r.ok && setWork({ open: r.open, total: r.total }));
    return () => {
      live = false;
    };
  }, [userId]);
  return (
    <span data-testid="remaining-work">
      {work ? t("privacy.dismissed.workCount", { open: work.open, total: work.total }) : "…"}{" "}
      {/* A link, not an import: the Transfer tool's overview of this user. */}
      <a className="text-b24-link underline" href={`/transfer/overview/${userId}`}>
        {t("privacy.dismissed.transfer")}
      </a>
    </span>
  );
}

export function DismissedTable({ rows, allowAnonymise, allowErase }: { rows: Row[]; allowAnonymise: boolean; allowErase: boolean }) {
  const t = useT();
  const format = useFormat();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<{ kind: "anonymise" | "erase"; ids: number[]; preview: PreviewData | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(kind: "anonymise" | "erase", ids: number[]) {
    setError(null);
    if (ids.length === 1) {
      const result = await previewUserChange({ kind, userId: ids[0] });
      if (!result.ok) return setError(errorText(t, result));
      setDialog({ kind, ids, preview: { name: result.name, changes: result.changes, records: result.records } });
    } else setDialog({ kind, ids, preview: null });
  }

  if (rows.length === 0) return <p className="text-sm text-b24-muted">{t("privacy.dismissed.none")}</p>;
  const ids = [...selected];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-b24-muted">{t("privacy.users.selected", { count: ids.length })}</span>
        {allowAnonymise ? (
          <button
            type="button"
            disabled={ids.length === 0}
            onClick={() => open("anonymise", ids)}
            className="rounded-md border border-b24-danger px-3 py-1 text-sm text-b24-danger hover:bg-b24-danger/10 disabled:opacity-50"
          >
            {t("privacy.dismissed.anonymiseSelected")}
          </button>
        ) : null}
        {allowErase ? (
          <button
            type="button"
            disabled={ids.length === 0}
            onClick={() => open("erase", ids)}
            className="rounded-md border border-b24-danger px-3 py-1 text-sm text-b24-danger hover:bg-b24-danger/10 disabled:opacity-50"
          >
            {t("privacy.dismissed.eraseSelected")}
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-b24-danger">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="dismissed-table">
          <thead className="text-b24-muted">
            <tr className="border-b border-b24-border">
              <th className="py-2 pr-2">
                <input
                  type="checkbox"
                  aria-label={t("privacy.users.selected", { count: rows.length })}
                  checked={ids.length === rows.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                />
              </th>
              <th className="py-2 pr-4 font-medium">{t("privacy.users.name")}</th>
              <th className="py-2 pr-4 font-medium">{t("privacy.users.department")}</th>
              <th className="py-2 pr-4 font-medium">{t("privacy.dismissed.lastLogin")}</th>
              <th className="py-2 font-medium">{t("privacy.dismissed.work")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-b24-border last:border-0" data-user-id={r.id}>
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={r.name}
                    checked={selected.has(r.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(r.id);
                      else next.delete(r.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td className="py-2 pr-4">{r.name || t("privacy.user", { id: r.id })}</td>
                <td className="py-2 pr-4 text-b24-muted">{r.departments}</td>
                <td className="py-2 pr-4">{r.lastLogin ? format.date(new Date(r.lastLogin)) : t("privacy.dismissed.never")}</td>
                <td className="py-2">
                  <RemainingWork userId={r.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog ? (
        <ChangeDialog
          kind={dialog.kind}
          open
          preview={dialog.preview}
          title={t(`privacy.preview.title.${dialog.kind}`, { name: t("privacy.dismissed.selectedTitle", { count: dialog.ids.length }) })}
          onClose={() => setDialog(null)}
          start={() => startUsersChange({ kind: dialog.kind, userIds: dialog.ids })}
        />
      ) : null}
    </div>
  );
}
