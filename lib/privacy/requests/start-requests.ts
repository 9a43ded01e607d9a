/**
 * Starting privacy requests on behalf of a signed-in user: every rule checked here, on the
 * server (permissions.ts), whatever the page showed; each subject gets a requests-log entry, and
 * the work goes to a durable job.
 */
import type { JobsRuntime } from "../../jobs";
import type { Lang } from "../../i18n";
import type { PrivacyDeps } from "../deps";
import type { ChangeInput } from "../change/run-changes";
import type { DownloadInput } from "../download/run-download";
import { decide, type Refusal } from "./permissions";
import { attachJob, createRequests, subjectsInProgress } from "./requests-log";
import { readRights } from "../rights";
import { readPrivacySettings } from "../settings";
import type { privacyJobs } from "../jobs";

export interface Requester {
  portalId: string;
  userId: number;
  isAdmin: boolean;
  lang: Lang;
}

export interface PrivacyServices extends PrivacyDeps {
  jobs: Pick<JobsRuntime, "enqueue">;
  definitions: ReturnType<typeof privacyJobs>;
}

export type Started = { ok: true; jobRunId: string; requestIds: string[] } | { ok: false; error: Refusal | "in_progress" | "nothing_to_do" };

/** "Download my data": always one's own. */
export async function startDownload(svc: PrivacyServices, who: Requester, options: { saveToDrive: boolean }): Promise<Started> {
  const [requestId] = await createRequests(svc.prisma, who.portalId, "download", [who.userId], who.userId);
  const input: DownloadInput = { requestId, subjectUserId: who.userId, lang: who.lang, saveToDrive: options.saveToDrive };
  const jobRunId = await svc.jobs.enqueue(svc.definitions.download, { portalId: who.portalId, startedBy: who.userId, input });
  await attachJob(svc.prisma, [requestId], jobRunId);
  return { ok: true, jobRunId, requestIds: [requestId] };
}

/** Whether the portal's stored tokens say this user is an admin (REST tells apps only about the caller). */
async function knownAdmins(svc: PrivacyServices, portalId: string, userIds: readonly number[]): Promise<Set<number>> {
  const rows = await svc.prisma.portalToken.findMany({ where: { portalId, userId: { in: [...userIds] }, isAdmin: true }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

/** Anonymise or erase one's own data, or (admins) other users'. */
export async function startChange(svc: PrivacyServices, who: Requester, kind: "anonymise" | "erase", subjects: readonly number[]): Promise<Started> {
  const unique = [...new Set(subjects)];
  if (unique.length === 0) return { ok: false, error: "nothing_to_do" };
  const settings = await readPrivacySettings(svc.prisma, who.portalId);
  const rights = (await readRights(svc.prisma, who.portalId, [who.userId])).get(who.userId)!;
  const admins = await knownAdmins(svc, who.portalId, unique);
  for (const subject of unique) {
    const verdict = decide(kind, who, { userId: subject, isAdmin: admins.has(subject) || (subject === who.userId && who.isAdmin) }, settings, rights);
    if (!verdict.allowed) return { ok: false, error: verdict.reason };
  }
  const busy = await subjectsInProgress(svc.prisma, who.portalId, unique);
  const todo = unique.filter((s) => !busy.has(s));
  if (todo.length === 0) return { ok: false, error: "in_progress" };
  const requestIds = await createRequests(svc.prisma, who.portalId, kind, todo, who.userId);
  const input: ChangeInput = { kind, requestIds, lang: who.lang, actAsStarter: who.isAdmin };
  const jobRunId = await svc.jobs.enqueue(svc.definitions.change, { portalId: who.portalId, startedBy: who.userId, input });
  await attachJob(svc.prisma, requestIds, jobRunId);
  return { ok: true, jobRunId, requestIds };
}

/** Admins: anonymise everyone dismissed (not signed in) for more than `months` months, as one job. */
export async function startDismissedSweep(svc: PrivacyServices, who: Requester, months: number): Promise<Started> {
  if (!who.isAdmin) return { ok: false, error: "not_admin" };
  const settings = await readPrivacySettings(svc.prisma, who.portalId);
  if (!settings.allowAnonymisation) return { ok: false, error: "switch_off" };
  const input: ChangeInput = { kind: "anonymise", dismissedMonths: months, lang: who.lang, actAsStarter: true };
  const jobRunId = await svc.jobs.enqueue(svc.definitions.change, { portalId: who.portalId, startedBy: who.userId, input });
  return { ok: true, jobRunId, requestIds: [] };
}
