// Privacy: personal-data download, anonymisation, erasure, per-user rights, master settings,
// dismissed users and the requests log. Code outside lib/privacy uses only what this file exports.
export { privacyDownloadJob, privacyChangeJob } from "./jobs";
export { startDownload, startChange } from "./requests/start-requests";
export { readSweep, startDismissedSweep, SWEEP_MONTHS } from "./requests/sweep";
export { createRequests } from "./requests/requests-log";
export { runDownload } from "./download/run-download";
export { openArchive } from "./download/serve";
export { DOWNLOAD_DEEP_LINK } from "./download/download-link";
export { readPrivacySettings, savePrivacySettings, LINK_DAYS_MAX } from "./settings";
export { setUserRights } from "./rights";
export { myPrivacyView, previewFor, readUsersTab, readDismissedTab, readRemainingWork, requestLogView } from "./views";
