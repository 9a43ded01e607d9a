/**
 * Mail: the Gmail sidebar's backend (front door). The extension holds only an extension session
 * token; everything that reaches the portal goes through here, as the session's user.
 */
import type { MailDeps } from "./deps";
import { MailUnauthorizedError } from "./errors";
import { SESSION_PORTAL_SELECT, type SessionPortal } from "./sessions";

export { type MailDeps } from "./deps";
export { MailUnauthorizedError, MailValidationError, PortalNotFoundError, MailRateLimitError, RecordGoneError, SessionEndedError } from "./errors";
export {
  authenticate,
  claimSession,
  createPendingSession,
  challengeOf,
  SESSION_TTL_MS,
  type AuthenticatedSession,
  type ExtensionAuth,
  type SessionPortal,
} from "./sessions";
export {
  revokeSession,
  revokePortalSession,
  revokeUsersSessions,
  listSessions,
  listPortalSessions,
  countPortalSessions,
  type SessionSummary,
} from "./revocation";
export { explainRefusal } from "./refusals";
export { dismissedSessionsJob, scheduleMailJobs } from "./jobs";
export { endUninstalledSession, uninstalledSchema, uninstallUrl } from "./uninstall";
export { startConnect, finishConnect, connectStartSchema, connectCallbackSchema, CALLBACK_PATH } from "./connect";
export { lookupParticipants, lookupSchema, lookupCommands, MAX_PARTICIPANTS, type ParticipantResult } from "./lookup";
export { createRecord, createSchema, type CreateInput, type CreateOutcome, type Duplicate } from "./create";
export { logEmail, logEmailSchema, findLogged, messageIdHash, type LogEmailInput } from "./log-email";
export { readPipelines, type PipelineCatalogue } from "./pipelines";
export { takeSessionToken, SESSION_LIMIT } from "./rate-limit";

/** The session's portal: its address (for links) and language. */
export async function sessionPortal(deps: Pick<MailDeps, "prisma">, auth: { portalId: string; portal?: SessionPortal }): Promise<SessionPortal> {
  if (auth.portal) return auth.portal; // read with the session (authenticate)
  const portal = await deps.prisma.portal.findUnique({ where: { id: auth.portalId }, select: SESSION_PORTAL_SELECT });
  if (!portal) throw new MailUnauthorizedError("StaffSuite is no longer installed in this Bitrix24");
  return portal;
}

/** The session's portal and a REST client acting as its user (no second read of the portal's row). */
export async function portalContext(deps: MailDeps, auth: { portalId: string; userId: number; portal?: SessionPortal }) {
  const portal = await sessionPortal(deps, auth);
  const client = await deps.clients.clientFor(auth.portalId, { userId: auth.userId, portal });
  return { portal, client };
}
