"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { saveSettings } from "./actions";
import { errorText } from "./error-text";

interface Settings {
  allowAnonymisation: boolean;
  allowErasure: boolean;
  /** As typed: a value out of range is refused at the field, never changed without a word. */
  linkDays: string;
}

/** The two master switches (a switch that is off is highlighted, with what it unlocks) and the link's life. */
export function SettingsForm({ initial, maxDays }: { initial: Omit<Settings, "linkDays"> & { linkDays: number }; maxDays: number }) {
  const t = useT();
  const router = useRouter();
  const [value, setValue] = useState<Settings>({ ...initial, linkDays: String(initial.linkDays) });
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    const days = Number(value.linkDays.trim() === "" ? Number.NaN : value.linkDays);
    if (!Number.isInteger(days) || days < 1 || days > maxDays) return setError(t("privacy.refused.link_days_range", { min: 1, max: maxDays }));
    setState("saving");
    const result = await saveSettings({ ...value, linkDays: days });
    if (result.ok) {
      setState("saved");
      router.refresh();
    } else {
      setState("idle");
      setError(errorText(t, result));
    }
  }

  return (
    <div className="max-w-2xl space-y-4" data-testid="privacy-settings">
      <p className="text-sm text-b24-muted">{t("privacy.settings.intro")}</p>
      <MasterSwitch
        name="allowAnonymisation"
        on={value.allowAnonymisation}
        onChange={(on) => setValue({ ...value, allowAnonymisation: on })}
        label={t("privacy.settings.anonymise")}
        help={t("privacy.settings.anonymise.help")}
        offLabel={t("privacy.settings.off")}
      />
      <MasterSwitch
        name="allowErasure"
        on={value.allowErasure}
        onChange={(on) => setValue({ ...value, allowErasure: on })}
        label={t("privacy.settings.erase")}
        help={t("privacy.settings.erase.help")}
        offLabel={t("privacy.settings.off")}
      />
      <label className="block text-sm">
        {t("privacy.settings.linkDays")}
        <input
          type="number"
          inputMode="numeric"
          value={value.linkDays}
          onChange={(e) => {
            setValue({ ...value, linkDays: e.target.value });
            setState("idle");
          }}
          aria-invalid={error !== null}
          className="ml-3 w-20 rounded-md border border-b24-border px-2 py-1"
          data-testid="link-days"
        />
        <span className="ml-2 text-b24-muted">{t("privacy.settings.linkDays.hint", { min: 1, max: maxDays })}</span>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={save}
          disabled={state === "saving"}
          className="rounded-md bg-b24-blue px-4 py-2 text-sm font-medium text-white hover:bg-b24-blue-dark disabled:opacity-50"
        >
          {t("privacy.settings.save")}
        </button>
        {state === "saved" ? (
          <span role="status" className="text-sm">
            {t("privacy.settings.saved")}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-sm text-b24-danger">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** One master switch; while it is off it is highlighted and says what it would unlock. */
function MasterSwitch(props: { name: string; on: boolean; onChange(on: boolean): void; label: string; help: string; offLabel: string }) {
  return (
    <label
      className={`flex items-start gap-3 rounded-lg border p-4 ${props.on ? "border-b24-border" : "border-amber-400 bg-amber-50"}`}
      data-testid={`switch-${props.name}`}
      data-on={props.on ? "Y" : "N"}
    >
      <input type="checkbox" className="mt-1" checked={props.on} onChange={(e) => props.onChange(e.target.checked)} />
      <span>
        <span className="font-medium">{props.label}</span>
        {props.on ? null : <span className="ml-2 rounded bg-amber-200 px-2 py-0.5 text-xs">{props.offLabel}</span>}
        <span className="mt-1 block text-sm text-b24-muted">{props.help}</span>
      </span>
    </label>
  );
}
