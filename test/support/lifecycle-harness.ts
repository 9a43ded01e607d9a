/**
 * Test-only: the app lifecycle against a real PostgreSQL (test/support/db.ts) and the emulator in this
 * process over real HTTP, with the app's events route played by events-route.ts.
 * The app code never imports this folder (lib/ meets the emulator only over HTTP).
 */
import { controlClient, type ControlCall } from "../../emulator/control/client";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { createTestDatabase, type TestDatabase } from "./db";
import { createKeyRing, generateKeyBase64 } from "../../lib/crypto";
import { createServices } from "../../lib/services";
import { installFromPost, readPortalPost, type LifecycleDeps, type PortalPost } from "../../lib/lifecycle";
import type { AppInstall, AppOpen, EventBinding, EventDelivery, Grant, PortalSummary, PortalUser } from "./control-answers";
import { startEventsRoute, type ReceivedEvent } from "./events-route";

export const CLIENT_ID = "local.staffsuite-lifecycle";
export const CLIENT_SECRET = "lifecycle-secret-0123456789";
/** Another app registered with the same OAuth server: its tokens must never open our app. */
export const OTHER_CLIENT_ID = "local.someone-else";
export const OTHER_CLIENT_SECRET = "other-secret-9876543210";
export const ADMIN_ID = 1;

/** The tokens an app-open carried (AUTH_ID, REFRESH_ID, …). */
export interface OpenedTokens {
  accessToken: string;
  refreshToken: string;
  memberId: string;
  /** The app's status letter (form field `status`). */
  status: string;
  serverEndpoint: string;
  /** The portal's REST base (not in the form: the portal is where the POST came from). */
  clientEndpoint: string;
}

export interface LifecycleHarness {
  emu: RunningEmulator;
  db: TestDatabase;
  deps: LifecycleDeps;
  /** http://127.0.0.1:PORT — the app's public base URL (its events route hangs off it). */
  appUrl: string;
  /** Every request the events route answered, oldest first. */
  received: ReceivedEvent[];
  /** The portal as the control API describes it at start (key, memberId, domain: they do not change). */
  portal(key: string): PortalSummary;
  /** The portal's app installs now (GET /_emulator/portals/{key}/installs). */
  installs(key: string): Promise<AppInstall[]>;
  /** The portal's event bindings now. */
  eventBindings(key: string): Promise<EventBinding[]>;
  /** The portal's users now. */
  users(key: string): Promise<PortalUser[]>;
  /** An active non-admin user of the portal. */
  employee(key: string): Promise<PortalUser>;
  /** The OAuth grants issued in the portal (default: our app's), oldest first. */
  grants(key: string, filter?: { userId?: number; clientId?: string | null }): Promise<Grant[]>;
  /** The grant an access or refresh token belongs to, in any portal of the harness. */
  findGrant(token: string): Promise<Grant | undefined>;
  /** What the portal POSTs into the iframe when `userId` opens the app (control API app-open). */
  appOpen(key: string, userId: number, options?: { clientId?: string }): Promise<AppOpen>;
  /** The form the portal POSTs into the iframe for `userId`, read as the route reads it. */
  iframePost(key: string, userId: number, options?: { clientId?: string; query?: Record<string, string> }): Promise<{ post: PortalPost; tokens: OpenedTokens }>;
  /** Registers the app's install in the portal as an admin's first open does (before installFinish). */
  installApp(key: string, clientId?: string, userId?: number): Promise<AppInstall>;
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

  let deps: LifecycleDeps | undefined;
  const route = await startEventsRoute(db, () => deps!);
  const { appUrl, received } = route;

