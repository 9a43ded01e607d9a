import type { MailPageView } from "@/lib/mail";
import { formatters, translator, type Lang } from "@/lib/i18n";
import { RevokeButton } from "./revoke-button";

/** Administrators: every live connection of the portal by person, dismissed people first, each revocable. */
export function PortalSessions({ lang, portal }: { lang: Lang; portal: NonNullable<MailPageView["portal"]> }) {
  const t = translator(lang);
  const f = formatters(lang);
  const sessions = portal.people.reduce((n, p) => n + p.sessions.length, 0);
  const anyDismissed = portal.people.some((p) => p.dismissed);
  return (
    <section className="mt-8" data-testid="mail-admin" aria-labelledby="mail-admin-title">
      <h2 id="mail-admin-title" className="text-lg font-semibold">
        {t("mail.page.admin.title")}
      </h2>
      <p className="mt-1" data-testid="mail-admin-count">
        {sessions === 0 ? t("mail.page.admin.none") : t("mail.page.admin.summary", { sessions, users: portal.people.length })}
      </p>
      {portal.namesRead ? null : (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="mail-admin-names-failed">
          {t("mail.page.admin.namesFailed")}
        </p>
      )}
      {anyDismissed ? <p className="mt-1 text-sm text-b24-muted">{t("mail.page.admin.dismissedNote")}</p> : null}
      {portal.people.length ? (
        <ul className="mt-3 divide-y divide-b24-border rounded-md border border-b24-border" data-testid="mail-admin-people">
          {portal.people.map((person) => (
            <li key={person.userId} className="p-4" data-user-id={person.userId} data-dismissed={person.dismissed ? "yes" : "no"}>
              <p className="font-medium">
                {person.name === null ? t("mail.page.admin.user", { id: person.userId }) : person.name || t("mail.page.admin.noName", { id: person.userId })}
                {person.dismissed ? (
                  <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-normal text-red-800">{t("mail.page.admin.dismissed")}</span>
                ) : null}
              </p>
              <ul className="mt-2 space-y-2">
                {person.sessions.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 text-sm">
                    <span>
                      {t("mail.page.session", {
                        label: s.label || "Chrome",
                        created: f.dateTime(s.createdAt),
                        used: s.lastUsedAt ? f.dateTime(s.lastUsedAt) : t("mail.page.never"),
                        expires: f.date(s.expiresAt),
                      })}
                    </span>
                    <RevokeButton sessionId={s.id} asAdmin />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
