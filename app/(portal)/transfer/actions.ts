"use server";

import { z } from "zod";
import { countOwned, loadCatalogue, readPipelines } from "@/lib/ownership";
import { services } from "@/lib/services";
import {
  cancelReturn,
  listItems,
  planAssignments,
  planCsv,
  querySchema,
  readTransferProgress,
  requestCancel,
  rescheduleReturn,
  retryFailed,
  returnNow,
  searchPeople,
  setForceReturn,
  startReverse,
  startTransfer,
  transferJobs,
  transferRequestSchema,
  TransferRefused,
  type TransferDeps,
} from "@/lib/transfer";
import { fail, portalAction, succeed } from "../server-action";

// Every action here is for portal administrators: the check comes first (403 otherwise), then
// the input is parsed (server-action.ts). Bitrix24 calls act as the signed-in administrator.

function deps(): TransferDeps {
  const { prisma, clients } = services();
  return { prisma, clients };
}

async function refusing<T extends object>(work: () => Promise<T>) {
  try {
    return succeed(await work());
  } catch (error) {
    if (error instanceof TransferRefused) return fail(error.reason);
    throw error;
  }
}

export const searchEmployees = portalAction({ admin: true, input: z.object({ query: z.string().max(100) }) }, async ({ query }, session) => {
  const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
  return succeed({ people: (await searchPeople(client, query)).slice(0, 50) });
});

export const countRecords = portalAction(
  { admin: true, input: z.object({ fromUserId: z.number().int().positive(), query: querySchema.omit({ openOnly: true }).default({}) }) },
  async ({ fromUserId, query }, session) => {
    const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
    const { roles, smartProcesses } = await loadCatalogue(client);
    const counts = await countOwned(client, roles, fromUserId, query);
    return succeed({ counts, smartProcesses });
  },
);

export const crmPipelines = portalAction({ admin: true, input: z.object({ entityTypeId: z.number().int().positive() }) }, async ({ entityTypeId }, session) => {
  const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
  return succeed({ pipelines: (await readPipelines(client, entityTypeId)).map(({ id, name, stages }) => ({ id, name, stages })) });
});

export const previewTransfer = portalAction({ admin: true, input: transferRequestSchema }, async (request, session) => {
  const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
  const { assignments } = await planAssignments(client, request.fromUserId, request.receiverIds, {
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
  return succeed({ total: assignments.length, perType, csv: planCsv(request.fromUserId, assignments) });
});

export const runTransfer = portalAction({ admin: true, input: transferRequestSchema }, async (request, session) =>
  refusing(async () => ({ transferId: await startTransfer(deps(), services().jobs, transferJobs.run, session.portalId, session.userId, request) })),
);

const idInput = z.object({ id: z.string().min(1).max(40) });

export const transferStatus = portalAction({ admin: true, input: idInput }, async ({ id }, session) => {
  const progress = await readTransferProgress(deps(), session.portalId, id);
  if (!progress) return fail("not-found");
  const finished = progress.state === "completed" || progress.state === "cancelled" || progress.state === "failed";
  const [failures, skipped] = finished
    ? await Promise.all([listItems(deps(), session.portalId, id, "failed", 200), listItems(deps(), session.portalId, id, "skipped", 200)])
    : [[], []];
  const undone = await services().prisma.transfer.findFirst({ where: { parentId: id, kind: "undo" }, select: { id: true } });
  return succeed({ progress, failures, skipped, undoneBy: undone?.id ?? null });
});

export const cancelTransfer = portalAction({ admin: true, input: idInput }, async ({ id }, session) =>
  succeed({ cancelled: await requestCancel(deps(), session.portalId, id) }),
);

export const undoTransfer = portalAction({ destructive: true, input: idInput }, async ({ id }, session) =>
  refusing(async () => ({ transferId: await startReverse(deps(), services().jobs, transferJobs.run, id, "undo", session.userId, session.portalId) })),
);

export const retryTransfer = portalAction({ admin: true, input: idInput }, async ({ id }, session) =>
  refusing(async () => ({ retried: await retryFailed(deps(), services().jobs, transferJobs.run, session.portalId, id) })),
);

export const changeReturn = portalAction(
  {
    admin: true,
    input: z.object({
      id: z.string().min(1).max(40),
      action: z.enum(["reschedule", "cancel", "now", "force"]),
      returnAt: z.string().datetime({ offset: true }).optional(),
      force: z.boolean().optional(),
    }),
  },
  async ({ id, action, returnAt, force }, session) =>
    refusing(async () => {
      if (action === "reschedule") await rescheduleReturn(deps(), session.portalId, id, new Date(returnAt ?? ""));
      if (action === "cancel") await cancelReturn(deps(), session.portalId, id);
      if (action === "force") await setForceReturn(deps(), session.portalId, id, force ?? true);
      if (action === "now") return { transferId: await returnNow(deps(), services().jobs, transferJobs.run, session.portalId, id, session.userId) };
      return { transferId: id };
    }),
);
