/**
 * npm run bench:mail [-- --sessions=50 --lookups=20 --participants=20 --limiter=shared|process --cpu-prof=file]
 *
 * The Gmail sidebar's lookup under load: `sessions` extension sessions (each a different portal
 * user with their own token pair) each run `lookups` lookups of a `participants`-address thread
 * (colleagues, CRM contacts and strangers) at the same time, through the same code the route
 * handler runs (authenticate → rate limit → portal context → one-batch lookup → JSON), against the
 * emulator with its limits OFF — in its own process, as a portal is, so its work does not queue
 * on our event loop and count as ours — and a real embedded PostgreSQL.
 *
 * Prints p50/p95 of the server's own overhead per lookup — wall time minus the time spent waiting
 * for the portal's answers (goal p95 < 50 ms), and a strict upper bound (wall time minus only the
 * time the portal reports in its answer) — and the portal REST requests per lookup from the
 * emulator's call log (goal 1). Beside them: where the overhead goes (the route's steps), this
 * process's CPU per lookup and event-loop delay; `--cpu-prof=file` profiles the measured phase.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { rmSync } from "node:fs";
import path from "node:path";
import { controlClient } from "../emulator/control/client";
import { startEmulatorProcess } from "./launch/emulator-process";
import { profiler } from "./bench/cpu-profile";
import { printMailReport, type Sample } from "./bench/mail-report";
import { timedFetch, type Slot } from "./bench/portal-time";
import { createClientFactory, pgBucketStore, TokenStore } from "../lib/bitrix24/index";
import { resetLimiters } from "../lib/bitrix24";
import { createKeyRing, generateKeyBase64 } from "../lib/crypto";
import { applyMigrations } from "../lib/database/migrate";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";

import { getPrisma } from "../lib/db";
import {
  authenticate,
  challengeOf,
  claimSession,
  createPendingSession,
  lookupParticipants,
  lookupSchema,
  portalContext,
  takeSessionToken,
  type MailDeps,
} from "../lib/mail";

function arg(name: string, fallback: string): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return Number(hit ? hit.slice(name.length + 3) : fallback);
}

async function main(): Promise<void> {
  const sessions = arg("sessions", "50");
  const lookups = arg("lookups", "20");
  const participants = Math.min(20, arg("participants", "20"));
  const clientId = "local.bench-mail";
  const clientSecret = "bench-mail-secret";
  const root = path.resolve(import.meta.dirname, "..");
  const dataDir = path.join(root, ".data", "bench-mail");
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(path.join(dataDir, "pg"), { quiet: true });
  const emu = await startEmulatorProcess(root);
  const control = controlClient(emu.url);
  try {
    await applyMigrations(db.url);
    const prisma = getPrisma(db.url);
    await control("POST", "portals", { key: "bench", seed: { seed: 11, users: 200 } });
    await control("POST", "apps", { clientId, clientSecret, name: "bench", handlerUrl: "http://127.0.0.1:9/", scopes: ["user", "department", "crm"] });
    await control("POST", "portals/bench/install", { clientId, userId: 1 });
    await control("POST", "portals/bench/limits", { enabled: false, operatingEnabled: false });
    const summary = await control<{ domain: string; protocol: string }>("GET", "portals/bench");

    const keys = createKeyRing(generateKeyBase64());
    const tokens = new TokenStore({ prisma, keys, credentials: { clientId, clientSecret } });
    const bucketStore = pgBucketStore(db.url);
    const clientsTimedBy = (slot: Slot | null) =>
      createClientFactory({
        prisma,
        tokens,
        fetch: timedFetch(slot),
        // The portal's limits are off, but the bookkeeping is the app's: the bucket shared with the
        // workers through PostgreSQL, as lib/services.ts builds the factory (decision 008);
        // `--limiter=process` paces by this process alone (B24_RATE_LIMIT_SCOPE=process), to compare.
        rateLimitFor: () => ({ burst: 1_000_000, drainPerSecond: 1_000_000, headroom: 0 }),
        sharedRateLimit: !process.argv.includes("--limiter=process"),
        bucketStore,
      });
    const clients = clientsTimedBy(null);
    const deps: MailDeps = {
      prisma,
      clients,
      tokens,
      credentials: { clientId, clientSecret },
      appUrl: "http://127.0.0.1:9",
      secret: "bench-mail-secret-0123456789",
    };

    type TokenAnswer = {
      access_token: string;
      refresh_token: string;
      expires: number;
      member_id: string;
      client_endpoint: string;
      server_endpoint: string;
      scope: string;
    };
    const first = await control<TokenAnswer>("POST", "portals/bench/tokens", { clientId, userId: 1 });
    const portal = await prisma.portal.create({
      data: {
        memberId: first.member_id,
        domain: summary.domain,
        protocol: summary.protocol,
        clientEndpoint: first.client_endpoint,
        serverEndpoint: first.server_endpoint,
      },
    });

    // The thread: colleagues, CRM contacts (their real e-mails) and strangers.
    const users = await control<Array<{ id: number; email: string; active: boolean; userType: string }>>("GET", "portals/bench/users");
    const employees = users.filter((u) => u.active && u.userType === "employee" && u.email);
    await tokens.saveTokens(portal.id, 1, {
      accessToken: first.access_token,
      refreshToken: first.refresh_token,
      expiresAt: new Date(first.expires * 1000),
      isAdmin: true,
    });
    const adminClient = await clients.clientFor(portal.id, { userId: 1 });
    const contacts = (
      await adminClient.call<Array<{ EMAIL?: Array<{ VALUE: string }> }>>("crm.contact.list", { select: ["ID", "EMAIL"], filter: { HAS_EMAIL: "Y" } })
    ).result;
    const contactEmails = contacts.flatMap((c) => c.EMAIL?.map((e) => e.VALUE.toLowerCase()) ?? []);
    const third = Math.ceil(participants / 3);
    const thread = [
      ...employees.slice(10, 10 + third).map((u) => u.email.toLowerCase()),
      ...contactEmails.slice(0, third),
      ...Array.from({ length: participants }, (_, i) => `stranger${i}@nowhere-bench.test`),
    ].slice(0, participants);

    // One session per user, each with its own token pair.
    const bearers: Array<{ token: string; slot: Slot; deps: MailDeps }> = [];
    for (let i = 0; i < sessions; i++) {
      const userId = employees[i % employees.length].id;
      const t = await control<TokenAnswer>("POST", "portals/bench/tokens", { clientId, userId });
      await tokens.saveTokens(portal.id, userId, { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(t.expires * 1000) });
      const verifier = `bench-verifier-${i}-${"v".repeat(43)}`;
      const code = await createPendingSession(deps, { portalId: portal.id, userId, challenge: challengeOf(verifier), label: "bench" });
      const slot = { ms: 0, bytes: 0, reported: 0 };
      const clientsOfSession = clientsTimedBy(slot);
      bearers.push({ token: (await claimSession(deps, { code, verifier })).token, slot, deps: { ...deps, clients: clientsOfSession } });
    }

    // The route handler's steps (app/api/extension/_lib/respond.ts + lookup/route.ts), timed one by one (Sample).
    const one = async ({ token: bearer, slot, deps }: (typeof bearers)[number]): Promise<Sample> => {
      Object.assign(slot, { ms: 0, bytes: 0, reported: 0 });
      const t0 = performance.now();
      const auth = await authenticate(deps, `Bearer ${bearer}`);
      takeSessionToken(auth.sessionId);
      const t1 = performance.now();
      const { portal: p, client } = await portalContext(deps, auth);
      const t2 = performance.now();
      const before = slot.ms;
      const result = await lookupParticipants(client, p, lookupSchema.parse({ participants: thread.map((email) => ({ email })) }));
      const t3 = performance.now();
      const answerBytes = JSON.stringify({ participants: result }).length;
      const t4 = performance.now();
      return {
        total: t4 - t0,
        portal: slot.ms,
        reported: slot.reported,
        auth: t1 - t0,
        context: t2 - t1,
        own: t3 - t2 - (slot.ms - before),
        json: t4 - t3,
        portalBytes: slot.bytes,
        answerBytes,
      };
    };

    console.log(
      `bench:mail — ${sessions} sessions × ${lookups} lookups of ${thread.length} participants, emulator limits off, ${process.argv.includes("--limiter=process") ? "this process's" : "the shared (PostgreSQL)"} rate bucket …`,
    );
    for (const b of bearers.slice(0, 2)) await one(b); // warm-up: module code, department cache
    await control("DELETE", "calls");
    const samples: Array<Sample & { first: boolean }> = [];
    // Our event loop's delay: work of ours queued behind other work of ours, which can also hide
    // inside "waiting for the portal" (an answer that arrived while the loop was busy).
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const stopProfile = await profiler(process.argv.find((a) => a.startsWith("--cpu-prof="))?.slice("--cpu-prof=".length));
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      bearers.map(async (b) => {
        for (let i = 0; i < lookups; i++) samples.push({ ...(await one(b)), first: i === 0 });
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    await stopProfile();
    const log = (await control<{ calls: Array<{ method: string; inBatch: boolean }> }>("GET", "calls?portal=bench&limit=1000000")).calls;
    printMailReport({ samples, elapsed, cpu, loop, log });
    await prisma.$disconnect();
  } finally {
    resetLimiters();
    await emu.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
