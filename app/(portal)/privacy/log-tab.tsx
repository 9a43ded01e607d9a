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
  const who = (id: number) => (
    <>
      {names.get(id) || t("privacy.user", { id })} <span className="text-b24-muted">#{id}</span>
    </>
  );
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
                  <td className="py-2">{r.deadline ? format.date(r.deadline) : "—"}</td>
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
