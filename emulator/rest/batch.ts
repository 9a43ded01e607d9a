/**
 * `batch`: up to 50 commands `method?query` run in order in one HTTP request
 * (b24restdocs settings/how-to-call-rest-api/batch.md). Later commands may use earlier answers
 * through `$result[key][field]…` (also $result_error, $result_total, $result_next, $result_time).
 * Commands past the 50th end with ERROR_BATCH_LENGTH_EXCEEDED, a nested batch with
 * ERROR_BATCH_METHOD_NOT_ALLOWED; `halt=1` stops at the first error. Empty maps print as `[]`.
 */
import type { EmulatorStore } from "../state/store";
import type { TimeInfo } from "./envelope";
import { phpMap } from "./envelope";
import { errorBody, errors } from "./errors";
import { runCommand, type Caller } from "./dispatch";
import type { MethodOutcome } from "./method-registry";
import { param, parseForm, type Params } from "./params";

export const MAX_BATCH = 50;

interface BatchState {
  result: Map<string, unknown>;
  result_error: Map<string, unknown>;
  result_total: Map<string, unknown>;
  result_next: Map<string, unknown>;
  result_time: Map<string, unknown>;
}

const REF = /\$(result_error|result_total|result_next|result_time|result)((?:\[[^\]]*\])+)/g;

function lookup(state: BatchState, kind: string, path: string): unknown {
  const keys = [...path.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
  let node: unknown = state[kind as keyof BatchState].get(keys[0]);
  for (const k of keys.slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** Replaces references in string values; a value that is one whole reference takes the referenced value as is. */
function substitute(value: unknown, state: BatchState): unknown {
  if (typeof value === "string") {
    const whole = /^\$(result_error|result_total|result_next|result_time|result)((?:\[[^\]]*\])+)$/.exec(value);
    if (whole) return lookup(state, whole[1], whole[2]) ?? "";
    return value.replace(REF, (_m, kind: string, path: string) => {
      const v = lookup(state, kind, path);
      return v === undefined || v === null || typeof v === "object" ? "" : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, state));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, substitute(v, state)]));
  }
  return value;
}

function commandsOf(params: Params): Array<[string, unknown]> {
  const cmd = param(params, "cmd");
  if (Array.isArray(cmd)) return cmd.map((c, i) => [String(i), c]);
  if (cmd && typeof cmd === "object") return Object.entries(cmd as Record<string, unknown>);
  return [];
}

export async function runBatch(store: EmulatorStore, caller: Caller, params: Params): Promise<MethodOutcome> {
  const haltRaw = param(params, "halt");
  const halt = haltRaw === true || haltRaw === 1 || haltRaw === "1" || haltRaw === "true" || haltRaw === "Y";
  const state: BatchState = { result: new Map(), result_error: new Map(), result_total: new Map(), result_next: new Map(), result_time: new Map() };
  const commands = commandsOf(params);
  for (const [index, [key, raw]] of commands.entries()) {
    if (index >= MAX_BATCH) {
      state.result_error.set(key, errorBody(errors.batchLength()));
      if (halt) break;
      continue;
    }
    const text = typeof raw === "string" ? raw : "";
    const q = text.indexOf("?");
    const method = (q < 0 ? text : text.slice(0, q)).trim().replace(/\.json$/i, "");
    const cmdParams = substitute(parseForm(q < 0 ? "" : text.slice(q + 1)), state) as Params;
    if (method.toLowerCase() === "batch") {
      state.result_error.set(key, errorBody(errors.batchNotAllowed()));
      if (halt) break;
      continue;
    }
    const r = await runCommand(store, caller, method, cmdParams, true);
    if (r.ok) {
      state.result.set(key, r.outcome.result);
      if (r.outcome.total !== undefined) state.result_total.set(key, r.outcome.total);
      if (r.outcome.next !== undefined) state.result_next.set(key, r.outcome.next);
      state.result_time.set(key, r.time);
    } else {
      state.result_error.set(key, errorBody(r.error));
      if (r.time) state.result_time.set(key, r.time as TimeInfo);
      if (halt) break;
    }
  }
  return {
    result: {
      result: phpMap([...state.result]),
      result_error: phpMap([...state.result_error]),
      result_total: phpMap([...state.result_total]),
      result_next: phpMap([...state.result_next]),
      result_time: phpMap([...state.result_time]),
    },
  };
}
