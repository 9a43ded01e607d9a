/**
 * The control API (/_emulator/...): JSON endpoints tests and the demo use to arrange a world and
 * assert on it. Only served when the emulator runs with controlApi: true. See README.md here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { finishInstallAndDeliver, installApp, uninstallApp } from "../apps/lifecycle";
import { readBody, sendJson } from "../http/respond";
import { tokenResponse } from "../oauth/server";
import { issueTokens } from "../oauth/tokens";
import { limitsOf } from "../rest/limits";
import { addWebhook, createStore, nowMs, openPortal, portalBaseUrl, registerApp, type EmulatorStore, type LimitsConfig } from "../state/store";
import type { AppRegistration, Portal } from "../state/types";
import { AppOpenError, appOpenRequest, grantsView } from "./app-open";
import { entityTypes, readEntity } from "./entities";
import { ownershipRows } from "./ownership";
import { registerUser } from "./register-user";

type Json = Record<string, unknown>;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function portalSummary(store: EmulatorStore, p: Portal): Json {
  return {
    key: p.key,
    memberId: p.memberId,
    port: p.port,
    domain: p.domain,
    protocol: p.protocol,
    baseUrl: portalBaseUrl(store, p),
    restUrl: `${portalBaseUrl(store, p)}/rest/`,
    plan: p.plan,
    licenseStatus: p.licenseStatus,
    lang: p.lang,
    title: p.title,
    users: p.users.size,
    departments: p.departments.size,
    heavyUserIds: p.data.heavyUserIds,
    installs: [...p.installs.values()].map((i) => ({
      clientId: i.clientId,
      installed: i.installed,
      applicationToken: i.applicationToken,
      installedByUserId: i.installedByUserId,
    })),
  };
}

function need(store: EmulatorStore, key: string): Portal {
  const p = store.portals.get(key);
  if (!p) throw new ControlError(404, `no portal "${key}"`);
  return p;
}

const num = (v: unknown, d: number) => (v === undefined || v === null || v === "" ? d : Number(v));

/** Resets the store in place (keeps the central listeners) so running servers see the fresh state; portals' listeners close. */
async function reset(store: EmulatorStore): Promise<void> {
  await store.network?.closeAll();
  const fresh = createStore({ accessTokenTtlSec: store.accessTokenTtlSec, refreshTokenTtlSec: store.refreshTokenTtlSec, codeTtlSec: store.codeTtlSec });
  const { hosts, portalHost, network } = store;
  Object.assign(store, fresh, { hosts, portalHost, network });
}

function callsView(store: EmulatorStore, q: URLSearchParams): Json {
  const portal = q.get("portal");
  const method = q.get("method")?.toLowerCase();
  const calls = store.calls.filter((c) => (!portal || c.portalKey === portal) && (!method || c.method === method));
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.method] = (counts[c.method] ?? 0) + 1;
  const limit = num(q.get("limit"), 500);
  return { total: calls.length, counts, calls: calls.slice(-limit) };
}

function setLimits(store: EmulatorStore, p: Portal, body: Json): LimitsConfig {
  const cfg = limitsOf(store, p);
  for (const k of ["enabled", "operatingEnabled"] as const) if (typeof body[k] === "boolean") cfg[k] = body[k] as boolean;
  for (const k of ["burst", "rate", "operatingLimitSec", "operatingWindowSec", "latencyMs"] as const) if (body[k] !== undefined) cfg[k] = Number(body[k]);
  if (body.methodCostSec && typeof body.methodCostSec === "object") {
    for (const [m, s] of Object.entries(body.methodCostSec as Json)) cfg.methodCostSec[m.toLowerCase()] = Number(s);
  }
  if (body.resetCounters) {
    for (const k of store.buckets.keys()) if (k.startsWith(`${p.key}|`)) store.buckets.delete(k);
    for (const k of store.operating.keys()) if (k.startsWith(`${p.key}|`)) store.operating.delete(k);
  }
  return cfg;
}

