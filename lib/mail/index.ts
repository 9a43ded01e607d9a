/**
 * Mail: the Gmail sidebar's backend (front door). The extension holds only an extension session
 * token; everything that reaches the portal goes through here, as the session's user.
 */
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
export { revokeSession, revokeUsersSessions } from "./revocation";
export { dismissedSessionsJob, scheduleMailJobs } from "./jobs";
export { revokeMyConnection, revokeAnyConnection, connectionSchema } from "./connections";
export { explainRefusal } from "./refusals";
export { sessionPortal, portalContext } from "./session-portal";
export { readMailPreview, PREVIEW_STRANGER, type MailPreview, type PreviewParticipant } from "./preview";
export { endUninstalledSession, uninstalledSchema, uninstallUrl } from "./uninstall";
export { readMailPage, type MailPageView, type BrowserSession, type EndedSession, type PersonSessions } from "./page";
export { findExtensionPackage, type ExtensionPackage } from "./extension-package";
export { startConnect, finishConnect, connectStartSchema, connectCallbackSchema, CALLBACK_PATH } from "./connect";
export { lookupParticipants, lookupSchema, lookupCommands, MAX_PARTICIPANTS, type ParticipantResult } from "./lookup";
export { createRecord, createSchema, type CreateInput, type CreateOutcome, type Duplicate } from "./create";
export { logEmail, logEmailSchema, findLogged, messageIdHash, type LogEmailInput } from "./log-email";
export { readPipelines, type PipelineCatalogue } from "./pipelines";
export { takeSessionToken, SESSION_LIMIT } from "./rate-limit";
