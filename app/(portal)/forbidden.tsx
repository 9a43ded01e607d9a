import { readSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";

/** Rendered by forbidden() (HTTP 403): a signed-in employee who is not a portal administrator. */
export default async function PortalForbidden() {
  const t = translator((await readSession())?.lang ?? "en");
  return (
    <section className="max-w-xl" data-testid="forbidden">
      <h1 className="text-xl font-semibold">{t("forbidden.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("forbidden.body")}</p>
    </section>
  );
}
