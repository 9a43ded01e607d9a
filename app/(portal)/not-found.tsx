import { readSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";

/**
 * Rendered by notFound() in a portal page (HTTP 404), e.g. a job of another user. Next's built-in
 * page fills 100vh, which inside the auto-sized portal frame grew the frame without end.
 */
export default async function PortalNotFound() {
  const t = translator((await readSession())?.lang ?? "en");
  return (
    <section className="max-w-xl" data-testid="not-found">
      <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("notFound.body")}</p>
    </section>
  );
}