  // Small seeded portals: the lifecycle needs users, not records.
  const emu = await startEmulator({
    controlApi: true,
    httpsPort: null,
    portals: options.portals.map((key, i) => ({ key, seed: { seed: 11 + i, users: 12, recordsPerHeavyUser: options.recordsPerHeavyUser ?? 0 } })),
    apps: [
      // The app's handler, install page and event handler all live on appUrl, as in production.
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        name: "StaffSuite (lifecycle test)",
        handlerUrl: `${appUrl}/app`,
        installUrl: `${appUrl}/install`,
        scopes: options.scopes ?? ["user", "department"],
      },
      {
        clientId: OTHER_CLIENT_ID,
        clientSecret: OTHER_CLIENT_SECRET,
        name: "Another app",
        handlerUrl: "http://127.0.0.1:9/other",
        installUrl: null,
        scopes: ["user"],
      },
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

  const control = controlClient(emu.httpUrl);
  const summaries = new Map<string, PortalSummary>();
  for (const key of options.portals) summaries.set(key, await control<PortalSummary>("GET", `portals/${key}`));
  const portal = (key: string) => {
    const p = summaries.get(key);
    if (!p) throw new Error(`no emulated portal ${key}`);
    return p;
  };
  const appOpen = (key: string, userId: number, opts: { clientId?: string } = {}) =>
    control<AppOpen>("POST", `portals/${key}/app-open`, { clientId: opts.clientId ?? CLIENT_ID, userId });

  async function iframePost(key: string, userId: number, opts: { clientId?: string; query?: Record<string, string> } = {}) {
    const open = await appOpen(key, userId, opts);
    // DOMAIN, PROTOCOL and LANG come in the query string, the rest in the form (docs/bitrix24-platform.md).
    const url = new URL(open.url);
    for (const [name, value] of Object.entries(opts.query ?? {})) url.searchParams.set(name, value);
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(open.form).toString(),
    });
    return {
      post: await readPortalPost(request),
      tokens: {
        accessToken: open.form.AUTH_ID,
        refreshToken: open.form.REFRESH_ID,
        memberId: open.form.member_id,
        status: open.form.status,
        serverEndpoint: open.form.SERVER_ENDPOINT,
        clientEndpoint: portal(key).restUrl,
      },
    };
  }

  const harness: LifecycleHarness = {
    emu,
    db,
    deps,
    appUrl,
    received,
    portal,
    installs: (key) => control<AppInstall[]>("GET", `portals/${key}/installs`),
    eventBindings: (key) => control<EventBinding[]>("GET", `portals/${key}/events`),
    users: (key) => control<PortalUser[]>("GET", `portals/${key}/users`),
    async employee(key) {
      const user = (await harness.users(key)).find((u) => !u.admin && u.active && u.userType === "employee");
      if (!user) throw new Error(`no active non-admin employee in ${key}`);
      return user;
    },
    grants(key, filter = {}) {
      const clientId = filter.clientId === undefined ? CLIENT_ID : filter.clientId;
      const query = new URLSearchParams({ ...(filter.userId === undefined ? {} : { userId: String(filter.userId) }), ...(clientId ? { clientId } : {}) });
      return control<Grant[]>("GET", `portals/${key}/grants?${query}`);
    },
    async findGrant(token) {
      for (const key of summaries.keys()) {
        const found = (await harness.grants(key, { clientId: null })).find((g) => g.accessToken === token || g.refreshToken === token);
        if (found) return found;
      }
      return undefined;
    },
    appOpen,
    iframePost,
    installApp: async (key, clientId = CLIENT_ID, userId = ADMIN_ID) =>
      (await control<{ install: AppInstall }>("POST", `portals/${key}/install`, { clientId, userId })).install,
    finishInstall: async (key) => (await control<{ deliveries: EventDelivery[] }>("POST", `portals/${key}/install-finish`, { clientId: CLIENT_ID })).deliveries,
    uninstall: async (key, clean) =>
      (await control<{ deliveries: EventDelivery[] }>("POST", `portals/${key}/uninstall`, { clientId: CLIENT_ID, clean })).deliveries,
    async installPortal(key) {
      await harness.installApp(key);
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
      await route.close();
      await db.drop();
    },
  };
  return harness;
}
