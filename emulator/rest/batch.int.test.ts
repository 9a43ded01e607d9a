/**
 * batch as b24restdocs settings/how-to-call-rest-api/batch.md describes it: ≤50 commands,
 * `$result[key][field]` references (nested too), halt, result/result_error/result_total/
 * result_next/result_time, PHP's `[]` for empty maps, ERROR_BATCH_LENGTH_EXCEEDED and
 * ERROR_BATCH_METHOD_NOT_ALLOWED per command.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postForm, postJson, startWorld, type World } from "../testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld({ portals: [{ key: "acme", seed: { seed: 5, users: 80 } }] });
});
afterAll(async () => {
  await w.close();
});

const batch = (body: Record<string, unknown>) => postJson(`${w.rest}batch`, { auth: w.token(), ...body });

describe("batch", () => {
  it("runs commands in order with result, result_total, result_next, result_time; empty result_error is []", async () => {
    const r = await batch({ cmd: { me: "user.current", page: "user.get?start=0", admin: "user.admin" } });
    expect(r.status).toBe(200);
    const b = r.body.result;
    expect(b.result.me.ID).toBe("1");
    expect(b.result.page).toHaveLength(50);
    expect(b.result.admin).toBe(true);
    expect(b.result_error).toEqual([]);
    expect(b.result_total.page).toBeGreaterThan(50);
    expect(b.result_next).toEqual({ page: 50 });
    expect(Object.keys(b.result_time)).toEqual(["me", "page", "admin"]);
    expect(b.result_time.me).toHaveProperty("operating");
    expect(r.body.time).toHaveProperty("duration");
  });

  it("numeric command keys give PHP lists; result_next is [] when no command has a next page", async () => {
    const r = await batch({ cmd: ["user.admin", "profile"] });
    expect(Array.isArray(r.body.result.result)).toBe(true);
    expect(r.body.result.result[1].ID).toBe("1");
    expect(r.body.result.result_next).toEqual([]);
    expect(r.body.result.result_total).toEqual([]);
  });

  it("substitutes $result[key][field] and nested $result[key][0][ID]", async () => {
    const r = await batch({
      cmd: {
        list: "user.get?FILTER[>ID]=3&SORT=ID&ORDER=ASC",
        first: "user.get?ID=$result[list][0][ID]",
        me: "user.current",
        same: "user.get?FILTER[ID]=$result[me][ID]",
      },
    });
    const b = r.body.result;
    expect(b.result_error).toEqual([]);
    expect(b.result.first[0].ID).toBe(b.result.list[0].ID);
    expect(Number(b.result.list[0].ID)).toBeGreaterThan(3);
    expect(b.result.same[0].ID).toBe("1");
  });

  it("keeps going after an error without halt, stops at it with halt=1", async () => {
    const cmd = { a: "user.admin", bad: "no.such.method", c: "profile" };
    const soft = await batch({ cmd, halt: 0 });
    expect(soft.body.result.result_error.bad).toEqual({ error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" });
    expect(soft.body.result.result).toHaveProperty("c");
    const hard = await batch({ cmd, halt: 1 });
    expect(hard.status).toBe(200);
    expect(hard.body.result.result).toEqual({ a: true });
    expect(Object.keys(hard.body.result.result_error)).toEqual(["bad"]);
  });

  it("refuses commands past the 50th and nested batch, per command", async () => {
    const cmd: Record<string, string> = {};
    for (let i = 0; i < 52; i++) cmd[`k${i}`] = "user.admin";
    cmd.nested = "batch?cmd[x]=profile";
    const r = await batch({ cmd });
    const b = r.body.result;
    expect(Object.keys(b.result)).toHaveLength(50);
    expect(b.result_error.k50.error).toBe("ERROR_BATCH_LENGTH_EXCEEDED");
    expect(b.result_error.k51.error).toBe("ERROR_BATCH_LENGTH_EXCEEDED");
    expect(b.result_error.nested.error).toMatch(/ERROR_BATCH_(LENGTH_EXCEEDED|METHOD_NOT_ALLOWED)/);
    const nested = await batch({ cmd: { n: "batch?cmd[x]=profile" } });
    expect(nested.body.result.result_error.n.error).toBe("ERROR_BATCH_METHOD_NOT_ALLOWED");
  });

  it("accepts the form-encoded, double-encoded shape (cmd[key]=method%3Fquery)", async () => {
    const q = encodeURIComponent("user.get?FILTER[ID]=2");
    const r = await postForm(`${w.rest}batch.json`, `auth=${w.token()}&halt=0&cmd[u]=${q}`);
    expect(r.body.result.result.u[0].ID).toBe("2");
  });

  it("counts as one request for the rate limit but logs each command", async () => {
    const before = w.emu.store.calls.length;
    await batch({ cmd: { a: "user.admin", b: "profile", c: "server.time" } });
    const log = w.emu.store.calls.slice(before);
    expect(log.filter((c) => !c.inBatch).map((c) => c.method)).toEqual(["batch"]);
    expect(log.filter((c) => c.inBatch).map((c) => c.method)).toEqual(["user.admin", "profile", "server.time"]);
  });
});
