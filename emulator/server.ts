/**
 * The emulator's HTTP(S) server: one process, many portals addressed by path prefix
 * (/p/{key}/...), plus the central OAuth server (oauth.bitrix.info's role) at the root.
 * Both listeners serve the same store; each portal's `protocol` decides what it advertises.
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
import {
  createPortal,
  createStore,
  portalBaseUrl,
  refreshPortalDomains,
  registerApp,
  type CreatePortalOptions,
  type EmulatorStore,
  type StoreOptions,
} from "./state/store";
import type { AppRegistration } from "./state/types";
import { ensureLocalCa } from "./tls/local-ca";

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
  portals?: CreatePortalOptions[];
  apps?: AppOption[];
}

export interface RunningEmulator {
  httpUrl: string;
  httpsUrl: string | null;
  caCertPath: string | null;
  store: EmulatorStore;
  close(): Promise<void>;
}

export interface ServerContext {
  store: EmulatorStore;
  controlApi: boolean;
}

async function route(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const p = url.pathname;
  if (p === "/rest" || p.startsWith("/rest/") || /^\/p\/[^/]+\/rest(\/|$)/.test(p)) {
    // The browser SDK (B24Frame) calls REST from the app's origin with a JSON body, so the
    // browser sends a CORS preflight first; the real portal allows any origin on /rest/.
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "content-type",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
  }
  if (p.startsWith("/_emulator/")) {
    if (!ctx.controlApi) return sendJson(res, 404, { error: "NOT_FOUND", error_description: "Control API is off" });
    return handleControl(ctx.store, req, res, url);
  }
  if (p === "/oauth/token" || p === "/oauth/token/" || p === "/rest" || p.startsWith("/rest/")) {
    return handleOAuthServer(ctx.store, req, res, url);
  }
  const m = /^\/p\/([a-z0-9][a-z0-9-]*)(\/.*)?$/.exec(p);
  if (!m) return sendJson(res, 404, { error: "NOT_FOUND", error_description: "Unknown path" });
  const portal = ctx.store.portals.get(m[1]);
  if (!portal) return sendJson(res, 404, { error: "PORTAL_NOT_FOUND", error_description: "No such portal" });
  const sub = m[2] ?? "/";
  if (sub === "/rest" || sub.startsWith("/rest/")) return handleRest(ctx.store, portal, req, res, url, sub.slice(5));
  if (sub === "/oauth/authorize" || sub === "/oauth/authorize/") return handleAuthorize(ctx.store, portal, req, res, url);
  const pageCtx: PortalPageContext = {
    store: ctx.store,
    portal,
    portalUrl: portalBaseUrl(ctx.store, portal),
    subPath: sub,
    issueTokens: (clientId, userId) => issueTokens(ctx.store, portal, clientId, userId),
    finishInstall: (clientId) => finishInstall(ctx.store, portal, clientId),
  };
  const handled = await handlePortalPage(req, res, pageCtx);
  if (!handled && !res.headersSent) sendJson(res, 404, { error: "NOT_FOUND", error_description: "Unknown portal page" });
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the emulator; portals and apps in the options are created (and installed) at start. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const store = createStore(options);
  const ctx: ServerContext = { store, controlApi: options.controlApi ?? false };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(ctx, req, res).catch((err: unknown) => {
      // Logs the error class only: bodies may hold tokens or personal data.
      console.error("[emulator] internal error:", err instanceof Error ? err.message : "unknown");
      if (!res.headersSent) sendJson(res, 500, { error: "INTERNAL_SERVER_ERROR", error_description: "Internal server error" });
      else res.end();
    });
  };
  const httpServer = http.createServer(handler);
  const httpPort = await listen(httpServer, options.httpPort ?? 0, host);
  const displayHost = host === "0.0.0.0" ? "127.0.0.1" : host;
  store.hosts.http = `${displayHost}:${httpPort}`;
  let httpsServer: https.Server | null = null;
  let caCertPath: string | null = null;
  if (options.httpsPort !== null) {
    const tls = await ensureLocalCa(options.tlsDir ?? path.resolve(".data/tls"));
    caCertPath = tls.caCertPath;
    httpsServer = https.createServer({ key: tls.serverKeyPem, cert: tls.serverCertPem }, handler);
    const httpsPort = await listen(httpsServer, options.httpsPort ?? 0, host);
    store.hosts.https = `${displayHost}:${httpsPort}`;
  }
  refreshPortalDomains(store);
  for (const p of options.portals ?? []) createPortal(store, p);
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
    const servers = [httpServer, httpsServer].filter((s): s is http.Server => s !== null);
    await Promise.all(
      servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })),
    );
  };
  return {
    httpUrl: `http://${store.hosts.http}`,
    httpsUrl: httpsServer ? `https://${store.hosts.https}` : null,
    caCertPath,
    store,
    close,
  };
}

export { createPortal, registerApp, issueTokens, installApp, finishInstall };
