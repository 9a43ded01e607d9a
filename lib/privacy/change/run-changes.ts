/**
 * The anonymisation and erasure jobs: one job works one or many subjects, each with its own
 * requests-log entry. Per subject: write the fixed field plan (field-plans.ts) with one
 * `user.update`, read the profile back to record which fields changed (names only), delete the
 * person's rights rows, mark the request completed.
 *
 * Resumable and idempotent: a completed request is skipped on a retry, and writing a plan again
 * leaves the same values (the plan never depends on what is there), so a worker killed between
 * any two steps loses nothing when the job runs again.
 *
 * "Everyone dismissed more than N months ago" resolves its subjects in the job (on the first
 * attempt; a retry reuses the requests that attempt created, found by jobRunId).
 */
import { AccessDeniedError, InsufficientScopeError, MethodNotFoundError, type Bitrix24Client } from "../../bitrix24";
import { resolveLang, type Lang } from "../../i18n";
import type { PrivacyDeps } from "../deps";
import { findDismissed, dismissedBefore } from "../dismissed";
import { anonymisationPlan, erasurePlan, type Plan } from "./field-plans";
import { FORMER_EMPLOYEE } from "../portal-texts";
import { isActive } from "../../people";
import { readUser } from "../profile";
import { createRequests, markRequest } from "../requests/requests-log";
import { adminAsThePortalSays } from "../requests/subjects";
import { removeRightsOf } from "../rights";

export interface ChangeInput {
  kind: "anonymise" | "erase";
  /** Requests created when the job was enqueued (explicit subjects). */
  requestIds?: string[];
  /** Or: every dismissed user whose last sign-in is more than this many months ago. */
  dismissedMonths?: number;
  /** The requester's language (the pseudonym is written in the portal's: portal-texts.ts). */
  lang: Lang;
  /** Act as the admin who started the job (else: as any admin with a stored token). */
  actAsStarter: boolean;
}

export interface ChangeResult {
  subjects: number;
  completed: number;
  failed: number;
  skipped: number;
}

export async function runChanges(
  deps: PrivacyDeps,
  job: { jobRunId: string; portalId: string; startedBy: number | null; input: ChangeInput; reportProgress(done: number, total: number): Promise<void> },
): Promise<ChangeResult> {
  const { prisma } = deps;
  const { input, portalId, jobRunId } = job;
  const client =
    input.actAsStarter && job.startedBy ? await deps.clients.clientFor(portalId, { userId: job.startedBy }) : await deps.clients.adminClientFor(portalId);

  let requestIds = input.requestIds ?? [];
  if (input.dismissedMonths !== undefined) {
    const existing = await prisma.privacyRequest.findMany({ where: { portalId, jobRunId }, select: { id: true }, orderBy: { createdAt: "asc" } });
    if (existing.length > 0) requestIds = existing.map((r) => r.id);
    else {
      const cutoff = dismissedBefore(deps.now?.() ?? new Date(), input.dismissedMonths);
      const subjects: number[] = [];
      for await (const page of findDismissed(client, {})) for (const u of page) if (u.lastLogin && u.lastLogin < cutoff) subjects.push(u.id);
      requestIds = await createRequests(prisma, portalId, input.kind, subjects, job.startedBy ?? 0, jobRunId);
    }
  }

  const requests = await prisma.privacyRequest.findMany({ where: { id: { in: requestIds }, portalId }, orderBy: { createdAt: "asc" } });
  const portal = await prisma.portal.findUniqueOrThrow({ where: { id: portalId }, select: { memberId: true, lang: true } });
  const { memberId } = portal;
  // Everyone in the portal reads the pseudonym: it is in the portal's language, not the requester's.
  const formerEmployee = FORMER_EMPLOYEE[resolveLang(portal.lang)];
  const customFields = await listCustomFields(client);
  const result: ChangeResult = { subjects: requests.length, completed: 0, failed: 0, skipped: 0 };
  let done = 0;
  await job.reportProgress(0, requests.length);
  for (const request of requests) {
    if (request.status === "completed" || request.status === "failed") {
      result.skipped++;
    } else {
      await markRequest(prisma, request.id, "running");
      const outcome = await changeOne(
        client,
        (user) => adminAsThePortalSays(deps.clients, portalId, user),
        request.subjectUserId,
        input.kind === "anonymise"
          ? anonymisationPlan(memberId, request.subjectUserId, formerEmployee, customFields)
          : erasurePlan(request.subjectUserId, customFields),
      );
      if (outcome.ok) {
        await removeRightsOf(prisma, portalId, request.subjectUserId);
        await markRequest(prisma, request.id, "completed", { fields: outcome.changed, notApplied: outcome.notApplied });
        result.completed++;
      } else {
        await markRequest(prisma, request.id, "failed", { error: outcome.error });
        result.failed++;
      }
    }
    await job.reportProgress(++done, requests.length);
  }
  return result;
}

/** The portal's custom user fields; none when the app lacks the user.userfield scope (only the standard plan then applies). */
async function listCustomFields(client: Pick<Bitrix24Client, "call">): Promise<string[]> {
  try {
    const { result } = await client.call<Array<{ FIELD_NAME?: string }>>("user.userfield.list", { filter: { ENTITY_ID: "USER" } });
    return (Array.isArray(result) ? result : []).map((f) => String(f.FIELD_NAME ?? "")).filter((n) => n.startsWith("UF_"));
  } catch (error) {
    if (error instanceof InsufficientScopeError || error instanceof MethodNotFoundError || error instanceof AccessDeniedError) return [];
    throw error;
  }
}

type Outcome = { ok: true; changed: string[]; notApplied: string[] } | { ok: false; error: string };

/**
 * One subject: plan written, read back; the field names that changed and any the portal kept.
 * Whether they are an administrator is asked again right before writing (the start checked it
 * too, but someone may have been made one since): an administrator, or someone the portal cannot
 * say about, is left as they are and their request fails with that reason.
 */
async function changeOne(
  client: Pick<Bitrix24Client, "call">,
  isAdmin: (user: Record<string, unknown>) => Promise<boolean | null>,
  userId: number,
  plan: Plan,
): Promise<Outcome> {
  const before = await readUser(client, userId);
  if (!before) return { ok: false, error: "not_found" };
  const admin = await isAdmin(before);
  if (admin !== false) return { ok: false, error: admin ? "subject_admin" : "admin_unknown" };
  await client.call("user.update", { ID: userId, ...plan }, { idempotent: true });
  const after = (await readUser(client, userId)) ?? {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? "") === JSON.stringify(b ?? "");
  const changed = Object.keys(plan).filter((f) => f in before && !same(before[f], after[f]));
  // ACTIVE reads back however the portal spells it (lib/people isActive); every other planned field must read back as written (or be absent).
  const notApplied = Object.entries(plan)
    .filter(
      ([f, v]) =>
        f in after && (f === "ACTIVE" ? isActive(after) !== (v === "Y") : !same(after[f], v) && !(v === "" && (after[f] === null || after[f] === false))),
    )
    .map(([f]) => f);
  return { ok: true, changed, notApplied };
}
