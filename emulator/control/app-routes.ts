/**
 * Control API rows about apps: registering them with the OAuth server, installing and removing
 * them in a portal, opening them as a user, and the tokens, webhooks and grants that let them call.
 */
import { finishInstallAndDeliver, installApp, uninstallApp, updateApp } from "../apps/lifecycle";
import { tokenResponse } from "../oauth/server";
import { issueTokens } from "../oauth/tokens";
import { addWebhook, nowMs, portalBaseUrl, registerApp, type EmulatorStore } from "../state/store";
import type { AppRegistration, Portal } from "../state/types";
import { AppOpenError, appOpenRequest, grantsView } from "./app-open";
import { ControlError, numberOr, portalRoute, route, type ControlRoute, type Json } from "./route-table";

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

export const appRoutes: ControlRoute[] = [
  route("POST", "apps", ({ store, body }) => {
    const reg = body as Partial<AppRegistration>;
    if (!reg.clientId || !reg.clientSecret || !reg.handlerUrl) throw new ControlError(400, "clientId, clientSecret and handlerUrl are required");
    return registerApp(store, { ...reg, name: reg.name ?? reg.clientId, installUrl: reg.installUrl ?? null, scopes: reg.scopes ?? [] } as AppRegistration);
  }),
  route("GET", "apps", ({ store }) => [...store.apps.values()]),
  portalRoute("POST", "install", async ({ store, portal: p, body }) => {
    const install = await installApp(store, p, String(body.clientId), numberOr(body.userId, 1));
    return { install, deliveries: store.deliveries.filter((d) => d.portalKey === p.key && d.clientId === install.clientId) };
  }),
  portalRoute("POST", "install-finish", async ({ store, portal: p, body }) => ({
    deliveries: await finishInstallAndDeliver(store, p, String(body.clientId)),
    install: p.installs.get(String(body.clientId)) ?? null,
  })),
  portalRoute("POST", "uninstall", async ({ store, portal: p, body }) => ({
    deliveries: await uninstallApp(store, p, String(body.clientId), body.clean === true || body.clean === 1),
  })),
  portalRoute("POST", "app-update", async ({ store, portal: p, body }) => {
    if (!p.installs.has(String(body.clientId))) throw new ControlError(400, "app not installed in this portal");
    const version = body.version === undefined ? undefined : Number(body.version);
    return { deliveries: await updateApp(store, p, String(body.clientId), numberOr(body.userId, 1), version), install: p.installs.get(String(body.clientId)) };
  }),
  portalRoute("POST", "app-open", ({ store, portal: p, body }) => {
    try {
      return appOpenRequest(store, p, String(body.clientId), numberOr(body.userId, 1), {
        lang: typeof body.lang === "string" ? body.lang : undefined,
        placementOptions: body.placementOptions && typeof body.placementOptions === "object" ? (body.placementOptions as Json) : undefined,
      });
    } catch (error) {
      if (error instanceof AppOpenError) throw new ControlError(400, error.message);
      throw error;
    }
  }),
  portalRoute("POST", "tokens", ({ store, portal: p, body }) => {
    const clientId = String(body.clientId);
    if (!p.installs.has(clientId)) throw new ControlError(400, "app not installed in this portal");
    if (!p.users.has(numberOr(body.userId, 1))) throw new ControlError(400, "no such user");
    return tokenResponse(issueTokens(store, p, clientId, numberOr(body.userId, 1)));
  }),
  portalRoute("POST", "tokens/expire", ({ store, portal, body }) => expireTokens(store, portal, body)),
  portalRoute("GET", "grants", ({ store, portal: p, query: q }) => {
    const userId = q.get("userId");
    return grantsView(store, p.key, { userId: userId === null ? undefined : Number(userId), clientId: q.get("clientId") ?? undefined });
  }),
  portalRoute("POST", "webhooks", ({ store, portal: p, body }) => {
    const scopes = Array.isArray(body.scopes) ? (body.scopes as string[]) : ["user", "department", "crm", "task", "im", "sonet_group", "disk"];
    const hook = addWebhook(p, numberOr(body.userId, 1), scopes, typeof body.code === "string" ? body.code : undefined);
    return { ...hook, url: `${portalBaseUrl(store, p)}/rest/${hook.userId}/${hook.code}/` };
  }),
];
