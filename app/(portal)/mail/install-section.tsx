import type { ExtensionPackage } from "@/lib/mail";
import { formatters, translator, type Lang } from "@/lib/i18n";

/**
 * How to get the extension: the Chrome Web Store listing when one is configured
 * (EXTENSION_STORE_URL), the zip built for this app with the steps to load it, then how to
 * connect. With neither, administrators read how to offer one, employees whom to ask.
 */
export function InstallSection(props: { lang: Lang; isAdmin: boolean; storeUrl: string | null; pkg: ExtensionPackage | null; portal: string; appUrl: string }) {
  const t = translator(props.lang);
  const f = formatters(props.lang);
  const offered = Boolean(props.storeUrl || props.pkg);
  return (
    <section className="mt-6 rounded-md border border-b24-border p-4" data-testid="mail-install" aria-labelledby="mail-install-title">
      <h2 id="mail-install-title" className="text-lg font-semibold">
        {t("mail.page.install.title")}
      </h2>
      {props.storeUrl ? (
        <p className="mt-2">
          <a href={props.storeUrl} target="_blank" rel="noopener noreferrer" className="text-b24-link underline" data-testid="mail-store-link">
            {t("mail.page.install.store")}
          </a>
        </p>
      ) : null}
      {props.pkg ? (
        <div className="mt-2" data-testid="mail-package">
          <a href={`${props.appUrl}/api/extension/package`} download={props.pkg.fileName} className="text-b24-link underline" data-testid="mail-package-link">
            {t("mail.page.install.download", { version: props.pkg.version, size: f.bytes(props.pkg.bytes) })}
          </a>
          <p className="mt-2">{t("mail.page.install.steps")}</p>
          <ol className="mt-1 list-decimal pl-6">
            <li>{t("mail.page.install.step1")}</li>
            <li>{t("mail.page.install.step2")}</li>
            <li>{t("mail.page.install.step3")}</li>
          </ol>
        </div>
      ) : null}
      {offered ? (
        <p className="mt-2" data-testid="mail-connect-how">
          {t("mail.page.install.connect", { portal: props.portal })}
        </p>
      ) : (
        <p className="mt-2 text-b24-muted" data-testid="mail-install-none">
          {props.isAdmin ? t("mail.page.install.noneAdmin", { appUrl: props.appUrl }) : t("mail.page.install.none")}
        </p>
      )}
    </section>
  );
}
