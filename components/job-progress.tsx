"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/lib/i18n/client";
import { FINISHED_JOB_STATES, type JobProgress as Progress } from "@/lib/jobs/client";

const POLL_MS = 1000;
const finished = (state: Progress["state"]) => (FINISHED_JOB_STATES as readonly string[]).includes(state);

/** A job's live progress bar: polls /api/jobs/{id} every second until the job has finished. */
export function JobProgress({ initial }: { initial: Progress }) {
  const t = useT();
  const { data, isError } = useQuery({
    queryKey: ["job", initial.id],
    queryFn: async (): Promise<Progress> => {
      const response = await fetch(`/api/jobs/${encodeURIComponent(initial.id)}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as Progress;
    },
    initialData: initial,
    refetchInterval: (query) => (query.state.data && finished(query.state.data.state) ? false : POLL_MS),
  });
  const job = data ?? initial;
  const percent = job.fraction === null ? null : Math.round(job.fraction * 100);
  const tone = job.state === "failed" ? "bg-b24-danger" : job.state === "completed" ? "bg-b24-success" : "bg-b24-blue";

  return (
    <div className="space-y-2" data-testid="job-progress" data-state={job.state}>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium" data-testid="job-state">
          {t(`jobs.state.${job.state}`)}
        </span>
        <span className="text-b24-muted" data-testid="job-counts">
          {/* A job that ended before counting its work (failed at once) has nothing left to count. */}
          {job.total > 0 ? t("jobs.counts", { done: job.done, total: job.total }) : finished(job.state) ? null : t("jobs.preparing")}
        </span>
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent !== null ? `${percent}%` : finished(job.state) ? t(`jobs.state.${job.state}`) : t("jobs.preparing")}
        className="h-2 w-full overflow-hidden rounded-full bg-b24-surface"
      >
        <div
          className={`h-full ${tone} transition-[width] duration-300 ${percent === null && !finished(job.state) ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      {job.state === "failed" && job.error ? (
        <p role="alert" className="text-sm text-b24-danger" data-testid="job-error">
          {t("jobs.error", { error: job.error })}
        </p>
      ) : null}
      {isError ? <p className="text-sm text-b24-muted">{t("jobs.unreachable")}</p> : null}
    </div>
  );
}
