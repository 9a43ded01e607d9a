"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useFormat, useT } from "@/lib/i18n/client";
import { button } from "../live/live-status";
import { PersonPicker } from "../person-picker";
import { cancelPlan, changePlanReceiver, checkNow, runPlanNow } from "./actions";

interface Plan {
  id: string;
  userId: number;
  receiverId: number | null;
  dueAt: string;
  state: "planned" | "started" | "cancelled";
  transferId: string | null;
  problem: string | null;
}

type Asking = { kind: "run" | "cancel" | "receiver"; plan: Plan } | null;

/** The hand-overs the rules planned: run one now, cancel it, or choose its receiver (each asked first, checked on the server). */
export function PlansPanel({ plans, names }: { plans: Plan[]; names: Record<number, string> }) {
  const t = useT();
  const format = useFormat();
  const router = useRouter();
  const [asking, setAsking] = useState<Asking>(null);
  const [receiver, setReceiver] = useState<{ id: number; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const person = (id: number | null) => (id ? (names[id] ?? `#${id}`) : "—");

  async function run(
    action: () => Promise<{ ok: true; transferId?: string; reported?: number } | { ok: false; message: string }>,
    done: (r: { transferId?: string; reported?: number }) => string,
  ) {
    setBusy(true);
    const res = await action();
    setBusy(false);
    setAsking(null);
    setNotice(res.ok ? { ok: true, text: done(res) } : { ok: false, text: res.message });
    if (res.ok && res.transferId) router.push(`/transfer/${res.transferId}`);
    else if (res.ok) router.refresh();
  }

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("automation.rules.plans")}</h2>
        <button
          type="button"
          className={`${button} border border-b24-border`}
          disabled={busy}
          onClick={() =>
            run(
              () => checkNow({}),
              (r) => t("automation.rules.checked", { count: r.reported ?? 0 }),
            )
          }
          data-testid="check-now"
        >
          {t("automation.rules.checkNow")}
        </button>
      </div>
      {notice ? (
        <p role="status" className={notice.ok ? "text-b24-text" : "text-b24-danger"} data-testid="plans-notice">
          {notice.text}
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p className="text-b24-muted" data-testid="plans-empty">
          {t("automation.rules.plansEmpty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_th]:px-2 [&_th]:py-1" data-testid="plans-table">
            <thead>
              <tr className="text-left text-b24-muted">
                <th>{t("automation.rules.employee")}</th>
                <th>{t("automation.rules.receiver")}</th>
                <th>{t("automation.rules.due")}</th>
                <th>{t("automation.rules.state")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} className="border-t border-b24-border" data-testid={`plan-${p.userId}`} data-state={p.state}>
                  <td className="break-words">{person(p.userId)}</td>
                  <td className="break-words">{person(p.receiverId)}</td>
                  <td className="whitespace-nowrap">{format.dateTime(new Date(p.dueAt))}</td>
                  <td>
                    {t(`automation.rules.state.${p.state}`)}
                    {p.state === "planned" && p.problem ? (
                      <span className="block text-xs text-b24-danger">{t(`automation.rules.problem.${p.problem as "busy"}`)}</span>
                    ) : null}
                  </td>
                  <td className="space-x-3 whitespace-nowrap">
                    {p.state === "started" && p.transferId ? (
                      <Link className="text-b24-link" href={`/transfer/${p.transferId}`} data-testid="plan-transfer">
                        {t("automation.rules.openTransfer")}
                      </Link>
                    ) : null}
                    {p.state === "planned" ? (
                      <>
                        {p.receiverId ? (
                          <button type="button" className="text-b24-link" onClick={() => setAsking({ kind: "run", plan: p })} data-testid="plan-run">
                            {t("automation.rules.runNow")}
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="text-b24-link"
                          onClick={() => {
                            setReceiver(null);
                            setAsking({ kind: "receiver", plan: p });
                          }}
                          data-testid="plan-receiver"
                        >
                          {t("automation.rules.chooseReceiver")}
                        </button>
                        <button type="button" className="text-b24-danger" onClick={() => setAsking({ kind: "cancel", plan: p })} data-testid="plan-cancel">
                          {t("automation.rules.cancel")}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={asking?.kind === "run"}
        title={t("automation.rules.runNow")}
        confirmLabel={t("automation.rules.runNow")}
        cancelLabel={t("automation.rules.keep")}
        busyLabel={t("automation.rules.running")}
        busy={busy}
        onConfirm={() =>
          asking &&
          run(
            () => runPlanNow({ planId: asking.plan.id }),
            () => "",
          )
        }
        onClose={() => setAsking(null)}
        testId="plan-run-dialog"
      >
        <p>{asking ? t("automation.rules.runConfirm", { employee: person(asking.plan.userId), receiver: person(asking.plan.receiverId) }) : null}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking?.kind === "cancel"}
        title={t("automation.rules.cancel")}
        confirmLabel={t("automation.rules.cancel")}
        cancelLabel={t("automation.rules.keep")}
        busy={busy}
        destructive
        onConfirm={() =>
          asking &&
          run(
            () => cancelPlan({ planId: asking.plan.id }),
            () => t("automation.rules.cancelled"),
          )
        }
        onClose={() => setAsking(null)}
        testId="plan-cancel-dialog"
      >
        <p>{asking ? t("automation.rules.cancelConfirm", { employee: person(asking.plan.userId) }) : null}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking?.kind === "receiver"}
        title={t("automation.rules.chooseReceiver")}
        confirmLabel={t("automation.rules.chooseReceiver")}
        cancelLabel={t("automation.rules.keep")}
        busy={busy}
        confirmDisabled={!receiver}
        onConfirm={() =>
          asking &&
          receiver &&
          run(
            () => changePlanReceiver({ planId: asking.plan.id, receiverId: receiver.id }),
            () => t("automation.rules.receiverChanged"),
          )
        }
        onClose={() => setAsking(null)}
        testId="plan-receiver-dialog"
      >
        <p>
          {t("automation.rules.receiver")}: {receiver ? receiver.name : "—"}
        </p>
        {asking?.kind === "receiver" ? (
          <PersonPicker testId="plan-receiver-picker" exclude={[asking.plan.userId]} onPick={(p) => setReceiver({ id: p.id, name: p.name })} />
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
