"use server";

import { z } from "zod";
import { services } from "@/lib/services";
import {
  cancelTransfer as cancelTransferFor,
  changeReturn as changeReturnFor,
  countRecords as countRecordsFor,
  listPipelines,
  previewTransfer as previewTransferFor,
  querySchema,
  readTransferStatus,
  retryTransfer as retryTransferFor,
  searchEmployees as searchEmployeesFor,
  startTransfer,
  transferRequestSchema,
  undoTransfer as undoTransferFor,
  previewGiveBack as previewGiveBackFor,
} from "@/lib/transfer";
import { portalAction } from "../server-action";

// Every action here is for portal administrators: the check comes first (403 otherwise), then
// the input is parsed (server-action.ts), then one call into lib/transfer, whose refusals
// (lib/errors Refused) portalAction answers in the session's language. Bitrix24 calls act as
// the signed-in administrator.

export const searchEmployees = portalAction({ admin: true, input: z.object({ query: z.string().max(100) }) }, async (input, session) =>
  searchEmployeesFor(services(), session, input),
);

export const countRecords = portalAction(
  { admin: true, input: z.object({ fromUserId: z.number().int().positive(), query: querySchema.omit({ openOnly: true }).default({}) }) },
  async (input, session) => countRecordsFor(services(), session, input),
);

export const crmPipelines = portalAction({ admin: true, input: z.object({ entityTypeId: z.number().int().positive() }) }, async (input, session) =>
  listPipelines(services(), session, input),
);

export const previewTransfer = portalAction({ admin: true, input: transferRequestSchema }, async (request, session) =>
  previewTransferFor(services(), session, request),
);

export const runTransfer = portalAction({ admin: true, input: transferRequestSchema }, async (request, session) => startTransfer(services(), session, request));

const idInput = z.object({ id: z.string().min(1).max(40) });

export const transferStatus = portalAction({ admin: true, input: idInput }, async ({ id }, session) =>
  readTransferStatus(services(), session, { transferId: id }),
);

export const cancelTransfer = portalAction({ admin: true, input: idInput }, async ({ id }, session) =>
  cancelTransferFor(services(), session, { transferId: id }),
);

/** For records whose previous holder can no longer receive: another receiver, or leave them. */
const giveBackChoice = { instead: z.number().int().positive().optional(), leave: z.boolean().optional() };

export const previewGiveBack = portalAction({ admin: true, input: idInput.extend({ kind: z.enum(["undo", "return"]) }) }, async ({ id, kind }, session) =>
  previewGiveBackFor(services(), session, { transferId: id, kind }),
);

export const undoTransfer = portalAction({ destructive: true, input: idInput.extend(giveBackChoice) }, async ({ id, ...choice }, session) =>
  undoTransferFor(services(), session, { transferId: id, ...choice }),
);

export const retryTransfer = portalAction(
  { admin: true, input: idInput.extend({ receiverId: z.number().int().positive().optional() }) },
  async ({ id, receiverId }, session) => retryTransferFor(services(), session, { transferId: id, receiverId }),
);

export const changeReturn = portalAction(
  {
    admin: true,
    input: z.object({
      id: z.string().min(1).max(40),
      action: z.enum(["reschedule", "cancel", "now", "force"]),
      returnAt: z.string().datetime({ offset: true }).optional(),
      force: z.boolean().optional(),
      ...giveBackChoice,
    }),
  },
  async ({ id, action, returnAt, force, instead, leave }, session) =>
    changeReturnFor(
      services(),
      session,
      action === "reschedule"
        ? { transferId: id, action, returnAt: new Date(returnAt ?? "") }
        : action === "force"
          ? { transferId: id, action, force: force ?? true }
          : action === "now"
            ? { transferId: id, action, instead, leave }
            : { transferId: id, action },
    ),
);
