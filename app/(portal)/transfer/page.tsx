import Link from "next/link";
import { formatters, translator } from "@/lib/i18n";
import { services } from "@/lib/services";
import { readTransferHome } from "@/lib/transfer";
import { requirePortalAdmin } from "../guards";
import { TransferWizard } from "./wizard/wizard";

export const dynamic = "force-dynamic";

/** Admins only: the transfer wizard (optionally for `?user=ID`, from an overview) and the latest transfers. */
export default async function TransferPage({ searchParams }: { searchParams: Promise<{ user?: string }> }) {
  const session = await requirePortalAdmin();
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const { user } = await searchParams;
  const { recent, people, initial } = await readTransferHome(services(), session, { presetUserId: Number(user) });
  const name = (id: number) => people.get(id)?.name ?? `#${id}`;

  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("transfer.title")}</h1>
          <p className="mt-2 text-b24-muted">{t("transfer.intro")}</p>
        </div>
        <nav className="flex gap-4">
          <Link href="/transfer/rules" className="text-b24-link" data-testid="rules-link">
            {t("automation.rules.nav")}
          </Link>
          <Link href="/transfer/history" className="text-b24-link" data-testid="history-link">
            {t("transfer.nav.history")}
          </Link>
        </nav>
      </header>
      <TransferWizard initialEmployee={initial} />
      {recent.length ? (
        <section className="max-w-4xl space-y-2">
          <h2 className="font-semibold">{t("transfer.recent")}</h2>
          <ul className="divide-y divide-b24-border rounded-md border border-b24-border text-sm">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <Link href={`/transfer/${r.id}`} className="text-b24-link">
                  {t(`transfer.kind.${r.kind}` as never)}: {name(r.fromUserId)} → {r.receiverIds.map(name).join(", ")}
                </Link>
                <span className="text-b24-muted">
                  {format.dateTime(new Date(r.createdAt))} · {t(`transfer.state.${r.state}` as never)} · {r.moved}/{r.total}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
