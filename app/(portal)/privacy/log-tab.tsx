import type { PortalSession } from "@/lib/auth";
import { formatters, translator } from "@/lib/i18n";
import { requestLogView } from "@/lib/privacy";
import { services } from "@/lib/services";
import { Pager } from "./pager";
import { RequestStatus } from "./request-status";
import { readListQuery } from "./user-filters";

type Search = Record<string, string | string[] | undefined>;

/** Every privacy request: IDs from our table, names read live from the portal, the Art. 12 deadline for open ones. */
export async function LogTab({ session, params }: { session: PortalSession; params: Search }) {
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const { page } = readListQuery(params);
  const { rows, total, names } = await requestLogView(services(), session, { page });
  // A name read from the portal with its ID beside it; an erased person has no name left, so
  // "User #9" alone (it read "User #9 #9").
  const who = (id: number) => {
    const name = names.get(id);
    return name ? (
      <>
        {name} <span className="text-b24-muted">#{id}</span>
      </>
    ) : (
      t("privacy.user", { id })
    );
  };
  return (
    <div className="space-y-4" data-testid="privacy-log">
      <p className="text-sm text-b24-muted">{t("privacy.log.intro")}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-b24-muted">{t("privacy.log.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="log-table">
            <thead className="text-b24-muted">
              <tr className="border-b border-b24-border">
                <th className="py-2 pr-4 font-medium">{t("privacy.log.kind")}</th>
                <th className="py-2 pr-4 font-medium">{t("privacy.log.subject")}</th>
                <th className="py-2 pr-4 font-medium">{t("privacy.log.requestedBy")}</th>
                <th className="py-2 pr-4 font-medium">{t("privacy.log.when")}</th>
                <th className="py-2 pr-4 font-medium">{t("privacy.log.status")}</th>
                <th className="py-2 pr-4 font-medium">{t("privacy.log.finished")}</th>
                <th className="py-2 font-medium">{t("privacy.log.deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-b24-border last:border-0" data-kind={r.kind} data-subject={r.subjectUserId} data-status={r.status}>
                  <td className="py-2 pr-4">{t(`privacy.kind.${r.kind}`)}</td>
                  <td className="py-2 pr-4">{who(r.subjectUserId)}</td>
                  <td className="py-2 pr-4">{who(r.requestedBy)}</td>
                  <td className="py-2 pr-4">{format.dateTime(r.createdAt)}</td>
                  <td className="py-2 pr-4">
                    <RequestStatus status={r.status} label={t(`privacy.status.${r.status}`)} />
                  </td>
                  <td className="py-2 pr-4">{r.finishedAt ? format.dateTime(r.finishedAt) : "—"}</td>
                  {/* Art. 12(3): an open request past its deadline, or within a week of it, stands out in words. */}
                  <td className="py-2" data-urgency={r.urgency ?? undefined}>
                    {r.deadline ? format.date(r.deadline) : "—"}
                    {r.urgency === "overdue" ? (
                      <span className="ml-2 rounded bg-b24-danger/15 px-2 py-0.5 text-xs font-medium text-b24-danger">{t("privacy.log.overdue")}</span>
                    ) : r.urgency === "dueSoon" ? (
                      <span className="ml-2 rounded bg-amber-200 px-2 py-0.5 text-xs font-medium">{t("privacy.log.dueSoon")}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={page} total={total} pageSize={50} href={(p) => (p > 0 ? `/privacy?tab=log&page=${p}` : "/privacy?tab=log")} />
    </div>
  );
}
