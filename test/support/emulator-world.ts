/**
 * Test-only: an emulator portal with our app installed, a fresh migrated database holding the
 * Portal row and an admin's encrypted tokens, and a token store + client factory wired to both.
 * The world is arranged through the emulator's control API over HTTP (emulator/control/README.md);
 * the app never imports test/ (lib/ meets the emulator only over HTTP; eslint.config.mjs).
 */
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { controlClient, type ControlCall } from "../../emulator/control/client";
import { createClientFactory, TokenStore, type ClientFactory, type ClientFactoryConfig, type RateLimitConfig } from "../../lib/bitrix24";
import { createKeyRing, generateKeyBase64, type KeyRing } from "../../lib/crypto";
import type { PrismaClient } from "../../lib/db";

export const CLIENT_ID = "local.staffsuite-test";
export const CLIENT_SECRET = "test-secret-0123456789";
export const ADMIN_ID = 1;

/**
 * How a world's clients pace when the emulator's limits are off (the default): loosely, so tests do
 * not wait on the standard plan's 2/s. A second factory on the same portal in the test's process
 * passes it too: the portal's limiter is shared per process and takes the config of its last user.
 */
export const LOOSE_PACING: RateLimitConfig = { burst: 1000, drainPerSecond: 200, headroom: 0 };

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires: number;
  scope: string;
  client_endpoint: string;
  server_endpoint: string;
  member_id: string;
}

export interface CallLogEntry {
  method: string;
  status: number;
  error: string | null;
  userId: number | null;
  inBatch: boolean;
  recordId?: number;
  entityTypeId?: number;
}

export interface World {
  emu: RunningEmulator;
  portalKey: string;
  prisma: PrismaClient;
  keys: KeyRing;
  /** TOKEN_ENCRYPTION_KEY of this world (for app or worker processes a test starts). */
  keyBase64: string;
  tokens: TokenStore;
  factory: ClientFactory;
  portalId: string;
  /** Plaintext tokens issued so far (for the no-plaintext scan). */
  issued: string[];
  /** The emulator's control API: POST/GET/DELETE `/_emulator/{path}` with a JSON body. */
  control: ControlCall;
  /** Issues a fresh pair for a portal user through the control API and stores it encrypted. */
  connectUser(userId: number, isAdmin?: boolean): Promise<void>;
  /** Queues `count` failing answers for a method of this portal. */
  fault(f: { method: string | null; status: number; error: string; count?: number; html?: boolean }): Promise<void>;
  /** The portal's REST call log (oldest first). */
  calls(): Promise<CallLogEntry[]>;
  close(): Promise<void>;
}

export async function createWorld(opts: {
  prisma: PrismaClient;
  portalKey?: string;
  limits?: boolean;
  factory?: Partial<ClientFactoryConfig>;
  seedUsers?: number;
  /** The app's scopes (default: user, department, task, crm). */
  scopes?: string[];
  /** Seed options beyond the user count (e.g. records per heavy user). */
  seed?: { seed?: number; recordsPerHeavyUser?: number };
  /** An https portal (the process must trust the emulator's CA: NODE_EXTRA_CA_CERTS, as `npm test` sets). */
  protocol?: "http" | "https";
}): Promise<World> {
  const key = opts.portalKey ?? "acme";
  const protocol = opts.protocol ?? "http";
  const emu = await startEmulator({ httpsPort: protocol === "https" ? 0 : null, controlApi: true });
  const control = controlClient(emu.httpUrl);
  await control("POST", "portals", { key, protocol, seed: { seed: 7, users: opts.seedUsers ?? 130, ...opts.seed } });
  await control("POST", "apps", {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    name: "StaffSuite (test)",
    handlerUrl: "http://127.0.0.1:9/app",
    scopes: opts.scopes ?? ["user", "department", "task", "crm"],
  });
  await control("POST", `portals/${key}/install`, { clientId: CLIENT_ID, userId: ADMIN_ID });
  await control("POST", `portals/${key}/limits`, { enabled: opts.limits ?? false });

  const keyBase64 = generateKeyBase64();
  const keys = createKeyRing(keyBase64);
  const tokens = new TokenStore({ prisma: opts.prisma, keys, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  const first = await control<TokenAnswer>("POST", `portals/${key}/tokens`, { clientId: CLIENT_ID, userId: ADMIN_ID });
  const summary = await control<{ domain: string; protocol: string }>("GET", `portals/${key}`);
  const row = await opts.prisma.portal.create({
    data: {
      memberId: first.member_id,
      domain: summary.domain,
      protocol: summary.protocol,
      clientEndpoint: first.client_endpoint,
      serverEndpoint: first.server_endpoint,
      installedByUserId: ADMIN_ID,
    },
  });
  const issued: string[] = [];
  async function store(userId: number, t: TokenAnswer, isAdmin: boolean) {
    issued.push(t.access_token, t.refresh_token);
    await tokens.saveTokens(row.id, userId, {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: new Date(t.expires * 1000),
      scope: t.scope,
      isAdmin,
    });
  }
  await store(ADMIN_ID, first, true);
  return {
    emu,
    portalKey: key,
    prisma: opts.prisma,
    keys,
    keyBase64,
    tokens,
    factory: createClientFactory({
      prisma: opts.prisma,
      tokens,
      ...(opts.limits ? {} : { rateLimitFor: () => LOOSE_PACING }),
      ...opts.factory,
    }),
    portalId: row.id,
    issued,
    control,
    async connectUser(userId, isAdmin = false) {
      await store(userId, await control<TokenAnswer>("POST", `portals/${key}/tokens`, { clientId: CLIENT_ID, userId }), isAdmin);
    },
    async fault(f) {
      await control("POST", "faults", {
        portal: key,
        method: f.method ?? undefined,
        count: f.count ?? 1,
        status: f.status,
        error: f.error,
        html: f.html ?? false,
      });
    },
    async calls() {
      const view = await control<{ calls: CallLogEntry[] } | CallLogEntry[]>("GET", `calls?portal=${key}&limit=100000`);
      return Array.isArray(view) ? view : view.calls;
    },
    close: () => emu.close(),
  };
}

/** An OAuth grant as the control API shows it (GET /_emulator/portals/{key}/grants). */
export interface Grant {
  accessToken: string;
  refreshToken: string;
  userId: number;
  clientId: string;
  accessExpiresAt: number;
  refreshUsed: boolean;
}

/**
 * Grants the emulator's OAuth server has issued for a portal user of our app; each refresh adds
 * one and spends the previous refresh token. Its OAuth token endpoint is not in the REST call log,
 * so they come from the control API.
 */
export function grantsOf(control: ControlCall, portalKey: string, userId?: number, clientId: string | null = CLIENT_ID): Promise<Grant[]> {
  const query = new URLSearchParams({ ...(userId === undefined ? {} : { userId: String(userId) }), ...(clientId ? { clientId } : {}) });
  return control<Grant[]>("GET", `portals/${portalKey}/grants?${query}`);
}
