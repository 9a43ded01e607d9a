/**
 * Control API rows about a portal's CRM automation (emulator/automation/): the robots apps
 * registered, the robots on stages and their calls; putting a robot on a stage, taking it off and
 * moving a lead or deal to a stage as a person on its card would (which runs the stage's robots).
 */
import { AutomationError, moveToStage, placeRobot, removeRobot } from "../automation/stage-rules";
import { automationOf } from "../automation/run-robots";
import type { Portal } from "../state/types";
import { ControlError, numberOr, portalRoute, type ControlRoute, type Json } from "./route-table";

function view(portal: Portal, q: URLSearchParams): Json {
  const automation = automationOf(portal);
  const etid = q.get("entityTypeId");
  const record = q.get("recordId");
  return {
    robots: [...portal.installs.values()].flatMap((i) => i.robots ?? []),
    rules: automation.rules.filter((r) => !etid || r.entityTypeId === Number(etid)),
    calls: automation.calls.filter((c) => (!etid || c.entityTypeId === Number(etid)) && (!record || c.recordId === Number(record))),
  };
}

function refused<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AutomationError) throw new ControlError(400, error.message);
    throw error;
  }
}

export const automationRoutes: ControlRoute[] = [
  portalRoute("GET", "automation", ({ portal, query }) => view(portal, query)),
  portalRoute("POST", "automation/rules", ({ portal, body }) =>
    refused(() =>
      placeRobot(portal, {
        entityTypeId: numberOr(body.entityTypeId, 2),
        stageId: String(body.stageId ?? ""),
        clientId: String(body.clientId ?? ""),
        code: String(body.code ?? ""),
        properties: body.properties && typeof body.properties === "object" ? (body.properties as Json) : {},
      }),
    ),
  ),
  portalRoute("DELETE", "automation/rules/:id", ({ portal, params }) => {
    if (!removeRobot(portal, Number(params.id))) throw new ControlError(404, `no rule ${params.id}`);
    return { ok: true };
  }),
  portalRoute("POST", "automation/move", ({ store, portal, body }) => ({
    calls: refused(() => moveToStage(store, portal, numberOr(body.entityTypeId, 2), Number(body.id), String(body.stageId ?? ""), numberOr(body.userId, 1))),
  })),
];
