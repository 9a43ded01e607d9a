"use client";

import { useEffect, useState } from "react";
import { useFormat, useT } from "@/lib/i18n/client";
import { previewUserChange, readRemainingWork, startUsersChange } from "./actions";
import { ChangeDialog } from "./change-dialog";
import type { PreviewData } from "./preview-data";
import { errorText } from "./error-text";
import { personColumns, SelectableTable } from "./selectable-table";

type Kind = "anonymise" | "erase";

interface Row {
  id: number;
  name: string;
  departments: string;
  lastLogin: string | null;
}

/** Remaining work of one user (counts from lib/ownership) and the Transfer tool's overview of them. */
function RemainingWork({ userId, work }: { userId: number; work: { open: number; total: number } | undefined }) {
  const t = useT();
  if (work?.total === 0) {
    return (
      <span data-testid="remaining-work" data-loaded="Y" className="text-b24-muted">
        {t("privacy.dismissed.noWork")}
      </span>
    );
  }
  return (
    <span data-testid="remaining-work" data-loaded={work ? "Y" : "N"}>
      {work ? t("privacy.dismissed.workCount", { open: work.open, total: work.total }) : "…"}{" "}
      {/* A link, not an import: the Transfer tool's overview of this user. */}
      <a className="text-b24-link underline" href={`/transfer/overview/${userId}`}>
        {t("privacy.dismissed.transfer")}
      </a>
    </span>
  );
}

/** The remaining work of the rows shown, read in one request once they are on screen. */
function useRemainingWork(userIds: readonly number[]): ReadonlyMap<number, { open: number; total: number }> {
  const [work, setWork] = useState<{ key: string; byUser: ReadonlyMap<number, { open: number; total: number }> }>({ key: "", byUser: new Map() });
  const key = userIds.join(",");
  useEffect(() => {
    if (!key) return;
    let live = true;
    void readRemainingWork({ userIds: key.split(",").map(Number) }).then(
      (r) => live && r.ok && setWork({ key, byUser: new Map(r.work.map((w) => [w.userId, { open: w.open, total: w.total }])) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return work.key === key ? work.byUser : new Map();
}

/** Dismissed employees with their remaining work; anonymise or erase the selected ones after a preview. */
export function DismissedTable({ rows, allowAnonymise, allowErase }: { rows: Row[]; allowAnonymise: boolean; allowErase: boolean }) {
  const t = useT();
  const format = useFormat();
  const [dialog, setDialog] = useState<{ kind: Kind; ids: number[]; preview: PreviewData | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const work = useRemainingWork(rows.map((r) => r.id));

  async function open(kind: Kind, ids: number[]) {
    setError(null);
    if (ids.length === 1) {
      const result = await previewUserChange({ kind, userId: ids[0] });
      if (!result.ok) return setError(errorText(t, result));
      setDialog({ kind, ids, preview: { name: result.name, changes: result.changes, records: result.records } });
    } else setDialog({ kind, ids, preview: null });
  }

  const allowed = (["anonymise", "erase"] as const).filter((k) => (k === "anonymise" ? allowAnonymise : allowErase));
  return (
    <div className="space-y-3">
      <SelectableTable
        rows={rows}
        error={error}
        testId="dismissed-table"
        empty={t("privacy.dismissed.none")}
        columns={[
          ...personColumns<Row>(t),
          {
            key: "lastLogin",
            header: t("privacy.dismissed.lastLogin"),
            cell: (r) => (r.lastLogin ? format.date(new Date(r.lastLogin)) : t("privacy.dismissed.never")),
            className: "whitespace-nowrap",
          },
          { key: "work", header: t("privacy.dismissed.work"), cell: (r) => <RemainingWork userId={r.id} work={work.get(r.id)} /> },
        ]}
        actions={(ids) =>
          allowed.map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={ids.length === 0}
              onClick={() => open(kind, ids)}
              className="rounded-md border border-b24-danger px-3 py-1 text-sm text-b24-danger hover:bg-b24-danger/10 disabled:opacity-50"
            >
              {t(kind === "anonymise" ? "privacy.dismissed.anonymiseSelected" : "privacy.dismissed.eraseSelected")}
            </button>
          ))
        }
      />
      {dialog ? (
        <ChangeDialog
          kind={dialog.kind}
          open
          preview={dialog.preview}
          title={t(`privacy.preview.title.${dialog.kind}`, { name: t("privacy.dismissed.selectedTitle", { count: dialog.ids.length }) })}
          people={dialog.preview ? undefined : rows.filter((r) => dialog.ids.includes(r.id))}
          onClose={() => setDialog(null)}
          start={() => startUsersChange({ kind: dialog.kind, userIds: dialog.ids })}
        />
      ) : null}
    </div>
  );
}
