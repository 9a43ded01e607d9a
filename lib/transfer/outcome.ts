/**
 * What a run ended as, and why a record failed, in words: the pages never show a portal's raw
 * code. A run is completed, completed with failures (records the portal refused, types it refused
 * to list while planning), or failed (nothing moved and something failed); a cancelled run says so.
 * Each stored code becomes a reason (`transfer.failure.<reason>`) and whether a retry as it stands
 * would meet the same answer (the portal's error tables: b24restdocs api-reference/crm/universal/
 * crm-item-update.md, tasks/tasks-task-update.md, sonet-group/sonet-group-setowner.md).
 */

export const FAILURE_REASONS = [
  "not_found",
  "access_denied",
  "scope",
  "module_off",
  "configurable_activity",
  "owner_refused",
  "receiver_dismissed",
  "receiver_external",
  "receiver_unknown",
  "changed",
  "list_incomplete",
  "other",
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

/** A stored code (the portal's, or ours for receivers and records changed since) as a reason. */
export function failureReason(code: string | null | undefined): FailureReason {
  const c = (code ?? "").toUpperCase();
  if (c === "NOT_FOUND" || c === "ERROR_NOT_FOUND" || c === "ENTITY_NOT_FOUND" || c === "ERROR_ENTITY_NOT_FOUND") return "not_found";
  if (c === "ACCESS_DENIED" || c === "ERROR_ACCESS_DENIED" || c === "ERROR_CORE_ACCESS_DENIED") return "access_denied";
  if (c === "INSUFFICIENT_SCOPE") return "scope";
  if (c === "ERROR_METHOD_NOT_FOUND" || c === "METHOD_NOT_FOUND" || c === "ERROR_MODULE_NOT_INSTALLED") return "module_off";
  if (c === "CONFIGURABLE_ACTIVITY") return "configurable_activity";
  if (c === "OWNER_REFUSED") return "owner_refused";
  if (c === "RECEIVER_DISMISSED") return "receiver_dismissed";
  if (c === "RECEIVER_EXTERNAL") return "receiver_external";
  if (c === "RECEIVER_UNKNOWN") return "receiver_unknown";
  if (c === "CHANGED") return "changed";
  if (c === "LIST_INCOMPLETE") return "list_incomplete";
  return "other";
}

/**
 * What retrying the same record to the same receiver would meet: the same answer ("same"), the
 * same answer unless another receiver takes it ("receiver"), or perhaps success ("maybe").
 */
export function retryOutlook(reason: FailureReason): "same" | "receiver" | "maybe" {
  if (reason === "owner_refused" || reason.startsWith("receiver_")) return "receiver";
  if (reason === "other" || reason === "list_incomplete") return "maybe";
  return "same";
}

export type Outcome = "running" | "completed" | "completed_with_failures" | "failed" | "cancelled";

/** The run's outcome from its state and counts (planFailures: the types refused while planning). */
export function outcomeOf(r: { state: string; moved: number; failed: number; planFailures: number }): Outcome {
  if (r.state === "queued" || r.state === "planning" || r.state === "moving") return "running";
  if (r.state === "cancelled") return "cancelled";
  const failures = r.failed + r.planFailures;
  if (r.state === "failed" || (failures > 0 && r.moved === 0)) return "failed";
  return failures > 0 ? "completed_with_failures" : "completed";
}

/** The length of a stored JSON list (planFailures, noticeFailures); 0 for anything else. */
export function countOf(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}
