/**
 * "Open the app as user N" without a browser: what the portal page POSTs into the app's iframe
 * when that user opens it (emulator/portal-page/app-page.ts builds the same request for the
 * real page). Tests and the demo launcher send it to the app themselves; answered by
 * `POST /_emulator/portals/{key}/app-open`.
 */
import { randomBytes } from "node:crypto";
import { issueTokens } from "../oauth/tokens";
import { appFormFields } from "../portal-page/app-page";
import type { EmulatorStore, OAuthGrant } from "../state/store";
import type { Portal } from "../state/types";

export interface AppOpenRequest {
  /** "install" until installFinish (the portal keeps opening the install URL), then "handler". */
  target: "install" | "handler";
  /** The install or handler URL with DOMAIN, PROTOCOL, LANG and APP_SID in its query. */
  url: string;
  /** The form fields (AUTH_ID, REFRESH_ID, member_id, …), form-encoded in the POST body. */
  form: Record<string, string>;
}

export class AppOpenError extends Error {}

export function appOpenRequest(
  store: EmulatorStore,
  portal: Portal,
  clientId: string,
  userId: number,
  options: { lang?: string; placementOptions?: Record<string, unknown> } = {},
): AppOpenRequest {
  const app = store.apps.get(clientId);
  if (!app) throw new AppOpenError(`no app "${clientId}"`);
  const install = portal.installs.get(clientId);
  if (!install) throw new AppOpenError("app not installed in this portal");
  if (!portal.users.has(userId)) throw new AppOpenError("no such user");
  const target = install.installed || !app.installUrl ? "handler" : "install";
  const base = target === "install" ? app.installUrl! : app.handlerUrl;
  const query = new URLSearchParams({
    DOMAIN: portal.domain,
    PROTOCOL: portal.protocol === "https" ? "1" : "0",
    LANG: options.lang ?? portal.lang,
    APP_SID: randomBytes(16).toString("hex"),
  });
  const tokens = issueTokens(store, portal, clientId, userId);
  return {
    target,
    url: `${base}${base.includes("?") ? "&" : "?"}${query}`,
    form: appFormFields(tokens, JSON.stringify(options.placementOptions ?? {})),
  };
}

/** The OAuth grants issued for a portal (optionally one user's, one app's), oldest first. */
export function grantsView(store: EmulatorStore, portalKey: string, filter: { userId?: number; clientId?: string }): OAuthGrant[] {
  return [...store.grantsByAccess.values()].filter(
    (g) =>
      g.portalKey === portalKey &&
      (filter.userId === undefined || g.userId === filter.userId) &&
      (filter.clientId === undefined || g.clientId === filter.clientId),
  );
}
