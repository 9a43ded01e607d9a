/**
 * Test helpers: an emulator on free ports with one portal and one installed app, a small HTTP
 * server that plays the app's event handler (recording every form POST), and REST helpers.
 */
import { afterAll, beforeAll } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../server";
import { issueTokens } from "../oauth/tokens";

export const TLS_DIR = path.resolve(import.meta.dirname, "../../.data/tls");
export const CLIENT_ID = "local.test.app";
export const CLIENT_SECRET = "test-secret";

export interface AppServer {
  url: string;
  received: Array<{ path: string; body: URLSearchParams }>;
  close(): Promise<void>;
}

/** An HTTP server standing in for the app: answers 200 to everything and records POST bodies. */
export async function startAppServer(): Promise<AppServer> {
  const received: AppServer["received"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", body: new URLSearchParams(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface World {
  emu: RunningEmulator;
  app: AppServer;
  /** Base URL of portal "acme" (the root of its own origin), e.g. http://127.0.0.1:40123 */
  portalUrl: string;
  /** REST base of portal "acme", e.g. http://127.0.0.1:40123/rest/ */
  rest: string;
  token(userId?: number): string;
  close(): Promise<void>;
}

export async function startWorld(overrides: Partial<EmulatorOptions> = {}, scopes = ["user", "department", "im", "crm", "task"]): Promise<World> {
  const app = await startAppServer();
  const emu = await startEmulator({
    tlsDir: TLS_DIR,
    controlApi: true,
    portals: [{ key: "acme", plan: "standard", seed: 7 }],
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        name: "Test app",
        handlerUrl: `${app.url}/handler`,
        installUrl: null,
        scopes,
        installIn: ["acme"],
        installedBy: 1,
      },
    ],
    ...overrides,
  });
  const portal = emu.store.portals.get("acme")!;
  return {
    emu,
    app,
    portalUrl: `http://${portal.domain}`,
    rest: `http://${portal.domain}/rest/`,
    token: (userId = 1) => issueTokens(emu.store, portal, CLIENT_ID, userId).accessToken,
    close: async () => {
      await emu.close();
      await app.close();
    },
  };
}

/**
 * One method family's conformance tests: a world for the test file (limits off, so the tests
 * measure answers, not the bucket) and a REST caller acting as a portal user.
 */
export function methodWorld(scopes: string[]): { world: () => World; call: (method: string, params: object, userId?: number) => Promise<RestAnswer> } {
  let current: World | undefined;
  beforeAll(async () => {
    current = await startWorld({}, scopes);
    current.emu.store.limits.get("acme")!.enabled = false;
  });
  afterAll(async () => {
    await current?.close();
  });
  const world = () => {
    if (!current) throw new Error("methodWorld: the world starts in beforeAll");
    return current;
  };
  return { world, call: (method, params, userId = 1) => postJson(`${world().rest}${method}`, { auth: world().token(userId), ...params }) };
}

export interface RestAnswer {
  status: number;
  body: Record<string, any>;
}

export async function postJson(url: string, body: unknown): Promise<RestAnswer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as RestAnswer["body"] };
}

export async function get(url: string): Promise<RestAnswer> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as RestAnswer["body"] };
}

export async function postForm(url: string, form: string): Promise<RestAnswer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  return { status: res.status, body: (await res.json()) as RestAnswer["body"] };
}

let narrowApps = 0;

/**
 * A token of another app installed in portal "acme" with only these scopes, for the documented
 * refusal of a method outside the token's scopes (insufficient_scope). Arranged through the control API.
 */
export async function narrowToken(w: World, scopes: string[], userId = 1): Promise<string> {
  const clientId = `app.narrow${++narrowApps}`;
  await postJson(`${w.emu.httpUrl}/_emulator/apps`, { clientId, clientSecret: "s", handlerUrl: `${w.app.url}/narrow`, scopes });
  await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/install`, { clientId, userId: 1 });
  return (await postJson(`${w.emu.httpUrl}/_emulator/portals/acme/tokens`, { clientId, userId })).body.access_token as string;
}
