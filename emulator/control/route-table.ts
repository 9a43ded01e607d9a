/**
 * The shape of the control API's route table (index.ts serves it): each endpoint is one row, a
 * method and a path, with the handler that answers it. Paths are relative to `/_emulator/`;
 * a `:name` segment is a parameter. Rows under `portals/:key` are made with `portalRoute`, which
 * finds the portal first (404 when there is none), so their handlers get it ready.
 */
import type { EmulatorStore } from "../state/store";
import type { Portal } from "../state/types";
import type { ControlMethod } from "./client";

export type Json = Record<string, unknown>;

/** A refusal answered with its status and `{ error: message }`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlRequest {
  store: EmulatorStore;
  /** The path's `:name` segments, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body ({} when there is none). */
  body: Json;
}

export interface PortalRequest extends ControlRequest {
  portal: Portal;
}

export interface ControlRoute {
  method: ControlMethod;
  path: string;
  handle(req: ControlRequest): unknown;
}

export function route(method: ControlMethod, path: string, handle: (req: ControlRequest) => unknown): ControlRoute {
  return { method, path, handle };
}

/** A row under `portals/:key/{path}` (`path` "" for the portal itself); the handler gets the portal. */
export function portalRoute(method: ControlMethod, path: string, handle: (req: PortalRequest) => unknown): ControlRoute {
  return route(method, path ? `portals/:key/${path}` : "portals/:key", (req) => handle({ ...req, portal: needPortal(req.store, req.params.key) }));
}

export function needPortal(store: EmulatorStore, key: string): Portal {
  const p = store.portals.get(key);
  if (!p) throw new ControlError(404, `no portal "${key}"`);
  return p;
}

/** The row whose method and path match exactly, with its parameters; null when none does. */
export function matchRoute(
  routes: readonly ControlRoute[],
  method: string,
  parts: readonly string[],
): { route: ControlRoute; params: Record<string, string> } | null {
  for (const r of routes) {
    if (r.method !== method) continue;
    const pattern = r.path.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    pattern.forEach((seg, i) => {
      if (seg.startsWith(":")) params[seg.slice(1)] = parts[i];
      else if (seg !== parts[i]) matches = false;
    });
    if (matches) return { route: r, params };
  }
  return null;
}

/** A number from a body or query value; `fallback` when it is absent or empty. */
export const numberOr = (v: unknown, fallback: number) => (v === undefined || v === null || v === "" ? fallback : Number(v));
