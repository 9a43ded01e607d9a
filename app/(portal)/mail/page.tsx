import { env } from "@/lib/env";
import { formatters, translator } from "@/lib/i18n";
import { findExtensionPackage, readMailPage } from "@/lib/mail";
import { services } from "@/lib/services";
import { requirePortalSession } from "../guards";
import { InstallSection } from "./install-section";
import { PortalSessions } from "./portal-sessions";
import { PreviewSection } from "./preview-section";
import { RevokeButton } from "./revoke-button";

/**
 * Mail: how to get the Gmail extension and connect it, whether this user is connected (their
 * browsers, each revocable, and those that ended lately and why), and for administrators every
 * connection in the portal.
 */
export default async function MailPage() {
  const session = await requirePortalSession();
  const t = translator(session.lang);
  const f = formatters(session.lang);
  const deps = services();
  const view = await readMailPage(deps, session);
  const settings = env();
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("mail.page.title")}</h1>
      <p className="mt-2 max-w-3xl">{t("mail.page.intro")}</p>
      <p className="mt-4 text-lg" data-testid="mail-status">
        {view.mine.length === 0
          ? t("mail.page.status.none")
          : view.mine.length === 1
            ? t("mail.page.status.connectedOne")
            : t("mail.page.status.connected", { count: view.mine.length })}
      </p>
      <InstallSection
        lang={session.lang}
        isAdmin={session.isAdmin}
        storeUrl={settings.EXTENSION_STORE_URL ?? null}
        pkg={findExtensionPackage(settings.EXTENSION_PACKAGE_DIR)}
        portal={new URL(session.portalOrigin).host}
        appUrl={deps.appUrl}
      />
      <PreviewSection deps={deps} session={session} />
      <h2 className="mt-8 text-lg font-semibold">{t("mail.page.mine.title")}</h2>
      {view.mine.length === 0 ? null : (
        <ul className="mt-3 divide-y divide-b24-border rounded-md border border-b24-border" data-testid="mail-sessions">
          {view.mine.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <span>
                {t("mail.page.session", {
                  label: s.label || "Chrome",
                  created: f.dateTime(s.createdAt),
                  used: s.lastUsedAt ? f.dateTime(s.lastUsedAt) : t("mail.page.never"),
                  expires: f.date(s.expiresAt),
                })}
              </span>
              <RevokeButton sessionId={s.id} />
            </li>
          ))}
        </ul>
      )}
      {view.ended.length ? (
        <div className="mt-4" data-testid="mail-ended">
          <h3 className="font-medium">{t("mail.page.ended.title")}</h3>
          <ul className="mt-1 list-disc pl-6 text-sm text-b24-muted">
            {view.ended.map((s) => (
              <li key={s.id}>{t(`mail.page.ended.${s.how}`, { label: s.label || "Chrome", date: f.dateTime(s.endedAt) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.portal ? <PortalSessions lang={session.lang} portal={view.portal} /> : null}
      <p className="mt-8 max-w-3xl text-sm text-b24-muted">{t("mail.page.privacy")}</p>
    </section>
  );
}
