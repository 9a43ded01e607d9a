import type { PortalSession } from "@/lib/auth";
import { translator } from "@/lib/i18n";
import { listDepartments, listDismissed, privacyDeps, readPrivacySettings } from "@/lib/privacy";
import { DismissedTable } from "./dismissed-table";
import { SweepForm } from "./sweep-form";

type Search = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** Dismissed employees: search, department, last sign-in, sort; remaining work; anonymise or erase one or many. */
export async function DismissedTab({ session, params }: { session: PortalSession; params: Search }) {
  const t = translator(session.lang);
  const deps = privacyDeps();
  const search = str(params.q).slice(0, 100);
  const departmentId = Number(str(params.dept)) || undefined;
  const sort = str(params.sort) === "lastLogin" ? "lastLogin" : "name";
  const client = await deps.clients.clientFor(session.portalId, { userId: session.userId });
  const [settings, departments, users] = await Promise.all([
    readPrivacySettings(deps.prisma, session.portalId),
    listDepartments(client),
    listDismissed(client, { search: search || undefined, departmentId, sort }),
  ]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  return (
    <div className="space-y-4" data-testid="privacy-dismissed">
      <p className="text-sm text-b24-muted">{t("privacy.dismissed.intro")}</p>
      {!settings.allowAnonymisation && !settings.allowErasure ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">{t("privacy.dismissed.switchOff")}</p>
      ) : null}
      <form method="get" action="/privacy" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="tab" value="dismissed" />
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
        <label className="text-sm">
          <span className="block text-b24-muted">{t("privacy.dismissed.sort")}</span>
          <select name="sort" defaultValue={sort} className="rounded-md border border-b24-border px-3 py-1.5">
            <option value="name">{t("privacy.dismissed.sort.name")}</option>
            <option value="lastLogin">{t("privacy.dismissed.sort.lastLogin")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-b24-border px-4 py-1.5 text-sm hover:bg-b24-surface">
          {t("privacy.users.filter")}
        </button>
      </form>
      <DismissedTable
        rows={users.map((u) => ({
          id: u.id,
          name: u.name,
          departments: u.departmentIds.map((d) => deptName.get(d) ?? `#${d}`).join(", "),
          lastLogin: u.lastLogin,
        }))}
        allowAnonymise={settings.allowAnonymisation}
        allowErase={settings.allowErasure}
      />
      {settings.allowAnonymisation ? <SweepForm /> : null}
    </div>
  );
}
