import { readSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";

/** Rendered by notFound() (HTTP 404) in any portal page: a job, record or page that is not there or not the viewer's. */
export default async function PortalNotFound() {
  const t = translator((await readSession())?.lang ?? "en");
  return (
    <section className="max-w-xl" data-testid="not-found">
      <h1 className="text-xl font-semibold">{t("errors.notFound.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("errors.not_found")}</p>
    </section>
  );
}
