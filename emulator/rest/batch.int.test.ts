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

  it("a reference that finds nothing gives what the server's walk reached (rest_util.php processBatchElement)", async () => {
    const r = await batch({
      cmd: {
        me: "user.current",
        // A missing field: the walk stops at the command's answer; as a whole value it is passed as is.
        whole: "user.get?FILTER[ID]=$result[me][NO_SUCH_FIELD]",
        // Inside longer text a reached map prints as "Array", a reached scalar as itself.
        text: "server.time?note=before $result[me][NO_SUCH_FIELD] after",
        scalar: "user.get?FILTER[NAME]=x$result[me][NAME]",
        // A missing command: the walk stops at the map of every answer so far.
        nocmd: "user.get?ID=$result[nobody][ID]",
        // The server's own names: $total, $next; `$result_total[k]` reads as `$result[k]`.
        page: "user.get?start=0",
        tot: "app.option.set?options[total]=$total[page]&options[next]=$next[page]",
        opts: "app.option.get",
        alias: "user.get?FILTER[ID]=$result_total[me][ID]",
        err: "no.such.method",
        errRef: "user.get?FILTER[EMAIL]=$error[err][error]",
      },
    });
    const b = r.body.result;
    const calls = w.emu.store.calls.filter((c) => c.inBatch).slice(-11);
    expect(calls.map((c) => c.method)).toEqual([
      "user.current",
      "user.get",
      "server.time",
      "user.get",
      "user.get",
      "user.get",
      "app.option.set",
      "app.option.get",
      "user.get",
      "no.such.method",
      "user.get",
    ]);
    // FILTER[ID] became the whole user record (a map): user.get reads it as a list of IDs and finds none.
    expect(b.result.whole).toEqual([]);
    expect(b.result.scalar).toEqual([]);
    expect(b.result_error).toEqual({ err: { error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" } });
    expect(b.result.alias[0].ID).toBe("1");
    expect(b.result.opts).toMatchObject({ total: b.result_total.page, next: 50 });
    expect(b.result_total.page).toBeGreaterThan(50);
  });

  it("passes the reached value on as the server does (seen through app.option.set / get)", async () => {
    const r = await batch({
      cmd: {
        me: "user.current",
        set:
          "app.option.set?options[whole]=$result[me][NO_SUCH]&options[text]=x $result[me][NO_SUCH] y&options[found]=$result[me][ID]" +
          "&options[flag]=[$result[me][ACTIVE]]&options[deps]=$result[me][UF_DEPARTMENT]&options[nocmd]=$result[zz][ID]",
        get: "app.option.get",
      },
    });
    const b = r.body.result;
    expect(b.result_error).toEqual([]);
    const opts = b.result.get;
    const me = b.result.me;
    expect(opts.whole).toEqual(me);
    expect(opts.text).toBe("x Array y");
    expect(opts.found).toBe(me.ID);
    // `[$result[me][ACTIVE]]`: the reference runs to the next whitespace, so its keys are me, ACTIVE and nothing else.
    expect(opts.flag).toBe("[1");
    expect(opts.deps).toEqual(me.UF_DEPARTMENT);
    expect(opts.nocmd).toEqual({ me });
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

  it("reads halt as PHP's (bool) cast and skips a command that is not a string (methodsBatch)", async () => {
    const cmd = { bad: "no.such.method", after: "profile" };
    for (const halt of ["N", "false", "Y", 2]) {
      const r = await batch({ cmd, halt });
      expect(r.body.result.result, String(halt)).toEqual([]);
    }
    for (const halt of ["0", "", 0, false]) {
      const r = await batch({ cmd, halt });
      expect(r.body.result.result, String(halt)).toHaveProperty("after");
    }
    const skipped = await batch({ cmd: { a: "profile", b: { method: "profile" }, c: "user.admin" } });
    expect(Object.keys(skipped.body.result.result)).toEqual(["a", "c"]);
    expect(skipped.body.result.result_error).toEqual([]);
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
