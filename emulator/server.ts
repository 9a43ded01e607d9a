/**
 * The emulator's HTTP(S) servers. The central server (oauth.bitrix.info's role: /oauth/token/ and
 * the server_endpoint /rest/, plus the control API) listens on the configured ports; every portal
 * listens on a port of its own and is the root of its own origin, as a real portal is
 * (docs/decisions/005-emulator-portal-per-port.md).
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { handleControl } from "./control/index";
import type { PortalPageContext } from "./http/portal-context";
import { sendJson } from "./http/respond";
import { finishInstall, installApp } from "./apps/lifecycle";
import { handleAuthorize } from "./oauth/authorize";
import { handleOAuthServer } from "./oauth/server";
import { issueTokens } from "./oauth/tokens";
import { handlePortalPage } from "./portal-page/index";
import { handleRest } from "./rest/handler";
import { createStore, openPortal, portalBaseUrl, registerApp, type CreatePortalOptions, type EmulatorStore, type StoreOptions } from "./state/store";
import type { AppRegistration, Portal } from "./state/types";
import { ensureLocalCa } from "./tls/local-ca";
import { listenDual, type Listener } from "./http/portal-listener";

export interface AppOption extends AppRegistration {
  /** Portal keys to install the app in at start. */
  installIn?: string[];
  /** User ID that installs it (default 1, an admin). */
  installedBy?: number;
}

export interface EmulatorOptions extends StoreOptions {
  host?: string;
  /** HTTP port; 0 = a free port. */
  httpPort?: number;
  /** HTTPS port; 0 = a free port; null = no HTTPS listener. */
  httpsPort?: number | null;
  /** Directory for the local CA and server certificate (default .data/tls). */
  tlsDir?: string;
  /** Serve /_emulator/... (default false). */
  controlApi?: boolean;
  /** Portals to create at start; `port` fixes a portal's port (default: a free one). */
  portals?: Array<CreatePortalOptions & { port?: number }>;
  apps?: AppOption[];
}

export interface RunningEmulator {
  httpUrl: string;
  httpsUrl: string | null;
  caCertPath: string | null;
  store: EmulatorStore;
  /** Creates a portal and opens its listener (what POST /_emulator/portals does). */
  addPortal(options: CreatePortalOptions & { port?: number }): Promise<Portal>;
  close(): Promise<void>;
}

export interface ServerContext {
  store: EmulatorStore;
  controlApi: boolean;
}

/** Answers CORS for /rest/: the browser SDK (B24Frame) calls REST from the app's origin with a JSON body. */
function restCors(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  // The real portal allows any origin on /rest/; the JSON body makes the browser send a preflight.
  res.setHeader("Access-Control-Allow-Origin", "*");
  if (req.method !== "OPTIONS") return false;
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "content-type",
    "Access-Control-Max-Age": "600",
  });
  res.end();
  return true;
}

const isRest = (p: string) => p === "/rest" || p.startsWith("/rest/");

/** The central server: OAuth server, its /rest/, the control API. */
async function route(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const p = url.pathname;
  if (isRest(p) && restCors(req, res)) return;
  if (p.startsWith("/_emulator/")) {
    if (!ctx.controlApi) return sendJson(res, 404, { error: "NOT_FOUND", error_description: "Control API is off" });
    return handleControl(ctx.store, req, res, url);
  }
  if (p === "/oauth/token" || p === "/oauth/token/" || isRest(p)) return handleOAuthServer(ctx.store, req, res, url);
  // Addresses of the emulator before portals had their own origin (/p/{key}/…): a browser that
  // kept one lands on the portal's own address.
  const old = /^\/p\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(p);
  const moved = old ? ctx.store.portals.get(old[1]) : undefined;
  if (moved && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(301, { location: `${portalBaseUrl(ctx.store, moved)}${old?.[2] ?? "/"}${url.search}` });
    res.end();
    return;
  }
  return sendJson(res, 404, { error: "NOT_FOUND", error_description: "Unknown path" });
}

