import type { ReactNode } from "react";
import { formatters, translator } from "@/lib/i18n";
import { describePortalData, RETENTION } from "@/lib/portal-data";
import { services } from "@/lib/services";
import { requirePortalAdmin } from "../guards";
import { DataDeletedNotice } from "./data-deleted-notice";
import { DeleteDataPanel } from "./delete-data-panel";

export const dynamic = "force-dynamic";

/** Admin-only: what StaffSuite stores about this portal, how long, and deleting all of it. */
export default async function SettingsPage() {
  const session = await requirePortalAdmin();
  const t = translator(session.lang);
  const report = await describePortalData(services().prisma, session.portalId);
  // The session outlives the portal's data (deleted here or by ONAPPUNINSTALL): say so.
  if (!report) return <DataDeletedNotice />;

  const format = formatters(session.lang);
  const unknown = <span className="text-b24-muted">{t("settings.unknown")}</span>;
  const { portal, installer, counts } = report;

  const stored: Array<{ key: string; what: string; count: number; note: string }> = [
    { key: "tokens", what: t("settings.stored.tokens"), count: counts.tokens, note: t("settings.stored.tokens.note") },
    { key: "settings", what: t("settings.stored.settings"), count: counts.settings, note: t("settings.stored.settings.note") },
    { key: "userRights", what: t("settings.stored.userRights"), count: counts.userRights, note: t("settings.stored.userRights.note") },
    { key: "jobs", what: t("settings.stored.jobs"), count: counts.jobs, note: t("settings.stored.jobs.note") },
    {
      key: "operationLogs",
      what: t("settings.stored.operationLogs"),
      count: counts.operationLogs,
      note: [
        t("settings.stored.operationLogs.note"),
        report.oldestOperationLogAt ? t("settings.stored.operationLogs.oldest", { date: format.date(report.oldestOperationLogAt) }) : "",
      ].join(" "),
    },
    {
      key: "archives",
      what: t("settings.stored.archives"),
      count: counts.archives,
      note: counts.archives === 0 ? t("settings.stored.archives.none") : t("settings.stored.archives.note", { size: format.bytes(report.archiveBytes) }),
    },
    {
      key: "privacyRequests",
      what: t("settings.stored.privacyRequests"),
      count: counts.privacyRequests,
      note: t("settings.stored.privacyRequests.note", { months: RETENTION.operationLogMonths }),
    },
    {
      key: "extensionSessions",
      what: t("settings.stored.extensionSessions"),
      count: counts.extensionSessions,
      note: t("settings.stored.extensionSessions.note"),
    },
    { key: "loggedEmails", what: t("settings.stored.loggedEmails"), count: counts.loggedEmails, note: t("settings.stored.loggedEmails.note") },
    { key: "transfers", what: t("settings.stored.transfers"), count: counts.transfers, note: t("settings.stored.transfers.note") },
    { key: "transferRecords", what: t("settings.stored.transferRecords"), count: counts.transferRecords, note: t("settings.stored.transferRecords.note") },
    { key: "scheduledReturns", what: t("settings.stored.scheduledReturns"), count: counts.scheduledReturns, note: t("settings.stored.scheduledReturns.note") },
    { key: "dismissalWatch", what: t("settings.stored.dismissalWatch"), count: counts.dismissalWatch, note: t("settings.stored.dismissalWatch.note") },
    { key: "dismissalRules", what: t("settings.stored.dismissalRules"), count: counts.dismissalRules, note: t("settings.stored.dismissalRules.note") },
    { key: "dismissalPlans", what: t("settings.stored.dismissalPlans"), count: counts.dismissalPlans, note: t("settings.stored.dismissalPlans.note") },
  ];

  return (
    <div className="max-w-4xl space-y-8" data-testid="settings">
      <header>
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <p className="mt-2 text-b24-muted">{t("settings.intro")}</p>
      </header>

      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("settings.portal.heading")}>
          <Facts
            rows={[
              [
                t("settings.portal.domain"),
                <span key="d" className="break-all">
                  {portal.domain}
                </span>,
              ],
              [
                t("settings.portal.memberId"),
                <code key="m" className="break-all text-xs">
                  {portal.memberId}
                </code>,
              ],
              [t("settings.portal.license"), portal.licenseStatus ?? unknown],
              [
                t("settings.portal.connection"),
                portal.connected ? (
                  <span key="c" className="text-b24-text">
                    {t("settings.portal.connected")}
                  </span>
                ) : (
                  <span key="c" className="text-b24-danger">
                    {t("settings.portal.disconnected", { date: portal.disconnectedAt ? format.dateTime(portal.disconnectedAt) : t("settings.unknown") })}
                  </span>
                ),
              ],
              [t("settings.portal.installedAt"), format.dateTime(portal.installedAt)],
              [t("settings.portal.updatedAt"), format.dateTime(portal.updatedAt)],
            ]}
            testId="portal-facts"
          />
        </Card>
        <Card title={t("settings.installer.heading")} note={t("settings.installer.note")}>
          <Facts
            rows={[
              [t("settings.installer.name"), installer.name ?? unknown],
              [t("settings.installer.email"), installer.email ?? unknown],
              [t("settings.installer.position"), installer.position ?? unknown],
              [t("settings.installer.userId"), installer.userId ?? unknown],
            ]}
            testId="installer"
          />
        </Card>
      </div>

      <Card title={t("settings.stored.heading")} note={t("settings.stored.intro")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="stored-data">
            <thead className="text-b24-muted">
              <tr className="border-b border-b24-border">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("settings.stored.what")}
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  {t("settings.stored.count")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("settings.stored.note")}
                </th>
              </tr>
            </thead>
            <tbody>
              {stored.map((row) => (
                <tr key={row.key} className="border-b border-b24-border last:border-0 align-top" data-testid={`stored-${row.key}`}>
                  <th scope="row" className="py-3 pr-4 font-normal">
                    {row.what}
                  </th>
                  <td className="py-3 pr-4 text-right tabular-nums" data-testid="count">
                    {format.number(row.count)}
                  </td>
                  <td className="py-3 text-b24-muted">{row.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title={t("settings.retention.heading")}>
        <ul className="list-disc space-y-2 pl-5 text-sm" data-testid="retention-rules">
          <li>{t("settings.retention.operationLogs", { months: RETENTION.operationLogMonths })}</li>
          <li>{t("settings.retention.archives", { days: RETENTION.privacyArchiveMaxDays })}</li>
          <li>{t("settings.retention.extensionSessions", { days: RETENTION.revokedExtensionSessionDays })}</li>
          <li>{t("settings.retention.loggedEmails", { months: RETENTION.loggedEmailMonths })}</li>
          <li>{t("settings.retention.uninstall")}</li>
        </ul>
        <p className="mt-3 text-sm text-b24-muted">{t("settings.retention.schedule")}</p>
      </Card>

      <DeleteDataPanel domain={portal.domain} />
    </div>
  );
}

function Card({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-b24-border bg-white p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      {note ? <p className="mt-1 text-sm text-b24-muted">{note}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Facts({ rows, testId }: { rows: Array<[string, ReactNode]>; testId: string }) {
  return (
    <dl className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 gap-y-2 text-sm" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="min-w-0 text-b24-muted [overflow-wrap:anywhere]">{label}</dt>
          {/* Long values (an email, a German word) wrap inside the card instead of running out of it. */}
          <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
