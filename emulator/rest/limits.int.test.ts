/**
 * Limits as b24restdocs limits.md describes them: a leaky bucket (standard plan X=50, Y=2/s;
 * QUERY_LIMIT_EXCEEDED with HTTP 503) and per-method operating time (429 OPERATION_TIME_LIMIT,
 * `time.operating` / `operating_reset_at` in every answer).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, postJson, startWorld, type World } from "../testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});

const control = (path: string, body: unknown) => postJson(`${w.emu.httpUrl}/_emulator/portals/acme/${path}`, body);

describe("request rate (leaky bucket)", () => {
  it("refuses with 503 QUERY_LIMIT_EXCEEDED after the burst, then admits the plan's drain rate", async () => {
    await control("limits", { resetCounters: true, enabled: true });
    const token = w.token();
    const url = `${w.rest}server.time?auth=${token}`;
    // Burst: fire 60 at once; a standard plan takes 50.
    const burstStarted = Date.now();
    const burst = await Promise.all(
      Array.from({ length: 60 }, () => fetch(url).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } }))),
    );
    const burstSeconds = (Date.now() - burstStarted) / 1000;
    const accepted = burst.filter((r) => r.status === 200).length;
    const refused = burst.filter((r) => r.status === 503);
    expect(accepted).toBeGreaterThanOrEqual(50);
    // The bucket drains 2/s while the 60 are in flight (one more on an idle machine, more on a busy one).
    expect(accepted).toBeLessThanOrEqual(50 + Math.ceil(burstSeconds * 2));
    expect(refused.length).toBe(60 - accepted);
    expect(refused.every((r) => r.body.error === "QUERY_LIMIT_EXCEEDED")).toBe(true);

    // Sustained: hammer for 3 s; accepted per second must match Y = 2.
    const started = Date.now();
    let ok = 0;
    let limited = 0;
    while (Date.now() - started < 3000) {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status === 200) ok++;
      else if (r.status === 503) limited++;
      await new Promise((res) => setTimeout(res, 20));
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = ok / seconds;
    console.log(
      `[limits] burst: ${accepted} accepted of 60, then ${ok} accepted / ${limited} refused in ${seconds.toFixed(2)} s = ${rate.toFixed(2)} req/s (plan Y = 2)`,
    );
    expect(rate).toBeGreaterThan(1.3);
    expect(rate).toBeLessThan(2.7);
  });

  it("can be switched off per portal", async () => {
    await control("limits", { enabled: false, resetCounters: true });
    const url = `${w.rest}server.time?auth=${w.token()}`;
    const statuses = await Promise.all(Array.from({ length: 80 }, () => fetch(url).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await control("limits", { enabled: true, resetCounters: true });
  });

  it("an enterprise portal takes a burst of 250", async () => {
    const big = await postJson(`${w.emu.httpUrl}/_emulator/portals`, { key: "big", plan: "enterprise", seed: 2 });
    await postJson(`${w.emu.httpUrl}/_emulator/portals/big/install`, { clientId: "local.test.app", userId: 1 });
    const t = await control("../big/tokens", { clientId: "local.test.app", userId: 1 });
    const url = `${big.body.restUrl}server.time?auth=${t.body.access_token}`;
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 300 }, () => fetch(url).then((r) => r.status)));
    const seconds = (Date.now() - started) / 1000;
    const accepted = statuses.filter((s) => s === 200).length;
    console.log(`[limits] enterprise burst: ${accepted} accepted of 300 in ${seconds.toFixed(2)} s (X = 250, Y = 5)`);
    expect(accepted).toBeGreaterThanOrEqual(250);
    // The bucket drains 5/s while the 300 requests are in flight.
    expect(accepted).toBeLessThanOrEqual(250 + Math.ceil(seconds * 5) + 1);
    expect(statuses.filter((s) => s === 503).length).toBe(300 - accepted);
  });
});

describe("operating time", () => {
  it("reports time.operating, blocks the method with 429 OPERATION_TIME_LIMIT over the limit, other methods still work", async () => {
    await control("limits", { resetCounters: true, operatingLimitSec: 10, methodCostSec: { "user.current": 4 } });
    const token = w.token();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(`${w.rest}user.current?auth=${token}`));
    // 4 s each: 4, 8, 12 (the call that crosses the limit completes), then the 4th is refused.
    expect(answers.slice(0, 3).map((a) => a.body.time.operating)).toEqual([4, 8, 12]);
    expect(answers[0].body.time.operating_reset_at).toBeGreaterThan(Date.now() / 1000 + 590);
    expect(answers[3]).toMatchObject({ status: 429, body: { error: "OPERATION_TIME_LIMIT" } });
    expect((await get(`${w.rest}profile?auth=${token}`)).status).toBe(200);
    // After the 10-minute window the basket drops out and the method works again.
    await postJson(`${w.emu.httpUrl}/_emulator/clock`, { advanceSec: 601 });
    try {
      expect((await get(`${w.rest}user.current?auth=${w.token()}`)).status).toBe(200);
    } finally {
      await postJson(`${w.emu.httpUrl}/_emulator/clock`, { offsetMs: 0 });
      await control("limits", { resetCounters: true, operatingLimitSec: 480, methodCostSec: { "user.current": 0.001 } });
    }
  });
});
