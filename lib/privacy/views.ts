/**
 * What the Privacy tabs show, read for one signed-in user: their own rights and requests, the
 * portal's users and departments (read live, never stored), dismissed users with their
 * remaining work (lib/ownership counts), and the requests log with names resolved live.
 */
import type { Bitrix24Client } from "../bitrix24";
import { resolveLang } from "../i18n";
import { remainingWork } from "../ownership";
import { ACTIVE_EMPLOYEES, departmentIdsOf, displayName, readDepartments, userNames } from "../people";
import type { Session } from "../service-types";
import type { PrivacyDeps } from "./deps";
import { findDismissed, type DismissedUser } from "./dismissed";
import { decide, refusal, type Decision } from "./requests/permissions";
import { previewChange, type FieldChange } from "./change/preview";
import { recordsNaming, type NamedRecord } from "./record-list";
import { subjectsAsThePortalSays } from "./requests/subjects";
import { latestRequestsOf, listRequests, type RequestRow } from "./requests/requests-log";
import { readRights, type UserRights } from "./rights";
import { readPrivacySettings, type PrivacySettings } from "./settings";

type Client = Pick<Bitrix24Client, "call" | "batch" | "listAll" | "listPages">;

/** Who looks: the signed-in user in their portal and language. */
export type Viewer = Session;

const clientOf = (services: Pick<PrivacyDeps, "clients">, session: Viewer) => services.clients.clientFor(session.portalId, { userId: session.userId });

export interface MyPrivacyView {
  settings: PrivacySettings;
  rights: UserRights;
  anonymise: Decision;
  erase: Decision;
  recent: RequestRow[];
}

export async function myPrivacyView(deps: Pick<PrivacyDeps, "prisma">, who: Viewer): Promise<MyPrivacyView> {
  const settings = await readPrivacySettings(deps.prisma, who.portalId);
  const rights = (await readRights(deps.prisma, who.portalId, [who.userId])).get(who.userId)!;
  const self = { userId: who.userId, isAdmin: who.isAdmin };
  return {
    settings,
    rights,
    anonymise: decide("anonymise", who, self, settings, rights),
    erase: decide("erase", who, self, settings, rights),
    recent: await latestRequestsOf(deps.prisma, who.portalId, who.userId),
  };
}

/**
 * The preview before a typed confirmation — the fields that change with their current values, and
 * the records that name the person (the first few listed, all counted) — refused with the same
 * rule the action applies.
 */
export async function previewFor(
  deps: Pick<PrivacyDeps, "prisma" | "clients">,
  who: Viewer,
  input: { kind: "anonymise" | "erase"; subjectUserId: number },
): Promise<{ ok: true; name: string; changes: FieldChange[]; records: { total: number; shown: NamedRecord[] } }> {
  const { kind, subjectUserId } = input;
  const settings = await readPrivacySettings(deps.prisma, who.portalId);
  const rights = (await readRights(deps.prisma, who.portalId, [who.userId])).get(who.userId)!;
  const early = decide(kind, who, { userId: subjectUserId, isAdmin: false }, settings, rights);
  if (!early.allowed) throw refusal(early.reason);
  // Whether the subject is an administrator, as the portal says now (requests/subjects.ts).
  const subject = (await subjectsAsThePortalSays(deps, who, [subjectUserId])).get(subjectUserId)!;
  const verdict = decide(kind, who, subject, settings, rights);
  if (!verdict.allowed) throw refusal(verdict.reason, subject);
  const portal = await deps.prisma.portal.findUniqueOrThrow({ where: { id: who.portalId }, select: { memberId: true, clientEndpoint: true, lang: true } });
  // The admin's token reads any profile; an employee's own token reads their own.
  const client = await deps.clients.clientFor(who.portalId, { userId: who.userId });
  const preview = await previewChange(client, portal.memberId, subjectUserId, kind, { portal: resolveLang(portal.lang), reader: who.lang });
  const records = await recordsNaming(client, subjectUserId, portal.clientEndpoint.replace(/rest\/?$/, ""));
  return { ok: true, ...preview, records };
}

