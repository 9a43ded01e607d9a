"use client";

import { useQueries } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { FINISHED_JOB_STATES, type JobProgress } from "@/lib/jobs/client";

const POLL_MS = 1000;
const finished = (state: JobProgress["state"]) => (FINISHED_JOB_STATES as readonly string[]).includes(state);

/**
 * Keeps the page's request statuses true without a reload: while any request shown is queued or
 * running, its job is read every second (GET /api/jobs/{id}); when one has finished, the page is
 * refreshed from the server, so "Queued" turns into "Completed" (or "Failed") and the buttons
 * that waited for it come back by themselves. Renders nothing.
 */
export function RefreshWhenFinished({ jobIds }: { jobIds: readonly string[] }) {
  const router = useRouter();
  const results = useQueries({
    queries: jobIds.map((id) => ({
      queryKey: ["privacy-request-job", id],
      queryFn: async (): Promise<JobProgress> => {
        const response = await fetch(`/api/jobs/${encodeURIComponent(id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()) as JobProgress;
      },
      refetchInterval: (query: { state: { data?: JobProgress } }) => (query.state.data && finished(query.state.data.state) ? false : POLL_MS),
    })),
  });
  const done = results.filter((r) => r.data && finished(r.data.state)).length;
  const seen = useRef(0);
  useEffect(() => {
    if (done > seen.current) router.refresh();
    seen.current = done;
  }, [done, router]);
  return null;
}
