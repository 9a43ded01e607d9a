import Link from "next/link";
import { formatters, translator, type MessageKey } from "@/lib/i18n";
import { byTypeOrder, crmTypeKey, recordTypeLabel, typeLabel } from "@/lib/ownership";
import { services } from "@/lib/services";
import { readHistory } from "@/lib/transfer";
import { requirePortalAdmin } from "../../guards";
import { filterLines } from "../filter-lines";
import { durationLabel } from "../labels";
import { PersonFilter } from "./person-filter";
import { LocalTime } from "@/components/local-time";

export const dynamic = "force-dynamic";

// One colour per type (twelve fixed types and smart processes): neighbours in the catalogue's order differ.
const COLORS = [
  "#2fc6f6",
  "#9dcf00",
  "#ffa900",
  "#ff5752",
  "#7b61ff",
  "#2067b0",
  "#f7a1c4",
  "#47e4c2",
  "#828b95",
  "#c2a100",
  "#a0522d",
  "#1b8a5a",
  "#e0609f",
  "#5b6b7f",
];

/** Admins only: past transfers, undos and returns with filters, and records moved per type and month. */
export default async function TransferHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requirePortalAdmin();
  const t = translator(session.lang);
  const format = formatters(session.lang);
  const q = await searchParams;
  const userId = Number(q.user) > 0 ? Number(q.user) : undefined;
  const kind = q.kind === "transfer" || q.kind === "undo" || q.kind === "return" ? q.kind : undefined;
  const since = q.since && !Number.isNaN(Date.parse(q.since)) ? new Date(q.since) : undefined;
  const until = q.until && !Number.isNaN(Date.parse(q.until)) ? new Date(Date.parse(q.until) + 86_400_000) : undefined;
  const { entries, monthly, people, smartProcesses, pipelines } = await readHistory(services(), session, { userId, kind, since, until });
  const label = (type: string) => typeLabel(t, type, smartProcesses);
  const monthName = new Intl.DateTimeFormat(session.lang, { month: "short", year: "numeric", timeZone: "UTC" });
  const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const name = (id: number) => people.get(id)?.name ?? `#${id}`;
  const filtersOf = filterLines(t, format, pipelines, smartProcesses);

  const months = [...new Set(monthly.map((m) => m.month))];
  const types = byTypeOrder([...new Set(monthly.map((m) => m.type))]);
  const totalOf = (month: string) => monthly.filter((m) => m.month === month).reduce((s, m) => s + m.moved, 0);
  const max = Math.max(1, ...months.map(totalOf));

  return (
    <div className="max-w-5xl space-y-8" data-testid="transfer-history">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("transfer.history.title")}</h1>
        <Link href="/transfer" className="text-b24-link">
          {t("transfer.nav.new")}
        </Link>
      </header>

      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        <PersonFilter initial={userId ? { id: userId, name: name(userId) } : null} />
        <label className="flex flex-col gap-1">
          {t("transfer.history.filter.kind")}
          <select name="kind" defaultValue={kind ?? ""} className="h-8 rounded border border-b24-border px-2">
            <option value="">{t("transfer.history.filter.any")}</option>
            {(["transfer", "undo", "return"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`transfer.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("transfer.history.filter.since")}
          <input type="date" name="since" defaultValue={q.since ?? ""} className="h-8 rounded border border-b24-border px-2" />
        </label>
        <label className="flex flex-col gap-1">
          {t("transfer.history.filter.until")}
          <input type="date" name="until" defaultValue={q.until ?? ""} className="h-8 rounded border border-b24-border px-2" />
        </label>
        <button className="h-8 rounded-md bg-b24-blue px-3 font-medium text-white">{t("transfer.history.filter.apply")}</button>
      </form>

      <section className="space-y-3" data-testid="history-chart">
        <h2 className="font-semibold">{t("transfer.history.chart")}</h2>
        {months.length === 0 ? (
          <p className="text-b24-muted">{t("transfer.history.chartEmpty")}</p>
        ) : (
          <>
            <div className="flex gap-2">
              {/* The value axis: its title, the top value, the middle and zero. */}
              <div className="flex h-48 flex-col justify-between text-right text-xs text-b24-muted" data-testid="chart-axis">
                <span>{format.number(max)}</span>
                <span>{format.number(Math.round(max / 2))}</span>
                <span>0</span>
              </div>
              <div
                className="flex h-48 flex-1 items-end gap-3 border-b border-l border-b24-border"
                role="img"
                aria-label={`${t("transfer.history.chart")}: ${t("transfer.history.chartAxis")}`}
              >
                {months.map((month) => (
                  <div
                    key={month}
                    className="flex h-full flex-1 flex-col items-center justify-end"
                    title={t("transfer.history.chartTotal", { month: monthLabel(month), count: totalOf(month) })}
                  >
                    <span className="text-xs font-medium" data-testid="chart-value">
                      {format.number(totalOf(month))}
                    </span>
                    <div className="flex w-full max-w-12 flex-col-reverse">
                      {types.map((type, i) => {
                        const v = monthly.find((m) => m.month === month && m.type === type)?.moved ?? 0;
                        return v ? (
                          <div key={type} title={`${label(type)}: ${v}`} style={{ height: `${(v / max) * 176}px`, background: COLORS[i % COLORS.length] }} />
                        ) : null;
                      })}
                    </div>
                    <span className="mt-1 text-xs text-b24-muted">{monthLabel(month)}</span>
                  </div>
                ))}
              </div>
            </div>
            <p className="text-xs text-b24-muted">{t("transfer.history.chartAxis")}</p>
            <ul className="flex flex-wrap gap-3 text-xs">
              {types.map((type, i) => (
                <li key={type} className="flex items-center gap-1">
                  <span className="inline-block h-3 w-3" style={{ background: COLORS[i % COLORS.length] }} />
                  {label(type)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {entries.length === 0 ? (
        <p className="text-b24-muted" data-testid="history-empty">
          {userId || kind || since || until ? t("transfer.history.noMatch") : t("transfer.history.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1 [&_th]:align-bottom" data-testid="history-table">
            <thead>
              <tr className="text-left text-b24-muted">
                <th className="py-1">{t("transfer.history.when")}</th>
                <th>{t("transfer.history.filter.kind")}</th>
                <th>{t("transfer.history.who")}</th>
                <th>{t("transfer.review.type")}</th>
                <th>{t("transfer.history.by")}</th>
                <th>{t("transfer.history.duration")}</th>
                <th>{t("transfer.history.result")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-t border-b24-border align-top">
                  <td className="py-1 whitespace-nowrap">
                    <LocalTime iso={e.createdAt} />
                  </td>
                  <td data-testid="history-kind">
                    {t(`transfer.kind.${e.kind}` as MessageKey)}
                    {e.undone ? ` · ${t("transfer.history.undone")}` : e.returned ? ` · ${t("transfer.history.returned")}` : ""}
                  </td>
                  <td data-testid="history-who">
                    {e.kind === "transfer" ? name(e.fromUserId) : e.takenFrom.map(name).join(", ")} → {e.receiverIds.map(name).join(", ")}
                  </td>
                  <td>
                    {byTypeOrder(e.types).map(label).join(", ")}
                    {filtersOf(e.query).length ? (
                      <span className="block text-xs text-b24-muted" data-testid="history-filters">
                        {t("transfer.history.filters")}: {filtersOf(e.query).join(" · ")}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {e.origin.by === "admin" ? (
                      name(e.startedBy)
                    ) : (
                      <span data-testid="history-automatic">
                        <span className="mr-1 rounded bg-b24-surface px-1 text-xs text-b24-link uppercase">{t("automation.history.automatic")}</span>
                        {e.origin.by === "robot"
                          ? t("automation.history.robot", { type: recordTypeLabel(t, crmTypeKey(e.origin.entityTypeId)), id: e.origin.recordId })
                          : t("automation.history.rule")}
                      </span>
                    )}
                  </td>
                  <td>{e.durationSeconds === null ? "—" : durationLabel(t, e.durationSeconds)}</td>
                  <td>
                    {e.moved} / {e.failed} / {e.skipped}
                  </td>
                  <td>
                    <Link className="text-b24-link" href={`/transfer/${e.id}`}>
                      {t("transfer.history.open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