export interface PortalUserRow {
  id: number;
  name: string;
  departmentIds: number[];
}

/** The portal's departments by name, for the tabs' department filter. */
export async function listDepartments(client: Pick<Bitrix24Client, "listAll">): Promise<Array<{ id: number; name: string }>> {
  return (await readDepartments(client)).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** One page (50) of the portal's active employees, as user.get pages them (start = page × 50). */
export async function listActiveUsers(
  client: Pick<Bitrix24Client, "call">,
  options: { search?: string; departmentId?: number; page: number },
): Promise<{ rows: PortalUserRow[]; total: number }> {
  const filter: Record<string, string | number | boolean> = { ...ACTIVE_EMPLOYEES };
  if (options.search) filter.NAME_SEARCH = options.search;
  if (options.departmentId) filter.UF_DEPARTMENT = options.departmentId;
  const answer = await client.call<Record<string, unknown>[]>("user.get", { FILTER: filter, sort: "ID", order: "ASC", start: options.page * 50 });
  const rows = (Array.isArray(answer.result) ? answer.result : []).map((u) => ({
    id: Number(u.ID),
    name: displayName(u),
    departmentIds: departmentIdsOf(u),
  }));
  return { rows, total: answer.total ?? rows.length };
}

export async function listDismissed(client: Client, options: { search?: string; departmentId?: number; sort: "name" | "lastLogin" }): Promise<DismissedUser[]> {
  const all: DismissedUser[] = [];
  for await (const page of findDismissed(client, options)) all.push(...page);
  if (options.sort === "lastLogin") all.sort((a, b) => (a.lastLogin ?? "").localeCompare(b.lastLogin ?? "") || a.id - b.id);
  else all.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return all;
}

export async function requestLogView(
  deps: Pick<PrivacyDeps, "prisma" | "clients">,
  who: Viewer,
  input: { page: number },
): Promise<{ ok: true; rows: RequestRow[]; total: number; names: Map<number, string> }> {
  const { page } = input;
  const { rows, total } = await listRequests(deps.prisma, who.portalId, { skip: page * 50, take: 50 });
  const client = await deps.clients.clientFor(who.portalId, { userId: who.userId });
  const names = await userNames(
    client,
    rows.flatMap((r) => [r.subjectUserId, r.requestedBy]),
  ).catch(() => new Map<number, string>());
  return { ok: true, rows, total, names };
}

/** The User settings tab: one page of the active employees (search, department) with their rights, the departments and the switches. */
export async function readUsersTab(
  services: Pick<PrivacyDeps, "prisma" | "clients">,
  session: Viewer,
  input: { search?: string; departmentId?: number; page: number },
) {
  const client = await clientOf(services, session);
  const [settings, departments, users] = await Promise.all([
    readPrivacySettings(services.prisma, session.portalId),
    listDepartments(client),
    listActiveUsers(client, input),
  ]);
  const rights = await readRights(
    services.prisma,
    session.portalId,
    users.rows.map((u) => u.id),
  );
  return { ok: true as const, settings, departments, users, rights };
}

/** The Dismissed users tab: every dismissed user (search, department, sorted), the departments and the switches. */
export async function readDismissedTab(
  services: Pick<PrivacyDeps, "prisma" | "clients">,
  session: Viewer,
  input: { search?: string; departmentId?: number; sort: "name" | "lastLogin" },
) {
  const client = await clientOf(services, session);
  const [settings, departments, users] = await Promise.all([
    readPrivacySettings(services.prisma, session.portalId),
    listDepartments(client),
    listDismissed(client, input),
  ]);
  return { ok: true as const, settings, departments, users };
}

/** The remaining work of the users on one page of the dismissed list, in one request. */
export async function readRemainingWork(services: Pick<PrivacyDeps, "clients">, session: Viewer, input: { userIds: readonly number[] }) {
  return { ok: true as const, work: await remainingWork(await clientOf(services, session), input.userIds) };
}
