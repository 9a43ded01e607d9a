import type { PortalSession } from "@/lib/auth";
import { formatters, translator } from "@/lib/i18n";
import { myPrivacyView } from "@/lib/privacy";
import { services } from "@/lib/services";
import { ChangeCard } from "./change-card";
import { DownloadCard } from "./download-card";
import { RefreshWhenFinished } from "./refresh-when-finished";
import { RequestStatus } from "./request-status";

const isOpen = (status: string) => status === "queued" || status === "running";

/** Every user's self-service: download; anonymise and erase only where the switch and their right allow. */
export async function MyDataTab({ session }: { session: PortalSession }) {
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const view = await myPrivacyView(services(), session);
  return (
    <div className="space-y-6" data-testid="my-data">
      <p className="text-sm text-b24-muted">{t("privacy.my.intro")}</p>
      <DownloadCard linkDays={view.settings.linkDays} pending={view.recent.some((r) => r.kind === "download" && isOpen(r.status))} />
      <RefreshWhenFinished jobIds={view.recent.flatMap((r) => (isOpen(r.status) && r.jobRunId ? [r.jobRunId] : []))} />
      {session.isAdmin ? (
        <p className="rounded-md border border-b24-border bg-b24-surface p-4 text-sm" data-testid="admin-download-only">
          {t("privacy.my.adminOnlyDownload")}
        </p>
      ) : (
        <>
          {view.anonymise.allowed ? (
            <ChangeCard kind="anonymise" />
          ) : view.settings.allowAnonymisation && view.anonymise.reason === "no_right" ? (
            <NoRight title={t("privacy.my.anonymise.title")} body={t("privacy.my.noRight")} />
          ) : null}
          {view.erase.allowed ? (
            <ChangeCard kind="erase" />
          ) : view.settings.allowErasure && view.erase.reason === "no_right" ? (
            <NoRight title={t("privacy.my.erase.title")} body={t("privacy.my.noRight")} />
          ) : null}
        </>
      )}
      <section>
        <h2 className="text-lg font-semibold">{t("privacy.my.recent")}</h2>
        {view.recent.length === 0 ? (
          <p className="mt-2 text-sm text-b24-muted">{t("privacy.my.none")}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="my-requests">
            {view.recent.map((r) => (
              <li key={r.id} data-kind={r.kind} data-status={r.status}>
                {t(`privacy.kind.${r.kind}`)} · {format.dateTime(r.createdAt)} · <RequestStatus status={r.status} label={t(`privacy.status.${r.status}`)} />
                {r.kind === "download" && r.status === "completed" ? (
                  <span className="ml-2 text-b24-muted" data-testid="download-ready">
                    {t("privacy.my.download.ready")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NoRight({ title, body }: { title: string; body: string }) {
  return (
    <section className="rounded-lg border border-b24-border p-5">
      <h2 className="text-lg font-semibold text-b24-muted">{title}</h2>
      <p className="mt-1 text-sm text-b24-muted">{body}</p>
    </section>
  );
}
