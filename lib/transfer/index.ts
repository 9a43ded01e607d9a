/**
 * The Transfer tool (front door): plans, the durable transfer/undo/return job, temporary
 * cover, notifications, history and the dismissal watch. See docs/transfer.md. Code outside
 * lib/transfer uses only what this file exports.
 */
export { transferRequestSchema, querySchema, type TransferRequest, type TransferQuery } from "./request";
export { startTransfer, cancelTransfer, retryTransfer } from "./start";
export { undoTransfer, previewGiveBack } from "./undo";
export { changeReturn } from "./temporary";
export { searchEmployees, countRecords, listPipelines, previewTransfer } from "./choices";
export { readTransferStatus, readTransferProgress } from "./progress";
export { readTransferHome, readTransferPage, readHistory, readOverview } from "./views";
export { peopleByIds } from "./people";
export { transferRunJob } from "./run-job";
export { returnsDueJob, dismissalWatchJob, handOversDueJob, scheduleTransferJobs } from "./jobs";
export { parseRobotCall, ROBOT_CALL_MAX_BYTES } from "./robot/call";
export { robotHandOverJob, startRobotHandOver } from "./robot/hand-over";
export { registerRobotOnInstall, registerRobotOnUpdate } from "./robot/register";
export {
  cancelDismissalPlan,
  changeDismissalPlan,
  checkDismissalsNow,
  dismissalRuleSchema,
  readDismissalRules,
  removeDismissalRule,
  runDismissalPlan,
  saveDismissalRule,
  type DismissalRulesPage,
} from "./dismissal-rules/manage";
export { RULES_DEEP_LINK } from "./dismissal-rules/links";
export { OVERVIEW_DEEP_LINK, appPathForPlacement, bindPlacementsOnInstall } from "./placement";
