/**
 * event.bind / event.get / event.unbind (b24restdocs api-reference/events/event-bind.md,
 * event-get.md, event-unbind.md). Only apps bind events. auth_type of another user or an offline
 * binding needs an administrator (ACCESS_DENIED 403).
 *
 * The handler URL rule is the server's (bitrix modules/rest/lib/handlerhelper.php, checkCallback):
 * the host must have a dot after its first character, else ERROR_WRONG_HANDLER_URL; the scheme
 * must be http or https, else ERROR_UNSUPPORTED_PROTOCOL. The host is NOT compared with the
 * app's URL, so a handler on another host or port is accepted. One deviation: `localhost` (no
 * dot) is accepted too, because on this loopback-only machine the app's second site is
 * `localhost` (docs/decisions/005-emulator-portal-per-port.md).
 */
import { errors } from "../../rest/errors";
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";

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
      const event = readStr(call, "event").toUpperCase();
      const handler = readStr(call, "handler");
      if (!/^ON[A-Z0-9_]+$/.test(event)) throw new RestError("ERROR_EVENT_NOT_FOUND", "Event not found", 400);
      checkHandlerUrl(handler);
      const authType = Number(readStr(call, "auth_type") || 0);
      const eventType = readStr(call, "event_type") === "offline" ? "offline" : "online";
      if (eventType === "offline" && !call.user.admin) throw errors.accessDenied("Access denied! Offline events binding requires administrator access rights");
      if (authType && authType !== call.user.id && !call.user.admin) throw errors.accessDenied("Access denied! Event binding with AUTH_TYPE requires administrator access rights");
      const dup = call.portal.eventBindings.some((b) => b.clientId === app.clientId && b.event === event && b.handler === handler && b.authType === authType);
      if (dup) throw new RestError("ERROR_EVENT_EXISTS", "Handler already binded", 400);
      const id = call.portal.eventBindings.reduce((m, b) => Math.max(m, b.id), 0) + 1;
      call.portal.eventBindings.push({ id, clientId: app.clientId, event, handler, authType, eventType });
      return { result: true };
    },
  },
  {
    name: "event.get",
    scope: null,
    handler: (call) => {
      const app = ctx(call);
      const list = call.portal.eventBindings
        .filter((b) => b.clientId === app.clientId)
        .map((b) => ({ event: b.event, handler: b.handler, auth_type: String(b.authType), offline: b.eventType === "offline" ? 1 : 0 }));
      return { result: list };
    },
  },
  {
    name: "event.unbind",
    scope: null,
    handler: (call) => {
      const app = ctx(call);
      const event = readStr(call, "event").toUpperCase();
      const handler = readStr(call, "handler");
      const authTypeRaw = readStr(call, "auth_type");
      const before = call.portal.eventBindings.length;
      call.portal.eventBindings = call.portal.eventBindings.filter(
        (b) => !(b.clientId === app.clientId && b.event === event && (!handler || b.handler === handler) && (authTypeRaw === "" || b.authType === Number(authTypeRaw))),
      );
      return { result: { count: before - call.portal.eventBindings.length } };
    },
  },
);

