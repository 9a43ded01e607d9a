/**
 * npm run bench:transfer [-- --records=5000,20000 --overview-every=0 --limiter=shared|process]
 *
 * The Transfer tool's durable job at the portal's own speed: for each phase, a seeded user's mixed
 * records (tasks as responsible and creator, leads, deals, contacts, companies, quotes, smart
 * invoices, two smart-process types, activities) go to two colleagues through the real path —
 * the web process starts the transfer (scripts/bench-transfer-web.ts: the Run action's and the
 * progress page's portal calls, through the process's services), pg-boss hands the job to one of
 * TWO worker processes (scripts/worker.ts), which plans and moves in `batch` calls of 50.
 * The emulator runs as its own process with the standard plan's limits ON: bucket 50, drained
 * 2 requests per second, and operating-time limits — the real plan: no scaled clock or rate.
 * Each phase is a fresh portal of the same emulator, one after the other, with the same three
 * processes alive throughout.
 *
 * Prints per phase: records moved, time from Run to finished, records/s as a ratio of the ceiling
 * (rate × 50 records per request) — plainly, and against the budget the portal really granted in
 * that time (its initial bucket of 50 plus rate × time) — every REST request of the portal from
 * the emulator's call log (by method, with QUERY_LIMIT_EXCEEDED refusals), the plan's and the
 * leaver's overview's requests against their goals (bench/transfer-reading.ts), and the peak RSS
 * of each process during the phase (goal: flat from 5,000 to 20,000).
 */
import { startEmulatorProcess } from "./launch/emulator-process";
import { fork, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { controlClient } from "../emulator/control/client";
import { TokenStore } from "../lib/bitrix24";
import { createKeyRing, generateKeyBase64 } from "../lib/crypto";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { getPrisma } from "../lib/db";
import { workerProcesses } from "../test/support/worker-process";
import type { RunCommand, WebMessage } from "./bench-transfer-web";
import { rssOf } from "./bench/process-rss";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, preparePortal, type Portal } from "./bench/transfer-portal";
import { GOAL_OVERVIEW_REQUESTS, overviewRequests, planningLine, planningRequests } from "./bench/transfer-reading";

const PER_BATCH = 50;
const GOAL_RATIO = 0.95;
const SELECTIONS = [
  "task:responsible",
  "task:creator",
  "lead:assigned",
  "deal:assigned",
  "contact:assigned",
  "company:assigned",
  "quote:assigned",
  "invoice:assigned",
  "dynamic-128:assigned",
  "dynamic-1032:assigned",
  "activity:responsible",
].map((s) => ({ type: s.split(":")[0], role: s.split(":")[1] }));

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

interface LoggedCall {
  at: string;
  method: string;
  status: number;
  error: string | null;
  inBatch: boolean;
}

const refusedIn = (calls: LoggedCall[]) => calls.filter((c) => c.error === "QUERY_LIMIT_EXCEEDED").length;

/** The web stand-in's next message of a kind. */
function nextMessage<K extends string>(web: ChildProcess, kind: K): Promise<Extract<WebMessage, Record<K, unknown>>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WebMessage) => {
      if ("failed" in m) {
        web.off("message", onMessage);
        reject(new Error(`web process: ${m.failed}`));
      } else if (kind in m) {
        web.off("message", onMessage);
        resolve(m as Extract<WebMessage, Record<K, unknown>>);
      }
    };
    web.on("message", onMessage);
  });
}

