import { formatters, translator } from "@/lib/i18n";
import { countPortalSessions, listSessions } from "@/lib/mail";
import { services } from "@/lib/services";
import { requirePortalSession } from "../guards";
import { RevokeButton } from "./revoke-button";

/** Mail: the user's connected browsers (each revocable); for admins, how many the portal has. */
export default async function MailPage() {
  const session = await requirePortalSession();
  const t = translator(session.lang);
  const deps = services();
  const sessions = await listSessions(deps, { portalId: session.portalId, userId: session.userId });
  const counts = session.isAdmin ? await countPortalSessions(deps, session.portalId) : null;
  const f = formatters(session.lang);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("mail.page.title")}</h1>
      <p className="mt-2 max-w-3xl text-b24-muted">{t("mail.page.intro")}</p>
      {counts ? (
        <p className="mt-4 rounded-md border border-b24-border bg-b24-surface p-4" data-testid="mail-admin-count">
          {t("mail.page.admin", { sessions: counts.sessions, users: counts.users })}
        </p>
      ) : null}
      {sessions.length === 0 ? (
        <p className="mt-6 text-b24-muted" data-testid="mail-no-sessions">
          {t("mail.page.none")}
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-b24-border rounded-md border border-b24-border" data-testid="mail-sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <span>
                {t("mail.page.session", {
                  label: s.label || "Chrome",
                  created: f.dateTime(s.createdAt),
                  used: s.lastUsedAt ? f.dateTime(s.lastUsedAt) : t("mail.page.never"),
                  expires: f.date(s.expiresAt),
                })}
              </span>
              <RevokeButton sessionId={s.id} label={t("mail.page.revoke")} done={t("mail.page.revoked")} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
