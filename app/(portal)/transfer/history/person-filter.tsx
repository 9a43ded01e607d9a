"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { PersonPicker } from "../person-picker";

/**
 * The history's "employee" filter: a person picked by name (the form sends their ID as `user`),
 * never a number to type. Shows who is chosen, with a way back to everyone.
 */
export function PersonFilter({ initial }: { initial: { id: number; name: string } | null }) {
  const t = useT();
  const [person, setPerson] = useState(initial);
  const [picking, setPicking] = useState(false);
  return (
    <div className="flex flex-col gap-1" data-testid="history-person">
      <span>{t("transfer.history.filter.user")}</span>
      <input type="hidden" name="user" value={person?.id ?? ""} />
      <div className="flex items-center gap-2">
        <button type="button" className="h-8 rounded border border-b24-border px-2" onClick={() => setPicking(!picking)} data-testid="history-person-chosen">
          {person?.name ?? t("transfer.history.filter.anyone")}
        </button>
        {person ? (
          <button type="button" className="text-b24-link" onClick={() => setPerson(null)}>
            {t("transfer.history.filter.anyone")}
          </button>
        ) : null}
      </div>
      {picking ? (
        <div className="w-80">
          <PersonPicker
            testId="history-person-picker"
            onPick={(p) => {
              setPerson({ id: p.id, name: p.name });
              setPicking(false);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
