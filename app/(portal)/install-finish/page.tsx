import { translator } from "@/lib/i18n";
import { InstallFinish } from "@/components/install-finish";
import { requirePortalSession } from "../guards";

/** After the install POST: tell the portal the installation is complete (BX24 installFinish). */
export default async function InstallFinishPage() {
  const session = await requirePortalSession();
  const t = translator(session.lang);
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("install.title")}</h1>
      <InstallFinish labels={{ working: t("install.working"), done: t("install.done"), failed: t("install.failed", { error: "{error}" }) }} />
    </section>
  );
}
