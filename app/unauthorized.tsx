import { translator } from "@/lib/i18n";

/**
 * HTTP 401 for any page without a session (unauthorized() in app/(portal)/layout.tsx): opened
 * outside the portal, or the session ended. Without a session there is no language to speak but
 * English.
 */
export default function Unauthorized() {
  const t = translator("en");
  return (
    <main className="mx-auto max-w-xl px-6 py-16" data-testid="session-required">
      <h1 className="text-xl font-semibold">{t("session.required.title")}</h1>
      <p className="mt-3 text-b24-muted">{t("session.required.body")}</p>
    </main>
  );
}
