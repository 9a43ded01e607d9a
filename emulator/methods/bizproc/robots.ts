/**
 * bizproc.robot.add / update / delete / list: an app's robots for CRM automation rules, as
 * modules/bizproc/lib/restservice.php (avshatalov48/bitrix24-core-corp) registers them, with the
 * docs' pages b24restdocs api-reference/bizproc/bizproc-robot/bizproc-robot-add.md, -update.md,
 * -delete.md, -list.md:
 *  - only in an app's context (a webhook: ACCESS_DENIED "Application context required") and only
 *    for an administrator (ACCESS_DENIED "Access denied!"), both 403;
 *  - parameter keys are read in any case and upper-cased down the tree, except the property codes
 *    under PROPERTIES and RETURN_PROPERTIES (prepareActivityData);
 *  - CODE: letters, digits, dot, hyphen, underscore, unique within the app; HANDLER: http(s) on the
 *    app's own host; NAME required; each property code a letter then letters, digits, underscores,
 *    each property a NAME; FILTER a list — the refusals are ERROR_ACTIVITY_VALIDATION_FAILURE with
 *    the server's sentences, ERROR_UNSUPPORTED_PROTOCOL, ERROR_WRONG_HANDLER_URL,
 *    ERROR_ACTIVITY_ALREADY_INSTALLED, ERROR_ACTIVITY_NOT_FOUND (400);
 *  - USE_PLACEMENT=Y binds the robot's settings slider to PLACEMENT_HANDLER (a private placement
 *    that placement.get does not show); delete removes it;
 *  - update changes only the FIELDS given ("No fields to update" when none is);
 *  - list answers the app's robot codes.
 * Registrations live on the app's install: updating or removing the app drops them
 * (apps/lifecycle.ts), while robots already on stages stay and fail until registered again.
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { RobotProperty, RobotRegistration } from "../../state/automation";
import type { AppInstall } from "../../state/types";
import { ROBOT_DIALOG_PLACEMENT } from "../platform/placement-catalog";

const invalid = (message: string) => new RestError("ERROR_ACTIVITY_VALIDATION_FAILURE", message, 400);

type Tree = Record<string, unknown>;

/** prepareActivityData: upper-case keys all the way down, but keep property codes as given. */
export function upperKeys(data: unknown, keepThisLevel = false): unknown {
  if (!data || typeof data !== "object") return data;
  if (Array.isArray(data)) return data.map((v) => upperKeys(v));
  const out: Tree = {};
  for (const [key, value] of Object.entries(data as Tree)) {
    const k = keepThisLevel ? key : key.toUpperCase();
    out[k] = upperKeys(value, k === "PROPERTIES" || k === "RETURN_PROPERTIES" || k === "OPTIONS");
  }
  return out;
}

/** The app's install, for an administrator calling in the app's context. */
function appContext(call: MethodCall): AppInstall {
  const install = call.app ? call.portal.installs.get(call.app.clientId) : undefined;
  if (!install) throw new RestError("ACCESS_DENIED", "Application context required", 403);
  if (!call.user.admin) throw new RestError("ACCESS_DENIED", "Access denied!", 403);
  return install;
}

function checkCode(code: unknown): string {
  if (code === undefined || code === null || code === "") throw invalid("Empty activity code!");
  if (typeof code !== "string" || !/^[a-z0-9.\-_]+$/i.test(code)) throw invalid("Wrong activity code!");
  return code;
}

