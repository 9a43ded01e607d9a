import type { PortalSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";
import { readDismissedTab } from "@/lib/privacy";
import { services } from "@/lib/services";
import { DismissedTable } from "./dismissed-table";
import { Pager } from "./pager";
import { SweepForm } from "./sweep-form";
import { listHref, readListQuery, UserFilters } from "./user-filters";

type Search = Record<string, string | string[] | undefined>;

/** One page of the list: each row reads its remaining work when shown, so a page stays a few dozen calls. */
const PAGE_SIZE = 50;

/** Dismissed employees: search, department, last sign-in, sort; remaining work; anonymise or erase one or many. */
export async function DismissedTab({ session, params }: { session: PortalSession; params: Search }) {
  const t = translator(session.lang);
  const query = readListQuery(params);
  const sort = query.sort === "lastLogin" ? "lastLogin" : "name";
  const { settings, departments, users } = await readDismissedTab(services(), session, {
    search: query.search || undefined,
    departmentId: query.departmentId,
    sort,
  });
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const shown = users.slice(query.page * PAGE_SIZE, (query.page + 1) * PAGE_SIZE);
  return (
    <div className="space-y-4" data-testid="privacy-dismissed">
      <p className="text-sm text-b24-muted">{t("privacy.dismissed.intro")}</p>
      {!settings.allowAnonymisation && !settings.allowErasure ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">{t("privacy.dismissed.switchOff")}</p>
      ) : null}
      <UserFilters t={t} tab="dismissed" search={query.search} departmentId={query.departmentId} departments={departments}>
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.dismissed.sort")}</span>
          <select name="sort" defaultValue={sort} className="rounded-md border border-b24-border px-3 py-1.5">
            <option value="name">{t("privacy.dismissed.sort.name")}</option>
            <option value="lastLogin">{t("privacy.dismissed.sort.lastLogin")}</option>
          </select>
        </label>
      </UserFilters>
      <DismissedTable
        rows={shown.map((u) => ({
          id: u.id,
          name: u.name,
          departments: u.departmentIds.map((d) => deptName.get(d) ?? `#${d}`).join(", "),
          lastLogin: u.lastLogin,
        }))}
        allowAnonymise={settings.allowAnonymisation}
        allowErase={settings.allowErasure}
      />
      <Pager t={t} page={query.page} total={users.length} pageSize={PAGE_SIZE} href={(p) => listHref("dismissed", { ...query, sort }, p)} />
      {settings.allowAnonymisation ? <SweepForm /> : null}
    </div>
  );
}
