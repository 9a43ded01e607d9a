import { headers } from "next/headers";
import { translator } from "@/lib/i18n";
import { langFromAcceptLanguage } from "@/lib/i18n";

/**
 * HTTP 401 for any page without a session (unauthorized() in app/(portal)/layout.tsx): opened
 * outside the portal, or the session ended. Without a session the portal's language is unknown;
 * the browser's (Accept-Language) is the best guess.
 */
export default async function Unauthorized() {
  const t = translator(langFromAcceptLanguage((await headers()).get("accept-language")));
  return (
    <main className="mx-auto max-w-xl px-6 py-16" data-testid="session-required">
      <h1 className="text-xl font-semibold">{t("session.required.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("session.required.body")}</p>
    </main>
  );
}
