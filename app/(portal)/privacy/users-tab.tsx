import Link from "next/link";
import type { PortalSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";
import { listActiveUsers, listDepartments, privacyDeps, readPrivacySettings, readRights } from "@/lib/privacy";
import { RightsTable } from "./rights-table";

type Search = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** Per-user rights: a searchable, paged list of the portal's active employees with toggles, by department, in bulk. */
export async function UsersTab({ session, params }: { session: PortalSession; params: Search }) {
  const t = translator(session.lang);
  const deps = privacyDeps();
  const search = str(params.q).slice(0, 100);
  const departmentId = Number(str(params.dept)) || undefined;
  const page = Math.max(0, Number(str(params.page)) || 0);
  const client = await deps.clients.clientFor(session.portalId, { userId: session.userId });
  const [settings, departments, users] = await Promise.all([
    readPrivacySettings(deps.prisma, session.portalId),
    listDepartments(client),
    listActiveUsers(client, { search: search || undefined, departmentId, page }),
  ]);
  const rights = await readRights(
    deps.prisma,
    session.portalId,
    users.rows.map((u) => u.id),
  );
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const href = (p: number) => `/privacy?tab=users&q=${encodeURIComponent(search)}&dept=${departmentId ?? ""}&page=${p}`;
  return (
    <div className="space-y-4" data-testid="privacy-users">
      <p className="text-sm text-b24-muted">{t("privacy.users.intro")}</p>
      {!settings.allowAnonymisation ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">{t("privacy.users.switchOff", { action: t("privacy.action.anonymise") })}</p>
      ) : null}
      {!settings.allowErasure ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">{t("privacy.users.switchOff", { action: t("privacy.action.erase") })}</p>
      ) : null}
      <form method="get" action="/privacy" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="tab" value="users" />
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.users.search")}</span>
          <input name="q" defaultValue={search} className="rounded-md border border-b24-border px-3 py-1.5" />
        </label>
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.users.department")}</span>
          <select name="dept" defaultValue={departmentId ? String(departmentId) : ""} className="rounded-md border border-b24-border px-3 py-1.5">
            <option value="">{t("privacy.users.allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-b24-border px-4 py-1.5 text-sm hover:bg-b24-surface">
          {t("privacy.users.filter")}
        </button>
      </form>
      <RightsTable
        rows={users.rows.map((u) => ({
          id: u.id,
          name: u.name,
          departments: u.departmentIds.map((d) => deptName.get(d) ?? `#${d}`).join(", "),
          ...rights.get(u.id)!,
        }))}
      />
      <nav className="flex items-center gap-3 text-sm">
        {page > 0 ? (
          <Link className="text-b24-link underline" href={href(page - 1)}>
            {t("privacy.users.prev")}
          </Link>
        ) : null}
        <span>{t("privacy.users.page", { page: page + 1 })}</span>
        {(page + 1) * 50 < users.total ? (
          <Link className="text-b24-link underline" href={href(page + 1)}>
            {t("privacy.users.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
