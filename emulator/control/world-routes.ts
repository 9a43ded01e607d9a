/**
 * Control API rows about the emulator as a whole: reset, the state summary, the logs (deliveries,
 * REST calls, OAuth requests), injected faults and the clock.
 */
import { createStore, nowMs, type EmulatorStore } from "../state/store";
import { portalSummary } from "./portal-summary";
import { ControlError, numberOr, route, type ControlRoute, type Json } from "./route-table";

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
  const limit = numberOr(q.get("limit"), 500);
  return { total: calls.length, counts, calls: calls.slice(-limit) };
}

function addFault(store: EmulatorStore, body: Json) {
  const fault = {
    id: ++store.seq.fault,
    portalKey: typeof body.portal === "string" ? body.portal : null,
    method: typeof body.method === "string" ? body.method.toLowerCase() : null,
    remaining: numberOr(body.count, 1),
    status: numberOr(body.status, 500),
    error: typeof body.error === "string" ? body.error : body.html ? "" : "INTERNAL_SERVER_ERROR",
    description: typeof body.description === "string" ? body.description : "Injected fault",
    html: body.html === true,
    latencyMs: numberOr(body.latencyMs, 0),
  };
  store.faults.push(fault);
  return fault;
}

function addQuirk(store: EmulatorStore, body: Json) {
  if (typeof body.method !== "string" || !body.method) throw new ControlError(400, "method is required");
  const keys = Array.isArray(body.ignoreFilter) ? body.ignoreFilter.map(String) : [];
  if (keys.length === 0) throw new ControlError(400, 'ignoreFilter: the filter keys to drop, or ["*"]');
  const quirk = {
    id: ++store.seq.quirk,
    portalKey: typeof body.portal === "string" ? body.portal : null,
    method: body.method.toLowerCase(),
    ignoreFilter: keys,
    skip: numberOr(body.skip, 0),
    remaining: body.count === undefined ? Infinity : numberOr(body.count, 1),
  };
  store.quirks.push(quirk);
  return { ...quirk, remaining: Number.isFinite(quirk.remaining) ? quirk.remaining : null };
}

function moveClock(store: EmulatorStore, body: Json): void {
  if (body.offsetMs !== undefined) store.clockOffsetMs = Number(body.offsetMs);
  if (body.advanceSec !== undefined) store.clockOffsetMs += Number(body.advanceSec) * 1000;
}

const clockView = (store: EmulatorStore): Json => ({ offsetMs: store.clockOffsetMs, now: new Date(nowMs(store)).toISOString() });

export const worldRoutes: ControlRoute[] = [
  route("POST", "reset", async ({ store }) => {
    await reset(store);
    return { ok: true };
  }),
  route("GET", "state", ({ store }) => ({
    portals: [...store.portals.values()].map((p) => portalSummary(store, p)),
    apps: [...store.apps.values()],
    clockOffsetMs: store.clockOffsetMs,
    faults: store.faults,
  })),
  route("GET", "deliveries", ({ store, query: q }) =>
    store.deliveries.filter((d) => (!q.get("portal") || d.portalKey === q.get("portal")) && (!q.get("event") || d.event === q.get("event")?.toUpperCase())),
  ),
  route("GET", "calls", ({ store, query }) => callsView(store, query)),
  route("DELETE", "calls", ({ store }) => {
    store.calls = [];
    return { ok: true };
  }),
  route("GET", "oauth-requests", ({ store }) => {
    const byGrant = Object.fromEntries(store.oauthRequests);
    return { total: Object.values(byGrant).reduce((n, c) => n + c, 0), byGrant };
  }),
  route("DELETE", "oauth-requests", ({ store }) => {
    store.oauthRequests.clear();
    return { ok: true };
  }),
  route("GET", "faults", ({ store }) => store.faults),
  route("POST", "faults", ({ store, body }) => addFault(store, body)),
  route("DELETE", "faults", ({ store }) => {
    store.faults = [];
    return { ok: true };
  }),
  route("GET", "quirks", ({ store }) => store.quirks.map((q) => ({ ...q, remaining: Number.isFinite(q.remaining) ? q.remaining : null }))),
  route("POST", "quirks", ({ store, body }) => addQuirk(store, body)),
  route("DELETE", "quirks", ({ store }) => {
    store.quirks = [];
    return { ok: true };
  }),
  route("GET", "clock", ({ store }) => clockView(store)),
  route("POST", "clock", ({ store, body }) => {
    moveClock(store, body);
    return clockView(store);
  }),
];
