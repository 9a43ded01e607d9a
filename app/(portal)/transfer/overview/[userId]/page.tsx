import Link from "next/link";
import { notFound } from "next/navigation";
import { translator } from "@/lib/i18n";
import { roleLabel, typeLabel } from "@/lib/ownership";
import { services } from "@/lib/services";
import { readOverview } from "@/lib/transfer";
import { requirePortalAdmin } from "../../../guards";
import { notFoundIfRefused } from "../../../not-found-if-refused";
import { dismissedLabel } from "../../labels";

export const dynamic = "force-dynamic";

/**
 * Admins only: a person's work (dismissed people too) — per type and role, open and closed, read
 * live from the portal in two requests (lib/transfer readOverview), with links to the newest few
 * open records of each — and the start of the wizard for them. Also what the USER_PROFILE_MENU placement opens from their profile.
 */
export default async function OverviewPage({ params }: { params: Promise<{ userId: string }> }) {
  const session = await requirePortalAdmin();
  const t = translator(session.lang);
  const userId = Number((await params).userId);
  if (!Number.isInteger(userId) || userId <= 0) notFound();
  const { person, counts, samples, smartProcesses, portalBase: base } = await notFoundIfRefused(readOverview(services(), session, { userId }));

  return (
    <div className="max-w-4xl space-y-6" data-testid="overview">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("transfer.overview.title", { name: person.name })}</h1>
        <p className="text-b24-muted">
          {[person.position, ...person.departments].filter(Boolean).join(" · ")}
          {!person.active ? <span className="ml-2 rounded bg-b24-danger/10 px-1.5 text-xs text-b24-danger">{dismissedLabel(t, person)}</span> : null}
        </p>
        <p className="text-sm text-b24-muted">{t("transfer.overview.intro")}</p>
      </header>
      {counts.length === 0 ? (
        <p data-testid="overview-empty">{t("transfer.overview.nothing")}</p>
      ) : (
        <table className="w-full text-sm [&_td]:py-1 [&_td]:pr-3 [&_th]:pr-3" data-testid="overview-table">
          <thead>
            <tr className="text-left text-b24-muted">
              <th className="py-1">{t("transfer.review.type")}</th>
              <th>{t("transfer.overview.role")}</th>
              <th>{t("transfer.overview.open")}</th>
              <th>{t("transfer.overview.closed")}</th>
              <th>{t("transfer.overview.recent")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => {
              const sample = samples.get(`${c.type}:${c.role}`) ?? [];
              return (
                <tr key={`${c.type}:${c.role}`} className="border-t border-b24-border align-top" data-testid={`overview-${c.type}-${c.role}`}>
                  <td className="py-1">{typeLabel(t, c.type, smartProcesses)}</td>
                  <td>{roleLabel(t, c.role)}</td>
                  <td data-testid="open-count">{c.open}</td>
                  <td>{c.total - c.open}</td>
                  <td className="space-x-2">
                    {sample.map((s) =>
                      s.href ? (
                        <a key={s.id} className="text-b24-link" target="_top" href={`${base}${s.href}`}>
                          #{s.id}
                        </a>
                      ) : (
                        <span key={s.id}>#{s.id}</span>
                      ),
                    )}
                    {c.open > sample.length ? <span className="text-b24-muted">{t("transfer.overview.more", { count: c.open - sample.length })}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Link href={`/transfer?user=${userId}`} className="inline-block rounded-md bg-b24-blue px-4 py-2 font-medium text-white" data-testid="overview-start">
        {t("transfer.overview.start")}
      </Link>
    </div>
  );
}
