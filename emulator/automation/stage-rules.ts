/**
 * What an administrator does on a pipeline's automation page, and a person on a deal card: put a
 * registered robot on a stage (with its property values), take it off, and move a lead or deal to
 * another stage — which runs the robots of that stage, as a move through REST does
 * (methods/crm/crm-events.ts). Shared by the portal page (portal-page/crm-card.ts) and the control
 * API (control/automation-routes.ts).
 */
import { crmEventPrefix } from "../events/catalog";
import { emitEvent } from "../events/emit";
import type { RobotCall, StageRobot } from "../state/automation";
import type { EmulatorStore } from "../state/store";
import { now } from "../state/store";
import type { Portal } from "../state/types";
import { robotOffered } from "./documents";
import { automationOf, robotOf, runStageRobots, stageIdOf } from "./run-robots";

export class AutomationError extends Error {}

/** The stages (status indexes) of the pipeline a lead or deal row is in. */
export function pipelineStages(portal: Portal, entityTypeId: number, row: number): number[] {
  const category = portal.data.crm.get(entityTypeId)?.int("categoryId", row) ?? 0;
  return portal.data.catalog.stagesOf.get(`${entityTypeId}:${category}`) ?? [];
}

function stageExists(portal: Portal, entityTypeId: number, stageId: string): boolean {
  return portal.data.catalog.statuses.some((s) => s.entityTypeId === entityTypeId && s.statusId === stageId);
}

export interface PlaceRobot {
  entityTypeId: number;
  stageId: string;
  clientId: string;
  code: string;
  properties?: Record<string, unknown>;
}

/** Puts a registered robot on a stage; refused when the robot is unknown, not offered for the type, or the stage is not the type's. */
export function placeRobot(portal: Portal, input: PlaceRobot): StageRobot {
  const robot = robotOf(portal, input.clientId, input.code);
  if (!robot) throw new AutomationError(`no robot "${input.code}" registered by ${input.clientId}`);
  if (!robotOffered(robot, input.entityTypeId)) throw new AutomationError(`robot "${input.code}" is not offered for entity type ${input.entityTypeId}`);
  if (!stageExists(portal, input.entityTypeId, input.stageId)) throw new AutomationError(`no stage "${input.stageId}" of entity type ${input.entityTypeId}`);
  const automation = automationOf(portal);
  const rule: StageRobot = {
    id: ++automation.seq.rule,
    entityTypeId: input.entityTypeId,
    stageId: input.stageId,
    clientId: input.clientId,
    code: input.code,
    properties: { ...(input.properties ?? {}) },
  };
  automation.rules.push(rule);
  return rule;
}

export function removeRobot(portal: Portal, ruleId: number): boolean {
  const automation = automationOf(portal);
  const before = automation.rules.length;
  automation.rules = automation.rules.filter((r) => r.id !== ruleId);
  return automation.rules.length < before;
}

/**
 * Moves a lead or deal (record `id`) to `stageId` of its pipeline as `userId` would on its card:
 * the record changes, its update event goes out, and the stage's robots run. Answers the calls.
 */
export function moveToStage(store: EmulatorStore, portal: Portal, entityTypeId: number, id: number, stageId: string, userId: number): RobotCall[] {
  const table = portal.data.crm.get(entityTypeId);
  if (!table?.has(id)) throw new AutomationError(`no record ${id} of entity type ${entityTypeId}`);
  const row = id - 1;
  const target = pipelineStages(portal, entityTypeId, row).find((i) => portal.data.catalog.statuses[i].statusId === stageId);
  if (target === undefined) throw new AutomationError(`stage "${stageId}" is not in the record's pipeline`);
  if (stageIdOf(portal, entityTypeId, row) === stageId) return [];
  table.setInt("stage", row, target);
  table.setInt("updatedBy", row, userId);
  table.setInt("updatedAt", row, Math.floor(now(store).getTime() / 1000));
  const prefix = crmEventPrefix(entityTypeId);
  if (prefix) emitEvent(store, portal, `${prefix}UPDATE`, { FIELDS: { ID: String(id) } }, { userId, clientId: null, authConnector: "" });
  return runStageRobots(store, portal, entityTypeId, row, userId);
}
