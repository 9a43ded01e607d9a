"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { errorText } from "./error-text";

export type Started = { ok: true; jobRunId: string } | { ok: false; error: string; message?: string };

/**
 * Starting a privacy request from a button: busy while the action runs, then the job's ID (for
 * its progress link) or the refusal in words; the page is refreshed so its request lists show it.
 */
export function useStartJob() {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(action: () => Promise<Started>) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setJobId(result.jobRunId);
      router.refresh();
    } else setError(errorText(t, result));
  }

  return { busy, jobId, error, setError, start };
}
