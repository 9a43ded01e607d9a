/**
 * placement.bind / placement.unbind / placement.get / placement.list
 * (b24restdocs api-reference/widgets/placement-bind.md, placement-unbind.md, placement-get.md,
 * placement-list.md): administrators bind an app's handler to a widget location (PLACEMENT
 * code, HANDLER, TITLE, LANG_ALL); a missing PLACEMENT or HANDLER answers ERROR_ARGUMENT with
 * `argument`. Kept on the app's install; the portal page shows profile-menu items on a user's
 * profile (portal-page/profile.ts).
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { PlacementBinding } from "../../state/types";

/** Widget locations the emulator can show (the docs' list is longer; these are the ones it renders). */
const KNOWN = new Set([
  "USER_PROFILE_MENU",
  "USER_PROFILE_TOOLBAR",
  "LEFT_MENU",
  "CRM_DEAL_DETAIL_TAB",
  "CRM_CONTACT_DETAIL_TAB",
  "TASK_VIEW_TAB",
  "REST_APP_URI",
  "PAGE_BACKGROUND_WORKER",
]);

function install(call: MethodCall) {
  if (!call.app) throw new RestError("WRONG_AUTH_TYPE", "Current authorization type is denied for this method", 401);
  const inst = call.portal.installs.get(call.app.clientId);
  if (!inst) throw new RestError("ACCESS_DENIED", "Application not installed", 403);
  return inst;
}

const str = (call: MethodCall, k: string) => {
  const v = call.params[k] ?? call.params[k.toLowerCase()];
  return typeof v === "string" ? v.trim() : "";
};

function argument(name: string): RestError {
  return new RestError("ERROR_ARGUMENT", `Argument '${name}' is null or empty`, 400);
}

function bind(call: MethodCall) {
  const inst = install(call);
  if (!call.user.admin) throw new RestError("ACCESS_DENIED", "Access denied! Admin permissions required", 403);
  const placement = str(call, "PLACEMENT").toUpperCase();
  const handler = str(call, "HANDLER");
  if (!placement) throw argument("PLACEMENT");
  if (!handler) throw argument("HANDLER");
  if (!KNOWN.has(placement)) throw new RestError("ERROR_PLACEMENT_NOT_FOUND", "Placement not found", 400);
  const langRaw = call.params.LANG_ALL ?? call.params.lang_all;
  const langAll = langRaw && typeof langRaw === "object" ? (langRaw as PlacementBinding["langAll"]) : {};
  const list = (inst.placements ??= []);
  const existing = list.find((b) => b.placement === placement && b.handler === handler);
  if (existing) throw new RestError("ERROR_PLACEMENT_HANDLER_EXISTS", "Handler already binded", 400);
  list.push({ placement, handler, title: str(call, "TITLE") || placement, langAll });
  return { result: true };
}

function unbind(call: MethodCall) {
  const inst = install(call);
  if (!call.user.admin) throw new RestError("ACCESS_DENIED", "Access denied! Admin permissions required", 403);
  const placement = str(call, "PLACEMENT").toUpperCase();
  if (!placement) throw argument("PLACEMENT");
  const handler = str(call, "HANDLER");
  const before = inst.placements?.length ?? 0;
  inst.placements = (inst.placements ?? []).filter((b) => !(b.placement === placement && (!handler || b.handler === handler)));
  return { result: { count: before - inst.placements.length } };
}

function get(call: MethodCall) {
  const inst = install(call);
  return {
    result: (inst.placements ?? []).map((b) => ({
      placement: b.placement,
      handler: b.handler,
      title: b.title,
      description: "",
      groupName: "",
      options: [],
      langAll: b.langAll,
    })),
  };
}

function list(call: MethodCall) {
  install(call);
  return { result: [...KNOWN] };
}

defineMethods(
  { name: "placement.bind", scope: "placement", handler: bind },
  { name: "placement.unbind", scope: "placement", handler: unbind },
  { name: "placement.get", scope: "placement", handler: get },
  { name: "placement.list", scope: "placement", handler: list },
);
