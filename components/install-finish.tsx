"use client";

import { useEffect, useState } from "react";
import { portalFrame } from "./portal-frame";

interface Props {
  labels: { working: string; done: string; failed: string };
}

/**
 * Calls installFinish through the official SDK's frame API. The portal then marks the app
 * installed, sends ONAPPINSTALL to our event handler and reloads the frame at the handler URL.
 */
export function InstallFinish({ labels }: Props) {
  const [state, setState] = useState<{ kind: "working" | "done" | "failed"; error?: string }>({ kind: "working" });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const frame = await portalFrame();
        await frame.installFinish();
        if (!cancelled) setState({ kind: "done" });
      } catch (error) {
        if (!cancelled) setState({ kind: "failed", error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <div className="mt-6" role="status" aria-live="polite" data-testid="install-state" data-state={state.kind}>
      {state.kind === "working" ? (
        <div className="flex items-center gap-3">
          <span className="h-4 w-4 animate-spin rounded-full border-2 border-b24-blue border-t-transparent" aria-hidden />
          {labels.working}
        </div>
      ) : state.kind === "done" ? (
        <p>{labels.done}</p>
      ) : (
        <p className="text-b24-danger">{labels.failed.replace("{error}", state.error ?? "")}</p>
      )}
    </div>
  );
}
