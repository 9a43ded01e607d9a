/**
 * Starting privacy requests on behalf of a signed-in user: every rule checked here, on the
 * server (permissions.ts), whatever the page showed, and a broken one refused (lib/errors Refused); each subject gets a requests-log entry, and
 * the work goes to a durable job.
 */
import { Refused } from "../../errors";
import type { Session } from "../../service-types";
import type { PrivacyServices } from "../deps";
import type { ChangeInput } from "../change/run-changes";
import type { DownloadInput } from "../download/run-download";
import { decide, refusal } from "./permissions";
import { attachJob, createRequests, subjectsInProgress } from "./requests-log";
import { readRights } from "../rights";
import { readPrivacySettings } from "../settings";
import { subjectsAsThePortalSays } from "./subjects";
import { privacyChangeJob, privacyDownloadJob } from "../jobs";

export interface Started {
  ok: true;
  jobRunId: string;
  requestIds: string[];
}

/** Who asks: the signed-in user in their portal and language. */
export type Requester = Session;

/** "Download my data": always one's own. */
export async function startDownload(services: PrivacyServices, session: Requester, input: { saveToDrive: boolean }): Promise<Started> {
  const [requestId] = await createRequests(services.prisma, session.portalId, "download", [session.userId], session.userId);
  const job: DownloadInput = { requestId, subjectUserId: session.userId, lang: session.lang, saveToDrive: input.saveToDrive };
  const jobRunId = await services.jobs.enqueue(privacyDownloadJob, { portalId: session.portalId, startedBy: session.userId, input: job });
  await attachJob(services.prisma, [requestId], jobRunId);
  return { ok: true, jobRunId, requestIds: [requestId] };
}

/** Anonymise or erase one's own data, or (admins) other users'. */
export async function startChange(
  services: PrivacyServices,
  session: Requester,
  input: { kind: "anonymise" | "erase"; subjects: readonly number[] },
): Promise<Started> {
  const { kind } = input;
  const unique = [...new Set(input.subjects)];
  if (unique.length === 0) throw new Refused("privacy.refused.nothing_to_do", { status: 400 });
  const settings = await readPrivacySettings(services.prisma, session.portalId);
  const rights = (await readRights(services.prisma, session.portalId, [session.userId])).get(session.userId)!;
  // The rules that need no answer from the portal first (switch, right, who may act on others).
  for (const subject of unique) {
    const verdict = decide(kind, session, { userId: subject, isAdmin: false }, settings, rights);
    if (!verdict.allowed) throw refusal(verdict.reason);
  }
  // Then whether each subject is an administrator, as the portal says now (subjects.ts).
  const subjects = await subjectsAsThePortalSays(services, session, unique);
  for (const subject of subjects.values()) {
    const verdict = decide(kind, session, subject, settings, rights);
    if (!verdict.allowed) throw refusal(verdict.reason, subject);
  }
  const busy = await subjectsInProgress(services.prisma, session.portalId, unique);
  const todo = unique.filter((s) => !busy.has(s));
  if (todo.length === 0) throw new Refused("privacy.refused.in_progress");
  const requestIds = await createRequests(services.prisma, session.portalId, kind, todo, session.userId);
  const job: ChangeInput = { kind, requestIds, lang: session.lang, actAsStarter: session.isAdmin };
  const jobRunId = await services.jobs.enqueue(privacyChangeJob, { portalId: session.portalId, startedBy: session.userId, input: job });
  await attachJob(services.prisma, requestIds, jobRunId);
  return { ok: true, jobRunId, requestIds };
}
