import type { PortalSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";
import { readUsersTab } from "@/lib/privacy";
import { services } from "@/lib/services";
import { Pager } from "./pager";
import { RightsTable } from "./rights-table";
import { listHref, readListQuery, UserFilters } from "./user-filters";

type Search = Record<string, string | string[] | undefined>;

/** Per-user rights: a searchable, paged list of the portal's active employees with toggles, by department, in bulk. */
export async function UsersTab({ session, params }: { session: PortalSession; params: Search }) {
  const t = translator(session.lang);
  const query = readListQuery(params);
  const { settings, departments, users, rights } = await readUsersTab(services(), session, {
    search: query.search || undefined,
    departmentId: query.departmentId,
    page: query.page,
  });
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  return (
    <div className="space-y-4" data-testid="privacy-users">
      <p className="text-sm text-b24-muted">{t("privacy.users.intro")}</p>
      {(["anonymise", "erase"] as const)
        .filter((k) => !(k === "anonymise" ? settings.allowAnonymisation : settings.allowErasure))
        .map((k) => (
          <p key={k} className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" data-testid={`switch-off-${k}`}>
            {t("privacy.users.switchOff", { action: t(`privacy.action.${k}`) })}
          </p>
        ))}
      <UserFilters t={t} tab="users" search={query.search} departmentId={query.departmentId} departments={departments} />
      <RightsTable
        rows={users.rows.map((u) => ({
          id: u.id,
          name: u.name,
          departments: u.departmentIds.map((d) => deptName.get(d) ?? `#${d}`).join(", "),
          ...rights.get(u.id)!,
        }))}
      />
      <Pager t={t} page={query.page} total={users.total} pageSize={50} href={(p) => listHref("users", query, p)} />
    </div>
  );
}
