/**
 * Control API rows about portals and what they hold: opening and removing a portal, its people,
 * its stored records (entities, who owns what, notifications, event bindings, disk) and its
 * REST limits.
 */
import { limitsOf } from "../rest/limits";
import { openPortal, type EmulatorStore, type LimitsConfig } from "../state/store";
import type { Portal } from "../state/types";
import { entityTypes, readEntity } from "./entities";
import { ownershipRows } from "./ownership";
import { portalSummary } from "./portal-summary";
import { registerUser } from "./register-user";
import { ControlError, portalRoute, route, type ControlRoute, type Json } from "./route-table";

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

export const portalRoutes: ControlRoute[] = [
  route("GET", "portals", ({ store }) => [...store.portals.values()].map((p) => portalSummary(store, p))),
  route("POST", "portals", async ({ store, body }) => {
    if (typeof body.key !== "string") throw new ControlError(400, "key is required");
    if (store.portals.has(body.key)) throw new ControlError(409, `portal "${body.key}" exists`);
    return portalSummary(store, await openPortal(store, body as never));
  }),
  portalRoute("GET", "", ({ store, portal }) => portalSummary(store, portal)),
  portalRoute("DELETE", "", async ({ store, portal }) => {
    store.portals.delete(portal.key);
    await store.network?.close(portal.key);
    return { ok: true };
  }),
  portalRoute("GET", "users", ({ portal }) => [...portal.users.values()]),
  portalRoute("POST", "users", ({ store, portal, body }) => registerUser(store, portal, body)),
  portalRoute("POST", "users/:id", ({ portal, params, body }) => {
    const u = portal.users.get(Number(params.id));
    if (!u) throw new ControlError(404, "no such user");
    Object.assign(u, body);
    return u;
  }),
  portalRoute("GET", "departments", ({ portal }) => [...portal.departments.values()]),
  portalRoute("GET", "entity", ({ portal, query: q }) => {
    const type = q.get("type") ?? "";
    const e = readEntity(portal, type, Number(q.get("id")));
    if (e === undefined) throw new ControlError(404, `no ${type} ${q.get("id")} (types: ${entityTypes().join(", ")})`);
    return e;
  }),
  portalRoute("GET", "ownership", ({ portal, query: q }) => {
    const type = q.get("type") ?? "";
    const rows = ownershipRows(portal, type);
    if (!rows) throw new ControlError(404, `no record kind "${type}" (task, crm-{entityTypeId}, activity, workgroup, department)`);
    return { type, rows };
  }),
  portalRoute("GET", "installs", ({ portal }) => [...portal.installs.values()]),
  portalRoute("GET", "notifications", ({ portal }) => portal.data.notifications),
  portalRoute("GET", "events", ({ portal }) => portal.eventBindings),
  portalRoute("GET", "disk", ({ portal }) => {
    // Users' storages and the files uploaded to them, contents as base64.
    const disk = portal.data.disk;
    return {
      userStorages: [...disk.userStorages].map(([userId, st]) => ({ userId, ...st })),
      files: [...disk.files.values()].map(({ content, ...meta }) => ({ ...meta, contentBase64: Buffer.from(content).toString("base64") })),
    };
  }),
  portalRoute("GET", "limits", ({ store, portal }) => limitsOf(store, portal)),
  portalRoute("POST", "limits", ({ store, portal, body }) => setLimits(store, portal, body)),
];
