/**
 * app.info, app.option.get/set, scope, methods, server.time
 * (b24restdocs api-reference/common/system/app-info.md, scope.md, methods.md, server-time.md,
 * api-reference/common/settings/app-option-get.md, app-option-set.md).
 */
import { atom } from "../../rest/envelope";
import { defineMethods, listMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { Portal } from "../../state/types";

/** The scopes the emulator knows of (scope.md with full=true lists every scope of the portal). */
const ALL_SCOPES = [
  "app",
  "user",
  "user_brief",
  "user_basic",
  "user.userfield",
  "department",
  "task",
  "tasks_extended",
  "crm",
  "im",
  "imbot",
  "disk",
  "sonet_group",
  "bizproc",
  "placement",
  "entity",
  "log",
  "calendar",
  "pull",
];

function license(portal: Portal) {
  // app-info.md: LICENSE = {lang}_{type}; Enterprise types look like ent250, standard like std.
  const type = portal.plan === "enterprise" ? "ent250" : "std";
  return { LICENSE: `${portal.lang}_${type}`, LICENSE_TYPE: type, LICENSE_FAMILY: portal.plan === "enterprise" ? "ent" : "std" };
}

function appInfo(call: MethodCall) {
  if (!call.app) {
    // For a webhook there is no app: the portal answers with the webhook's scopes and the license.
    return { result: { SCOPE: [...call.scopes], ...license(call.portal) } };
  }
  const install = call.app;
  const reg = [...call.portal.installs.keys()].indexOf(install.clientId) + 1;
  const r = call.registration;
  return {
    result: {
      ID: reg,
      CODE: r?.code ?? `local.${install.clientId}`,
      VERSION: r?.version ?? 1,
      STATUS: r?.status ?? "L",
      INSTALLED: install.installed,
      PAYMENT_EXPIRED: "N",
      DAYS: null,
      LANGUAGE_ID: call.portal.lang,
      ...license(call.portal),
    },
  };
}

/** The server reads these methods' parameters upper-cased (array_change_key_case). */
const upper = (call: MethodCall) => Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
/** PHP's loose `== true`: anything but false, 0, "", "0", null. */
const phpTrue = (v: unknown) => v !== undefined && v !== null && v !== false && v !== 0 && v !== "" && v !== "0";

function requireApp(call: MethodCall) {
  // app-option-*.md: AccessException "Application context required" outside an app (e.g. a webhook).
  if (!call.app) throw new RestError("AccessException", "Application context required", 400);
  return call.app;
}

defineMethods(
  { name: "app.info", scope: null, handler: appInfo },
  {
    name: "app.option.get",
    scope: null,
    handler: (call) => {
      const app = requireApp(call);
      const option = call.params.option;
      if (typeof option === "string" && option) return { result: app.options[option] ?? null };
      return { result: Object.keys(app.options).length ? { ...app.options } : [] };
    },
  },
  {
    name: "app.option.set",
    scope: null,
    handler: (call) => {
      const app = requireApp(call);
      // The server (rest_provider.php appOptionSet): without an `options` key the parameters
      // themselves are the options; none at all is ArgumentNullException.
      const { auth: _auth, ...rest } = call.params;
      const options = call.params.options ?? rest;
      if (!options || typeof options !== "object" || Object.keys(options).length === 0) {
        throw new RestError("ArgumentNullException", "options is empty", 400);
      }
      if (!call.user.admin) throw new RestError("AccessException", "Administrator authorization required", 400);
      Object.assign(app.options, options as Record<string, unknown>);
      return { result: true };
    },
  },
  {
    name: "scope",
    scope: null,
    handler: (call) => ({ result: phpTrue(upper(call).FULL) ? ALL_SCOPES : [...call.scopes] }),
  },
  {
    name: "methods",
    scope: null,
    handler: (call) => {
      // methods.md: by default the methods available to the caller's scopes; full=true lists all; scope=x filters
      // (rest_provider.php methodsList reads SCOPE / FULL in any case; an empty SCOPE means the global methods).
      const q = upper(call);
      const full = phpTrue(q.FULL);
      const only = typeof q.SCOPE === "string" ? q.SCOPE : null;
      const names = listMethods()
        .filter((m) => (only !== null ? (m.scope ?? "") === only : full || m.scope === null || call.scopes.has(m.scope)))
        .map((m) => m.name);
      // batch is a global method: listed unless SCOPE names another scope.
      const rest = names.filter((n) => n !== "batch");
      return { result: only === null || only === "" ? ["batch", ...rest] : rest };
    },
  },
  { name: "server.time", scope: null, handler: (call) => ({ result: atom(call.now.getTime()) }) },
);
