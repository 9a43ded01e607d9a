/**
 * The control API (/_emulator/...): JSON endpoints tests and the demo use to arrange a world and
 * assert on it. Only served when the emulator runs with controlApi: true. See README.md here.
 *
 * Every endpoint is a row of the table below (route-table.ts says how a row looks); to add one,
 * add a row to the file of its area and a line to README.md.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http/respond";
import type { EmulatorStore } from "../state/store";
import { appRoutes } from "./app-routes";
import { automationRoutes } from "./automation-routes";
import { portalRoutes } from "./portal-routes";
import { ControlError, matchRoute, type ControlRoute, type Json } from "./route-table";
import { worldRoutes } from "./world-routes";

const controlRoutes: readonly ControlRoute[] = [...worldRoutes, ...portalRoutes, ...appRoutes, ...automationRoutes];

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
    const found = matchRoute(controlRoutes, req.method ?? "GET", parts);
    if (!found) throw new ControlError(404, "unknown control endpoint");
    const out = await found.route.handle({ store, params: found.params, query: url.searchParams, body });
    sendJson(res, 200, out ?? null);
  } catch (err) {
    if (err instanceof ControlError) return sendJson(res, err.status, { error: err.message });
    sendJson(res, 400, { error: err instanceof Error ? err.message : "control error" });
  }
}
