/**
 * Counting what people hold: one list command per (person, type, role), fifty to a `batch`
 * request, each reading its command's `total` (b24restdocs settings/how-to-call-rest-api/batch.md
 * `result_total`; `start=0` makes a list method count). A whole overview is one request; the
 * dismissal watch and the dismissed-users tab count many people in as many requests as their
 * commands fill. A command can also keep the first records it lists — newest first — so an
 * overview shows links to a few records without a request more.
 *
 * Commands refused for rate or operating time inside a batch go again in the next request, after
 * the client has filled the shared bucket (reader.ts says how limits are waited out).
 */
import type { BatchCommand, BatchItemResult } from "../../bitrix24";
import { isRetryable } from "../../bitrix24";
import type { OwnershipQuery, OwnershipRole, RecordSnapshot } from "../types";
import { commandFor, pageOf } from "./commands";
import type { ReaderClient } from "./reader";

export interface CountRequest {
  role: OwnershipRole;
  userId: number;
  query: OwnershipQuery;
  /** Keep this many of the newest records listed (0: none). */
  sample?: number;
}

export type CountAnswer = { ok: true; total: number; sample: RecordSnapshot[] } | { ok: false; code: string };

export interface CountOptions {
  maxAttempts?: number;
  /** Longest wait for a blocked method's operating window (then its counts fail). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

function commandOf(r: CountRequest): BatchCommand {
  const request = r.role.list(r.userId, r.query);
  // Newest first when records are kept; department.get takes no order and pages by start only.
  if (r.sample && !request.smallList) {
    const top = commandFor(request, { kind: "top" });
    return { method: top.method, params: { ...top.params, start: 0 } };
  }
  return { method: request.method, params: { ...request.params, start: 0 } };
}

/** One answer per request, in order. */
export async function countHeld(client: ReaderClient, requests: readonly CountRequest[], options: CountOptions = {}): Promise<CountAnswer[]> {
  const maxAttempts = options.maxAttempts ?? 6;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const commands = requests.map(commandOf);
  const answers: Array<CountAnswer | undefined> = requests.map(() => undefined);
  let pending = requests.map((_, i) => i);
  for (let attempt = 1; pending.length; attempt++) {
    const waits = pending.map((i) => client.blockedFor(commands[i].method));
    const soonest = Math.min(...waits);
    if (soonest > 0) {
      if (soonest > maxWaitMs) break;
      await sleep(soonest);
    }
    const sent = pending.filter((_, n) => waits[n] <= soonest);
    const results = await client.batch(sent.map((i) => commands[i]));
    const again: number[] = pending.filter((_, n) => waits[n] > soonest);
    sent.forEach((i, n) => {
      const r: BatchItemResult = results[n];
      if (r.ok) answers[i] = answerOf(requests[i], commands[i].method, r);
      else if (isRetryable(r.error) && attempt < maxAttempts) again.push(i);
      else answers[i] = { ok: false, code: r.error.code || "ERROR" };
    });
    pending = again;
  }
  return answers.map((a) => a ?? { ok: false, code: "OPERATION_TIME_LIMIT" });
}

function answerOf(request: CountRequest, method: string, r: Extract<BatchItemResult, { ok: true }>): CountAnswer {
  try {
    const page = pageOf(request.role, method, r.result, r.total);
    const total = page.total ?? page.items.length;
    // Only records that name the person are shown: a method that ignored its filter shows none.
    const sample = request.sample ? page.items.filter((s) => s.holders.includes(request.userId)).slice(0, request.sample) : [];
    return { ok: true, total, sample };
  } catch {
    return { ok: false, code: "BAD_RESPONSE" };
  }
}
