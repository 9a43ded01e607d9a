/**
 * Who is calling: an OAuth access token (`auth` parameter, or `Authorization: Bearer`), or an
 * incoming webhook (rest/{user_id}/{code}/...). b24restdocs settings/oauth/index.md,
 * local-integrations/local-webhooks.md, _includes/system-errors.md for the error codes.
 */
import type { IncomingMessage } from "node:http";
import { checkAccessToken } from "../oauth/tokens";
import type { EmulatorStore } from "../state/store";
import { portalBaseUrl } from "../state/store";
import type { Portal } from "../state/types";
import type { Caller } from "./dispatch";
import { errors } from "./errors";
import type { RestError } from "./method-registry";
import { param, type Params } from "./params";

export type AuthResult = { ok: true; caller: Caller } | { ok: false; error: RestError };

export function authenticate(
  store: EmulatorStore,
  portal: Portal,
  req: IncomingMessage,
  params: Params,
  webhook: { userId: number; code: string } | null,
): AuthResult {
  const portalUrl = portalBaseUrl(store, portal);
  if (webhook) {
    const hook = portal.webhooks.find((h) => h.userId === webhook.userId && h.code === webhook.code);
    const user = hook ? portal.users.get(hook.userId) : undefined;
    if (!hook || !user || !user.active) return { ok: false, error: errors.noAuth() };
    return {
      ok: true,
      caller: { portal, user, app: null, webhookUserId: user.id, scopes: new Set(hook.scopes), limitKey: `hook:${user.id}`, portalUrl },
    };
  }
  let token = param(params, "auth");
  const header = req.headers.authorization;
  if ((typeof token !== "string" || !token) && header?.toLowerCase().startsWith("bearer ")) token = header.slice(7).trim();
  if (typeof token !== "string" || !token) return { ok: false, error: errors.noAuth() };
  const check = checkAccessToken(store, portal, token);
  if (!check.ok) return { ok: false, error: check.error === "expired_token" ? errors.expiredToken() : errors.invalidToken() };
  const user = portal.users.get(check.grant.userId);
  const app = portal.installs.get(check.grant.clientId) ?? null;
  if (!user || !user.active || !app) return { ok: false, error: errors.invalidToken() };
  return {
    ok: true,
    caller: { portal, user, app, webhookUserId: null, scopes: new Set(check.grant.scopes), limitKey: `app:${app.clientId}`, portalUrl },
  };
}
