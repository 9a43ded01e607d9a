import { readSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";

/**
 * Rendered by forbidden() on the download page (HTTP 403): the link is valid, but this session's
 * user is not the one it was sent to. The portal segment's forbidden.tsx would say "Administrators
 * only", which is not the reason here.
 */
export default async function DownloadForbidden() {
  const t = translator((await readSession())?.lang ?? "en");
  return (
    <section className="max-w-xl space-y-3" data-testid="download-not-yours">
      <h1 className="text-2xl font-semibold">{t("privacy.download.notYours.title")}</h1>
      <p role="alert" className="rounded-md border border-b24-border bg-b24-surface p-4">
        {t("privacy.download.notYours")}
      </p>
    </section>
  );
}
