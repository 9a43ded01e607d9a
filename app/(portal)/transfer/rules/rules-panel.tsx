"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { button } from "../live/live-status";
import { PersonPicker } from "../person-picker";
import { removeRule, saveRule } from "./actions";

type Target = "manager" | "head" | "colleague";

interface Rule {
  departmentId: number;
  target: Target;
  colleagueId: number | null;
  graceDays: number;
}

/** The rules per department, and the form that adds or replaces one (saved on the server, which checks the admin). */
export function RulesPanel({ rules, departments, names }: { rules: Rule[]; departments: Array<{ id: number; name: string }>; names: Record<number, string> }) {
  const t = useT();
  const router = useRouter();
  const ids = { department: useId(), target: useId(), grace: useId() };
  const [departmentId, setDepartmentId] = useState(0);
  const [target, setTarget] = useState<Target>("manager");
  const [colleague, setColleague] = useState<{ id: number; name: string } | null>(null);
  const [graceDays, setGraceDays] = useState(7);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const departmentName = (id: number) => (id === 0 ? t("automation.rules.allDepartments") : (departments.find((d) => d.id === id)?.name ?? `#${id}`));
  const person = (id: number | null) => (id ? (names[id] ?? `#${id}`) : "");

  async function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) {
    setBusy(true);
    const res = await action();
    setBusy(false);
    setNotice(res.ok ? { ok: true, text: done } : { ok: false, text: res.message });
    if (res.ok) router.refresh();
  }

  return (
    <section className="space-y-4" aria-labelledby={`${ids.department}-h`}>
      <h2 id={`${ids.department}-h`} className="text-lg font-semibold">
        {t("automation.rules.rules")}
      </h2>
      {rules.length === 0 ? (
        <p className="text-b24-muted" data-testid="rules-empty">
          {t("automation.rules.empty")}
        </p>
      ) : (
        <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1" data-testid="rules-table">
          <thead>
            <tr className="text-left text-b24-muted">
              <th>{t("automation.rules.department")}</th>
              <th>{t("automation.rules.target")}</th>
              <th>{t("automation.rules.graceDays")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.departmentId} className="border-t border-b24-border" data-testid={`rule-${r.departmentId}`}>
                <td className="break-words">{departmentName(r.departmentId)}</td>
                <td className="break-words">
                  {t(`automation.rules.target.${r.target}`)}
                  {r.colleagueId ? `: ${person(r.colleagueId)}` : ""}
                </td>
                <td>{t("automation.rules.graceValue", { days: r.graceDays })}</td>
                <td>
                  <button
                    type="button"
                    className="text-b24-link"
                    disabled={busy}
                    onClick={() => run(() => removeRule({ departmentId: r.departmentId }), t("automation.rules.removed"))}
                  >
                    {t("automation.rules.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form
        className="space-y-3 rounded-md border border-b24-border p-4"
        data-testid="rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => saveRule({ departmentId, target, colleagueId: target === "colleague" ? (colleague?.id ?? null) : null, graceDays }),
            t("automation.rules.saved"),
          );
        }}
      >
        <div className="flex flex-wrap items-end gap-4">
          <label htmlFor={ids.department} className="block text-sm">
            <span className="block font-medium">{t("automation.rules.department")}</span>
            <select
              id={ids.department}
              className="rounded-md border border-b24-border px-2 py-1.5"
              value={departmentId}
              onChange={(e) => setDepartmentId(Number(e.target.value))}
              data-testid="rule-department"
            >
              <option value={0}>{t("automation.rules.allDepartments")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.target} className="block text-sm">
            <span className="block font-medium">{t("automation.rules.target")}</span>
            <select
              id={ids.target}
              className="rounded-md border border-b24-border px-2 py-1.5"
              value={target}
              onChange={(e) => setTarget(e.target.value as Target)}
              data-testid="rule-target"
            >
              {(["manager", "head", "colleague"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`automation.rules.target.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.grace} className="block text-sm">
            <span className="block font-medium">{t("automation.rules.graceDays")}</span>
            <input
              id={ids.grace}
              type="number"
              min={0}
              max={90}
              required
              className="w-24 rounded-md border border-b24-border px-2 py-1.5"
              value={graceDays}
              onChange={(e) => setGraceDays(Number(e.target.value))}
              data-testid="rule-grace"
            />
          </label>
          <button
            type="submit"
            className={`${button} bg-b24-blue text-white`}
            disabled={busy || (target === "colleague" && !colleague)}
            data-testid="rule-save"
          >
            {busy ? t("automation.rules.saving") : t("automation.rules.save")}
          </button>
        </div>
        {target === "colleague" ? (
          <div className="space-y-2">
            <p className="text-sm" data-testid="rule-colleague">
              {t("automation.rules.colleague")}: {colleague ? colleague.name : t("automation.rules.colleagueNone")}
            </p>
            <PersonPicker testId="rule-colleague-picker" onPick={(p) => setColleague({ id: p.id, name: p.name })} />
          </div>
        ) : null}
      </form>
      {notice ? (
        <p role="status" className={notice.ok ? "text-b24-text" : "text-b24-danger"} data-testid="rules-notice">
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
