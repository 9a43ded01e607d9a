/**
 * event.bind / event.get / event.unbind / events (b24restdocs api-reference/events/event-bind.md,
 * event-get.md, event-unbind.md, events.md). Only apps bind events. auth_type of another user or an offline
 * binding needs an administrator (ACCESS_DENIED 403).
 *
 * The handler URL rule is the server's (bitrix modules/rest/lib/handlerhelper.php, checkCallback):
 * the host must have a dot after its first character, else ERROR_WRONG_HANDLER_URL; the scheme
 * must be http or https, else ERROR_UNSUPPORTED_PROTOCOL. The host is NOT compared with the
 * app's URL, so a handler on another host or port is accepted. One deviation: `localhost` (no
 * dot) is accepted too, because on this loopback-only machine the app's second site is
 * `localhost` (docs/decisions/005-emulator-portal-per-port.md).
 */
import { canBind, isDynamicType, listEvents } from "../../events/catalog";
import { errors } from "../../rest/errors";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";

/** The portal's dynamic CRM types (smart processes, smart invoices); catalog.ts decides which have their own events. */
const dynamicTypes = (call: MethodCall) => [...call.portal.data.crm.keys()].filter(isDynamicType);

function ctx(call: MethodCall) {
  if (!call.app) throw new RestError("WRONG_AUTH_TYPE", "Current authorization type is denied for this method", 401);
  return call.app;
}

function checkHandlerUrl(handler: string): void {
  let url: URL | null = null;
  try {
    url = new URL(handler);
  } catch {
    url = null;
  }
  const host = url?.hostname ?? "";
  if (!url || !(host.indexOf(".") > 0 || host === "localhost")) throw new RestError("ERROR_WRONG_HANDLER_URL", "Wrong handler URL", 400);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RestError("ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol", 400);
}

const readStr = (call: MethodCall, k: string) => {
  const v = call.params[k] ?? call.params[k.toUpperCase()];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
};

defineMethods(
  {
    name: "event.bind",
    scope: null,
    handler: (call) => {
      const app = ctx(call);
      // The server's order (modules/rest/lib/api/event.php, eventBind): auth_type rights, EVENT,
      // EVENT_TYPE, offline rights, HANDLER, the handler URL, then the event among the token's scopes.
      const event = readStr(call, "event").toUpperCase();
      let authType = Number(readStr(call, "auth_type") || 0);
      if (authType > 0 && authType !== call.user.id && !call.user.admin)
        throw errors.accessDenied("Access denied! Event binding with AUTH_TYPE requires administrator access rights");
      // A non-admin's handler always runs as that user.
      if (authType <= 0 && !call.user.admin) authType = call.user.id;
      if (!event) throw new RestError("ERROR_ARGUMENT", "Argument 'EVENT' is null or empty", 400);
      const typeRaw = readStr(call, "event_type").toLowerCase();
      if (typeRaw && typeRaw !== "online" && typeRaw !== "offline") throw new RestError("ERROR_ARGUMENT", "Value must be one of {online|offline}", 400);
      const eventType = typeRaw === "offline" ? "offline" : "online";
      let handler = readStr(call, "handler");
      if (eventType === "offline") {
        if (!call.user.admin) throw errors.accessDenied("Access denied! Offline events binding requires administrator access rights");
        handler = "";
        authType = 0;
      } else if (!handler) {
        throw new RestError("ERROR_ARGUMENT", "Argument 'HANDLER' is null or empty", 400);
      }
      if (handler) checkHandlerUrl(handler);
      if (!canBind(event, call.scopes, dynamicTypes(call))) throw new RestError("ERROR_EVENT_NOT_FOUND", "Event not found", 400);
      const connectorId = eventType === "offline" ? readStr(call, "auth_connector") : "";
      const dup = call.portal.eventBindings.some(
        (b) => b.clientId === app.clientId && b.event === event && b.handler === handler && b.authType === authType && b.connectorId === connectorId,
      );
      if (dup) throw new RestError("ERROR_CORE", "Unable to set event handler: Handler already binded", 400);
      const id = call.portal.eventBindings.reduce((m, b) => Math.max(m, b.id), 0) + 1;
      call.portal.eventBindings.push({ id, clientId: app.clientId, event, handler, authType, eventType, connectorId });
      return { result: true };
    },
  },
  {
    name: "events",
    scope: null,
    handler: (call) => {
      // events.md: an app's method; SCOPE wins over FULL.
      ctx(call);
      const scope = readStr(call, "scope");
      const fullRaw = call.params.FULL ?? call.params.full;
      const full = fullRaw === true || fullRaw === "true" || fullRaw === "1" || fullRaw === 1 || fullRaw === "Y";
      return { result: listEvents(call.scopes, dynamicTypes(call), scope ? { scope } : { full }) };
    },
  },
  {
    name: "event.get",
    scope: null,
    handler: (call) => {
      const app = ctx(call);
      // event.get: an admin sees every binding of the app, anyone else only their own (eventGet).
      const list = call.portal.eventBindings
        .filter((b) => b.clientId === app.clientId && (call.user.admin || b.authType === call.user.id))
        .map((b) =>
          b.eventType === "offline"
            ? { event: b.event, connector_id: b.connectorId, offline: 1 }
            : { event: b.event, handler: b.handler, auth_type: String(b.authType), offline: 0 },
        );
      return { result: list };
    },
  },
  {
    name: "event.unbind",
    scope: null,
    handler: (call) => {
      // The server's eventUnbind: EVENT and (online) HANDLER are required and matched exactly;
      // auth_type narrows to one user (a non-admin only ever unbinds their own handlers).
      const app = ctx(call);
      const event = readStr(call, "event").toUpperCase();
      if (!event) throw new RestError("ERROR_ARGUMENT", "Argument 'EVENT' is null or empty", 400);
      const typeRaw = readStr(call, "event_type").toLowerCase();
      if (typeRaw && typeRaw !== "online" && typeRaw !== "offline") throw new RestError("ERROR_ARGUMENT", "Value must be one of {online|offline}", 400);
      const offline = typeRaw === "offline";
      let handler = readStr(call, "handler");
      if (offline) {
        if (!call.user.admin) throw errors.accessDenied("Access denied! Offline events unbinding requires administrator access rights");
        handler = "";
      } else if (!handler) {
        throw new RestError("ERROR_ARGUMENT", "Argument 'HANDLER' is null or empty", 400);
      }
      const authTypeRaw = readStr(call, "auth_type");
      let userFilter: number | null = null;
      if (!offline && authTypeRaw !== "") {
        if (!call.user.admin && Number(authTypeRaw) !== call.user.id)
          throw errors.accessDenied("Access denied! Event unbinding with AUTH_TYPE requires administrator access rights");
        userFilter = Number(authTypeRaw);
      } else if (!offline && !call.user.admin) {
        userFilter = call.user.id;
      }
      const connector = offline ? readStr(call, "auth_connector") : null;
      const before = call.portal.eventBindings.length;
      call.portal.eventBindings = call.portal.eventBindings.filter(
        (b) =>
          !(
            b.clientId === app.clientId &&
            b.event === event &&
            b.handler === handler &&
            (userFilter === null || b.authType === userFilter) &&
            (connector === null || b.connectorId === connector)
          ),
      );
      return { result: { count: before - call.portal.eventBindings.length } };
    },
  },
);