/** HandlerHelper::checkCallback: an http(s) address on the app's own host (bizproc-robot-add.md, HANDLER). */
function checkHandler(call: MethodCall, handler: unknown): string {
  let url: URL;
  try {
    url = new URL(String(handler ?? ""));
  } catch {
    throw new RestError("ERROR_WRONG_HANDLER_URL", "Wrong handler URL", 400);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RestError("ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol", 400);
  const appHost = call.registration ? new URL(call.registration.handlerUrl).hostname : url.hostname;
  if (url.hostname !== appHost) throw new RestError("ERROR_WRONG_HANDLER_URL", "Wrong handler URL", 400);
  return url.toString();
}

function checkProperties(properties: unknown): Record<string, RobotProperty> {
  if (!properties || typeof properties !== "object" || Array.isArray(properties)) throw invalid("Wrong properties array!");
  for (const [key, property] of Object.entries(properties as Tree)) {
    if (!/^[a-z][a-z0-9_]*$/i.test(key)) throw invalid(`Wrong property key (${key})!`);
    if (!property || typeof property !== "object" || !(property as Tree).NAME) throw invalid(`Empty property NAME (${key})!`);
  }
  return properties as Record<string, RobotProperty>;
}

function checkFilter(filter: unknown): RobotRegistration["filter"] {
  if (filter === undefined || filter === null || filter === "") return null;
  if (typeof filter !== "object") throw invalid("Wrong activity FILTER!");
  return filter as RobotRegistration["filter"];
}

const yn = (v: unknown): "Y" | "N" => (v === "Y" || v === true ? "Y" : "N");
const textOrLocalized = (v: unknown): string | Record<string, string> =>
  v && typeof v === "object" ? (v as Record<string, string>) : typeof v === "string" || typeof v === "number" ? String(v) : "";

/** The robot-settings slider of USE_PLACEMENT=Y, bound or moved to `handler`. */
function bindDialog(install: AppInstall, code: string, handler: string): void {
  const list = (install.placements ??= []);
  const existing = list.find((b) => b.placement === ROBOT_DIALOG_PLACEMENT && b.additional === code);
  if (existing) existing.handler = handler;
  else
    list.push({
      id: Math.max(0, ...list.map((b) => b.id)) + 1,
      placement: ROBOT_DIALOG_PLACEMENT,
      handler,
      userId: 0,
      title: "",
      langAll: {},
      options: [],
      additional: code,
    });
}

function unbindDialog(install: AppInstall, code: string): void {
  install.placements = (install.placements ?? []).filter((b) => !(b.placement === ROBOT_DIALOG_PLACEMENT && b.additional === code));
}

function add(call: MethodCall) {
  const install = appContext(call);
  const p = upperKeys(call.params) as Tree;
  if (!Object.keys(p).filter((k) => k !== "AUTH").length) throw invalid("Empty data!");
  const code = checkCode(p.CODE);
  const handler = checkHandler(call, p.HANDLER);
  if (!p.NAME) throw invalid("Empty activity NAME!");
  const properties = p.PROPERTIES === undefined ? {} : checkProperties(p.PROPERTIES);
  const returnProperties = p.RETURN_PROPERTIES === undefined ? {} : checkProperties(p.RETURN_PROPERTIES);
  const filter = checkFilter(p.FILTER);
  const robots = (install.robots ??= []);
  if (robots.some((r) => r.code === code)) throw new RestError("ERROR_ACTIVITY_ALREADY_INSTALLED", "Activity or Robot already installed!", 400);
  const usePlacement = yn(p.USE_PLACEMENT);
  if (usePlacement === "Y") bindDialog(install, code, checkHandler(call, p.PLACEMENT_HANDLER));
  robots.push({
    clientId: install.clientId,
    code,
    handler,
    authUserId: Number(p.AUTH_USER_ID) | 0,
    useSubscription: yn(p.USE_SUBSCRIPTION),
    name: textOrLocalized(p.NAME),
    description: textOrLocalized(p.DESCRIPTION),
    properties,
    returnProperties,
    documentType: Array.isArray(p.DOCUMENT_TYPE) ? (p.DOCUMENT_TYPE as string[]) : null,
    filter,
    usePlacement,
    registeredAt: call.now.toISOString(),
  });
  return { result: true };
}

function findRobot(install: AppInstall, code: string): RobotRegistration {
  const robot = install.robots?.find((r) => r.code === code);
  if (!robot) throw new RestError("ERROR_ACTIVITY_NOT_FOUND", "Activity or Robot not found!", 400);
  return robot;
}

function update(call: MethodCall) {
  const install = appContext(call);
  const p = upperKeys(call.params) as Tree;
  const robot = findRobot(install, checkCode(p.CODE));
  const fields = p.FIELDS && typeof p.FIELDS === "object" && !Array.isArray(p.FIELDS) ? (p.FIELDS as Tree) : null;
  if (!fields) throw invalid("No fields to update");
  const changes: Partial<RobotRegistration> = {};
  if (fields.HANDLER !== undefined) changes.handler = checkHandler(call, fields.HANDLER);
  if (fields.AUTH_USER_ID !== undefined) changes.authUserId = Number(fields.AUTH_USER_ID) | 0;
  if (fields.USE_SUBSCRIPTION !== undefined) changes.useSubscription = yn(fields.USE_SUBSCRIPTION);
  if (fields.USE_PLACEMENT !== undefined) changes.usePlacement = yn(fields.USE_PLACEMENT);
  if (fields.NAME) changes.name = textOrLocalized(fields.NAME);
  if (fields.DESCRIPTION !== undefined) changes.description = textOrLocalized(fields.DESCRIPTION);
  if (fields.PROPERTIES !== undefined) changes.properties = checkProperties(fields.PROPERTIES);
  if (fields.RETURN_PROPERTIES !== undefined) changes.returnProperties = checkProperties(fields.RETURN_PROPERTIES);
  if (fields.DOCUMENT_TYPE !== undefined)
    changes.documentType = Array.isArray(fields.DOCUMENT_TYPE) && fields.DOCUMENT_TYPE.length ? (fields.DOCUMENT_TYPE as string[]) : null;
  if (fields.FILTER !== undefined) changes.filter = checkFilter(fields.FILTER);
  if (!Object.keys(changes).length) throw invalid("No fields to update");
  if (fields.PLACEMENT_HANDLER !== undefined) bindDialog(install, robot.code, checkHandler(call, fields.PLACEMENT_HANDLER));
  if (changes.usePlacement === "N") unbindDialog(install, robot.code);
  Object.assign(robot, changes);
  return { result: true };
}

function remove(call: MethodCall) {
  const install = appContext(call);
  const p = upperKeys(call.params) as Tree;
  const robot = findRobot(install, checkCode(p.CODE));
  install.robots = install.robots!.filter((r) => r !== robot);
  unbindDialog(install, robot.code);
  return { result: true };
}

function list(call: MethodCall) {
  const install = appContext(call);
  return { result: (install.robots ?? []).map((r) => r.code) };
}

defineMethods(
  { name: "bizproc.robot.add", scope: "bizproc", handler: add },
  { name: "bizproc.robot.update", scope: "bizproc", handler: update },
  { name: "bizproc.robot.delete", scope: "bizproc", handler: remove },
  { name: "bizproc.robot.list", scope: "bizproc", handler: list },
);
