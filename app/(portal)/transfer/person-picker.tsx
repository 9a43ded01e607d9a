"use client";

import { useEffect, useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { searchEmployees } from "./actions";
import { dismissedLabel } from "./labels";

export interface Person {
  id: number;
  name: string;
  active: boolean;
  gender?: "female" | "male" | null;
  external: boolean;
  position: string;
  departments: string[];
}

/**
 * A searchable list of the portal's users (dismissed and external ones included, marked). With
 * `receiversOnly`, those who cannot receive records are shown but cannot be picked.
 */
export function PersonPicker({
  onPick,
  exclude = [],
  testId,
  receiversOnly = false,
}: {
  onPick(person: Person): void;
  exclude?: number[];
  testId: string;
  receiversOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState("");
  const [people, setPeople] = useState<Person[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const res = await searchEmployees({ query });
      if (stale) return;
      setFailed(!res.ok);
      if (res.ok) setPeople(res.people);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const shown = (people ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <div className="space-y-2" data-testid={testId}>
      <label htmlFor={id} className="block text-sm font-medium">
        {t("transfer.search.label")}
      </label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t("transfer.search.placeholder")}
        onChange={(e) => setQuery(e.target.value)}
        className="w-full max-w-md rounded-md border border-b24-border px-3 py-2"
      />
      <ul className="max-h-72 divide-y divide-b24-border overflow-y-auto rounded-md border border-b24-border">
        {failed ? (
          <li role="alert" className="p-3 text-sm text-b24-danger">
            {t("transfer.search.failed")}
          </li>
        ) : people === null ? (
          <li className="p-3 text-sm text-b24-muted">{t("transfer.search.loading")}</li>
        ) : null}
        {people !== null && shown.length === 0 ? <li className="p-3 text-sm text-b24-muted">{t("transfer.search.none")}</li> : null}
        {shown.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => onPick(p)}
              disabled={receiversOnly && (!p.active || p.external)}
              data-testid={`person-${p.id}`}
              className="flex w-full items-baseline gap-3 px-3 py-2 text-left hover:bg-b24-surface focus:bg-b24-surface disabled:cursor-not-allowed disabled:opacity-60"
            >
              <span className="font-medium">{p.name}</span>
              {!p.active ? <span className="rounded bg-b24-danger/10 px-1.5 text-xs text-b24-danger">{dismissedLabel(t, p)}</span> : null}
              {p.external ? <span className="rounded bg-b24-surface px-1.5 text-xs text-b24-muted">{t("transfer.person.external")}</span> : null}
              <span className="truncate text-sm text-b24-muted">{[p.position, ...p.departments].filter(Boolean).join(" · ")}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
