/**
 * The Transfer tool (front door): plans, the durable transfer/undo/return job, temporary
 * cover, notifications, history and the dismissal watch. See docs/transfer.md.
 */
export { transferRequestSchema, querySchema, selectionSchema, SPLIT_MODES, type TransferRequest, type TransferQuery, type SplitMode } from "./request";
export { assignReceivers, type Assignment } from "./assign";
export { planAssignments, rolesOf, type StoredOptions } from "./plan";
export { startTransfer, startReverse, requestCancel, checkReceivers, TransferRefused, type Enqueue, type TransferJobInput } from "./start";
export { rescheduleReturn, cancelReturn, setForceReturn, returnNow, startDueReturns, retryFailed } from "./temporary";
export { runTransfer, type RunResult } from "./run";
export { readTransferProgress, listItems, type TransferProgress, type TypeProgress } from "./progress";
export { listHistory, movedPerMonth, transferQuery, type HistoryEntry, type HistoryFilter, type MonthlyCount } from "./history";
export { watchDismissals } from "./dismissal-watch";
export { notifyReceivers } from "./notify";
export { transferJobs, transferRunJob, createTransferJobs, scheduleTransferJobs, type TransferJobs } from "./jobs";
export type { TransferDeps } from "./deps";
export { searchPeople, peopleByIds, type PersonView } from "./people";
export { OVERVIEW_DEEP_LINK, appPathForPlacement, bindProfilePlacement, bindPlacementsOnInstall, portalOverviewLink, PROFILE_PLACEMENT } from "./placement";
export { planCsv } from "./csv";
