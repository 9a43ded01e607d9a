/**
 * Mail: the Gmail sidebar's backend (front door). The extension holds only an extension session
 * token; everything that reaches the portal goes through here, as the session's user.
 */
import type { MailDeps } from "./deps";
import { MailError } from "./errors";

export { type MailDeps } from "./deps";
export { MailError, MailUnauthorizedError, MailValidationError, MailNotFoundError, MailRateLimitError, AlreadyLoggedError, DuplicatesFoundError } from "./errors";
export { authenticate, claimSession, revokeSession, listSessions, countPortalSessions, challengeOf, SESSION_TTL_MS, type ExtensionAuth, type SessionSummary } from "./sessions";
export { startConnect, finishConnect, connectStartSchema, connectCallbackSchema, CALLBACK_PATH } from "./connect";
export { lookupParticipants, lookupSchema, lookupCommands, MAX_PARTICIPANTS, type ParticipantResult } from "./lookup";
export { createRecord, createSchema, type CreateInput, type Duplicate } from "./create";
export { logEmail, logEmailSchema, findLogged, messageIdHash, type LogEmailInput } from "./log-email";
export { readPipelines, type PipelineCatalogue } from "./pipelines";
export { takeSessionToken, SESSION_LIMIT } from "./rate-limit";

/** The session's portal (address for links, language) and a REST client acting as its user. */
export async function portalContext(deps: MailDeps, auth: { portalId: string; userId: number }) {
  const portal = await deps.prisma.portal.findUnique({ where: { id: auth.portalId }, select: { id: true, domain: true, protocol: true, lang: true, status: true } });
  if (!portal) throw new MailError(401, "unauthorized", "StaffSuite is no longer installed in this Bitrix24");
  const client = await deps.clients.clientFor(auth.portalId, { userId: auth.userId });
  return { portal, client };
}
