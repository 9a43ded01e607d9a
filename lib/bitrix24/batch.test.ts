import { describe, expect, it } from "vitest";
import { buildCmd, chunk, readBatchResult, runBatch, type BatchCommand } from "./batch";
import { AccessDeniedError, Bitrix24Error } from "./errors";
import type { Params } from "./params";

describe("batch building and reading", () => {
  it("chunks by 50", () => {
    expect(chunk(Array.from({ length: 120 }, (_, i) => i)).map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunk([])).toEqual([]);
  });

  it("writes commands as method?query with string keys", () => {
    expect(buildCmd([{ method: "crm.deal.update", params: { id: 5, fields: { ASSIGNED_BY_ID: 7 } } }, { method: "profile" }])).toEqual({
      c0: "crm.deal.update?id=5&fields[ASSIGNED_BY_ID]=7",
      c1: "profile",
    });
  });

  it("reads per-command results and errors, with PHP's [] for empty maps", () => {
    const cmds: BatchCommand[] = [{ method: "a" }, { method: "b" }];
    const ok = readBatchResult(cmds, { result: { c0: 1, c1: [2] }, result_error: [], result_total: [], result_next: [], result_time: [] });
    expect(ok).toEqual([
      { ok: true, result: 1, total: undefined, next: undefined },
      { ok: true, result: [2], total: undefined, next: undefined },
    ]);
    const mixed = readBatchResult(cmds, {
      result: { c0: [{ ID: "1" }] },
      result_error: { c1: { error: "ACCESS_DENIED", error_description: "no" } },
      result_total: { c0: 120 },
      result_next: { c0: 50 },
    });
    expect(mixed[0]).toEqual({ ok: true, result: [{ ID: "1" }], total: 120, next: 50 });
    expect(mixed[1].ok).toBe(false);
    expect(!mixed[1].ok && mixed[1].error).toBeInstanceOf(AccessDeniedError);
  });

  it("marks commands after a halt as not run", () => {
    const r = readBatchResult([{ method: "a" }, { method: "b" }, { method: "c" }], {
      result: { c0: true },
      result_error: { c1: { error: "X", error_description: "" } },
    });
    expect(r.map((x) => (x.ok ? "ok" : x.error.code))).toEqual(["ok", "X", "BATCH_NOT_RUN"]);
  });

  it("refuses an answer that is not a batch answer", () => {
    expect(() => readBatchResult([{ method: "a" }], [1, 2])).toThrow(Bitrix24Error);
  });
});

describe("runBatch", () => {
  it("sends one batch call per 50 commands and keeps the order", async () => {
    const sent: Params[] = [];
    const caller = {
      async call<T>(_m: string, params: Params) {
        sent.push(params);
        const cmd = params.cmd as Record<string, string>;
        const result = Object.fromEntries(Object.entries(cmd).map(([k, v]) => [k, v]));
        return { result: { result, result_error: [] } as T };
      },
    };
    const cmds = Array.from({ length: 101 }, (_, i) => ({ method: "m", params: { i } }));
    const out = await runBatch(caller, cmds, {});
    expect(sent).toHaveLength(3);
    expect(out).toHaveLength(101);
    expect(out[100]).toMatchObject({ ok: true, result: "m?i=100" });
    expect(sent[0].halt).toBe(0);
  });

  it("with halt, stops sending after a failing chunk", async () => {
    let calls = 0;
    const caller = {
      async call<T>() {
        calls++;
        return { result: { result: { c0: 1 }, result_error: { c1: { error: "E" } } } as T };
      },
    };
    const out = await runBatch(
      caller,
      Array.from({ length: 60 }, () => ({ method: "m" })),
      { halt: true },
    );
    expect(calls).toBe(1);
    expect(out).toHaveLength(60);
    expect(out.filter((x) => !x.ok && x.error.code === "BATCH_NOT_RUN")).toHaveLength(58);
  });
});
