/**
 * The offline event queue and event.test (b24restdocs api-reference/events/event-offline-get.md,
 * event-offline-list.md, event-offline-clear.md, event-offline-error.md, test-handler.md; server
 * source modules/rest/lib/api/event.php). Only apps call them; the queue methods need an
 * administrator (AccessException). Entries come from emulator/events/emit.ts.
 *
 * The emulator's portals have the "extended" offline mode (clear=0 with process_id), which real
 * portals have on the Pro plan and above.
 */
import { randomBytes } from "node:crypto";
import { isoFromSeconds } from "../../seed/table";
import { errors } from "../../rest/errors";
import { defineMethods, PAGE_SIZE, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import type { AppInstall, OfflineEvent } from "../../state/types";

function appOf(call: MethodCall): AppInstall {
  // AuthTypeException: application authorization only.
  if (!call.app) throw new RestError("WRONG_AUTH_TYPE", "Current authorization type is denied for this method", 401);
  return call.app;
}

function adminApp(call: MethodCall): AppInstall {
  const app = appOf(call);
  if (!call.user.admin) throw errors.accessDenied();
  return app;
}

const lower = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));

type Field = "ID" | "TIMESTAMP_X" | "EVENT_NAME" | "MESSAGE_ID" | "PROCESS_ID" | "ERROR";
const value = (e: OfflineEvent, f: Field): string | number =>
  f === "ID"
    ? e.id
    : f === "TIMESTAMP_X"
      ? e.at
      : f === "EVENT_NAME"
        ? e.event
        : f === "MESSAGE_ID"
          ? e.messageId
          : f === "PROCESS_ID"
            ? e.processId
            : e.error
              ? 1
              : 0;

/** A filter over the documented fields with the usual operator prefixes; any other key is refused. */
function compileFilter(raw: unknown, allowed: readonly Field[]): (e: OfflineEvent) => boolean {
  if (raw === undefined || raw === null || raw === "") return () => true;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new RestError("ERROR_ARGUMENT", "Argument 'FILTER' must be an array", 400);
  const tests: Array<(e: OfflineEvent) => boolean> = [];
  for (const [key, want] of Object.entries(raw as Record<string, unknown>)) {
    const m = /^(>=|<=|!=|=|>|<|!)?(.+)$/.exec(key)!;
    const op = m[1] ?? "=";
    const field = m[2].toUpperCase() as Field;
    if (!allowed.includes(field)) throw new RestError("ERROR_ARGUMENT", `Filter field ${m[2]} is not allowed`, 400);
    const target = field === "TIMESTAMP_X" ? Date.parse(String(want)) : field === "ID" || field === "ERROR" ? Number(want) : String(want);
    tests.push((e) => {
      const v = value(e, field);
      switch (op) {
        case ">":
          return v > target;
        case ">=":
          return v >= target;
        case "<":
          return v < target;
        case "<=":
          return v <= target;
        case "!":
        case "!=":
          return v !== target;
        default:
          return v === target;
      }
    });
  }
  return (e) => tests.every((t) => t(e));
}

function compileOrder(raw: unknown, allowed: readonly Field[], fallback: Record<string, string>): (a: OfflineEvent, b: OfflineEvent) => number {
  const order = raw && typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).length ? (raw as Record<string, unknown>) : fallback;
  const keys = Object.entries(order).map(([k, dir]) => {
    const field = k.toUpperCase() as Field;
    if (!allowed.includes(field)) throw new RestError("ERROR_ARGUMENT", `Sort field ${k} is not allowed`, 400);
    return { field, desc: String(dir).toUpperCase() === "DESC" };
  });
  return (a, b) => {
    for (const { field, desc } of keys) {
      const x = value(a, field);
      const y = value(b, field);
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return a.id - b.id;
  };
}

function wire(e: OfflineEvent, withProcess: boolean) {
  const base = {
    ID: String(e.id),
    TIMESTAMP_X: isoFromSeconds(Math.floor(e.at / 1000)),
    EVENT_NAME: e.event,
    EVENT_DATA: e.data ?? false,
    EVENT_ADDITIONAL: { user_id: String(e.userId) },
    MESSAGE_ID: e.messageId,
  };
  return withProcess ? { ...base, PROCESS_ID: e.processId, ERROR: e.error ? "1" : "0" } : base;
}

const GET_FIELDS: Field[] = ["ID", "TIMESTAMP_X", "EVENT_NAME", "MESSAGE_ID"];
const LIST_FIELDS: Field[] = ["ID", "TIMESTAMP_X", "EVENT_NAME", "MESSAGE_ID", "PROCESS_ID", "ERROR"];

