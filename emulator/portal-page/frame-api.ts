/**
 * The server half of the frame protocol: what the portal page's script asks the portal for
 * when the app's frame sends a command that changes state (fresh tokens, install finished,
 * options). The real portal does the same over AJAX to its app.layout component
 * (bitrix24-core-corp modules/rest/install/js/rest/applayout.js: `query()` with actions
 * access_refresh, set_installed, set_option; user options through BX.userOptions).
 *
 * Each rendered app page opens a frame session keyed by its APP_SID; the page proves it is the
 * page with a second random value (the page token) sent in a header, which a cross-site
 * document cannot add without a CORS preflight we never answer: the APP_SID alone is known to
 * the app in the frame, so it must not be enough to act.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PortalPageContext } from "../http/portal-context";
import { readBody, sendJson } from "../http/respond";
import type { EmulatorStore } from "../state/store";

export interface FrameSession {
  appSid: string;
  pageToken: string;
  portalKey: string;
  clientId: string;
  userId: number;
  createdAt: number;
}

const MAX_SESSIONS = 1000;
const sessionsByStore = new WeakMap<EmulatorStore, Map<string, FrameSession>>();
/** Users who have had their first run of an app (the SDK answers FIRST_RUN with setInstall). */
const firstRunDone = new WeakMap<EmulatorStore, Set<string>>();

function sessions(store: EmulatorStore): Map<string, FrameSession> {
  let map = sessionsByStore.get(store);
  if (!map) sessionsByStore.set(store, (map = new Map()));
  return map;
}

/** Opens the frame session of one rendered app page; APP_SID is 32 hex digits as on a real portal. */
export function openFrameSession(store: EmulatorStore, portalKey: string, clientId: string, userId: number): FrameSession {
  const map = sessions(store);
  if (map.size >= MAX_SESSIONS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  const session: FrameSession = {
    appSid: randomBytes(16).toString("hex"),
    pageToken: randomBytes(16).toString("hex"),
    portalKey,
    clientId,
    userId,
    createdAt: Date.now(),
  };
  map.set(session.appSid, session);
  return session;
}

function firstRunKey(portalKey: string, clientId: string, userId: number): string {
  return `${portalKey}\u0000${clientId}\u0000${userId}`;
}

/** FIRST_RUN for getInitData: true until this user's frame has answered it with setInstall. */
export function isFirstRun(store: EmulatorStore, portalKey: string, clientId: string, userId: number): boolean {
  return !(firstRunDone.get(store)?.has(firstRunKey(portalKey, clientId, userId)) ?? false);
}

function markFirstRunDone(store: EmulatorStore, s: FrameSession): void {
  let set = firstRunDone.get(store);
  if (!set) firstRunDone.set(store, (set = new Set()));
  set.add(firstRunKey(s.portalKey, s.clientId, s.userId));
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** POST {portal}/_portal/frame: one action of the page's frame session. */
export async function handleFrameApi(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext): Promise<void> {
  if (req.method !== "POST") return sendJson(res, 405, { error: "METHOD_NOT_ALLOWED" });
  const body = parseJsonObject(await readBody(req));
  const session = body && typeof body.appSid === "string" ? sessions(ctx.store).get(body.appSid) : undefined;
  if (!body || !session || session.portalKey !== ctx.portal.key || req.headers["x-b24emu-page-token"] !== session.pageToken) {
    return sendJson(res, 403, { error: "ACCESS_DENIED", error_description: "Unknown frame session" });
  }
  const install = ctx.portal.installs.get(session.clientId);
  const user = ctx.portal.users.get(session.userId);
  if (!install || !user) return sendJson(res, 404, { error: "NOT_FOUND", error_description: "App or user is gone" });

  switch (body.action) {
    case "access_refresh": {
      const t = ctx.issueTokens(session.clientId, session.userId);
      return sendJson(res, 200, { access_token: t.accessToken, refresh_token: t.refreshToken, expires_in: t.expiresIn });
    }
    case "set_installed": {
      // applayout.js reInstall() sends value false: the portal forgets the install is finished.
      if (body.v === "N") install.installed = false;
      else ctx.finishInstall(session.clientId);
      return sendJson(res, 200, { result: install.installed });
    }
    case "set_option": {
      // applayout.js only lets admins set app options; the command gets no answer otherwise.
      if (!user.admin) return sendJson(res, 403, { error: "ACCESS_DENIED", error_description: "Admins only" });
      const options = Array.isArray(body.options) ? body.options : [];
      for (const o of options) {
        if (o && typeof o === "object" && typeof (o as { name?: unknown }).name === "string") {
          install.options[(o as { name: string }).name] = (o as { value?: unknown }).value;
        }
      }
      return sendJson(res, 200, { result: true });
    }
    case "set_user_option": {
      if (typeof body.name !== "string") return sendJson(res, 400, { error: "INVALID_REQUEST" });
      const own = (install.userOptions[user.id] ??= {});
      own[body.name] = body.value;
      return sendJson(res, 200, { result: true });
    }
    case "set_install": {
      markFirstRunDone(ctx.store, session);
      return sendJson(res, 200, { result: true });
    }
    default:
      return sendJson(res, 400, { error: "INVALID_REQUEST", error_description: "Unknown action" });
  }
}
