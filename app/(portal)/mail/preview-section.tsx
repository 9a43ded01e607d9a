import { errorMessage } from "@/lib/errors";
import { translator, type Lang } from "@/lib/i18n";
import { readMailPreview, type MailPreview } from "@/lib/mail";
import type { Services } from "@/lib/service-types";
import type { PortalSession } from "@/lib/auth";
import { SidebarPreview } from "./sidebar-preview";

/**
 * A preview of the sidebar without Gmail: a sample email between the user and people of this
 * portal (lib/mail preview.ts), and beside it the sidebar's real cards for them. When the portal
 * cannot be asked, the section says why instead.
 */
export async function PreviewSection({ deps, session }: { deps: Services; session: PortalSession }) {
  const t = translator(session.lang);
  let preview: MailPreview;
  try {
    preview = await readMailPreview(deps, session);
  } catch (error) {
    return (
      <Frame lang={session.lang}>
        <p className="mt-2 text-red-700" role="alert" data-testid="mail-preview-failed">
          {t("mail.page.preview.failed", { message: errorMessage(error, session.lang) })}
        </p>
      </Frame>
    );
  }
  const line = (role: "from" | "to" | "cc") =>
    preview.participants
      .filter((p) => p.role === role)
      .map((p) => (p.name ? `${p.name} <${p.email}>` : p.email))
      .join(", ");
  return (
    <Frame lang={session.lang}>
      <p className="mt-1 max-w-3xl text-sm text-b24-muted">{t("mail.page.preview.intro")}</p>
      <div className="mt-3 flex flex-wrap items-start gap-4">
        <article className="min-w-64 flex-1 rounded-md border border-b24-border p-4 text-sm" data-testid="mail-preview-email">
          <h3 className="font-semibold">{t("mail.page.preview.subject")}</h3>
          <p className="mt-2">
            {t("mail.page.preview.from")}: {line("from")}
          </p>
          <p>
            {t("mail.page.preview.to")}: {session.userName || t("mail.page.preview.you")}
          </p>
          {line("cc") ? (
            <p>
              {t("mail.page.preview.cc")}: {line("cc")}
            </p>
          ) : null}
        </article>
        <SidebarPreview preview={preview} lang={session.lang} />
      </div>
    </Frame>
  );
}

function Frame({ lang, children }: { lang: Lang; children: React.ReactNode }) {
  const t = translator(lang);
  return (
    <section className="mt-8" data-testid="mail-preview" aria-labelledby="mail-preview-title">
      <h2 id="mail-preview-title" className="text-lg font-semibold">
        {t("mail.page.preview.title")}
      </h2>
      {children}
    </section>
  );
}
