import Link from "next/link";
import { translator } from "@/lib/i18n";
import { services } from "@/lib/services";
import { readDismissalRules } from "@/lib/transfer";
import { requirePortalAdmin } from "../../guards";
import { PlansPanel } from "./plans-panel";
import { RulesPanel } from "./rules-panel";

export const dynamic = "force-dynamic";

/** Admins only: the dismissal rules per department and the hand-overs they planned (lib/transfer/dismissal-rules). */
export default async function DismissalRulesPage() {
  const session = await requirePortalAdmin();
  const t = translator(session.lang);
  const { rules, plans, departments, people } = await readDismissalRules(services(), session);
  const names = Object.fromEntries([...people].map(([id, p]) => [id, p.name]));
  return (
    <div className="max-w-5xl space-y-8" data-testid="dismissal-rules">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("automation.rules.title")}</h1>
          <p className="mt-2 max-w-3xl text-b24-muted">{t("automation.rules.intro")}</p>
        </div>
        <Link href="/transfer" className="text-b24-link">
          {t("transfer.nav.new")}
        </Link>
      </header>
      <RulesPanel rules={rules} departments={departments} names={names} />
      <PlansPanel plans={plans} names={names} />
    </div>
  );
}