/** One portal, at the root of its own origin: /rest/…, /oauth/authorize/, and its pages. */
async function routePortal(ctx: ServerContext, portal: Portal, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://portal.invalid");
  const p = url.pathname;
  if (ctx.store.portals.get(portal.key) !== portal) return sendJson(res, 404, { error: "PORTAL_NOT_FOUND", error_description: "No such portal" });
  if (isRest(p)) {
    if (restCors(req, res)) return;
    return handleRest(ctx.store, portal, req, res, url, p.slice(5));
  }
  const viaTls = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  if (portal.protocol === "https" && !viaTls) {
    // A real https portal sends plain-http visitors to its https address.
    res.writeHead(301, { location: `https://${portal.domain}${req.url ?? "/"}` });
    res.end();
    return;
  }
  if (p === "/oauth/authorize" || p === "/oauth/authorize/") return handleAuthorize(ctx.store, portal, req, res, url);
  const pageCtx: PortalPageContext = {
    store: ctx.store,
    portal,
    portalUrl: portalBaseUrl(ctx.store, portal),
    subPath: p,
    issueTokens: (clientId, userId) => issueTokens(ctx.store, portal, clientId, userId),
    finishInstall: (clientId) => finishInstall(ctx.store, portal, clientId),
  };
  const handled = await handlePortalPage(req, res, pageCtx);
  if (!handled && !res.headersSent) sendJson(res, 404, { error: "NOT_FOUND", error_description: "Unknown portal page" });
}

function guarded(run: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    run(req, res).catch((err: unknown) => {
      // Logs the error class only: bodies may hold tokens or personal data.
      console.error("[emulator] internal error:", err instanceof Error ? err.message : "unknown");
      if (!res.headersSent) sendJson(res, 500, { error: "INTERNAL_SERVER_ERROR", error_description: "Internal server error" });
      else res.end();
    });
  };
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the emulator; portals and apps in the options are created (and installed) at start. */
/** Starts the emulator; portals and apps in the options are created (and installed) at start. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const store = createStore(options);
  const ctx: ServerContext = { store, controlApi: options.controlApi ?? false };
  const handler = guarded((req, res) => route(ctx, req, res));
  const httpServer = http.createServer(handler);
  const httpPort = await listen(httpServer, options.httpPort ?? 0, host);
  const displayHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  store.hosts.http = `${displayHost}:${httpPort}`;
  store.portalHost = displayHost;
  const tlsDir = options.tlsDir ?? path.resolve(".data/tls");
  let tls: { key: string; cert: string; caCertPath: string } | null = null;
  const loadTls = async () => {
    if (!tls) {
      const ca = await ensureLocalCa(tlsDir);
      tls = { key: ca.serverKeyPem, cert: ca.serverCertPem, caCertPath: ca.caCertPath };
    }
    return tls;
  };
  let httpsServer: https.Server | null = null;
  if (options.httpsPort !== null) {
    const t = await loadTls();
    httpsServer = https.createServer({ key: t.key, cert: t.cert }, handler);
    const httpsPort = await listen(httpsServer, options.httpsPort ?? 0, host);
    store.hosts.https = `${displayHost}:${httpsPort}`;
  }
  const listeners = new Map<string, Listener>();
  store.network = {
    async open(portal, port) {
      const t = portal.protocol === "https" ? await loadTls() : null;
      const listener = await listenDual(
        host,
        port,
        guarded((req, res) => routePortal(ctx, portal, req, res)),
        t,
      );
      listeners.set(portal.key, listener);
      portal.port = listener.port;
    },
    async close(key) {
      const listener = listeners.get(key);
      listeners.delete(key);
      await listener?.close();
    },
    async closeAll() {
      const all = [...listeners.values()];
      listeners.clear();
      await Promise.all(all.map((l) => l.close()));
    },
  };
  for (const p of options.portals ?? []) await openPortal(store, { ...p });
  for (const app of options.apps ?? []) {
    const { installIn, installedBy, ...registration } = app;
    registerApp(store, registration);
    for (const key of installIn ?? []) {
      const portal = store.portals.get(key);
      if (!portal) throw new Error(`installIn: no portal "${key}"`);
      await installApp(store, portal, registration.clientId, installedBy ?? 1);
    }
  }
  const close = async () => {
    await store.network?.closeAll();
    const servers = [httpServer, httpsServer].filter((s): s is http.Server => s !== null);
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    );
  };
  return {
    httpUrl: `http://${store.hosts.http}`,
    httpsUrl: httpsServer ? `https://${store.hosts.https}` : null,
    get caCertPath() {
      return (tls as { caCertPath: string } | null)?.caCertPath ?? null;
    },
    store,
    addPortal: (o) => openPortal(store, o),
    close,
  };
}

export { openPortal, registerApp, issueTokens, installApp, finishInstall };
