/**
 * placement.bind / unbind / get / list, as the server's modules/rest/lib/api/placement.php
 * (avshatalov48/bitrix24-core-corp) answers them, with the docs' pages
 * (b24restdocs api-reference/widgets/placement-bind.md, placement-unbind.md, placement-get.md,
 * placement-list.md):
 *  - every method needs an app's token: a webhook is refused WRONG_AUTH_TYPE 403; bind, unbind and
 *    get also need an administrator (ACCESS_DENIED 403), list does not;
 *  - a placement exists for an app only when a scope of its token declares it
 *    (placement-catalog.ts); a private one (bizproc's robot dialog) is never bound, listed or
 *    unbound through these methods;
 *  - bind keeps TITLE / DESCRIPTION / GROUP_NAME per language (LANG_ALL, else the given ones under
 *    the portal's language, else the app's name as TITLE); its `title` is the entry of the first
 *    language of [portal language, en] that LANG_ALL has, else LANG_ALL's first (Lang::mergeFromLangAll);
 *    USER_ID only for user-mode placements (ERROR_PLACEMENT_USER_MODE), at most max_count bindings
 *    (ERROR_PLACEMENT_MAX_COUNT), the same handler twice fails in the table (ERROR_CORE);
 *  - unbind counts 1 for each binding found and 1 more for each one deleted, so removing one
 *    binding answers `count: 2` (placement-unbind.md says so); an unknown placement answers 0;
 *  - get lists the app's bindings in bind order with placement, userId, handler, options, title,
 *    description (always "": the server no longer writes COMMENT) and langAll.
 * Kept on the app's install; the portal page shows profile-menu items (portal-page/profile.ts).
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { AppInstall, PlacementBinding } from "../../state/types";
import { placementsOf, type PlacementInfo } from "./placement-catalog";

const LANG_FIELDS = ["TITLE", "DESCRIPTION", "GROUP_NAME"] as const;

/** The app's install, refusing webhooks and (for all but list) employees, as checkPermission does. */
function appInstall(call: MethodCall, adminOnly: boolean): AppInstall {
  const inst = call.app ? call.portal.installs.get(call.app.clientId) : undefined;
  if (!inst) throw new RestError("WRONG_AUTH_TYPE", "Current authorization type is denied for this method Application context required", 403);
  if (adminOnly && !call.user.admin) throw new RestError("ACCESS_DENIED", "Access denied!", 403);
  return inst;
}

function argumentNull(name: string): RestError {
  return new RestError("ERROR_ARGUMENT", `Argument '${name}' is null or empty`, 400, { argument: name });
}

/** PLACEMENT as both bind and unbind read it: a string (ERROR_ARGUMENT otherwise), upper-cased, not empty. */
function placementCode(call: MethodCall): string {
  const raw = call.params.PLACEMENT ?? call.params.placement;
  if (raw !== undefined && typeof raw !== "string") {
    throw new RestError("ERROR_ARGUMENT", "The value of an argument 'PLACEMENT' must be of type string", 400, { argument: "PLACEMENT" });
  }
  const code = (raw ?? "").toUpperCase();
  if (!code) throw argumentNull("PLACEMENT");
  return code;
}

const param = (call: MethodCall, k: string): unknown => call.params[k] ?? call.params[k.toLowerCase()];
const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");

/** The scopes a placement may come from for this call: the token's own plus the global ones. */
function offered(call: MethodCall): Map<string, PlacementInfo> {
  return placementsOf(call.scopes);
}

function langAllOf(call: MethodCall, appName: string): PlacementBinding["langAll"] {
  const given = param(call, "LANG_ALL");
  const out: PlacementBinding["langAll"] = {};
  if (given && typeof given === "object" && Object.keys(given).length) {
    for (const [lang, item] of Object.entries(given as Record<string, Record<string, unknown>>)) {
      out[lang] = { TITLE: "", DESCRIPTION: "", GROUP_NAME: "" };
      for (const f of LANG_FIELDS) out[lang][f] = text(item && typeof item === "object" ? item[f] : "");
    }
    return out;
  }
  const own = { TITLE: text(param(call, "TITLE")), DESCRIPTION: text(param(call, "DESCRIPTION")), GROUP_NAME: text(param(call, "GROUP_NAME")) };
  // No words at all: the app's name stands for the title in the portal's language.
  out[call.portal.lang] = own.TITLE || own.DESCRIPTION || own.GROUP_NAME ? own : { TITLE: appName, DESCRIPTION: "", GROUP_NAME: "" };
  return out;
}

