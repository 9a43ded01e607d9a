/**
 * Registering the robot with the portal (b24restdocs api-reference/bizproc/bizproc-robot/
 * bizproc-robot-add.md, -update.md, -list.md): at install when the portal granted `bizproc`, and
 * again when the app is updated — the portal drops an app's robots with its update (ONAPPUPDATE),
 * while the robots put on stages stay and fail until the code is registered again. Registering is
 * idempotent: a code the app already has is updated, not added twice
 * (ERROR_ACTIVITY_ALREADY_INSTALLED). Only an administrator may register; we use one's token.
 */
import type { Bitrix24Client, ClientFactory } from "../../bitrix24";
import { logger } from "../../log";
import { ROBOT_CODE, robotRegistration } from "./definition";

const log = logger("robot");

type Client = Pick<Bitrix24Client, "call">;

/** Adds the robot, or updates its registration when the app has it already. */
export async function registerRobot(client: Client, appUrl: string, authUserId: number): Promise<"added" | "updated"> {
  const registration = robotRegistration(appUrl, authUserId);
  const codes = (await client.call<unknown>("bizproc.robot.list")).result;
  if (Array.isArray(codes) && codes.includes(ROBOT_CODE)) {
    const { CODE, ...fields } = registration;
    await client.call("bizproc.robot.update", { CODE, FIELDS: fields });
    return "updated";
  }
  await client.call("bizproc.robot.add", registration);
  return "added";
}

/** At install (lib/lifecycle InstallHooks): registers the robot when `bizproc` was granted. */
export async function registerRobotOnInstall(portal: { client: Client; scopes: string[]; userId: number }, appUrl: string): Promise<boolean> {
  if (!portal.scopes.includes("bizproc")) return false;
  await registerRobot(portal.client, appUrl, portal.userId);
  return true;
}

/**
 * On ONAPPUPDATE (lib/lifecycle EventHooks): registers the robot again with an administrator's
 * stored token. A portal that did not grant `bizproc` answers insufficient_scope: nothing to do.
 */
export async function registerRobotOnUpdate(deps: { clients: Pick<ClientFactory, "adminClientFor">; appUrl: string }, portalId: string): Promise<boolean> {
  try {
    const client = await deps.clients.adminClientFor(portalId);
    const owner = await client.call<{ ID?: string | number }>("profile");
    await registerRobot(client, deps.appUrl, Number(owner.result.ID));
    return true;
  } catch (error) {
    log.warn("robot not registered after update", { portalId, error });
    return false;
  }
}
