/**
 * npm run bench:export [-- --records=50000 --plan=standard|enterprise]
 *
 * The Privacy download job (lib/privacy runDownload) for one portal user who holds `records`
 * linked records (tasks in four roles, CRM items, activities, workgroups), against the emulator
 * running as its own process (so its memory is not ours) with the plan's rate limits on, and a
 * real (embedded) PostgreSQL holding the encrypted archive. Prints each figure beside its goal
 * (issue 21): HTTP requests ≤ 40 (lib/ownership's reader: fifty list pages to a `batch`), time
 * ≤ 20 s on the enterprise plan and ≤ 60 s on the standard one, this process's peak RSS < 250 MB;
 * and the machine's load average, since the figures are times on a shared machine.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { controlClient } from "../emulator/control/client";
import { Bitrix24Client, ENTERPRISE_PLAN, STANDARD_PLAN, type ClientFactory } from "../lib/bitrix24/index";
import { createKeyRing, generateKeyBase64 } from "../lib/crypto";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { applyMigrations } from "../lib/database/migrate";
import { getPrisma } from "../lib/db";
import { createRequests, runDownload } from "../lib/privacy";

const GOAL_RSS_MB = 250;
const GOAL_REQUESTS = 40;
const GOAL_SECONDS = { enterprise: 20, standard: 60 } as const;
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const records = Number(arg("records", "50000"));
  const plan = arg("plan", "standard") === "enterprise" ? "enterprise" : "standard";
  const root = path.resolve(import.meta.dirname, "..");
  const port = await freePort();
  const emulator = spawn(process.execPath, ["--import", "tsx", path.join(root, "emulator/cli.ts"), "--port", String(port), "--no-https", "--control"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const emuUrl = `http://127.0.0.1:${port}`;
  const control = controlClient(emuUrl);
  for (let i = 0; ; i++) {
    try {
      await control("GET", "state");
      break;
    } catch {
      if (i > 100) throw new Error("the emulator did not start");
      await delay(200);
    }
  }
  const db = await startEmbeddedPostgres(path.join(root, ".data/bench-export/pg"), { quiet: true });
  try {
    await applyMigrations(db.url);
    const prisma = getPrisma(db.url);
    const clientId = "local.bench-export";
    // The heavy users' share of records per kind follows the generator (emulator/seed/records.ts).
    await control("POST", "portals", { key: "bench", plan, seed: { seed: 5, users: 60, recordsPerHeavyUser: records } });
    await control("POST", "apps", {
      clientId,
      clientSecret: "bench-secret",
      name: "bench",
      handlerUrl: "http://127.0.0.1:9/",
      scopes: ["user", "department", "task", "crm", "im", "sonet_group", "disk"],
    });
    await control("POST", "portals/bench/install", { clientId, userId: 1 });
    const summary = await control<{ heavyUserIds: number[]; memberId: string; domain: string }>("GET", "portals/bench");
    const users = await control<Array<{ id: number; active: boolean; admin: boolean }>>("GET", "portals/bench/users");
    const subject = users.find((u) => summary.heavyUserIds.includes(u.id) && u.active && !u.admin) ?? users.find((u) => u.id === summary.heavyUserIds[0])!;
    const t = await control<{ access_token: string; client_endpoint: string }>("POST", "portals/bench/tokens", { clientId, userId: subject.id });

    await prisma.portal.deleteMany({ where: { memberId: summary.memberId } });
    const portal = await prisma.portal.create({
      data: { memberId: summary.memberId, domain: summary.domain, clientEndpoint: t.client_endpoint, serverEndpoint: `${emuUrl}/rest/`, protocol: "http" },
    });
    let calls = 0;
    const client = new Bitrix24Client({
      restBase: t.client_endpoint,
      portalKey: portal.id,
      rateLimit: plan === "enterprise" ? ENTERPRISE_PLAN : STANDARD_PLAN,
      // A fixed token: the run is shorter than the token's hour (the token store has its own tests).
      tokens: { current: async () => t.access_token, afterRejection: async () => t.access_token },
      onEvent: (e) => void (e.type === "request" && calls++),
    });
    const clients: ClientFactory = { clientFor: async () => client, adminClientFor: async () => client };
    const [requestId] = await createRequests(prisma, portal.id, "download", [subject.id], subject.id);
    await control("DELETE", "calls");

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    console.log(`bench:export — user #${subject.id}, ${plan} plan, ~${records} linked records …`);
    const start = performance.now();
    let lastShown = 0;
    const out = await runDownload(
      { prisma, keys: createKeyRing(generateKeyBase64()), clients, appClientId: clientId },
      {
        jobRunId: `bench-${Date.now()}`,
        portalId: portal.id,
        input: { requestId, subjectUserId: subject.id, lang: "en", saveToDrive: false },
        reportProgress: async (done, total) => {
          if (done - lastShown >= 5000) {
            lastShown = done;
            console.log(
              `  … ${done} / ${total} rows, ${((performance.now() - start) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
            );
          }
        },
      },
    );
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const rows = Object.values(out.rows).reduce((a, b) => a + b, 0);
    const emulatorCounts = (await control<{ counts: Record<string, number> }>("GET", "calls?portal=bench&limit=1")).counts;
    const row = (k: string, v: string) => console.log(`  ${k.padEnd(34)} ${v}`);
    row("time", `${seconds.toFixed(1)} s; goal ≤ ${GOAL_SECONDS[plan]} s (${plan} plan) ${seconds <= GOAL_SECONDS[plan] ? "met" : "MISSED"}`);
    row("rows exported (all files)", String(rows));
    row(
      "record rows",
      String(
        Object.entries(out.rows)
          .filter(([f]) => f.startsWith("records-"))
          .reduce((a, [, n]) => a + n, 0),
      ),
    );
    row("REST calls (HTTP requests)", `${calls}; goal ≤ ${GOAL_REQUESTS} ${calls <= GOAL_REQUESTS ? "met" : "MISSED"}`);
    row("REST calls by method (emulator)", JSON.stringify(emulatorCounts));
    row("archive size", `${(out.sizeBytes / 1e6).toFixed(2)} MB (encrypted in the database)`);
    row(
      "peak RSS (this process)",
      `${(peak / 1e6).toFixed(0)} MB; goal < ${GOAL_RSS_MB} MB; ratio ${(peak / 1e6 / GOAL_RSS_MB).toFixed(2)} ${peak / 1e6 < GOAL_RSS_MB ? "met" : "MISSED"}`,
    );
    row(
      "load average (1, 5, 15 min)",
      os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(", ") + ` on ${os.cpus().length} cores`,
    );
    if (out.missing.length) row("lists not read whole", JSON.stringify(out.missing));
    row("maxRSS (getrusage)", `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    await prisma.portal.delete({ where: { id: portal.id } });
    await prisma.$disconnect();
  } finally {
    emulator.kill("SIGTERM");
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
