/**
 * The emulator's whole mutable state in one object: portals, the OAuth server's registrations,
 * tokens and codes, the clock, the call log, faults and limits. One store per emulator process;
 * tests reset it through the control API.
 */
import { createHash, randomBytes } from "node:crypto";
import { generatePortal, type SeedOptions } from "../seed/index";
import type { AppRegistration, LicenseStatus, Plan, Portal, PortalLang } from "./types";
import type { Fault, Quirk } from "./faults";

export type { Fault, Quirk };

/** An OAuth grant: one access token and its paired refresh token, tied to a portal user and an app. */
export interface OAuthGrant {
  accessToken: string;
  refreshToken: string;
  portalKey: string;
  clientId: string;
  userId: number;
  scopes: string[];
  /** Emulator-clock milliseconds. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  /** Set when the refresh token was used (single-use) or revoked. */
  refreshUsed: boolean;
  accessRevoked: boolean;
}

export interface AuthCode {
  code: string;
  portalKey: string;
  clientId: string;
  userId: number;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface CallLogEntry {
  at: string;
  portalKey: string;
  method: string;
  clientId: string | null;
  webhookUserId: number | null;
  userId: number | null;
  status: number;
  error: string | null;
  /** True for a command that ran inside a batch (the batch itself is logged too). */
  inBatch: boolean;
  /**
   * For record writes (*.update, *.setowner): the record's ID and, for crm.item.*, its
   * entityTypeId — so a test can prove from the log that each record was written once.
   */
  recordId?: number;
  entityTypeId?: number;
}

export interface LimitsConfig {
  /** Leaky bucket on/off. */
  enabled: boolean;
  /** X: bucket size; the request that finds it full is refused. */
  burst: number;
  /** Y: requests drained per second. */
  rate: number;
  operatingEnabled: boolean;
  /** Seconds of run time per method within the window before OPERATION_TIME_LIMIT. */
  operatingLimitSec: number;
  operatingWindowSec: number;
  /** Simulated run time (seconds) per lower-case method name, so operating limits trip quickly. */
  methodCostSec: Record<string, number>;
  /** Added latency for every call (ms). */
  latencyMs: number;
}

export interface EventDelivery {
  id: number;
  at: string;
  portalKey: string;
  clientId: string;
  event: string;
  handler: string;
  /** The form fields as sent (flattened PHP-style keys). Tokens included: tests assert on them. */
  body: Record<string, string>;
  status: number | null;
  error: string | null;
}

/** Gives each portal its own origin: one listener (port) per portal, see docs/decisions/005. */
export interface PortalNetwork {
  /** Starts the portal's listener on `port` (0 = a free port) and sets `portal.port`. */
  open(portal: Portal, port: number): Promise<void>;
  close(key: string): Promise<void>;
  closeAll(): Promise<void>;
}

export interface StoreOptions {
  /** Access-token life in seconds (Bitrix24: 3600). */
  accessTokenTtlSec?: number;
  /** Refresh-token life in seconds (b24restdocs settings/oauth/auto-renewal.md: 180 days). */
  refreshTokenTtlSec?: number;
  /** Authorization-code life in seconds. */
  codeTtlSec?: number;
}

export interface EmulatorStore {
  portals: Map<string, Portal>;
  apps: Map<string, AppRegistration>;
  grantsByAccess: Map<string, OAuthGrant>;
  grantsByRefresh: Map<string, OAuthGrant>;
  codes: Map<string, AuthCode>;
  /** Milliseconds added to the real clock (control API "move the clock"). */
  clockOffsetMs: number;
  calls: CallLogEntry[];
  faults: Fault[];
  quirks: Quirk[];
  limits: Map<string, LimitsConfig>;
  /** Leaky-bucket levels by portal + app/webhook key. */
  buckets: Map<string, { level: number; at: number }>;
  /** Operating-time samples by portal + app/webhook + method. */
  operating: Map<string, Array<{ at: number; sec: number }>>;
  deliveries: EventDelivery[];
  /** Requests to the OAuth server's /oauth/token/, by grant type and outcome ("refresh_token ok"). */
  oauthRequests: Map<string, number>;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  codeTtlSec: number;
  /** host:port the central server (OAuth server, control API) answers on, per protocol; set once it listens. */
  hosts: { http: string; https: string };
  /** The address portals listen on (each on its own port); set by the server. */
  portalHost: string;
  /** Opens and closes a portal's own listener; set by the server (null in a store without one). */
  network: PortalNetwork | null;
  seq: { event: number; fault: number; delivery: number; quirk: number };
  /** Signs robots' event tokens (the server's Signer with its own key; automation/event-token.ts). */
  signingKey: string;
}

export function createStore(options: StoreOptions = {}): EmulatorStore {
  return {
    portals: new Map(),
    apps: new Map(),
    grantsByAccess: new Map(),
    grantsByRefresh: new Map(),
    codes: new Map(),
    clockOffsetMs: 0,
    calls: [],
    faults: [],
    quirks: [],
    limits: new Map(),
    buckets: new Map(),
    operating: new Map(),
    deliveries: [],
    oauthRequests: new Map(),
    accessTokenTtlSec: options.accessTokenTtlSec ?? 3600,
    refreshTokenTtlSec: options.refreshTokenTtlSec ?? 180 * 24 * 3600,
    // b24restdocs settings/oauth/index.md: the code lives 30 seconds.
    codeTtlSec: options.codeTtlSec ?? 30,
    hosts: { http: "127.0.0.1", https: "127.0.0.1" },
    portalHost: "127.0.0.1",
    network: null,
    seq: { event: 0, fault: 0, delivery: 0, quirk: 0 },
    signingKey: randomToken(32),
  };
}

/** The emulator's clock in milliseconds (real time plus the offset tests set). */
export function nowMs(store: EmulatorStore): number {
  return Date.now() + store.clockOffsetMs;
}

export function now(store: EmulatorStore): Date {
  return new Date(nowMs(store));
}

/** Per-plan defaults: b24restdocs limits.md — standard X=50 Y=2, enterprise X=250 Y=5; 480 s / 10 min. */
export function defaultLimits(plan: Plan): LimitsConfig {
  return {
    enabled: true,
    burst: plan === "enterprise" ? 250 : 50,
    rate: plan === "enterprise" ? 5 : 2,
    operatingEnabled: true,
    operatingLimitSec: 480,
    operatingWindowSec: 600,
    methodCostSec: {},
    latencyMs: 0,
  };
}

export interface CreatePortalOptions {
  key: string;
  plan?: Plan;
  lang?: PortalLang;
  protocol?: "http" | "https";
  /** A seed number, or the generator's full options. */
  seed?: number | SeedOptions;
  licenseStatus?: LicenseStatus;
  title?: string;
  memberId?: string;
}

/**
 * The DOMAIN a portal advertises: the host and port of its own listener, so that every address
 * it gives out has the real shape (`{portal}/rest/…`). 0 until the listener is open.
 */
export function portalDomain(store: EmulatorStore, port: number): string {
  return `${store.portalHost}:${port}`;
}

/** Public base URL of a portal, e.g. http://127.0.0.1:40123 (no trailing slash). */
export function portalBaseUrl(store: EmulatorStore, portal: Portal): string {
  return `${portal.protocol}://${portal.domain}`;
}

export function createPortal(store: EmulatorStore, options: CreatePortalOptions): Portal {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(options.key)) throw new Error(`invalid portal key "${options.key}"`);
  const seedOptions: SeedOptions = typeof options.seed === "object" ? options.seed : { seed: options.seed ?? 1 };
  const generated = generatePortal(seedOptions);
  const plan = options.plan ?? "standard";
  const protocol = options.protocol ?? "http";
  // member_id is a 32-hex-digit id (b24restdocs settings/oauth/index.md); derived from key+seed
  // so the demo portal keeps its identity across restarts.
  const memberId = options.memberId ?? createHash("md5").update(`member:${options.key}:${seedOptions.seed}`).digest("hex");
  const portal: Portal = {
    key: options.key,
    memberId,
    port: 0,
    domain: portalDomain(store, 0),
    protocol,
    plan,
    licenseStatus: options.licenseStatus ?? (plan === "enterprise" ? "P" : "P"),
    lang: options.lang ?? "en",
    title: options.title ?? options.key,
    users: generated.users,
    departments: generated.departments,
    installs: new Map(),
    eventBindings: [],
    offlineEvents: [],
    offlineSeq: 0,
    webhooks: [],
    data: generated.data,
  };
  store.portals.set(portal.key, portal);
  store.limits.set(portal.key, defaultLimits(plan));
  return portal;
}

/**
 * Creates a portal and opens its listener (its own origin). Every caller outside the store goes
 * through this: a portal without a listener has no address.
 */
export async function openPortal(store: EmulatorStore, options: CreatePortalOptions & { port?: number }): Promise<Portal> {
  if (!store.network) throw new Error("openPortal: the store has no network (start the emulator first)");
  if (store.portals.has(options.key)) throw new Error(`portal "${options.key}" exists`);
  const portal = createPortal(store, options);
  try {
    await store.network.open(portal, options.port ?? 0);
  } catch (err) {
    store.portals.delete(portal.key);
    throw err;
  }
  portal.domain = portalDomain(store, portal.port);
  return portal;
}

export function registerApp(store: EmulatorStore, app: AppRegistration): AppRegistration {
  store.apps.set(app.clientId, app);
  return app;
}

/** Adds an incoming webhook (rest/{userId}/{code}/) to a portal. */
export function addWebhook(portal: Portal, userId: number, scopes: string[], code?: string): { userId: number; code: string } {
  const hook = { userId, code: code ?? randomBytes(8).toString("hex"), scopes };
  portal.webhooks.push(hook);
  return { userId: hook.userId, code: hook.code };
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}
