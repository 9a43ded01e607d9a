"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { setUserRights } from "./actions";
import { errorText } from "./error-text";

interface Row {
  id: number;
  name: string;
  departments: string;
  anonymise: boolean;
  erase: boolean;
}

export function RightsTable({ rows }: { rows: Row[] }) {
  const t = useT();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function apply(userIds: number[], right: "anonymise" | "erase", granted: boolean) {
    setBusy(true);
    setError(null);
    const result = await setUserRights({ userIds, right, granted });
    setBusy(false);
    if (!result.ok) setError(errorText(t, result));
    router.refresh();
  }

  if (rows.length === 0) return <p className="text-sm text-b24-muted">{t("privacy.users.none")}</p>;
  const ids = [...selected];
  const bulk = (right: "anonymise" | "erase", granted: boolean) => (
    <button
      type="button"
      disabled={busy || ids.length === 0}
      onClick={() => apply(ids, right, granted)}
      className="rounded-md border border-b24-border px-3 py-1 text-sm hover:bg-b24-surface disabled:opacity-50"
    >
      {t(granted ? "privacy.users.grant" : "privacy.users.revoke", { right: t(`privacy.action.${right}`) })}
    </button>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" data-testid="rights-bulk">
        <span className="text-sm text-b24-muted">{t("privacy.users.selected", { count: ids.length })}</span>
        {bulk("anonymise", true)}
        {bulk("anonymise", false)}
        {bulk("erase", true)}
        {bulk("erase", false)}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-b24-danger">
          {error}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="rights-table">
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
              <th className="py-2 pr-4 font-medium">{t("privacy.users.rightAnonymise")}</th>
              <th className="py-2 font-medium">{t("privacy.users.rightErase")}</th>
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
                <td className="py-2 pr-4">
                  <input
                    type="checkbox"
                    aria-label={`${t("privacy.users.rightAnonymise")}: ${r.name}`}
                    checked={r.anonymise}
                    disabled={busy}
                    onChange={(e) => apply([r.id], "anonymise", e.target.checked)}
                  />
                </td>
                <td className="py-2">
                  <input
                    type="checkbox"
                    aria-label={`${t("privacy.users.rightErase")}: ${r.name}`}
                    checked={r.erase}
                    disabled={busy}
                    onChange={(e) => apply([r.id], "erase", e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