async function main(): Promise<void> {
  const phases = arg("records", "5000,20000").split(",").map(Number);
  const overviewEvery = Number(arg("overview-every", "0"));
  // B24_RATE_LIMIT_SCOPE of the three processes: one bucket in the database, or each its own.
  const limiter = arg("limiter", "shared") === "process" ? "process" : "shared";
  const root = path.resolve(import.meta.dirname, "..");
  const dataDir = path.join(root, ".data", "bench-transfer");
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(path.join(dataDir, "pg"), { quiet: true });
  const emulator = await startEmulatorProcess(root);
  const control = controlClient(emulator.url);
  const keyBase64 = generateKeyBase64();
  const processEnv = {
    DATABASE_URL: db.url,
    TOKEN_ENCRYPTION_KEY: keyBase64,
    B24_CLIENT_ID: CLIENT_ID,
    B24_CLIENT_SECRET: CLIENT_SECRET,
    B24_OAUTH_URL: `${emulator.url}/`,
    LOG_LEVEL: "warn",
    // The production defaults (lib/env.ts), stated so that the bench does not depend on the shell.
    JOBS_POLLING_SECONDS: "1",
    JOBS_MAINTENANCE_SECONDS: "30",
    WORKER_CONCURRENCY: "4",
    B24_RATE_LIMIT_SCOPE: limiter,
  };
  const workers = workerProcesses({ databaseUrl: db.url, env: processEnv, stdio: "inherit" });
  let web: ChildProcess | undefined;
  try {
    await applyMigrations(db.url);
    const prisma = getPrisma(db.url);
    const tokens = new TokenStore({ prisma, keys: createKeyRing(keyBase64), credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    await control("POST", "apps", {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      name: "bench",
      handlerUrl: "http://127.0.0.1:9/",
      scopes: ["user", "department", "task", "crm", "im", "sonet_group"],
    });
    console.log(`bench:transfer — phases of ${phases.join(", ")} records; emulator in its own process; preparing portals …`);
    const portals: Portal[] = [];
    for (const [i, n] of phases.entries()) portals.push(await preparePortal(control, prisma, tokens, `bench${i + 1}`, n));
    const limits = await control<{ burst: number; rate: number; operatingEnabled: boolean; operatingLimitSec: number }>(
      "GET",
      `portals/${portals[0].key}/limits`,
    );

    // The processes: two workers and the web process, alive through every phase.
    const workerA = workers.start();
    const workerB = workers.start();
    web = fork(path.join(root, "scripts/bench-transfer-web.ts"), [], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, ...processEnv },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await nextMessage(web, "ready");
    const processes: Array<[string, ChildProcess | NodeJS.Process]> = [
      ["worker 1", workerA],
      ["worker 2", workerB],
      ["web", web],
      ["emulator", emulator.child],
    ];
    console.log(
      `  portal limits (emulator): bucket ${limits.burst}, drained ${limits.rate}/s (the standard plan, unscaled), operating time ${limits.operatingEnabled ? `on (${limits.operatingLimitSec} s / 10 min per method)` : "off"}`,
    );
    console.log(`  web process: Run action + progress page polling every 1 s${overviewEvery ? ` + leaver's overview every ${overviewEvery} s` : ""}`);
    console.log(`  rate limiter: ${limiter === "shared" ? "shared by the three processes (one bucket row in PostgreSQL)" : "each process its own"}`);

    for (const [i, portal] of portals.entries()) {
      const peaks = new Map<string, number>();
      const sample = () => {
        for (const [name, p] of processes) peaks.set(name, Math.max(peaks.get(name) ?? 0, rssOf(p.pid)));
      };
      const overview = await overviewRequests(prisma, tokens, portal.id, ADMIN_ID, portal.fromUserId);
      const sampler = setInterval(sample, 200);
      const command: RunCommand = {
        portalId: portal.id,
        adminId: ADMIN_ID,
        overviewEverySeconds: overviewEvery,
        request: {
          fromUserId: portal.fromUserId,
          receiverIds: portal.receiverIds,
          selections: SELECTIONS,
          query: { openOnly: false },
          split: "even",
          notify: true,
        } as RunCommand["request"],
      };
      const started = nextMessage(web, "started");
      const done = nextMessage(web, "done");
      web.send({ run: command });
      const { clickedAt } = (await started).started;
      let shown = 0;
      const progress = setInterval(() => {
        void prisma.transfer.findFirst({ where: { portalId: portal.id }, select: { moved: true, total: true } }).then((t) => {
          if (t && t.moved - shown >= 2500) {
            shown = t.moved;
            console.log(`    … ${t.moved} / ${t.total} moved, ${((Date.now() - clickedAt) / 1000).toFixed(0)} s`);
          }
        });
      }, 1000);
      const outcome = (await done).done;
      clearInterval(progress);
      clearInterval(sampler);
      sample();

      const transfer = await prisma.transfer.findUniqueOrThrow({ where: { id: outcome.transferId } });
      const run = await prisma.jobRun.findUniqueOrThrow({ where: { id: transfer.jobRunId! } });
      const seconds = (transfer.finishedAt!.getTime() - clickedAt) / 1000;
      const view = await control<{ calls: LoggedCall[] }>("GET", `calls?portal=${portal.key}&limit=1000000`);
      const requests = view.calls.filter((c) => !c.inBatch);
      const inWindow = requests.filter((c) => Date.parse(c.at) >= clickedAt - 50 && Date.parse(c.at) <= transfer.finishedAt!.getTime() + 50);
      const refused = refusedIn(requests);
      const byMethod: Record<string, number> = {};
      for (const c of requests) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
      const recordsPerSecond = transfer.moved / seconds;
      const ceiling = limits.rate * PER_BATCH;
      // What the portal's bucket allowed in that time: its burst (empty at Run) plus its drain.
      const granted = limits.burst + limits.rate * seconds;
      const row = (k: string, v: string) => console.log(`  ${k.padEnd(40)} ${v}`);
      console.log(`\n  phase ${i + 1}: ${transfer.total} records planned (user #${portal.fromUserId} → #${portal.receiverIds.join(", #")})`);
      row("state", `${transfer.state}; moved ${transfer.moved}, failed ${transfer.failed}, skipped ${transfer.skipped}; job attempts ${run.attempts}`);
      row("time (Run → finished)", `${seconds.toFixed(1)} s`);
      row("records/s", `${recordsPerSecond.toFixed(1)} (ceiling ${limits.rate}/s × ${PER_BATCH} = ${ceiling})`);
      row("ratio records/s ÷ ceiling", `${(recordsPerSecond / ceiling).toFixed(3)} (helped by the portal's initial burst of ${limits.burst})`);
      row(
        "ratio against the granted budget",
        `${(transfer.moved / (PER_BATCH * granted)).toFixed(3)} = ${transfer.moved} / (${PER_BATCH} × (${limits.burst} + ${limits.rate}/s × ${seconds.toFixed(1)} s)); goal ≥ ${GOAL_RATIO}`,
      );
      row(
        "records settled (moved + failed)",
        `${transfer.moved + transfer.failed}: ratio against the granted budget ${((transfer.moved + transfer.failed) / (PER_BATCH * granted)).toFixed(3)}`,
      );
      row("REST requests (emulator log)", `${requests.length} in all, ${inWindow.length} between Run and finished`);
      row("  planning (batch requests)", planningLine(planningRequests(view.calls, clickedAt, transfer.plannedAt!.getTime()), transfer.total));
      row(
        "  leaver's overview (before Run)",
        `${overview.requests} requests; goal ≤ ${GOAL_OVERVIEW_REQUESTS} ${overview.requests <= GOAL_OVERVIEW_REQUESTS ? "met" : "MISSED"}`,
      );
      row(
        "  budget used",
        `${inWindow.length - refusedIn(inWindow)} answered of ${granted.toFixed(0)} granted (${((100 * (inWindow.length - refusedIn(inWindow))) / granted).toFixed(1)} %)`,
      );
      row("  QUERY_LIMIT_EXCEEDED answers", String(refused));
      if (overviewEvery)
        row(
          "  web: overviews shown / failed",
          `${outcome.overviews} / ${outcome.overviewsFailed.length}${outcome.overviewsFailed.length ? ` (${outcome.overviewsFailed[0]})` : ""}`,
        );
      row("  by method", JSON.stringify(byMethod));
      row("peak RSS in this phase", [...peaks].map(([name, bytes]) => `${name} ${(bytes / 1e6).toFixed(0)} MB`).join(", "));
    }
    web.send({ stop: true });
    await workers.stopAll();
    await prisma.$disconnect();
  } finally {
    web?.kill("SIGKILL");
    await workers.killAll();
    emulator.child.kill("SIGTERM");
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
