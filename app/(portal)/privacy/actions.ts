"use server";

import { z } from "zod";
import {
  previewFor,
  readSweep,
  readRemainingWork as readRemainingWorkFor,
  savePrivacySettings,
  setUserRights as setUserRightsFor,
  startChange,
  startDismissedSweep,
  startDownload,
} from "@/lib/privacy";
import { services } from "@/lib/services";
import { portalAction, succeed } from "../server-action";

/**
 * The Privacy tool's server actions. Each goes through portalAction (session — and admin where it
 * says — checked before the input is parsed); lib/privacy applies the master switches and
 * per-user rights again, whatever the page showed, and refuses (lib/errors Refused) in words.
 */

const kind = z.enum(["anonymise", "erase"]);
const userIds = z.array(z.number().int().positive()).min(1).max(200);

export const startMyDownload = portalAction({ input: z.object({ saveToDrive: z.boolean() }) }, async (input, session) => {
  const { jobRunId } = await startDownload(services(), session, input);
  return succeed({ jobRunId });
});

export const previewMyChange = portalAction({ input: z.object({ kind }) }, async (input, session) =>
  previewFor(services(), session, { kind: input.kind, subjectUserId: session.userId }),
);

/** Self-service: the typed word is checked on the client; the rights are checked here. */
export const startMyChange = portalAction({ input: z.object({ kind }) }, async (input, session) => {
  const { jobRunId } = await startChange(services(), session, { kind: input.kind, subjects: [session.userId] });
  return succeed({ jobRunId });
});

export const previewUserChange = portalAction({ admin: true, input: z.object({ kind, userId: z.number().int().positive() }) }, async (input, session) =>
  previewFor(services(), session, { kind: input.kind, subjectUserId: input.userId }),
);

export const startUsersChange = portalAction({ destructive: true, input: z.object({ kind, userIds }) }, async (input, session) => {
  const { jobRunId } = await startChange(services(), session, { kind: input.kind, subjects: input.userIds });
  return succeed({ jobRunId });
});

/** Who "dismissed more than N months ago" is, listed before the confirmation (N out of range is refused in words). */
export const previewSweep = portalAction({ admin: true, input: z.object({ months: z.number() }) }, async (input, session) =>
  readSweep(services(), session, input),
);

/** Anonymises exactly the people the administrator confirmed, those who still match. */
export const startSweep = portalAction(
  { destructive: true, input: z.object({ months: z.number(), userIds: z.array(z.number().int().positive()).min(1).max(5000) }) },
  async (input, session) => {
    const { jobRunId } = await startDismissedSweep(services(), session, input);
    return succeed({ jobRunId });
  },
);

export const saveSettings = portalAction(
  // linkDays out of range is refused by lib/privacy in words (1 to LINK_DAYS_MAX), not as "invalid".
  { admin: true, input: z.object({ allowAnonymisation: z.boolean(), allowErasure: z.boolean(), linkDays: z.number() }) },
  async (input, session) => savePrivacySettings(services(), session, input),
);

export const setUserRights = portalAction({ admin: true, input: z.object({ userIds, right: kind, granted: z.boolean() }) }, async (input, session) =>
  setUserRightsFor(services(), session, input),
);

/** The remaining work of the users on one page of the dismissed list, in one request. */
export const readRemainingWork = portalAction(
  { admin: true, input: z.object({ userIds: z.array(z.number().int().positive()).min(1).max(50) }) },
  async (input, session) => readRemainingWorkFor(services(), session, input),
);
