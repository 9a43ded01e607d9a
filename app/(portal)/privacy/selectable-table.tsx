"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Translate } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell(row: R): ReactNode;
  className?: string;
}

/**
 * A table of portal users with a checkbox per row and one for the whole page, and the actions
 * that work on the selection above it ("3 selected", bulk buttons). The dismissed-users and the
 * user-rights tabs both list people this way. The selection keeps only rows still shown, so a
 * refresh or a new page never acts on someone the admin can no longer see.
 */
export function SelectableTable<R extends { id: number; name: string }>(props: {
  rows: readonly R[];
  columns: ReadonlyArray<Column<R>>;
  testId: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** The buttons that act on the selected users' IDs. */
  actions(selected: number[]): ReactNode;
  /** What went wrong with the last action, shown above the table. */
  error?: string | null;
}) {
  const t = useT();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const ids = props.rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const all = props.rows.length > 0 && ids.length === props.rows.length;
  const some = ids.length > 0 && !all;
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = some;
  }, [some]);

  if (props.rows.length === 0) return <p className="text-sm text-b24-muted">{props.empty}</p>;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(ids);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <div className="space-y-3">
      {props.error ? (
        <p role="alert" className="text-sm text-b24-danger">
          {props.error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2" data-testid={`${props.testId}-actions`}>
        <span className="text-sm text-b24-muted" aria-live="polite">
          {t("privacy.users.selected", { count: ids.length })}
        </span>
        {props.actions(ids)}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid={props.testId}>
          <thead className="text-b24-muted">
            <tr className="border-b border-b24-border">
              <th className="w-8 py-2 pr-2">
                <input
                  ref={pageBox}
                  type="checkbox"
                  aria-label={t("privacy.table.selectPage")}
                  checked={all}
                  onChange={(e) => setSelected(e.target.checked ? new Set(props.rows.map((r) => r.id)) : new Set())}
                />
              </th>
              {props.columns.map((c) => (
                <th key={c.key} className="py-2 pr-4 font-medium last:pr-0">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id} className="border-b border-b24-border align-top last:border-0" data-user-id={r.id}>
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={r.name || t("privacy.user", { id: r.id })}
                    checked={selected.has(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                  />
                </td>
                {props.columns.map((c) => (
                  <td key={c.key} className={`py-2 pr-4 last:pr-0 ${c.className ?? ""}`}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The first two columns of every list of people: the name (or "User #5") and their departments. */
export function personColumns<R extends { id: number; name: string; departments: string }>(t: Translate): Array<Column<R>> {
  return [
    { key: "name", header: t("privacy.users.name"), cell: (r) => r.name || t("privacy.user", { id: r.id }) },
    { key: "departments", header: t("privacy.users.department"), cell: (r) => r.departments, className: "text-b24-muted" },
  ];
}
