/**
 * `batch`: up to 50 commands `method?query` run in order in one HTTP request
 * (b24restdocs settings/how-to-call-rest-api/batch.md). Later commands may use earlier answers
 * through `$result[key][field]…`. Commands past the 50th end with ERROR_BATCH_LENGTH_EXCEEDED, a
 * nested batch with ERROR_BATCH_METHOD_NOT_ALLOWED; `halt=1` stops at the first error. Empty maps
 * print as `[]`.
 *
 * References follow the server (modules/rest/classes/general/rest_util.php
 * processBatchElement, rest_provider.php methodsBatch): the names are the server's own
 * `$result`, `$next`, `$total`, `$time`, `$error` (so `$result_total[k]` means `$result[k]`); a
 * reference runs to the next whitespace; its keys are walked while they exist and the walk stops
 * at the last one found — a reference to a missing command or field gives what was reached (the
 * command's whole answer, or every answer so far). A value that is one whole reference takes
 * that value as is (a list stays a list); inside longer text PHP's string conversion applies
 * (a list or map prints as "Array", null and false as "", true as "1").
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

const REF = /\$(result|next|total|time|error)(\S*)/gi;
const STATE_OF: Record<string, keyof BatchState> = { result: "result", next: "result_next", total: "result_total", time: "result_time", error: "result_error" };

/** What the server's walk reaches: each existing key is followed, the first missing one stops it. */
function lookup(state: BatchState, kind: string, keys: string[]): unknown {
  let node: unknown = phpMap([...state[STATE_OF[kind.toLowerCase()]]]);
  for (const k of keys) {
    let next: unknown;
    if (typeof node === "string") next = /^\d+$/.test(k) && Number(k) < node.length ? node[Number(k)] : undefined;
    else if (node !== null && typeof node === "object") next = (node as Record<string, unknown>)[k];
    // PHP isset(): a null value counts as missing.
    if (next === undefined || next === null) break;
    node = next;
  }
  return node;
}

/** PHP's string conversion, as str_replace applies it to the reached value. */
function phpString(v: unknown): string {
  if (v === null || v === undefined || v === false) return "";
  if (v === true) return "1";
  if (typeof v === "object") return "Array";
  return String(v);
}

function substituteText(text: string, state: BatchState): unknown {
  let out: unknown = text;
  for (const m of text.matchAll(REF)) {
    const keys = [...m[2].matchAll(/\[([^\]]+)\]/g)].map((k) => k[1]);
    if (keys.length === 0) continue;
    const value = lookup(state, m[1], keys);
    if (m[0] === out) out = value;
    else if (typeof out === "string") out = out.split(m[0]).join(phpString(value));
  }
  return out;
}

/** Replaces references in string values (keys stay as sent). */
function substitute(value: unknown, state: BatchState): unknown {
  if (typeof value === "string") return substituteText(value, state);
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
  // methodsBatch: (bool)$arQuery['HALT'] — PHP's cast, so "N" and "false" halt too; only
  // false, 0, "", "0" and a missing value do not.
  const haltRaw = param(params, "halt");
  const halt = haltRaw !== undefined && haltRaw !== null && haltRaw !== false && haltRaw !== 0 && haltRaw !== "" && haltRaw !== "0";
  const state: BatchState = { result: new Map(), result_error: new Map(), result_total: new Map(), result_next: new Map(), result_time: new Map() };
  const commands = commandsOf(params);
  for (const [index, [key, raw]] of commands.entries()) {
    if (index >= MAX_BATCH) {
      state.result_error.set(key, errorBody(errors.batchLength()));
      if (halt) break;
      continue;
    }
    // A command that is not a string is skipped without an answer (methodsBatch's is_string check).
    if (typeof raw !== "string") continue;
    const text = raw;
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
