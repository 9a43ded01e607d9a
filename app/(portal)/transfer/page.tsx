import { translator } from "@/lib/i18n";
import { requirePortalSession } from "../guards";

export default async function TransferPage() {
  const session = await requirePortalSession();
  const t = translator(session.lang);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("transfer.title")}</h1>
      <p className="mt-2 text-b24-muted">{t("transfer.intro")}</p>
      <p className="mt-8 rounded-md border border-b24-border bg-b24-surface p-4">{t("common.comingSoon")}</p>
    </section>
  );
}