function offlineGet(call: MethodCall) {
  const app = adminApp(call);
  const q = lower(call.params);
  const clear = q.clear === undefined ? 1 : Number(q.clear);
  const limit = q.limit === undefined ? PAGE_SIZE : Math.floor(Number(q.limit));
  if (!(limit > 0)) throw new RestError("ERROR_ARGUMENT", "Value must be positive integer", 400);
  const connector = typeof q.auth_connector === "string" ? q.auth_connector : "";
  const wantErrors = Number(q.error ?? 0) === 1;
  const asked = typeof q.process_id === "string" ? q.process_id.trim() : null;
  const filter = compileFilter(q.filter, GET_FIELDS);
  const mine = (e: OfflineEvent) => e.clientId === app.clientId && e.connectorId === connector && e.error === wantErrors && filter(e);
  const sort = compileOrder(q.order, GET_FIELDS, { TIMESTAMP_X: "ASC" });
  let processId: string;
  if (asked === null) {
    // Mark a batch of unclaimed entries for this process, so parallel callers never share one.
    processId = randomBytes(16).toString("hex");
    for (const e of call.portal.offlineEvents
      .filter((e) => mine(e) && e.processId === "")
      .sort(sort)
      .slice(0, limit))
      e.processId = processId;
  } else {
    processId = asked;
  }
  const taken = call.portal.offlineEvents
    .filter((e) => mine(e) && e.processId === processId)
    .sort(sort)
    .slice(0, limit);
  const events = taken.map((e) => wire(e, false));
  if (clear && taken.length > 0) {
    const ids = new Set(taken.map((e) => e.id));
    call.portal.offlineEvents = call.portal.offlineEvents.filter((e) => !ids.has(e.id));
  }
  return { result: { process_id: !clear || asked !== null ? processId : null, events } };
}

function messageIds(raw: unknown): Set<string> | null {
  if (raw === undefined || raw === null) return null;
  const list = Array.isArray(raw) ? raw : typeof raw === "object" ? Object.values(raw as object) : [raw];
  return new Set(list.map(String));
}

function offlineClear(call: MethodCall) {
  const app = adminApp(call);
  const q = lower(call.params);
  if (typeof q.process_id !== "string" || !q.process_id.trim()) throw new RestError("ERROR_ARGUMENT", "Argument 'PROCESS_ID' is null or empty", 400);
  const processId = q.process_id.trim();
  const connector = typeof q.auth_connector === "string" ? q.auth_connector : "";
  const only = messageIds(q.message_id);
  const onlyIds = messageIds(q.id);
  call.portal.offlineEvents = call.portal.offlineEvents.filter(
    (e) =>
      !(
        e.clientId === app.clientId &&
        e.connectorId === connector &&
        e.processId === processId &&
        (!only || only.has(e.messageId)) &&
        (!onlyIds || onlyIds.has(String(e.id)))
      ),
  );
  return { result: true };
}

function offlineError(call: MethodCall) {
  const app = adminApp(call);
  const q = lower(call.params);
  if (typeof q.process_id !== "string" || !q.process_id.trim()) throw new RestError("ERROR_ARGUMENT", "Argument 'PROCESS_ID' is null or empty", 400);
  const only = messageIds(q.message_id);
  if (!only || only.size === 0) throw new RestError("ERROR_ARGUMENT", "Argument 'MESSAGE_ID' is null or empty", 400);
  const connector = typeof q.auth_connector === "string" ? q.auth_connector : "";
  for (const e of call.portal.offlineEvents) {
    if (e.clientId === app.clientId && e.connectorId === connector && e.processId === q.process_id.trim() && only.has(e.messageId)) {
      e.error = true;
      e.processId = "";
    }
  }
  return { result: true };
}

function offlineList(call: MethodCall) {
  const app = adminApp(call);
  const q = lower(call.params);
  const filter = compileFilter(q.filter, LIST_FIELDS);
  const connector = typeof q.auth_connector === "string" ? q.auth_connector : "";
  const all = call.portal.offlineEvents
    .filter((e) => e.clientId === app.clientId && e.connectorId === connector && filter(e))
    .sort(compileOrder(q.order, LIST_FIELDS, { ID: "ASC" }));
  const start = Math.max(0, readStart(call.params));
  const page = all.slice(start, start + PAGE_SIZE).map((e) => wire(e, true));
  return { result: page, total: all.length, ...(start + PAGE_SIZE < all.length ? { next: start + PAGE_SIZE } : {}) };
}

/**
 * event.test: ONAPPTEST to this app's handlers only, with the call's parameters as data[QUERY]
 * and the portal's language (test-handler.md, "Result"); answers 1.
 */
function eventTest(call: MethodCall) {
  appOf(call);
  const query = Object.fromEntries(Object.entries(call.params).filter(([k]) => k !== "auth" && k !== "auth_connector"));
  call.emit("ONAPPTEST", { QUERY: Object.keys(query).length ? query : [], LANGUAGE_ID: call.portal.lang }, { onlyCaller: true });
  return { result: 1 };
}

defineMethods(
  { name: "event.offline.get", scope: null, handler: offlineGet },
  { name: "event.offline.clear", scope: null, handler: offlineClear },
  { name: "event.offline.error", scope: null, handler: offlineError },
  { name: "event.offline.list", scope: null, handler: offlineList },
  { name: "event.test", scope: null, handler: eventTest },
);
