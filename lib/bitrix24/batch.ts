/**
 * `batch`: up to 50 commands in one HTTP request (docs/bitrix24-platform.md "Batch"; b24restdocs
 * api-reference/common/batch.md). Longer lists are cut into chunks of 50, one request each, run in
 * order (the rate limiter spaces them). Each command gets its own result or typed error; the PHP
 * server writes empty maps as `[]`, which envelope.ts reads as empty records.
 *
 * Command keys are `c{index}` (index in the chunk), so a command may refer to an earlier one's
 * result as `$result[c0][field]` — only within its chunk of 50.
 */
import { Bitrix24Error, toBitrix24Error } from "./errors";
import { batchResultSchema, type CallResult, type RestTime } from "./envelope";
import { encodeParams, type Params } from "./params";
import { isIdempotentMethod } from "./retry";

export const BATCH_LIMIT = 50;

export interface BatchCommand {
  method: string;
  params?: Params;
}

export type BatchItemResult = { ok: true; result: unknown; total?: number; next?: number } | { ok: false; error: Bitrix24Error };

export interface BatchOptions {
  /** Stop at the first failing command (per chunk: `halt=1`); later chunks are not sent either. */
  halt?: boolean;
}

interface Caller {
  call<T>(method: string, params: Params, options?: { idempotent?: boolean }): Promise<CallResult<T>>;
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The `cmd` map of one batch request: keys `c0`, `c1`, … (not bare digits: PHP would make those a list). */
export function buildCmd(commands: readonly BatchCommand[]): Record<string, string> {
  const cmd: Record<string, string> = {};
  commands.forEach((c, i) => {
    const query = encodeParams(c.params ?? {});
    cmd[`c${i}`] = query ? `${c.method}?${query}` : c.method;
  });
  return cmd;
}

/** Reads one batch answer into per-command results, in the order of `commands`. */
export function readBatchResult(commands: readonly BatchCommand[], raw: unknown, onTime?: (method: string, time: RestTime) => void): BatchItemResult[] {
  const parsed = batchResultSchema.safeParse(raw);
  if (!parsed.success) throw new Bitrix24Error("BAD_RESPONSE", "batch answer has an unexpected shape", 200, "batch");
  const { result, result_error = {}, result_total = {}, result_next = {}, result_time = {} } = parsed.data;
  return commands.map((c, i): BatchItemResult => {
    const key = `c${i}`;
    if (result_time[key]) onTime?.(c.method, result_time[key]);
    const err = result_error[key];
    if (err !== undefined) {
      const e = err as { error?: unknown; error_description?: unknown };
      const code = typeof e.error === "string" ? e.error : "BATCH_COMMAND_FAILED";
      const description = typeof e.error_description === "string" ? e.error_description : "";
      return { ok: false, error: toBitrix24Error(code, description, 0, c.method) };
    }
    if (!(key in result)) {
      // With halt=1 the portal stops at the first error: the rest never ran.
      return { ok: false, error: new Bitrix24Error("BATCH_NOT_RUN", "not run (an earlier command failed)", 0, c.method) };
    }
    return { ok: true, result: result[key], total: result_total[key], next: result_next[key] };
  });
}

/** Runs any number of commands in chunks of 50. */
export async function runBatch(
  caller: Caller,
  commands: readonly BatchCommand[],
  options: BatchOptions,
  onTime?: (method: string, time: RestTime) => void,
  /** Runs before each chunk with its methods (the client pauses for their operating time here). */
  beforeChunk?: (methods: string[]) => Promise<void>,
  /** Runs on each chunk's results (the client learns of limits met inside the batch here). */
  afterChunk?: (items: readonly BatchItemResult[]) => void,
): Promise<BatchItemResult[]> {
  const out: BatchItemResult[] = [];
  const chunks = chunk(commands);
  for (let n = 0; n < chunks.length; n++) {
    const part = chunks[n];
    await beforeChunk?.([...new Set(part.map((c) => c.method))]);
    // A batch is as repeatable as its least repeatable command.
    const idempotent = part.every((c) => isIdempotentMethod(c.method));
    const answer = await caller.call<unknown>("batch", { halt: options.halt ? 1 : 0, cmd: buildCmd(part) }, { idempotent });
    const items = readBatchResult(part, answer.result, onTime);
    afterChunk?.(items);
    out.push(...items);
    if (options.halt && items.some((r) => !r.ok)) {
      for (const rest of chunks.slice(n + 1).flat()) {
        out.push({ ok: false, error: new Bitrix24Error("BATCH_NOT_RUN", "not run (an earlier command failed)", 0, rest.method) });
      }
      break;
    }
  }
  return out;
}
