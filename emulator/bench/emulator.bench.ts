/**
 * Emulator benchmark (`npm run bench:emulator`): time to generate a 100,000-record portal
 * (goal < 10 s) and time for the emulator to answer a 50-record list page over HTTP (goal < 20 ms,
 * median and p95 of 200 requests on that portal), printed as ratios against the goals.
 */
import { countRecords, generatePortal } from "../seed/index";
import { issueTokens, startEmulator } from "../server";
import { findMethod } from "../rest/method-registry";
import "../methods/index";

const GENERATE_GOAL_MS = 10_000;
const PAGE_GOAL_MS = 20;
const REQUESTS = 200;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const seedOptions = { seed: 2024, recordsPerHeavyUser: 33_334 };
  const t0 = performance.now();
  const generated = generatePortal(seedOptions);
  const genMs = performance.now() - t0;
  const records = countRecords(generated.data);
  console.log(
    `generate: ${records} records in ${genMs.toFixed(0)} ms (goal ${GENERATE_GOAL_MS} ms, ratio ${(genMs / GENERATE_GOAL_MS).toFixed(3)}); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
  );

  const emu = await startEmulator({
    httpsPort: null,
    portals: [{ key: "bench", seed: seedOptions }],
    apps: [
      {
        clientId: "local.bench",
        clientSecret: "bench",
        name: "Bench",
        handlerUrl: "http://127.0.0.1:9/",
        installUrl: null,
        scopes: ["crm", "task", "user"],
        installIn: ["bench"],
      },
    ],
  });
  try {
    const portal = emu.store.portals.get("bench")!;
    emu.store.limits.get("bench")!.enabled = false; // measure the emulator, not the rate limiter
    const token = issueTokens(emu.store, portal, "local.bench", 1).accessToken;
    const heavy = generated.heavyUserIds[1];
    const cases: Array<[string, string, (i: number) => object]> = [
      [
        "crm.item.list deals of a heavy user, total counted",
        "crm.item.list",
        (i) => ({ entityTypeId: 2, filter: { assignedById: heavy }, select: ["id", "title", "stageId", "assignedById"], start: (i % 10) * 50 }),
      ],
      [
        "tasks.task.list by RESPONSIBLE_ID, ID pagination start=-1",
        "tasks.task.list",
        (i) => ({ order: { ID: "asc" }, filter: { RESPONSIBLE_ID: heavy, ">ID": i * 97 }, select: ["ID", "TITLE", "RESPONSIBLE_ID", "STATUS"], start: -1 }),
      ],
      [
        "crm.deal.list page with total",
        "crm.deal.list",
        (i) => ({ filter: { ">OPPORTUNITY": 1000 }, select: ["ID", "TITLE", "ASSIGNED_BY_ID"], start: (i % 20) * 50 }),
      ],
    ];
    for (const [label, method, params] of cases) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS + 10; i++) {
        const started = performance.now();
        const res = await fetch(`http://${emu.store.portals.get("bench")!.domain}/rest/${method}.json`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ auth: token, ...params(i) }),
        });
        const body = (await res.json()) as { result?: unknown; error?: string };
        if (!res.ok || body.error) throw new Error(`${method} failed: ${res.status} ${body.error}`);
        if (i >= 10) times.push(performance.now() - started); // the first 10 warm up JIT and connections
      }
      times.sort((a, b) => a - b);
      // The same calls straight into the handler: separates our query cost from HTTP and dispatch.
      const direct: number[] = [];
      const spec = findMethod(method)!;
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        await spec.handler({
          portal,
          user: portal.users.get(1)!,
          app: null,
          scopes: new Set(["crm", "task"]),
          params: JSON.parse(JSON.stringify(params(i))),
          now: new Date(),
          portalUrl: "http://bench",
          automation: { enteredStage: () => undefined, readEventToken: () => null },
          emit: () => {},
        });
        direct.push(performance.now() - started);
      }
      direct.sort((a, b) => a - b);
      console.log(`  handler only — ${label}: median ${quantile(direct, 0.5).toFixed(2)} ms, p95 ${quantile(direct, 0.95).toFixed(2)} ms`);
      const med = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      console.log(
        `list page over HTTP — ${label}: median ${med.toFixed(2)} ms (ratio ${(med / PAGE_GOAL_MS).toFixed(3)}), p95 ${p95.toFixed(2)} ms (ratio ${(p95 / PAGE_GOAL_MS).toFixed(3)}), goal ${PAGE_GOAL_MS} ms, ${REQUESTS} requests`,
      );
    }
  } finally {
    await emu.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
