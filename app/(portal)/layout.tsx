import { unauthorized } from "next/navigation";
import type { ReactNode } from "react";
import { readSession } from "@/lib/auth";
import { messagesFor, translator } from "@/lib/i18n";
import { I18nProvider } from "@/lib/i18n/client";
import { readPortalConnection } from "@/lib/lifecycle";
import { services } from "@/lib/services";
import { FrameAutoSize } from "@/components/frame-autosize";
import { PortalNav } from "@/components/portal-nav";

export const dynamic = "force-dynamic";

/**
 * Every page shown inside the Bitrix24 iframe requires a session issued by the portal POST (each
 * page also checks it with ./guards.ts). Client components below translate with useT().
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await readSession();
  // HTTP 401 (app/unauthorized.tsx says to open the app from the portal), not a 200 page.
  if (!session) unauthorized();
  const t = translator(session.lang);
  const connection = await readPortalConnection(services(), session.portalId);
  return (
    <I18nProvider lang={session.lang} messages={messagesFor(session.lang)}>
      <FrameAutoSize>
        <div lang={session.lang} className="bg-white">
          <PortalNav
            isAdmin={session.isAdmin}
            labels={{ transfer: t("nav.transfer"), privacy: t("nav.privacy"), mail: t("nav.mail"), settings: t("nav.settings") }}
            who={`${session.userName ? t("session.signedInAsName", { name: session.userName }) : t("session.signedInAs", { userId: session.userId })} · ${session.isAdmin ? t("session.admin") : t("session.employee")}`}
          />
          {connection && !connection.connected && session.isAdmin ? (
            <div role="alert" className="mx-6 mt-4 rounded-md border border-b24-danger/40 bg-b24-danger/10 p-4" data-testid="portal-disconnected">
              <p className="font-medium">{t("portal.disconnected.title")}</p>
              <p className="mt-1 text-sm">{t("portal.disconnected.body")}</p>
            </div>
          ) : null}
          <main className="px-6 py-6">{children}</main>
        </div>
      </FrameAutoSize>
    </I18nProvider>
  );
}
