"use client";

import { useState, useTransition } from "react";
import { useT } from "@/lib/i18n/client";
import { revokeExtensionSession, revokePortalExtensionSession } from "./actions";

/**
 * Revokes one connected browser: the user's own, or (`asAdmin`) anyone's in the portal. The row
 * says what the server did: revoked (and what that means for the browser), or why not.
 */
export function RevokeButton({ sessionId, asAdmin = false }: { sessionId: string; asAdmin?: boolean }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  if (outcome?.ok)
    return (
      <span className="text-sm text-b24-muted" role="status">
        {t(asAdmin ? "mail.page.admin.revoked" : "mail.page.revoked")}
      </span>
    );
  const revoke = asAdmin ? revokePortalExtensionSession : revokeExtensionSession;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const answer = await revoke({ sessionId });
            setOutcome(answer.ok ? { ok: true } : { ok: false, message: answer.message });
          })
        }
        className="rounded-md border border-b24-border px-3 py-1 text-sm hover:bg-b24-surface disabled:opacity-60"
      >
        {pending ? t("mail.page.revoking") : t("mail.page.revoke")}
      </button>
      {outcome && !outcome.ok ? (
        <span className="text-sm text-red-700" role="alert">
          {t("mail.page.revokeFailed", { message: outcome.message })}
        </span>
      ) : null}
    </span>
  );
}
