/**
 * bizproc.event.send and bizproc.activity.log: an app answering a robot call
 * (b24restdocs api-reference/bizproc/bizproc-robot/bizproc-event-send.md,
 * bizproc-activity/bizproc-activity-log.md; modules/bizproc/lib/restservice.php sendEvent,
 * writeActivityLog). Any user may call them; parameters are read in any case. The EVENT_TOKEN must
 * be one this portal signed (else ACCESS_DENIED 403, extractEventToken's AccessException).
 * event.send completes the call with RETURN_VALUES and LOG_MESSAGE; activity.log needs a
 * LOG_MESSAGE (ERROR_EMPTY_LOG_MESSAGE) and leaves the call waiting. An answer for a workflow that
 * has already ended fails with the runtime's error, passed on as the server passes it on
 * (RestException with the runtime's message; the emulator names it ERROR_CORE).
 */
import { completeRobotCall, logRobotCall, type CallAnswer } from "../../automation/robot-calls";
import type { EventTokenParts } from "../../automation/event-token";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";

function upperParams(call: MethodCall): Record<string, unknown> {
  return Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
}

function token(call: MethodCall, p: Record<string, unknown>): EventTokenParts {
  const parts = call.automation.readEventToken(p.EVENT_TOKEN);
  if (!parts) throw new RestError("ACCESS_DENIED", "Access denied!", 403);
  return parts;
}

function answered(outcome: CallAnswer) {
  if (outcome.kind === "ended") throw new RestError("ERROR_CORE", "Workflow instance not found", 400);
  return { result: true };
}

function send(call: MethodCall) {
  const p = upperParams(call);
  const parts = token(call, p);
  const values = p.RETURN_VALUES && typeof p.RETURN_VALUES === "object" ? (p.RETURN_VALUES as Record<string, unknown>) : {};
  return answered(completeRobotCall(call.now, call.portal, parts, values, typeof p.LOG_MESSAGE === "string" ? p.LOG_MESSAGE : ""));
}

function log(call: MethodCall) {
  const p = upperParams(call);
  const parts = token(call, p);
  const message = typeof p.LOG_MESSAGE === "string" ? p.LOG_MESSAGE : "";
  if (!message) throw new RestError("ERROR_EMPTY_LOG_MESSAGE", "Empty log message!", 400);
  return answered(logRobotCall(call.portal, parts, message));
}

defineMethods({ name: "bizproc.event.send", scope: "bizproc", handler: send }, { name: "bizproc.activity.log", scope: "bizproc", handler: log });
