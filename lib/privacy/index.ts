// Privacy: personal-data download, anonymisation, erasure, per-user rights, master settings,
// dismissed users and the requests log. app/ uses only what this file exports.
import { services } from "../services";
import type { PrivacyDeps } from "./deps";
import { privacyJobs } from "./jobs";

export type { PrivacyDeps } from "./deps";
export { privacyJobs, downloadInputSchema, changeInputSchema } from "./jobs";
export { runDownload, type DownloadInput } from "./download/run-download";
export { createRequests } from "./requests/requests-log";
import type { PrivacyServices } from "./requests/start-requests";
export { startDownload, startChange, startDismissedSweep, type PrivacyServices, type Requester, type Started } from "./requests/start-requests";
export { readPrivacySettings, savePrivacySettings, privacySettingsSchema, LINK_DAYS_MAX, type PrivacySettings } from "./settings";
export { readRights, setRight, countGranted, type UserRights, type RightName } from "./rights";
export { decide, type PrivacyAction, type Refusal } from "./requests/permissions";
export { listRequests, latestRequestsOf, oneMonthAfter, type RequestRow, type RequestKind, type RequestStatus } from "./requests/requests-log";
export { openArchive, type ArchiveAccess } from "./download/serve";
export { DOWNLOAD_DEEP_LINK } from "./download/download-link";
export { previewChange, type FieldChange } from "./change/preview";
export { findDismissed, type DismissedUser } from "./dismissed";
/** A dismissed user's remaining work, as the dismissed-users tab shows it (counted in lib/ownership, as the dismissal watch counts it). */
export { remainingWork } from "../ownership";
export { NOT_ERASABLE, KEPT_FIELDS, pseudonymCode } from "./change/field-plans";
export {
  myPrivacyView,
  previewFor,
  listDepartments,
  listActiveUsers,
  listDismissed,
  requestLogView,
  type MyPrivacyView,
  type Viewer,
  type PortalUserRow,
} from "./views";

let deps: PrivacyDeps | undefined;

/** The process's Privacy dependencies, from the composition root (lib/services.ts). */
export function privacyDeps(): PrivacyDeps {
  if (!deps) {
    const app = services();
    deps = { prisma: app.prisma, keys: app.keys, clients: app.clients, appClientId: app.credentials.clientId };
  }
  return deps;
}

/** The jobs as the worker and the web process know them (lib/job-catalogue.ts). */
export const privacyJobDefinitions = privacyJobs(privacyDeps);

/** What the server actions start requests with: the deps, the process's job runtime and the jobs. */
export function privacyServices(): PrivacyServices {
  return { ...privacyDeps(), jobs: services().jobs, definitions: privacyJobDefinitions };
}
