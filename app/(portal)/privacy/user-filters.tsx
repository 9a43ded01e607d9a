import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n";

/**
 * The filter above a list of portal users (user rights, dismissed users): a name search and a
 * department, sent as a GET form so the tab's URL says what is shown; `children` adds fields.
 */
export function UserFilters(props: {
  t: Translate;
  tab: string;
  search: string;
  departmentId: number | undefined;
  departments: ReadonlyArray<{ id: number; name: string }>;
  children?: ReactNode;
}) {
  const { t } = props;
  return (
    <form method="get" action="/privacy" className="flex flex-wrap items-end gap-3" data-testid="user-filters">
      <input type="hidden" name="tab" value={props.tab} />
      <label className="text-sm">
        <span className="block text-b24-muted">{t("privacy.users.search")}</span>
        <input name="q" type="search" defaultValue={props.search} className="rounded-md border border-b24-border px-3 py-1.5" />
      </label>
      <label className="text-sm">
        <span className="block text-b24-muted">{t("privacy.users.department")}</span>
        <select
          name="dept"
          defaultValue={props.departmentId ? String(props.departmentId) : ""}
          className="max-w-xs rounded-md border border-b24-border px-3 py-1.5"
        >
          <option value="">{t("privacy.users.allDepartments")}</option>
          {props.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {props.children}
      <button type="submit" className="rounded-md border border-b24-border px-4 py-1.5 text-sm hover:bg-b24-surface">
        {t("privacy.users.filter")}
      </button>
    </form>
  );
}

type Search = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** What a list tab's URL asks for: ?q= (at most 100 characters), ?dept=, ?page= (from 0). */
export function readListQuery(params: Search): { search: string; departmentId: number | undefined; page: number; sort: string } {
  return {
    search: str(params.q).slice(0, 100),
    departmentId: Number(str(params.dept)) || undefined,
    page: Math.max(0, Math.floor(Number(str(params.page))) || 0),
    sort: str(params.sort),
  };
}

/** The tab's URL for another page with the same filters. */
export function listHref(tab: string, query: { search: string; departmentId: number | undefined; sort?: string }, page: number): string {
  const q = new URLSearchParams({ tab });
  if (query.search) q.set("q", query.search);
  if (query.departmentId) q.set("dept", String(query.departmentId));
  if (query.sort) q.set("sort", query.sort);
  if (page > 0) q.set("page", String(page));
  return `/privacy?${q.toString()}`;
}
