"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import type { PreviewData } from "./preview-data";
import { RecordList } from "./record-list";
import { useStartJob, type Started } from "./use-start-job";

const NOT_ERASABLE = ["login", "userId", "authorship", "mentions", "messages", "files", "history"] as const;

/**
 * The confirmation of an anonymisation or erasure: what will change (fields with their current
 * and new values, the records that name the person), what an app cannot erase, and a typed word.
 */
export function ChangeDialog(props: {
  kind: "anonymise" | "erase";
  open: boolean;
  /** One person's preview; absent for a group (then `title` names it). */
  preview: PreviewData | null;
  title?: string;
  body?: string;
  /** A group: the people it acts on, each named, and counted (one line each; `detail` beside the name). */
  people?: ReadonlyArray<{ id: number; name: string; detail?: string }>;
  onClose(): void;
  start(): Promise<Started>;
}) {
  const t = useT();
  const [typed, setTyped] = useState("");
  const { busy, jobId, error, setError, start } = useStartJob();
  const word = t(`privacy.confirm.word.${props.kind}`);
  // The word appears once, where the sentence puts it in each language, set off as code.
  const [before, after = ""] = t("privacy.confirm.type", { word: "\u0000" }).split("\u0000");
  // Standard fields in the portal's language from our dictionary (user.fields may answer in
  // another language); the portal's own label for its custom fields.
  const fieldLabel = (c: { field: string; label: string }) => {
    const key = `privacy.field.${c.field}` as MessageKey;
    const ours = t(key);
    return ours === key ? c.label : ours;
  };
  const title = props.preview ? t(`privacy.preview.title.${props.kind}`, { name: props.preview.name }) : (props.title ?? "");

  async function confirm() {
    if (typed.trim().toLowerCase() !== word.toLowerCase()) return setError(t("privacy.error.confirmation"));
    await start(props.start);
  }

  return (
    <ConfirmDialog
      open={props.open}
      title={title}
      confirmLabel={t(`privacy.confirm.${props.kind}`)}
      cancelLabel={t("privacy.confirm.cancel")}
      busyLabel={t("privacy.confirm.working")}
      busy={busy}
      destructive
      confirmDisabled={jobId !== null || typed.trim().toLowerCase() !== word.toLowerCase()}
      onConfirm={confirm}
      onClose={() => {
        setTyped("");
        setError(null);
        props.onClose();
      }}
      testId="change-dialog"
      footer={
        <>
          {jobId ? (
            <p role="status" data-testid="change-started">
              <Link className="text-b24-link underline" href={`/jobs/${jobId}`}>
                {t("privacy.started")}
              </Link>
            </p>
          ) : (
            <label className="block">
              <span data-testid="confirm-word-label">
                {before}
                <code className="select-all rounded bg-b24-surface px-1">{word}</code>
                {after}
              </span>
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-1 w-full rounded-md border border-b24-border px-3 py-2"
                autoComplete="off"
                aria-label={t("privacy.confirm.type", { word })}
              />
            </label>
          )}
          {error ? (
            <p role="alert" className="text-b24-danger">
              {error}
            </p>
          ) : null}
        </>
      }
    >
      {props.body ? <p>{props.body}</p> : null}
      {props.people ? (
        <section data-testid="confirm-people" data-count={props.people.length}>
          <h3 className="font-medium">{t("privacy.confirm.people", { count: props.people.length })}</h3>
          <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5">
            {props.people.map((p) => (
              <li key={p.id} data-user-id={p.id}>
                {p.name || t("privacy.user", { id: p.id })}
                {p.detail ? <span className="text-b24-muted"> · {p.detail}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.preview ? (
        <>
          <h3 className="font-medium">{t("privacy.preview.fields")}</h3>
          <div className="max-h-64 overflow-auto">
            <table className="w-full text-left text-xs" data-testid="preview-fields">
              <thead className="text-b24-muted">
                <tr>
                  <th className="py-1 pr-2 font-medium">{t("privacy.preview.field")}</th>
                  <th className="py-1 pr-2 font-medium">{t("privacy.preview.current")}</th>
                  <th className="py-1 font-medium">{t("privacy.preview.next")}</th>
                </tr>
              </thead>
              <tbody>
                {props.preview.changes.map((c) => (
                  <tr key={c.field} className="border-t border-b24-border align-top" data-field={c.field}>
                    <td className="py-1 pr-2">{fieldLabel(c)}</td>
                    <td className="break-all py-1 pr-2">{c.current || <span className="text-b24-muted">{t("privacy.preview.empty")}</span>}</td>
                    <td className="break-all py-1">{c.next || <span className="text-b24-muted">{t("privacy.preview.empty")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RecordList records={props.preview.records} />
        </>
      ) : null}
      <details>
        <summary className="cursor-pointer font-medium">{t("privacy.preview.notErasable")}</summary>
        <ul className="mt-1 list-disc pl-5 text-b24-muted">
          {NOT_ERASABLE.map((k) => (
            <li key={k}>{t(`privacy.notErasable.${k}`)}</li>
          ))}
        </ul>
      </details>
    </ConfirmDialog>
  );
}
