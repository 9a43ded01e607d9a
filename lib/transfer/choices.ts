/**
 * What an administrator chooses from in the transfer wizard, read live from the portal as them:
 * employees by name, one employee's records per type and role, a CRM type's pipelines, and the
 * plan a request would make (the dry run, with its CSV). Nothing is stored.
 */
import { countOwned, loadCatalogue, readPipelines, type OwnershipQuery } from "../ownership";
import type { TransferDeps } from "./deps";
import { planCsv } from "./csv";
import { searchPeople } from "./people";
import { planAssignments } from "./plan";
import type { TransferRequest } from "./request";
import type { Actor } from "./start";

type Clients = Pick<TransferDeps, "clients">;

const clientOf = (services: Clients, session: Actor) => services.clients.clientFor(session.portalId, { userId: session.userId });

/** Portal users whose name matches (dismissed ones too), the first 50. */
export async function searchEmployees(services: Clients, session: Actor, input: { query: string }) {
  return { ok: true as const, people: (await searchPeople(await clientOf(services, session), input.query)).slice(0, 50) };
}

/** What an employee holds, per type and role (open and all), and the portal's smart-process types. */
export async function countRecords(services: Clients, session: Actor, input: { fromUserId: number; query: Omit<OwnershipQuery, "openOnly"> }) {
  const client = await clientOf(services, session);
  const { roles, smartProcesses } = await loadCatalogue(client);
  const counts = await countOwned(client, roles, input.fromUserId, input.query);
  return { ok: true as const, counts, smartProcesses };
}

/** A CRM type's pipelines with their stages (for narrowing a transfer). */
export async function listPipelines(services: Clients, session: Actor, input: { entityTypeId: number }) {
  const pipelines = await readPipelines(await clientOf(services, session), input.entityTypeId);
  return { ok: true as const, pipelines: pipelines.map(({ id, name, stages }) => ({ id, name, stages })) };
}

/** The dry run: how many records would go to whom, per type, and the plan as CSV. */
export async function previewTransfer(services: Clients, session: Actor, request: TransferRequest) {
  const { assignments } = await planAssignments(await clientOf(services, session), request.fromUserId, request.receiverIds, {
    selections: request.selections,
    query: request.query,
    split: request.split,
    notify: request.notify,
  });
  const perType: Record<string, Record<number, number>> = {};
  for (const a of assignments) {
    perType[a.type] ??= {};
    perType[a.type][a.to] = (perType[a.type][a.to] ?? 0) + 1;
  }
  return { ok: true as const, total: assignments.length, perType, csv: planCsv(request.fromUserId, assignments) };
}
