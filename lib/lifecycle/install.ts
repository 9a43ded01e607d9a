/**
 * Install: the portal opens the install URL (an admin's first open) with the usual POST. We verify
 * it, store the portal, its installer and the admin's tokens, and bind the events we need; the
 * page then calls installFinish through the frame API, after which the portal sends ONAPPINSTALL
 * with the application_token (events.ts).
 */
import { z } from "zod";
import type { LifecycleDeps } from "./deps";
import { recordInstaller, upsertPortal } from "./portals";
import type { PortalPost } from "./portal-post";
import { resolveLang } from "../i18n";
import { displayName } from "../people";
import { verifyPortalAuth, PortalAuthError } from "./verify-portal-auth";
import type { PortalSession } from "../auth";
import { sessionOf } from "./sign-in";
import type { Bitrix24Client } from "../bitrix24";
import { logger } from "../log";

const log = logger("install");

/** Events the app listens to (b24restdocs api-reference/common/events/on-app-install.md, on-app-uninstall.md, on-app-update.md). */
export const BOUND_EVENTS = ["ONAPPINSTALL", "ONAPPUNINSTALL", "ONAPPUPDATE"] as const;

export function eventHandlerUrl(deps: LifecycleDeps): string {
  return `${deps.appUrl}/api/bitrix24/events`;
}

/** The app's handler URL (README "Register the app"): the address placements open. */
export function appHandlerUrl(deps: Pick<LifecycleDeps, "appUrl">): string {
  return `${deps.appUrl}/bitrix24/app`;
}

/** A portal the install URL has just set up: what a tool needs to add its own bindings. */
export interface InstalledPortal {
  portalId: string;
  /** The installing administrator's client. */
  client: Bitrix24Client;
  /** The installing administrator. */
  userId: number;
  /** Scopes the portal granted (the OAuth answer's `scope`, split). */
  scopes: string[];
  handlerUrl: string;
}

/**
 * What the tools add to an install (composed in app/, as the event hooks are, so that the
 * lifecycle imports no tool). A failing hook is logged and the install goes on: a portal
 * without, say, the profile placement still works.
 */
export interface InstallHooks {
  onInstalled?(portal: InstalledPortal): Promise<void>;
}

const currentUserSchema = z.object({
  NAME: z.string().nullish(),
  LAST_NAME: z.string().nullish(),
  EMAIL: z.string().nullish(),
  WORK_POSITION: z.string().nullish(),
});

const boundSchema = z.array(z.object({ event: z.string(), handler: z.string() }));

export async function installFromPost(deps: LifecycleDeps, post: PortalPost, hooks: InstallHooks = {}): Promise<PortalSession> {
  const verified = await verifyPortalAuth({ accessToken: post.AUTH_ID, refreshToken: post.REFRESH_ID, memberId: post.member_id, domain: post.DOMAIN }, deps);
  // b24restdocs settings/app-installation: only administrators can install an app.
  if (!verified.isAdmin) throw new PortalAuthError("only a portal administrator can install the app");
  const lang = resolveLang(post.LANG);

  const portalId = await upsertPortal(deps, verified, { lang });
  const client = await deps.clients.clientFor(portalId, { userId: verified.userId });

  const me = currentUserSchema.parse((await client.call("user.current")).result);
  await recordInstaller(deps, portalId, verified.userId, {
    name: displayName(me) || null,
    email: me.EMAIL || null,
    position: me.WORK_POSITION || null,
  });

  // Re-installing must not bind twice: event.get lists what this app has bound already.
  const handler = eventHandlerUrl(deps);
  const bound = boundSchema.parse((await client.call("event.get")).result ?? []);
  for (const event of BOUND_EVENTS) {
    if (!bound.some((b) => b.event.toUpperCase() === event && b.handler === handler)) {
      await client.call("event.bind", { event, handler });
    }
  }

  if (hooks.onInstalled) {
    const scopes = verified.tokens.scope
      .split(/[,\s]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    await hooks.onInstalled({ portalId, client, userId: verified.userId, scopes, handlerUrl: appHandlerUrl(deps) }).catch((error: unknown) => {
      log.warn("install hook failed", { portalId, error });
    });
  }
  return sessionOf(verified, portalId, lang);
}
