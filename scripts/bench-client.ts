/**
 * npm run bench:client [-- --seconds=35 --workers=8 --plan=standard]
 *
 * Sustained load through lib/bitrix24's client against an in-process emulator with the plan's
 * limits ON (b24restdocs limits.md: standard X=50 burst, Y=2/s). Reports the request rate the
 * client achieves after the first burst as a fraction of Y (goal ≥ 0.95), the total against what
 * the plan allows in the window (X + Y·T), and how many QUERY_LIMIT_EXCEEDED the emulator
 * answered, and when (goal: none, or only in the first burst).
 */
import { controlClient } from "../emulator/control/client";
import { startEmulator } from "../emulator/server";
import { Bitrix24Client, ENTERPRISE_PLAN, STANDARD_PLAN, resetLimiters } from "../lib/bitrix24";

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

async function main(): Promise<void> {
  const seconds = Number(arg("seconds", "35"));
  const workers = Number(arg("workers", "8"));
  const plan = arg("plan", "standard") === "enterprise" ? "enterprise" : "standard";
  const clientId = "local.bench";
  const emu = await startEmulator({ httpsPort: null, controlApi: true });
  // Arranged through the emulator's control API (emulator/control/README.md), as a test would.
  const control = controlClient(emu.httpUrl);
  try {
    await control("POST", "portals", { key: "bench", plan, seed: { seed: 3, users: 60 } });
    await control("POST", "apps", { clientId, clientSecret: "bench-secret", name: "bench", handlerUrl: "http://127.0.0.1:9/", scopes: ["user"] });
    await control("POST", "portals/bench/install", { clientId, userId: 1 });
    const limits = await control<{ enabled: boolean; burst: number; rate: number }>("GET", "portals/bench/limits");
    if (!limits.enabled) throw new Error("the emulator's limits must be on for this benchmark");
    const t = await control<{ access_token: string; client_endpoint: string }>("POST", "portals/bench/tokens", { clientId, userId: 1 });
    const rateLimit = plan === "enterprise" ? ENTERPRISE_PLAN : STANDARD_PLAN;
    resetLimiters();
    let requests = 0;
    let ok = 0;
    const sentAt: number[] = [];
    const client = new Bitrix24Client({
      restBase: t.client_endpoint,
      portalKey: "bench",
      rateLimit,
      // A fixed token: the run is shorter than the token's hour; the token store has its own tests.
      tokens: { current: async () => t.access_token, afterRejection: async () => t.access_token },
      onEvent: (e) => {
        if (e.type === "request") {
          requests++;
          sentAt.push(performance.now());
        }
      },
    });

    const start = performance.now();
    const deadline = start + seconds * 1000;
    console.log(`bench:client — ${plan} plan (X=${limits.burst}, Y=${limits.rate}/s), ${workers} workers, ${seconds} s …`);
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < deadline) {
          await client.call("user.get", { FILTER: { ID: 1 } });
          ok++;
        }
      }),
    );
    const end = performance.now();
    const elapsed = (end - start) / 1000;
    type Call = { method: string; error: string | null };
    const log = (await control<{ calls: Call[] }>("GET", "calls?portal=bench&limit=1000000")).calls.filter((c) => c.method === "user.get");
    const refused = log.filter((c) => c.error === "QUERY_LIMIT_EXCEEDED");
    const firstRefusalIdx = log.findIndex((c) => c.error === "QUERY_LIMIT_EXCEEDED");
    const lastRefusalIdx = log.map((c) => c.error).lastIndexOf("QUERY_LIMIT_EXCEEDED");
    // The first burst: the X requests the bucket takes at once. The sustained window starts when
    // the burst is spent (the X-th request) and ends at the last request sent.
    const burstEnd = sentAt[Math.min(limits.burst, sentAt.length) - 1];
    const lastSent = sentAt[sentAt.length - 1];
    const sustainedRequests = sentAt.filter((s) => s > burstEnd).length;
    const sustainedRate = sustainedRequests / ((lastSent - burstEnd) / 1000);
    const allowed = limits.burst + limits.rate * elapsed;

    const row = (k: string, v: string) => console.log(`  ${k.padEnd(40)} ${v}`);
    row("duration (s)", elapsed.toFixed(1));
    row("HTTP requests sent / calls succeeded", `${requests} / ${ok}`);
    row("overall requests/s", (requests / elapsed).toFixed(3));
    row("plan limit (sustained requests/s)", `${limits.rate}`);
    row("sustained requests/s after first burst", sustainedRate.toFixed(3));
    row("RATIO sustained / limit (goal ≥ 0.95)", (sustainedRate / limits.rate).toFixed(3));
    row("requests / plan allowance X+Y·T", `${requests} / ${allowed.toFixed(0)} = ${(requests / allowed).toFixed(3)}`);
    row("QUERY_LIMIT_EXCEEDED answered", `${refused.length}`);
    if (refused.length > 0) {
      row("  first / last at request #", `${firstRefusalIdx + 1} / ${lastRefusalIdx + 1} (burst = first ${limits.burst})`);
    }
    const pass = sustainedRate / limits.rate >= 0.95 && (refused.length === 0 || lastRefusalIdx < limits.burst + 5);
    console.log(pass ? "RESULT: goals met" : "RESULT: goals NOT met");
    process.exitCode = pass ? 0 : 1;
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