/** Expires (or revokes) tokens of a portal, optionally of one user and/or app. */
function expireTokens(store: EmulatorStore, p: Portal, body: Json): Json {
  const userId = body.userId === undefined ? null : Number(body.userId);
  const clientId = typeof body.clientId === "string" ? body.clientId : null;
  const access = body.access !== false;
  const refresh = body.refresh === true;
  const revoke = body.revoke === true;
  const past = nowMs(store) - 1000;
  let n = 0;
  for (const g of store.grantsByAccess.values()) {
    if (g.portalKey !== p.key || (userId !== null && g.userId !== userId) || (clientId !== null && g.clientId !== clientId)) continue;
    if (access) {
      if (revoke) g.accessRevoked = true;
      else g.accessExpiresAt = Math.min(g.accessExpiresAt, past);
    }
    if (refresh) {
      if (revoke) g.refreshUsed = true;
      else g.refreshExpiresAt = Math.min(g.refreshExpiresAt, past);
    }
    n++;
  }
  return { affected: n };
}

async function route(store: EmulatorStore, method: string, parts: string[], q: URLSearchParams, body: Json): Promise<unknown> {
  const [a, key, b, c] = parts;
  if (a === "reset" && method === "POST") {
    await reset(store);
    return { ok: true };
  }
  if (a === "state" && method === "GET")
    return {
      portals: [...store.portals.values()].map((p) => portalSummary(store, p)),
      apps: [...store.apps.values()],
      clockOffsetMs: store.clockOffsetMs,
      faults: store.faults,
    };
  if (a === "apps" && method === "POST") {
    const reg = body as Partial<AppRegistration>;
    if (!reg.clientId || !reg.clientSecret || !reg.handlerUrl) throw new ControlError(400, "clientId, clientSecret and handlerUrl are required");
    return registerApp(store, { ...reg, name: reg.name ?? reg.clientId, installUrl: reg.installUrl ?? null, scopes: reg.scopes ?? [] } as AppRegistration);
  }
  if (a === "apps" && method === "GET") return [...store.apps.values()];
  if (a === "deliveries" && method === "GET") {
    return store.deliveries.filter(
      (d) => (!q.get("portal") || d.portalKey === q.get("portal")) && (!q.get("event") || d.event === q.get("event")?.toUpperCase()),
    );
  }
  if (a === "calls" && method === "GET") return callsView(store, q);
  if (a === "calls" && method === "DELETE") {
    store.calls = [];
    return { ok: true };
  }
  if (a === "oauth-requests" && method === "GET") {
    const byGrant = Object.fromEntries(store.oauthRequests);
    return { total: Object.values(byGrant).reduce((n, c) => n + c, 0), byGrant };
  }
  if (a === "oauth-requests" && method === "DELETE") {
    store.oauthRequests.clear();
    return { ok: true };
  }
  if (a === "faults") {
    if (method === "GET") return store.faults;
    if (method === "DELETE") {
      store.faults = [];
      return { ok: true };
    }
    if (method === "POST") {
      const fault = {
        id: ++store.seq.fault,
        portalKey: typeof body.portal === "string" ? body.portal : null,
        method: typeof body.method === "string" ? body.method.toLowerCase() : null,
        remaining: num(body.count, 1),
        status: num(body.status, 500),
        error: typeof body.error === "string" ? body.error : body.html ? "" : "INTERNAL_SERVER_ERROR",
        description: typeof body.description === "string" ? body.description : "Injected fault",
        html: body.html === true,
        latencyMs: num(body.latencyMs, 0),
      };
      store.faults.push(fault);
      return fault;
    }
  }
  if (a === "clock") {
    if (method === "POST") {
      if (body.offsetMs !== undefined) store.clockOffsetMs = Number(body.offsetMs);
      if (body.advanceSec !== undefined) store.clockOffsetMs += Number(body.advanceSec) * 1000;
    }
    return { offsetMs: store.clockOffsetMs, now: new Date(nowMs(store)).toISOString() };
  }
  if (a !== "portals") throw new ControlError(404, "unknown control endpoint");
  if (!key) {
    if (method === "GET") return [...store.portals.values()].map((p) => portalSummary(store, p));
    if (method === "POST") {
      if (typeof body.key !== "string") throw new ControlError(400, "key is required");
      if (store.portals.has(body.key)) throw new ControlError(409, `portal "${body.key}" exists`);
      return portalSummary(store, await openPortal(store, body as never));
    }
  }
  const p = need(store, key);
  if (!b) {
    if (method === "DELETE") {
      store.portals.delete(key);
      await store.network?.close(key);
      return { ok: true };
    }
    return portalSummary(store, p);
  }
  switch (`${method} ${b}`) {
    case "GET users":
      return [...p.users.values()];
    case "POST users": {
      if (c === undefined) return registerUser(store, p, body);
      const u = p.users.get(Number(c));
      if (!u) throw new ControlError(404, "no such user");
      Object.assign(u, body);
      return u;
    }
    case "GET departments":
      return [...p.departments.values()];
    case "GET entity": {
      const type = q.get("type") ?? "";
      const e = readEntity(p, type, Number(q.get("id")));
      if (e === undefined) throw new ControlError(404, `no ${type} ${q.get("id")} (types: ${entityTypes().join(", ")})`);
      return e;
    }
    case "GET ownership": {
      const type = q.get("type") ?? "";
      const rows = ownershipRows(p, type);
      if (!rows) throw new ControlError(404, `no record kind "${type}" (task, crm-{entityTypeId}, activity, workgroup, department)`);
      return { type, rows };
    }
    case "GET installs":
      return [...p.installs.values()];
    case "GET notifications":
      return p.data.notifications;
    case "GET events":
      return p.eventBindings;
    case "POST app-open": {
      try {
        return appOpenRequest(store, p, String(body.clientId), num(body.userId, 1), {
          lang: typeof body.lang === "string" ? body.lang : undefined,
          placementOptions: body.placementOptions && typeof body.placementOptions === "object" ? (body.placementOptions as Json) : undefined,
        });
      } catch (error) {
        if (error instanceof AppOpenError) throw new ControlError(400, error.message);
        throw error;
      }
    }
    case "GET disk": {
      // Users' storages and the files uploaded to them, contents as base64.
      const disk = p.data.disk;
      return {
        userStorages: [...disk.userStorages].map(([userId, st]) => ({ userId, ...st })),
        files: [...disk.files.values()].map(({ content, ...meta }) => ({ ...meta, contentBase64: Buffer.from(content).toString("base64") })),
      };
    }
    case "GET grants": {
      const userId = q.get("userId");
      return grantsView(store, p.key, { userId: userId === null ? undefined : Number(userId), clientId: q.get("clientId") ?? undefined });
    }
    case "POST install": {
      const install = await installApp(store, p, String(body.clientId), num(body.userId, 1));
      return { install, deliveries: store.deliveries.filter((d) => d.portalKey === p.key && d.clientId === install.clientId) };
    }
    case "POST install-finish":
      return { deliveries: await finishInstallAndDeliver(store, p, String(body.clientId)), install: p.installs.get(String(body.clientId)) ?? null };
    case "POST uninstall":
      return { deliveries: await uninstallApp(store, p, String(body.clientId), body.clean === true || body.clean === 1) };
    case "POST tokens": {
      if (c === "expire") return expireTokens(store, p, body);
      const clientId = String(body.clientId);
      if (!p.installs.has(clientId)) throw new ControlError(400, "app not installed in this portal");
      if (!p.users.has(num(body.userId, 1))) throw new ControlError(400, "no such user");
      return tokenResponse(issueTokens(store, p, clientId, num(body.userId, 1)));
    }
    case "POST webhooks": {
      const scopes = Array.isArray(body.scopes) ? (body.scopes as string[]) : ["user", "department", "crm", "task", "im", "sonet_group", "disk"];
      const hook = addWebhook(p, num(body.userId, 1), scopes, typeof body.code === "string" ? body.code : undefined);
      return { ...hook, url: `${portalBaseUrl(store, p)}/rest/${hook.userId}/${hook.code}/` };
    }
    case "GET limits":
      return limitsOf(store, p);
    case "POST limits":
      return setLimits(store, p, body);
  }
  throw new ControlError(404, "unknown control endpoint");
}

export async function handleControl(store: EmulatorStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const parts = url.pathname
    .replace(/^\/_emulator\/?/, "")
    .split("/")
    .filter(Boolean)
    .map(decodeURIComponent);
  let body: Json = {};
  if (req.method === "POST" || req.method === "PUT" || req.method === "DELETE") {
    const text = await readBody(req);
    if (text) {
      try {
        body = JSON.parse(text) as Json;
      } catch {
        return sendJson(res, 400, { error: "invalid JSON body" });
      }
    }
  }
  try {
    const out = await route(store, req.method ?? "GET", parts, url.searchParams, body);
    sendJson(res, 200, out ?? null);
  } catch (err) {
    if (err instanceof ControlError) return sendJson(res, err.status, { error: err.message });
    sendJson(res, 400, { error: err instanceof Error ? err.message : "control error" });
  }
}
