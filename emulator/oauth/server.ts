/**
 * The central OAuth server (oauth.bitrix.info's role) at the emulator's root:
 * /oauth/token/ for `authorization_code` and `refresh_token` grants, GET or POST
 * (b24restdocs settings/oauth/index.md, auto-renewal.md, error-codes.md), and its /rest/
 * (server_endpoint), which answers for the portal the token belongs to.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http/respond";
import { handleRest } from "../rest/handler";
import { parseBody, parseForm } from "../rest/params";
import type { EmulatorStore } from "../state/store";
import { nowMs } from "../state/store";
import { issueTokens, refreshTokens, tokenWireFields, type IssuedTokens } from "./tokens";

/** The token answer as oauth.bitrix.info prints it: `domain` is the OAuth server's own. */
export function tokenResponse(t: IssuedTokens): Record<string, unknown> {
  return tokenWireFields(t, new URL(t.serverEndpoint).host);
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

export async function handleOAuthServer(store: EmulatorStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (url.pathname.startsWith("/rest")) {
    // server_endpoint: find the portal from the token and answer as that portal would.
    const body = req.method === "POST" ? await readBody(req) : "";
    const params = { ...parseForm(url.search), ...parseBody(req.headers["content-type"], body) };
    const token = typeof params.auth === "string" ? params.auth : "";
    const grant = store.grantsByAccess.get(token);
    const portal = grant ? store.portals.get(grant.portalKey) : undefined;
    if (!portal) return sendJson(res, 401, { error: "invalid_token", error_description: "Unable to get application by token" });
    const replay = Object.assign(Object.create(req) as IncomingMessage, { method: "POST", headers: { ...req.headers, "content-type": "application/json" } });
    return handleRestWithParams(store, portal.key, replay, res, url, params);
  }
  const body = req.method === "POST" ? await readBody(req) : "";
  const params = { ...parseForm(url.search), ...parseBody(req.headers["content-type"], body) };
  const str = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const grantType = str("grant_type");
  const clientId = str("client_id");
  const clientSecret = str("client_secret");
  // Counted before any check: what an app's flood of token requests looks like from here.
  const counted = grantType === "authorization_code" || grantType === "refresh_token" ? grantType : "other";
  store.oauthRequests.set(counted, (store.oauthRequests.get(counted) ?? 0) + 1);
  if (!grantType || !clientId) return oauthError(res, 400, "invalid_request", "Invalid request");
  const app = store.apps.get(clientId);
  if (!app || app.clientSecret !== clientSecret) return oauthError(res, 401, "invalid_client", "Invalid client");
  if (grantType === "authorization_code") {
    const code = store.codes.get(str("code"));
    if (!code || code.used || code.expiresAt <= nowMs(store)) return oauthError(res, 400, "invalid_grant", "Invalid authorization code");
    if (code.clientId !== clientId) return oauthError(res, 400, "wrong_client", "Wrong client");
    code.used = true;
    const portal = store.portals.get(code.portalKey);
    if (!portal || !portal.installs.has(clientId)) return oauthError(res, 401, "invalid_client", "Application is not installed");
    return sendJson(res, 200, tokenResponse(issueTokens(store, portal, clientId, code.userId)));
  }
  if (grantType === "refresh_token") {
    const r = refreshTokens(store, str("refresh_token"), clientId, clientSecret);
    if (!r.ok) return oauthError(res, r.error === "invalid_client" ? 401 : 400, r.error, r.description);
    return sendJson(res, 200, tokenResponse(r.tokens));
  }
  return oauthError(res, 400, "invalid_request", "Unsupported grant_type");
}

async function handleRestWithParams(
  store: EmulatorStore,
  key: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  params: Record<string, unknown>,
): Promise<void> {
  const portal = store.portals.get(key);
  if (!portal) return sendJson(res, 404, { error: "PORTAL_NOT_FOUND", error_description: "No such portal" });
  const u = new URL(url.toString());
  u.search = "";
  for (const [k, v] of Object.entries(params)) if (typeof v === "string") u.searchParams.set(k, v);
  return handleRest(store, portal, Object.assign(req, { method: "GET" }), res, u, url.pathname.slice(5));
}
