/**
 * Test-only: the app lifecycle against a real PostgreSQL (test/db.ts) and the emulator in this
 * process over real HTTP. A tiny HTTP server plays the app's events route
 * (app/api/bitrix24/events/route.ts): form body → parseEventForm → handleEvent, 200 or 401, with
 * ONAPPUNINSTALL wired to lib/portal-data's deletePortalData exactly as the route wires it.
 * The app code never imports this folder (lib/ meets the emulator only over HTTP).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { controlClient, type ControlCall } from "../../../emulator/control/client";
import { readBody } from "../../../emulator/http/respond";
import { finishInstallAndDeliver, uninstallApp } from "../../../emulator/apps/lifecycle";
import { appFormFields } from "../../../emulator/portal-page/app-page";
import { installApp, issueTokens, startEmulator, type RunningEmulator } from "../../../emulator/server";
import type { IssuedTokens } from "../../../emulator/oauth/tokens";
import type { EventDelivery } from "../../../emulator/state/store";
import type { Portal as EmulatedPortal, PortalUser } from "../../../emulator/state/types";
import { createTestDatabase, type TestDatabase } from "../../../test/db";
import { createKeyRing, generateKeyBase64 } from "../../crypto";
import { createServices } from "../../services";
import { deletePortalData } from "../../portal-data";
import {
  EventAuthError,
  handleEvent,
  installFromPost,
  parseEventForm,
  readPortalPost,
  type EventOutcome,
  type LifecycleDeps,
  type PortalPost,
} from "..";

export const CLIENT_ID = "local.staffsuite-lifecycle";
export const CLIENT_SECRET = "lifecycle-secret-0123456789";
/** Another app registered with the same OAuth server: its tokens must never open our app. */
export const OTHER_CLIENT_ID = "local.someone-else";
export const OTHER_CLIENT_SECRET = "other-secret-9876543210";
export const ADMIN_ID = 1;

/** What the test's events route answered, per request. */
export interface ReceivedEvent {
  event: string;
  status: number;
  outcome?: EventOutcome;
  error?: string;
}

export interface LifecycleHarness {
  emu: RunningEmulator;
  db: TestDatabase;
  deps: LifecycleDeps;
  /** http://127.0.0.1:PORT — the app's public base URL (its events route hangs off it). */
  appUrl: string;
  /** Every request the events route answered, oldest first. */
  received: ReceivedEvent[];
  portal(key: string): EmulatedPortal;
  /** An active non-admin user of the portal. */
  employee(key: string): PortalUser;
  /** The form the portal POSTs into the iframe for `userId`, read as the route reads it. */
  iframePost(key: string, userId: number, options?: { clientId?: string; query?: Record<string, string> }): Promise<{ post: PortalPost; tokens: IssuedTokens }>;
  /** Installs our app in the emulated portal, runs the install POST and installFinish; returns our portal id. */
  installPortal(key: string): Promise<string>;
  finishInstall(key: string): Promise<EventDelivery[]>;
  uninstall(key: string, clean: boolean): Promise<EventDelivery[]>;
  /** POSTs a form to the events route as anyone on the internet could; answers the status. */
  postEvent(fields: Record<string, string>): Promise<number>;
  /** The emulator's control API (emulator/control/README.md). */
  control: ControlCall;
  close(): Promise<void>;
}