/** Lang::mergeFromLangAll: the entry of the first of [portal language, en] LANG_ALL has, else its first entry. */
function mergedTitle(call: MethodCall, langAll: PlacementBinding["langAll"], hadLangAll: boolean): string {
  if (!hadLangAll) return text(param(call, "TITLE"));
  const lang = [call.portal.lang, "en"].find((l) => langAll[l]) ?? Object.keys(langAll)[0];
  return langAll[lang]?.TITLE ?? "";
}

function optionsOf(call: MethodCall, info: PlacementInfo): PlacementBinding["options"] {
  if (!info.options) return [];
  const given = param(call, "OPTIONS");
  const values = given && typeof given === "object" ? (given as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(info.options).map(([k, type]) => [k, type === "int" ? Number(values[k] ?? 0) | 0 : String(values[k] ?? "")]));
}

function bind(call: MethodCall) {
  const inst = appInstall(call, true);
  const placement = placementCode(call);
  if (placement === "DEFAULT") throw new RestError("ERROR_ARGUMENT", "Wrong value", 400, { argument: "PLACEMENT" });
  const handler = text(param(call, "HANDLER"));
  if (!handler) throw argumentNull("HANDLER");
  const info = offered(call).get(placement);
  if (!info || info.private) throw new RestError("ERROR_PLACEMENT_NOT_FOUND", "Placement not found", 400);
  const userId = Number(param(call, "USER_ID")) > 0 ? Math.floor(Number(param(call, "USER_ID"))) : 0;
  if (userId && !info.userMode) throw new RestError("ERROR_PLACEMENT_USER_MODE", "User mode is not available.", 400);
  const list = (inst.placements ??= []);
  const same = list.filter((b) => b.placement === placement && (!info.userMode || b.userId === 0 || b.userId === userId));
  if (info.maxCount && same.length >= info.maxCount) throw new RestError("ERROR_PLACEMENT_MAX_COUNT", `Placement max count: ${info.maxCount}`, 400);
  // PlacementTable refuses a second row with the same handler; bind wraps the table's error.
  if (list.some((b) => b.placement === placement && b.handler === handler && b.userId === userId)) {
    throw new RestError("ERROR_CORE", "Unable to set placement handler: Handler already binded", 400);
  }
  const hadLangAll = !!param(call, "LANG_ALL") && Object.keys(param(call, "LANG_ALL") as object).length > 0;
  const langAll = langAllOf(call, call.registration?.name ?? "");
  list.push({
    id: (call.portal.placementSeq = (call.portal.placementSeq ?? 0) + 1),
    placement,
    handler,
    userId,
    title: mergedTitle(call, langAll, hadLangAll),
    langAll,
    options: optionsOf(call, info),
  });
  return { result: true };
}

function unbind(call: MethodCall) {
  const inst = appInstall(call, true);
  const placement = placementCode(call);
  const info = placementsOf("all").get(placement);
  if (!info || info.private) return { result: { count: 0 } };
  const handler = text(param(call, "HANDLER"));
  const userIdGiven = param(call, "USER_ID") !== undefined;
  const userId = Number(param(call, "USER_ID")) | 0;
  const hit = (b: PlacementBinding) => b.placement === placement && (!handler || b.handler === handler) && (!userIdGiven || b.userId === userId);
  const found = (inst.placements ?? []).filter(hit).length;
  inst.placements = (inst.placements ?? []).filter((b) => !hit(b));
  // One for finding each binding, one more for deleting it (placement.php; placement-unbind.md).
  return { result: { count: found * 2 } };
}

function get(call: MethodCall) {
  const inst = appInstall(call, true);
  const known = placementsOf("all");
  return {
    result: (inst.placements ?? [])
      .filter((b) => !known.get(b.placement)?.private)
      .sort((a, b) => a.id - b.id)
      .map((b) => ({
        placement: b.placement,
        userId: b.userId,
        handler: b.handler,
        options: b.options,
        title: b.title,
        description: "",
        langAll: b.langAll,
      })),
  };
}

/** placement.list: the token's scopes (SCOPE: one scope's; FULL: every scope's), private ones left out. */
function list(call: MethodCall) {
  appInstall(call, false);
  const scope = param(call, "SCOPE");
  const full = [true, "true", "Y", "1", 1].includes(param(call, "FULL") as never);
  const catalog = typeof scope === "string" && scope ? placementsOf([scope]) : placementsOf(full ? "all" : call.scopes);
  if (typeof scope === "string" && scope) for (const [code, info] of catalog) if (info.scope !== scope) catalog.delete(code);
  return { result: [...catalog].filter(([, info]) => !info.private).map(([code]) => code) };
}

defineMethods(
  { name: "placement.bind", scope: "placement", handler: bind },
  { name: "placement.unbind", scope: "placement", handler: unbind },
  { name: "placement.get", scope: "placement", handler: get },
  { name: "placement.list", scope: "placement", handler: list },
);
