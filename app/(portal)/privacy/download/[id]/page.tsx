import { formatters, translator } from "@/lib/i18n";
import { openArchive } from "@/lib/privacy";
import { services } from "@/lib/services";
import { forbidden } from "next/navigation";
import { requirePortalSession } from "../../../guards";

export const dynamic = "force-dynamic";

/**
 * Where a download link from the portal notification lands (through the handler URL's deep
 * link): inside the user's own session. Another user gets 403 (./forbidden.tsx says the link is
 * someone else's); a deleted or expired archive says so.
 */
export default async function DownloadPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePortalSession();
  const { id } = await params;
  const q = await searchParams;
  const token = typeof q.t === "string" ? q.t : "";
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const access = await openArchive(services(), { archiveId: id, token, session });
  if (access.kind === "forbidden") forbidden();
  return (
    <section className="max-w-xl space-y-4" data-testid="privacy-download">
      <h1 className="text-2xl font-semibold">{t("privacy.download.title")}</h1>
      {access.kind === "ok" ? (
        <>
          <p>
            {t("privacy.download.ready", {
              size: format.bytes(access.sizeBytes),
              created: format.dateTime(access.createdAt),
              expires: format.dateTime(access.expiresAt),
            })}
          </p>
          {/* A plain link, no `download` attribute: Chromium starts an <a download> from our
              cross-site iframe without the iframe's partitioned session cookie, so the archive
              answered 401 and the download was "canceled". Navigating the frame sends the cookie,
              and the route's Content-Disposition: attachment makes it a download (the page stays). */}
          <a
            href={`/api/privacy/archives/${encodeURIComponent(id)}?t=${encodeURIComponent(token)}`}
            className="inline-block rounded-md bg-b24-blue px-4 py-2 text-sm font-medium text-white hover:bg-b24-blue-dark"
            data-testid="download-zip"
          >
            {t("privacy.download.button")}
          </a>
        </>
      ) : access.kind === "not_found" ? (
        <p role="alert" className="rounded-md border border-b24-border bg-b24-surface p-4" data-testid="download-not-ready">
          {t("privacy.download.notReady")}
        </p>
      ) : (
        <p role="alert" className="rounded-md border border-b24-border bg-b24-surface p-4" data-testid="download-expired">
          {t("privacy.download.expired")}
        </p>
      )}
    </section>
  );
}
