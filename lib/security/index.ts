// What guards the app's doors: capped bodies, rate limits, and where a request may come from.
export { readCappedBody, readFormFields } from "./request-body";
export {
  DEFAULT_VERIFICATION_LIMITS,
  processVerificationBudget,
  requestSource,
  VerificationBudget,
  type VerificationLimits,
  type VerificationTicket,
} from "./rate-limit";
export { frameAncestors, webOrigin } from "./frame";
export { ACTION_MAX_BYTES, checkPagePostBody, checkPagePostHeaders, type PagePostRefusal } from "./page-post";
export { isRecordId } from "./record-id";
