/**
 * Runs one REST method for an authenticated caller: scope, operating-time limit, method-specific
 * faults, the handler, then accounting. Shared by plain calls and batch commands.
 */
import type { EmulatorStore } from "../state/store";
import { now, nowMs } from "../state/store";
import type { AppInstall, Portal, PortalUser } from "../state/types";
import type { TimeInfo } from "./envelope";
import { timeInfo } from "./envelope";
import { errors } from "./errors";
import { operatingBlocked, operatingKey, operatingState, recordOperating } from "./limits";
import { findMethod, RestError, type MethodOutcome } from "./method-registry";
import type { Params } from "./params";
import { playQuirks } from "./quirks";
import { hasScope } from "./scopes";
import { emitEvent } from "../events/emit";
import { readEventToken } from "../automation/event-token";
import { runStageRobots } from "../automation/run-robots";

export interface Caller {
  portal: Portal;
  user: PortalUser;
  app: AppInstall | null;
  webhookUserId: number | null;
  scopes: ReadonlySet<string>;
  /** Key for limits: app:{clientId} or hook:{userId}. */
  limitKey: string;
  portalUrl: string;
}

export type CommandResult = { ok: true; outcome: MethodOutcome; time: TimeInfo } | { ok: false; error: RestError; time: TimeInfo | null };

/** The record a write addresses (id / taskId / ID / GROUP_ID), for the call log. */
function writeTarget(method: string, params: Params | undefined): { recordId?: number; entityTypeId?: number } {
  const m = method.toLowerCase();
  if (!params || !(m.endsWith(".update") || m.endsWith(".setowner"))) return {};
  const raw = params.id ?? params.ID ?? params.taskId ?? params.TASKID ?? params.GROUP_ID;
  const recordId = Number(raw);
  if (!Number.isInteger(recordId) || recordId <= 0) return {};
  const etid = Number(params.entityTypeId);
  return Number.isInteger(etid) && etid > 0 ? { recordId, entityTypeId: etid } : { recordId };
}

export function logCall(
  store: EmulatorStore,
  caller: Pick<Caller, "portal" | "app" | "webhookUserId"> & { user: PortalUser | null },
  method: string,
  status: number,
  error: string | null,
  inBatch: boolean,
  params?: Params,
): void {
  store.calls.push({
    ...writeTarget(method, params),
    at: now(store).toISOString(),
    portalKey: caller.portal.key,
    method: method.toLowerCase(),
    clientId: caller.app?.clientId ?? null,
    webhookUserId: caller.webhookUserId,
    userId: caller.user?.id ?? null,
    status,
    error,
    inBatch,
  });
  // Bound the log: long benchmarks must not grow memory without end.
  if (store.calls.length > 200_000) store.calls.splice(0, 100_000);
}

/** Takes a method-specific fault (consuming one use) if one applies; `any` also matches method=null. */
export function takeFault(store: EmulatorStore, portalKey: string, method: string, any: boolean) {
  const m = method.toLowerCase();
  const fault = store.faults.find(
    (f) => f.remaining > 0 && (f.portalKey === null || f.portalKey === portalKey) && (f.method === m || (any && f.method === null)),
  );
  if (!fault) return null;
  fault.remaining -= 1;
  store.faults = store.faults.filter((f) => f.remaining > 0);
  return fault;
}

export async function runCommand(store: EmulatorStore, caller: Caller, method: string, params: Params, inBatch: boolean): Promise<CommandResult> {
  const spec = findMethod(method);
  const fail = (error: RestError, time: TimeInfo | null = null): CommandResult => {
    logCall(store, caller, method, error.status, error.code, inBatch, params);
    return { ok: false, error, time };
  };
  if (!spec) return fail(errors.methodNotFound());
  if (!hasScope(caller.scopes, spec.scope, spec.name)) return fail(errors.insufficientScope());
  const opKey = operatingKey(caller.portal, caller.limitKey, spec.name);
  if (operatingBlocked(store, caller.portal, opKey)) return fail(errors.operationTimeLimit(spec.name));
  if (store.quirks.length) params = playQuirks(store, caller.portal.key, spec.name, params);
  if (inBatch) {
    // A fault for this method plays inside a batch as on its own: a delay, then an error if it has one.
    const fault = takeFault(store, caller.portal.key, spec.name, false);
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.error) return fail(new RestError(fault.error, fault.description, fault.status));
  }
  const startMs = nowMs(store);
  const realStart = performance.now();
  let outcome: MethodOutcome;
  try {
    outcome = await spec.handler({
      portal: caller.portal,
      user: caller.user,
      app: caller.app,
      scopes: caller.scopes,
      params,
      now: now(store),
      portalUrl: caller.portalUrl,
      registration: caller.app ? (store.apps.get(caller.app.clientId) ?? null) : null,
      emit: (event, data, options) =>
        emitEvent(store, caller.portal, event, data, {
          userId: caller.user.id,
          clientId: caller.app?.clientId ?? null,
          authConnector: typeof params.auth_connector === "string" ? params.auth_connector : "",
          onlyApp: options?.onlyCaller ? (caller.app?.clientId ?? "") : undefined,
        }),
      automation: {
        enteredStage: (entityTypeId, row) => void runStageRobots(store, caller.portal, entityTypeId, row, caller.user.id),
        readEventToken: (token) => readEventToken(store, token),
      },
    });
  } catch (err) {
    const realSec = (performance.now() - realStart) / 1000;
    recordOperating(store, caller.portal, opKey, spec.name, realSec);
    if (err instanceof RestError) {
      const time = timeInfo(startMs, nowMs(store), realSec, operatingState(store, caller.portal, opKey));
      return fail(err, time);
    }
    console.error("[emulator] method failed:", spec.name, err instanceof Error ? err.message : "unknown");
    return fail(errors.internal());
  }
  const realSec = (performance.now() - realStart) / 1000;
  recordOperating(store, caller.portal, opKey, spec.name, realSec);
  const time = timeInfo(startMs, Math.max(nowMs(store), startMs), realSec, operatingState(store, caller.portal, opKey));
  logCall(store, caller, method, 200, null, inBatch, params);
  return { ok: true, outcome, time };
}
