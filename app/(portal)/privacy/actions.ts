"use server";

import { z } from "zod";
import {
  privacyServices,
  previewFor,
  remainingWork,
  savePrivacySettings,
  setRight,
  startChange,
  startDismissedSweep,
  startDownload,
  LINK_DAYS_MAX,
} from "@/lib/privacy";
import { services } from "@/lib/services";
import { fail, portalAction, succeed } from "../server-action";

/**
 * The Privacy tool's server actions. Each goes through portalAction (session — and admin where it
 * says — checked before the input is parsed); lib/privacy applies the master switches and
 * per-user rights again, whatever the page showed.
 */

const kind = z.enum(["anonymise", "erase"]);
const userIds = z.array(z.number().int().positive()).min(1).max(200);

export const startMyDownload = portalAction({ input: z.object({ saveToDrive: z.boolean() }) }, async (input, session) => {
  const started = await startDownload(privacyServices(), session, input);
  return started.ok ? succeed({ jobRunId: started.jobRunId }) : fail(started.error);
});

export const previewMyChange = portalAction({ input: z.object({ kind }) }, async (input, session) => {
  const preview = await previewFor(privacyServices(), session, input.kind, session.userId);
  return preview.ok ? succeed({ name: preview.name, changes: preview.changes, records: preview.records }) : fail(preview.error);
});

/** Self-service: the typed word is checked on the client; the rights are checked here. */
export const startMyChange = portalAction({ input: z.object({ kind }) }, async (input, session) => {
  const started = await startChange(privacyServices(), session, input.kind, [session.userId]);
  return started.ok ? succeed({ jobRunId: started.jobRunId }) : fail(started.error);
});

export const previewUserChange = portalAction({ admin: true, input: z.object({ kind, userId: z.number().int().positive() }) }, async (input, session) => {
  const preview = await previewFor(privacyServices(), session, input.kind, input.userId);
  return preview.ok ? succeed({ name: preview.name, changes: preview.changes, records: preview.records }) : fail(preview.error);
});

export const startUsersChange = portalAction({ destructive: true, input: z.object({ kind, userIds }) }, async (input, session) => {
  const started = await startChange(privacyServices(), session, input.kind, input.userIds);
  return started.ok ? succeed({ jobRunId: started.jobRunId }) : fail(started.error);
});

export const startSweep = portalAction({ destructive: true, input: z.object({ months: z.number().int().min(1).max(120) }) }, async (input, session) => {
  const started = await startDismissedSweep(privacyServices(), session, input.months);
  return started.ok ? succeed({ jobRunId: started.jobRunId }) : fail(started.error);
});

export const saveSettings = portalAction(
  { admin: true, input: z.object({ allowAnonymisation: z.boolean(), allowErasure: z.boolean(), linkDays: z.number().int().min(1).max(LINK_DAYS_MAX) }) },
  async (input, session) => {
    await savePrivacySettings(services().prisma, session.portalId, input, session.userId);
    return succeed();
  },
);

export const setUserRights = portalAction({ admin: true, input: z.object({ userIds, right: kind, granted: z.boolean() }) }, async (input, session) => {
  await setRight(services().prisma, session.portalId, input.userIds, input.right, input.granted, session.userId);
  return succeed();
});

/** The remaining work of the users on one page of the dismissed list, in one request. */
export const readRemainingWork = portalAction(
  { admin: true, input: z.object({ userIds: z.array(z.number().int().positive()).min(1).max(50) }) },
  async (input, session) => {
    const client = await services().clients.clientFor(session.portalId, { userId: session.userId });
    return succeed({ work: await remainingWork(client, input.userIds) });
  },
);
