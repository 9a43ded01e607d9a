"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { setUserRights } from "./actions";
import { errorText } from "./error-text";
import { personColumns, SelectableTable } from "./selectable-table";

interface Row {
  id: number;
  name: string;
  departments: string;
  anonymise: boolean;
  erase: boolean;
}

type Right = "anonymise" | "erase";

/** Per-user rights: a toggle per user and right, and grant / revoke for the selected users. */
export function RightsTable({ rows }: { rows: Row[] }) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the admin just set shows at once, until the refreshed rows arrive (or the action fails):
  // the rows come from the server, so a toggle would otherwise stay as it was for a round trip.
  const [shown, setShown] = useState<{ rows: Row[]; overrides: ReadonlyMap<string, boolean> }>({ rows, overrides: new Map() });
  const overrides = shown.rows === rows ? shown.overrides : new Map<string, boolean>();
  const value = (r: Row, right: Right) => overrides.get(`${r.id}:${right}`) ?? r[right];

  async function apply(userIds: number[], right: Right, granted: boolean) {
    setBusy(true);
    setError(null);
    const next = new Map(overrides);
    for (const id of userIds) next.set(`${id}:${right}`, granted);
    setShown({ rows, overrides: next });
    const result = await setUserRights({ userIds, right, granted });
    setBusy(false);
    if (!result.ok) {
      setShown({ rows, overrides });
      setError(errorText(t, result));
    }
    router.refresh();
  }

  const toggle = (right: Right, label: string) => ({
    key: right,
    header: label,
    cell: (r: Row) => (
      <input
        type="checkbox"
        aria-label={`${label}: ${r.name}`}
        checked={value(r, right)}
        disabled={busy}
        onChange={(e) => apply([r.id], right, e.target.checked)}
      />
    ),
  });
  return (
    <div className="space-y-3">
      <SelectableTable
        rows={rows}
        error={error}
        testId="rights-table"
        empty={t("privacy.users.none")}
        columns={[...personColumns<Row>(t), toggle("anonymise", t("privacy.users.rightAnonymise")), toggle("erase", t("privacy.users.rightErase"))]}
        actions={(ids) =>
          (["anonymise", "erase"] as const).flatMap((right) =>
            [true, false].map((granted) => (
              <button
                key={`${right}-${granted}`}
                type="button"
                disabled={busy || ids.length === 0}
                onClick={() => apply(ids, right, granted)}
                className="rounded-md border border-b24-border px-3 py-1 text-sm hover:bg-b24-surface disabled:opacity-50"
              >
                {t(granted ? "privacy.users.grant" : "privacy.users.revoke", { right: t(`privacy.action.${right}`) })}
              </button>
            )),
          )
        }
      />
    </div>
  );
}
