"use client";

import { useState, useTransition } from "react";
import { revokeExtensionSession } from "./actions";

/** Revokes one connected browser; the row says so once the server has done it. */
export function RevokeButton({ sessionId, label, done }: { sessionId: string; label: string; done: string }) {
  const [pending, start] = useTransition();
  const [revoked, setRevoked] = useState(false);
  if (revoked)
    return (
      <span className="text-sm text-b24-muted" role="status">
        {done}
      </span>
    );
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => setRevoked((await revokeExtensionSession({ sessionId })).ok))}
      className="rounded-md border border-b24-border px-3 py-1 text-sm hover:bg-b24-surface disabled:opacity-60"
    >
      {label}
    </button>
  );
}
