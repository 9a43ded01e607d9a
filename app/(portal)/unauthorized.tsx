import { headers } from "next/headers";
import { translator } from "@/lib/i18n";
import { langFromAcceptLanguage } from "@/lib/i18n";

/** Rendered by unauthorized() (HTTP 401): no session, so no portal language; the browser's instead. */
export default async function PortalUnauthorized() {
  const t = translator(langFromAcceptLanguage((await headers()).get("accept-language")));
  return (
    <section className="max-w-xl" data-testid="session-required">
      <h1 className="text-xl font-semibold">{t("session.required.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("session.required.body")}</p>
    </section>
  );
}
