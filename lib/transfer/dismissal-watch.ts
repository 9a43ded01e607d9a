/**
 * The daily dismissal watch: for each connected portal, the employees dismissed since the last
 * check (lib/people's filter: b24restdocs api-reference/user/user-get.md) who still own open
 * work (lib/ownership's remainingWork, as the dismissed-users tab counts it) are reported to the
 * portal's administrators we hold tokens for, with a link that opens their overview in the app inside the
 * portal (placement.ts portalOverviewLink; without our client_id, the person's profile, where the
 * USER_PROFILE_MENU item leads there). We keep user IDs only (DismissalWatch).
 *
 * Where a dismissal rule covers the leaver's department (dismissal-rules/), the watch also plans
 * their hand-over and the message says to whom and when, linking to the plan for review.
 *
 * The first check of a portal records who is dismissed already and reports nobody: the
 * dismissed-users list in the app shows those.
 */
import { formatters, resolveLang, translator } from "../i18n";
import { remainingWork } from "../ownership";
import { departmentIdsOf, DISMISSED_EMPLOYEES, profilePath } from "../people";
import { portalBaseUrl, portalUrl } from "../portal-address";
import type { TransferDeps } from "./deps";
import { rulesLink } from "./dismissal-rules/links";
import { planHandOvers } from "./dismissal-rules/plans";
import { portalOverviewLink } from "./placement";

export async function watchDismissals(deps: TransferDeps): Promise<{ portals: number; notified: number }> {
  const portals = await deps.prisma.portal.findMany({ where: { status: "active" }, select: { id: true, lang: true, domain: true, protocol: true } });
  let notified = 0;
  for (const portal of portals) {
    try {
      notified += await watchPortal(deps, portal);
    } catch {
      // One portal's failure (disconnected, no admin token) must not stop the others.
    }
  }
  return { portals: portals.length, notified };
}

/** One portal's check (also run at once by an administrator from the rules page). Answers how many leavers were reported. */
export async function watchPortal(deps: TransferDeps, portal: { id: string; lang: string; domain: string; protocol: string }): Promise<number> {
  const admins = await deps.prisma.portalToken.findMany({ where: { portalId: portal.id, isAdmin: true }, select: { userId: true }, distinct: ["userId"] });
  if (admins.length === 0) return 0;
  const client = await deps.clients.clientFor(portal.id, { userId: admins[0].userId });
  const dismissed = await client.listAll<{ ID: string | number; UF_DEPARTMENT?: unknown }>("user.get", { FILTER: DISMISSED_EMPLOYEES });
  const ids = dismissed.map((u) => Number(u.ID));
  const known = new Set((await deps.prisma.dismissalWatch.findMany({ where: { portalId: portal.id }, select: { userId: true } })).map((r) => r.userId));
  const firstCheck = known.size === 0;
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return 0;
  await deps.prisma.dismissalWatch.createMany({ data: fresh.map((userId) => ({ portalId: portal.id, userId })), skipDuplicates: true });
  if (firstCheck) return 0;

  const work = (await remainingWork(client, fresh)).filter((w) => w.open > 0);
  const departments = new Map(dismissed.map((u) => [Number(u.ID), departmentIdsOf(u)]));
  const plans = await planHandOvers(
    deps.prisma,
    client,
    portal.id,
    work.map((w) => ({ userId: w.userId, departmentIds: departments.get(w.userId) ?? [] })),
  );
  const lang = resolveLang(portal.lang);
  const t = translator(lang);
  const base = portalBaseUrl(portal);
  let sent = 0;
  for (const { userId, open } of work) {
    const plan = plans.get(userId);
    const target = deps.appClientId
      ? plan
        ? rulesLink(base, deps.appClientId)
        : portalOverviewLink(base, deps.appClientId, userId)
      : portalUrl(base, profilePath(userId));
    const message = plan
      ? t(plan.receiverId ? "automation.watch.planned" : "automation.watch.plannedNoReceiver", {
          count: open,
          date: formatters(lang).dateTime(new Date(plan.dueAt)),
          link: `[URL=${target}]${t("automation.watch.review")}[/URL]`,
        })
      : t("transfer.watch.message", { count: open, link: `[URL=${target}]${t("transfer.watch.link")}[/URL]` });
    await client.batch(
      // One tag per administrator: a TAG is unique within the app across recipients (im-notify-system-add.md).
      admins.map((a) => ({
        method: "im.notify.system.add",
        params: { USER_ID: a.userId, MESSAGE: message, TAG: `staffsuite-dismissal-${userId}-${a.userId}` },
      })),
    );
    await deps.prisma.dismissalWatch.update({ where: { portalId_userId: { portalId: portal.id, userId } }, data: { notifiedAt: new Date() } });
    sent++;
  }
  return sent;
}
