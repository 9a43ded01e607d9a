"use client";

import { useEffect, useState } from "react";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { previewGiveBack } from "../actions";
import { PersonPicker, type Person } from "../person-picker";

export interface GiveBackChoice {
  instead?: number;
  leave?: boolean;
}

type Preview = Extract<Awaited<ReturnType<typeof previewGiveBack>>, { ok: true }>;

/**
 * Inside the undo / "Return now" confirmation: whom the records are taken from and whom they go
 * back to, and for anyone of those who can no longer receive (dismissed, external, unknown) the
 * choice the server insists on: another colleague, or leave their records where they are.
 * `onChange(choice, ready)`: ready is false until a needed choice is made.
 */
export function GiveBack({ id, kind, onChange }: { id: string; kind: "undo" | "return"; onChange(choice: GiveBackChoice, ready: boolean): void }) {
  const t = useT();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<"instead" | "leave" | null>(null);
  const [instead, setInstead] = useState<Person | null>(null);

  useEffect(() => {
    let stale = false;
    previewGiveBack({ id, kind }).then((res) => {
      if (stale) return;
      if (res.ok) setPreview(res);
      else setError(res.message);
    });
    return () => {
      stale = true;
    };
  }, [id, kind]);

  const blocked = preview?.holders.filter((h) => h.status !== "ok") ?? [];
  useEffect(() => {
    if (!preview) return onChange({}, false);
    if (blocked.length === 0) return onChange({}, true);
    if (mode === "leave") return onChange({ leave: true }, true);
    onChange(instead ? { instead: instead.id } : {}, mode === "instead" && instead !== null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onChange is the parent's setter; blocked follows preview
  }, [preview, mode, instead]);

  if (error)
    return (
      <p role="alert" className="text-b24-danger">
        {error}
      </p>
    );
  if (!preview) return <p className="text-b24-muted">{t("transfer.giveBack.loading")}</p>;
  const names = (people: Array<{ name: string }>) => people.map((p) => p.name).join(", ");
  return (
    <div className="space-y-3" data-testid="give-back">
      <p data-testid="give-back-from">{t("transfer.giveBack.takesFrom", { names: names(preview.takenFrom) })}</p>
      <p data-testid="give-back-to">{t("transfer.giveBack.goesTo", { names: names(preview.holders) })}</p>
      {blocked.length ? (
        <div className="space-y-2 rounded-md border border-b24-danger/40 bg-b24-danger/5 p-3" data-testid="give-back-blocked">
          {blocked.map((h) => (
            <p key={h.id} className="font-medium">
              {t(`transfer.giveBack.cannot.${h.status}` as MessageKey, { name: h.name })}
            </p>
          ))}
          <label className="flex items-center gap-2">
            <input type="radio" name={`give-back-${id}`} checked={mode === "instead"} onChange={() => setMode("instead")} data-testid="give-back-instead" />
            {t("transfer.giveBack.instead")}
          </label>
          {mode === "instead" ? (
            instead ? (
              <p data-testid="give-back-chosen">
                {t("transfer.giveBack.chosen", { name: instead.name })}{" "}
                <button type="button" className="text-b24-link" onClick={() => setInstead(null)}>
                  {t("transfer.receivers.remove")}
                </button>
              </p>
            ) : (
              <PersonPicker testId="give-back-picker" exclude={preview.takenFrom.map((p) => p.id)} receiversOnly onPick={setInstead} />
            )
          ) : null}
          <label className="flex items-center gap-2">
            <input type="radio" name={`give-back-${id}`} checked={mode === "leave"} onChange={() => setMode("leave")} data-testid="give-back-leave" />
            {t("transfer.giveBack.leave")}
          </label>
        </div>
      ) : null}
    </div>
  );
}
