/**
 * Test-only: an emulator portal with our app installed, a fresh migrated database holding the
 * Portal row and an admin's encrypted tokens, and a token store + client factory wired to both.
 * Used by the *.int.test.ts files and the benchmark; the app itself never imports this folder
 * (lib/ meets the emulator only over HTTP).
 */
import { startEmulator, issueTokens, type RunningEmulator } from "../../../emulator/server";
import type { Fault } from "../../../emulator/state/store";
import type { PrismaClient } from "../../generated/prisma/client";
import { createKeyRing, generateKeyBase64, type KeyRing } from "../../crypto";
import { TokenStore } from "../token-store";
import { createClientFactory, type ClientFactory, type ClientFactoryConfig } from "../client-factory";

export const CLIENT_ID = "local.staffsuite-test";
export const CLIENT_SECRET = "test-secret-0123456789";
export const ADMIN_ID = 1;

export interface World {
  emu: RunningEmulator;
  prisma: PrismaClient;
  keys: KeyRing;
  tokens: TokenStore;
  factory: ClientFactory;
  portalId: string;
  /** Plaintext tokens issued so far (for the no-plaintext scan). */
  issued: string[];
  /** Issues a fresh pair for a portal user on the emulator and stores it encrypted. */
  connectUser(userId: number, isAdmin?: boolean): Promise<void>;
  /** Adds an emulator fault for the portal. */
  fault(f: Partial<Fault> & { method: string | null; status: number; error: string }): void;
  close(): Promise<void>;
}

export async function createWorld(opts: {
  prisma: PrismaClient;
  portalKey?: string;
  limits?: boolean;
  factory?: Partial<ClientFactoryConfig>;
  seedUsers?: number;
}): Promise<World> {
  const key = opts.portalKey ?? "acme";
  const emu = await startEmulator({
    httpsPort: null,
    portals: [{ key, seed: { seed: 7, users: opts.seedUsers ?? 130 } }],
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        name: "StaffSuite (test)",
        handlerUrl: "http://127.0.0.1:9/app",
        installUrl: null,
        scopes: ["user", "department", "task", "crm"],
        installIn: [key],
      },
    ],
  });
  const limits = emu.store.limits.get(key)!;
  limits.enabled = opts.limits ?? false;
  const portal = emu.store.portals.get(key)!;
  const keys = createKeyRing(generateKeyBase64());
  const tokens = new TokenStore({ prisma: opts.prisma, keys, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  const first = issueTokens(emu.store, portal, CLIENT_ID, ADMIN_ID);
  const row = await opts.prisma.portal.create({
    data: {
      memberId: portal.memberId,
      domain: portal.domain,
      protocol: portal.protocol,
      clientEndpoint: first.clientEndpoint,
      serverEndpoint: first.serverEndpoint,
      installedByUserId: ADMIN_ID,
    },
  });
  const issued: string[] = [];
  const world: World = {
    emu,
    prisma: opts.prisma,
    keys,
    tokens,
    factory: createClientFactory({
      prisma: opts.prisma,
      tokens,
      // With the emulator's limits off, pace loosely so tests do not wait on the standard plan's 2/s.
      ...(opts.limits ? {} : { rateLimitFor: () => ({ burst: 1000, drainPerSecond: 200, headroom: 0 }) }),
      ...opts.factory,
    }),
    portalId: row.id,
    issued,
    async connectUser(userId, isAdmin = false) {
      const t = userId === ADMIN_ID && issued.length === 0 ? first : issueTokens(emu.store, portal, CLIENT_ID, userId);
      issued.push(t.accessToken, t.refreshToken);
      await tokens.saveTokens(row.id, userId, {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: new Date(t.expires * 1000),
        scope: t.scope,
        isAdmin,
      });
    },
    fault(f) {
      emu.store.faults.push({
        id: ++emu.store.seq.fault,
        portalKey: key,
        remaining: 1,
        description: "",
        html: false,
        latencyMs: 0,
        ...f,
        method: f.method === null ? null : f.method.toLowerCase(),
      });
    },
    close: () => emu.close(),
  };
  await world.connectUser(ADMIN_ID, true);
  return world;
}

/** Grants the emulator has issued for a portal user (each refresh adds one). */
export function grantsOf(emu: RunningEmulator, portalKey: string, userId: number) {
  return [...emu.store.grantsByAccess.values()].filter((g) => g.portalKey === portalKey && g.userId === userId && g.clientId === CLIENT_ID);
}