export async function lifecycleHarness(options: {
  portals: string[];
  /** Our app's scopes (default user, department: enough for the lifecycle). */
  scopes?: string[];
  /** Generated records per heavy user (default 0: the lifecycle needs users, not records). */
  recordsPerHeavyUser?: number;
  /** The token key (base64), for tests that hand it to a worker process; default a fresh one. */
  keyBase64?: string;
}): Promise<LifecycleHarness> {
  const db = await createTestDatabase();

  const received: ReceivedEvent[] = [];
  let deps: LifecycleDeps | undefined;
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      // As the route: request.formData() of a form-encoded body.
      const form = await new Request("http://app.invalid/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }).formData();
      const event = parseEventForm([...form].filter((e): e is [string, string] => typeof e[1] === "string"));
      let status = 200;
      try {
        const outcome = await handleEvent(deps!, event, { onUninstall: async (portalId) => void (await deletePortalData({ prisma: db.prisma }, portalId)) });
        received.push({ event: event.event, status, outcome });
      } catch (error) {
        status = error instanceof EventAuthError ? 401 : 500;
        received.push({ event: event.event, status, error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown" });
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: status === 200 }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Small seeded portals: the lifecycle needs users, not records.
  const emu = await startEmulator({
    controlApi: true,
    httpsPort: null,
    portals: options.portals.map((key, i) => ({ key, seed: { seed: 11 + i, users: 12, recordsPerHeavyUser: options.recordsPerHeavyUser ?? 0 } })),
    apps: [
      // The app's handler, install page and event handler all live on appUrl, as in production.
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, name: "StaffSuite (lifecycle test)", handlerUrl: `${appUrl}/app`, installUrl: `${appUrl}/install`, scopes: options.scopes ?? ["user", "department"] },
      { clientId: OTHER_CLIENT_ID, clientSecret: OTHER_CLIENT_SECRET, name: "Another app", handlerUrl: "http://127.0.0.1:9/other", installUrl: null, scopes: ["user"] },
    ],
  });
  deps = createServices({
    databaseUrl: db.url,
    prisma: db.prisma,
    keys: createKeyRing(options.keyBase64 ?? generateKeyBase64()),
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    oauthUrl: emu.httpUrl,
    appUrl,
  });

  const portal = (key: string) => {
    const p = emu.store.portals.get(key);
    if (!p) throw new Error(`no emulated portal ${key}`);
    return p;
  };

  async function iframePost(key: string, userId: number, opts: { clientId?: string; query?: Record<string, string> } = {}) {
    const p = portal(key);
    const tokens = issueTokens(emu.store, p, opts.clientId ?? CLIENT_ID, userId);
    // DOMAIN, PROTOCOL and LANG come in the query string, the rest in the form (docs/bitrix24-platform.md).
    const query = new URLSearchParams({ DOMAIN: p.domain, PROTOCOL: p.protocol === "https" ? "1" : "0", LANG: p.lang, ...opts.query });
    const request = new Request(`${appUrl}/app?${query}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(appFormFields(tokens)).toString(),
    });
    return { post: await readPortalPost(request), tokens };
  }

  const control = controlClient(emu.httpUrl);

  const harness: LifecycleHarness = {
    emu,
    db,
    deps,
    appUrl,
    received,
    portal,
    employee(key) {
      const user = [...portal(key).users.values()].find((u) => !u.admin && u.active && u.userType === "employee");
      if (!user) throw new Error(`no active non-admin employee in ${key}`);
      return user;
    },
    iframePost,
    finishInstall: (key) => finishInstallAndDeliver(emu.store, portal(key), CLIENT_ID),
    uninstall: (key, clean) => uninstallApp(emu.store, portal(key), CLIENT_ID, clean),
    async installPortal(key) {
      await installApp(emu.store, portal(key), CLIENT_ID, ADMIN_ID);
      const session = await installFromPost(harness.deps, (await iframePost(key, ADMIN_ID)).post);
      const deliveries = await harness.finishInstall(key);
      if (deliveries.length !== 1 || deliveries[0].status !== 200) throw new Error(`ONAPPINSTALL for ${key} was not accepted`);
      return session.portalId;
    },
    async postEvent(fields) {
      const res = await fetch(`${appUrl}/api/bitrix24/events`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
      await res.arrayBuffer();
      return res.status;
    },
    control,
    async close() {
      await emu.close();
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
      await db.drop();
    },
  };
  return harness;
}
