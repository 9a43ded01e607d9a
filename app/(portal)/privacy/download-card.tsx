"use client";

import Link from "next/link";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { startMyDownload } from "./actions";
import { useStartJob } from "./use-start-job";

/** "Prepare my download"; `pending` while a download of theirs is queued or running (the button waits for it). */
export function DownloadCard({ linkDays, pending }: { linkDays: number; pending: boolean }) {
  const t = useT();
  const [drive, setDrive] = useState(false);
  const { busy, jobId, error, start } = useStartJob();

  return (
    <section className="rounded-lg border border-b24-border p-5" data-testid="download-card">
      <h2 className="text-lg font-semibold">{t("privacy.my.download.title")}</h2>
      <p className="mt-1 text-sm text-b24-muted">{t("privacy.my.download.body", { days: linkDays })}</p>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={drive} onChange={(e) => setDrive(e.target.checked)} />
        {t("privacy.my.download.drive")}
      </label>
      <button
        type="button"
        onClick={() => start(() => startMyDownload({ saveToDrive: drive }))}
        disabled={busy || pending}
        className="mt-4 rounded-md bg-b24-blue px-4 py-2 text-sm font-medium text-white hover:bg-b24-blue-dark disabled:opacity-50"
      >
        {t("privacy.my.download.button")}
      </button>
      {jobId ? (
        <p className="mt-3 text-sm" role="status" data-testid="download-started">
          {t("privacy.my.download.started")}{" "}
          <Link className="text-b24-link underline" href={`/jobs/${jobId}`}>
            {t("privacy.started")}
          </Link>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-b24-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
