/**
 * What the portal does when a lead or deal enters a stage that holds robots: one workflow for the
 * stage entry, and for each robot a call to its app's handler, sent through the portal's queue as
 * modules/bizproc/activities/bitrix/restactivity/restactivity.php Execute() builds it:
 * `workflow_id`, `code`, `document_id`, `document_type`, `event_token`, `properties` (the values
 * set on the stage, else each property's DEFAULT), `use_subscription`, `timeout_duration`, `ts`,
 * and `auth` — the token of the robot's AUTH_USER_ID (else of the user who moved the record), the
 * portal's member_id and the app's application_token, but no refresh token ("sendRefreshToken"
 * false). A robot registered with USE_SUBSCRIPTION=Y waits until bizproc.event.send completes it
 * (robot-calls.ts); one with N is done once its call is sent. A robot whose app no longer has it
 * registered fails without a call (BPRA_NOT_FOUND_ERROR).
 */
import { randomBytes, randomInt } from "node:crypto";
import { sendForm } from "../events/deliver";
import { issueTokens, tokenWireFields } from "../oauth/tokens";
import { emptyAutomation, type AutomationState, type RobotCall, type RobotRegistration, type StageRobot } from "../state/automation";
import type { EmulatorStore } from "../state/store";
import { now } from "../state/store";
import type { Portal } from "../state/types";
import { documentId, documentType } from "./documents";
import { signEventToken } from "./event-token";

export function automationOf(portal: Portal): AutomationState {
  return (portal.automation ??= emptyAutomation());
}

export function robotOf(portal: Portal, clientId: string, code: string): RobotRegistration | undefined {
  return portal.installs.get(clientId)?.robots?.find((r) => r.code === code);
}

/** The STATUS_ID of a CRM row's stage ("" when it has none). */
export function stageIdOf(portal: Portal, entityTypeId: number, row: number): string {
  const index = portal.data.crm.get(entityTypeId)?.int("stage", row) ?? -1;
  return portal.data.catalog.statuses[index]?.statusId ?? "";
}

/** A workflow ID in the server's shape (uniqid with more entropy: 14 hex digits, a dot, 8 digits). */
function workflowIdNow(store: EmulatorStore): string {
  const hex = Math.floor(now(store).getTime() / 1000).toString(16) + randomBytes(3).toString("hex");
  return `${hex.slice(0, 14)}.${String(randomInt(10_000_000, 99_999_999))}`;
}

const activityName = () => `A${[0, 0, 0, 0].map(() => randomInt(10_000, 99_999)).join("_")}`;
const eventIdNow = () => randomBytes(24).toString("base64url").slice(0, 32);

/** The property values a call carries: the stage's, else each property's DEFAULT; bools as Y / N. */
function propertyValues(robot: RobotRegistration, rule: StageRobot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(robot.properties)) {
    let value = key in rule.properties ? rule.properties[key] : (prop.DEFAULT ?? null);
    if (prop.TYPE === "bool" && value !== null) value = [true, "Y", "y", "1", 1].includes(value as never) ? "Y" : "N";
    out[key] = value;
  }
  return out;
}

function startCall(store: EmulatorStore, portal: Portal, rule: StageRobot, recordId: number, workflowId: string, causeUserId: number): RobotCall {
  const automation = automationOf(portal);
  const call: RobotCall = {
    id: ++automation.seq.call,
    ruleId: rule.id,
    clientId: rule.clientId,
    code: rule.code,
    entityTypeId: rule.entityTypeId,
    recordId,
    stageId: rule.stageId,
    workflowId,
    activityName: activityName(),
    eventId: eventIdNow(),
    authUserId: causeUserId,
    startedAt: now(store).toISOString(),
    status: "waiting",
    returnValues: {},
    log: [],
    completedAt: null,
    error: null,
    deliveryId: null,
  };
  automation.calls.push(call);
  const robot = robotOf(portal, rule.clientId, rule.code);
  const install = portal.installs.get(rule.clientId);
  if (!robot || !install?.installed) {
    call.status = "failed";
    call.error = "The robot is not registered by its application (it was updated or removed)";
    call.completedAt = call.startedAt;
    return call;
  }
  if (robot.authUserId > 0 && portal.users.get(robot.authUserId)?.active) call.authUserId = robot.authUserId;
  const tokens = issueTokens(store, portal, rule.clientId, call.authUserId);
  const { refresh_token: _noRefresh, ...auth } = tokenWireFields(tokens, tokens.domain);
  const { delivery } = sendForm(store, {
    portalKey: portal.key,
    clientId: rule.clientId,
    event: "BIZPROC_ROBOT",
    handler: robot.handler,
    fields: {
      workflow_id: workflowId,
      code: robot.code,
      document_id: documentId(rule.entityTypeId, recordId),
      document_type: documentType(rule.entityTypeId),
      event_token: signEventToken(store, call),
      properties: propertyValues(robot, rule),
      use_subscription: robot.useSubscription,
      timeout_duration: 0,
      ts: Math.floor(now(store).getTime() / 1000),
      auth: { ...auth, application_token: install.applicationToken },
    },
  });
  call.deliveryId = delivery.id;
  if (robot.useSubscription !== "Y") {
    call.status = "completed";
    call.completedAt = call.startedAt;
  }
  return call;
}

/**
 * A lead or deal (row `row` of `entityTypeId`) has entered its current stage: runs the robots put
 * on that stage, in their order, and answers the calls started (none when the stage has no robots).
 */
export function runStageRobots(store: EmulatorStore, portal: Portal, entityTypeId: number, row: number, causeUserId: number): RobotCall[] {
  if (!documentType(entityTypeId)) return [];
  const stageId = stageIdOf(portal, entityTypeId, row);
  const rules = (portal.automation?.rules ?? []).filter((r) => r.entityTypeId === entityTypeId && r.stageId === stageId);
  if (!rules.length) return [];
  const workflowId = workflowIdNow(store);
  return rules.map((rule) => startCall(store, portal, rule, row + 1, workflowId, causeUserId));
}
