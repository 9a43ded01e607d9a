/**
 * What the Transfer pages show, read in one call each: the tool's home (the latest transfers),
 * one transfer's page, the history with its chart, and a person's work overview. Names and
 * labels are read live from the portal, as the signed-in administrator; nothing is stored.
 */
import { readPipelines, recordPath, smartProcessTypes, type OwnershipClient, type Pipeline } from "../ownership";
import { Refused } from "../errors";
import { portalBaseUrl } from "../portal-address";
import type { TransferDeps } from "./deps";
import { leaverOverview } from "./overview";
import { listHistory, movedPerMonth, takenFromOf, transferQuery, type HistoryFilter } from "./history";
import { peopleByIds } from "./people";
import { readTransferStatus } from "./progress";
import type { TransferQuery } from "./request";
import type { Actor } from "./start";

type Services = Pick<TransferDeps, "prisma" | "clients">;

const clientOf = (services: Services, session: Actor) => services.clients.clientFor(session.portalId, { userId: session.userId });

/** The portal's web address (lib/portal-address), for links into it. */
async function portalBase(services: Pick<TransferDeps, "prisma">, portalId: string): Promise<string> {
  const portal = await services.prisma.portal.findUnique({ where: { id: portalId }, select: { protocol: true, domain: true } });
  return portal ? portalBaseUrl(portal) : "";
}

/** The pipelines of the CRM types the queries narrowed (usually none), read once per type, for naming pipelines and stages. */
async function pipelinesOfQueries(client: OwnershipClient, queries: Array<TransferQuery | null>): Promise<Map<number, Pipeline[]>> {
  const types = [...new Set(queries.map((q) => q?.crmEntityTypeId).filter((id): id is number => id !== undefined))];
  return new Map(await Promise.all(types.map(async (id) => [id, await readPipelines(client, id).catch(() => [])] as [number, Pipeline[]])));
}

/** The tool's home: the five latest transfers, the people they name, and the employee the wizard starts with (`?user=`). */
export async function readTransferHome(services: Services, session: Actor, input: { presetUserId: number }) {
  const client = await clientOf(services, session);
  const preset = input.presetUserId;
  const recent = await listHistory(services, session.portalId, { take: 5 });
  const people = await peopleByIds(client, [
    ...(Number.isInteger(preset) && preset > 0 ? [preset] : []),
    ...recent.flatMap((r) => [r.fromUserId, ...r.receiverIds]),
  ]);
  const initial = Number.isInteger(preset) ? (people.get(preset) ?? null) : null;
  return { ok: true as const, recent, people, initial };
}

/** One transfer, undo or return: its status, the names it shows, its narrowing and the portal's address for record links. */
export async function readTransferPage(services: Services, session: Actor, input: { transferId: string }) {
  const status = await readTransferStatus(services, session, input);
  const client = await clientOf(services, session);
  const p = status.progress;
  // What an undo or a return gives back, named by its date and people, never by an ID.
  const parent = p.parentId
    ? await services.prisma.transfer.findFirst({
        where: { id: p.parentId, portalId: session.portalId },
        select: { id: true, kind: true, createdAt: true, fromUserId: true, receiverIds: true, options: true },
      })
    : null;
  const parentView = parent
    ? {
        id: parent.id,
        kind: parent.kind,
        createdAt: parent.createdAt.toISOString(),
        from: parent.kind === "transfer" ? [parent.fromUserId] : takenFromOf(parent.options),
        to: parent.receiverIds,
      }
    : null;
  const [people, smartProcesses] = await Promise.all([
    peopleByIds(client, [p.fromUserId, ...p.receiverIds, ...p.takenFrom, ...(parentView ? [...parentView.from, ...parentView.to] : [])]),
    smartProcessTypes(client),
  ]);
  const names = Object.fromEntries([...people].map(([uid, p]) => [uid, p.name]));
  // The narrowing the wizard chose, as the review step and the history show it.
  const query = await transferQuery(services, session.portalId, input.transferId);
  const pipelines = await pipelinesOfQueries(client, [query]);
  return { ok: true as const, status, parent: parentView, names, smartProcesses, query, pipelines, portalBase: await portalBase(services, session.portalId) };
}

/** The history (filtered), records moved per type and month, and the names and pipelines it shows. */
export async function readHistory(services: Services, session: Actor, filter: HistoryFilter) {
  const [entries, monthly] = await Promise.all([listHistory(services, session.portalId, filter), movedPerMonth(services, session.portalId)]);
  const client = await clientOf(services, session);
  const [people, smartProcesses] = await Promise.all([
    peopleByIds(
      client,
      entries.flatMap((e) => [e.fromUserId, e.startedBy, ...e.receiverIds, ...e.takenFrom]),
    ),
    smartProcessTypes(client),
  ]);
  const pipelines = await pipelinesOfQueries(
    client,
    entries.map((e) => e.query),
  );
  return { ok: true as const, entries, monthly, people, smartProcesses, pipelines };
}

/**
 * A person's work (dismissed people too): per type and role, open and closed, read live in two
 * requests (overview.ts), with links to the newest few open records of each. Refused (404) when
 * the portal has no such user.
 */
export async function readOverview(services: Services, session: Actor, input: { userId: number }) {
  const { userId } = input;
  const client = await clientOf(services, session);
  const { person, smartProcesses, counts } = await leaverOverview(client, userId);
  if (!person) throw new Refused("transfer.refused.not_found", { status: 404 });
  const samples = new Map(
    counts.map((c) => [
      `${c.type}:${c.role}`,
      (c.newestOpen ?? []).map((r) => ({ id: r.id, href: recordPath(c.type, r.id, { holder: userId, ownerRef: r.ownerRef }) })),
    ]),
  );
  return { ok: true as const, person, counts, samples, smartProcesses, portalBase: await portalBase(services, session.portalId) };
}
