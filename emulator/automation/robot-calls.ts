/**
 * Answers to a waiting robot call (modules/bizproc/lib/restservice.php sendEvent / writeActivityLog
 * → restactivity.php OnExternalEvent):
 *  - bizproc.event.send completes the call: RETURN_VALUES are kept for the robot's
 *    RETURN_PROPERTIES only (matched without regard to case), LOG_MESSAGE (or the default line)
 *    goes to the log;
 *  - bizproc.activity.log adds a log line and leaves the call waiting;
 *  - an answer to a call already closed is ignored while its workflow still waits for another robot
 *    of the same stage; once the whole workflow has ended, the runtime cannot find it and the
 *    method fails with the runtime's error.
 */
import type { RobotCall } from "../state/automation";
import type { Portal } from "../state/types";
import type { EventTokenParts } from "./event-token";
import { robotOf } from "./run-robots";

/** The default log line of restactivity.php (BPRA_DEFAULT_LOG_MESSAGE). */
export const DEFAULT_LOG_MESSAGE = "Received response from the application";

export type CallAnswer = { kind: "done" } | { kind: "ended" };

function findCall(portal: Portal, parts: EventTokenParts): { call: RobotCall | undefined; workflowOpen: boolean } {
  const calls = (portal.automation?.calls ?? []).filter((c) => c.workflowId === parts.workflowId);
  const call = calls.find((c) => c.activityName === parts.activityName && c.eventId === parts.eventId);
  return { call, workflowOpen: calls.some((c) => c.status === "waiting") };
}

export function completeRobotCall(at: Date, portal: Portal, parts: EventTokenParts, returnValues: Record<string, unknown>, logMessage: string): CallAnswer {
  const { call, workflowOpen } = findCall(portal, parts);
  if (!workflowOpen) return { kind: "ended" };
  if (!call || call.status !== "waiting") return { kind: "done" };
  const allowed = new Map(Object.keys(robotOf(portal, call.clientId, call.code)?.returnProperties ?? {}).map((k) => [k.toUpperCase(), k]));
  for (const [key, value] of Object.entries(returnValues)) {
    const name = allowed.get(key.toUpperCase());
    if (name) call.returnValues[name] = value;
  }
  call.log.push(logMessage || DEFAULT_LOG_MESSAGE);
  call.status = "completed";
  call.completedAt = at.toISOString();
  return { kind: "done" };
}

export function logRobotCall(portal: Portal, parts: EventTokenParts, logMessage: string): CallAnswer {
  const { call, workflowOpen } = findCall(portal, parts);
  if (!workflowOpen) return { kind: "ended" };
  if (call?.status === "waiting") call.log.push(logMessage);
  return { kind: "done" };
}
