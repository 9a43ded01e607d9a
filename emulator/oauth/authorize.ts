/**
 * The portal's /oauth/authorize/ (b24restdocs settings/oauth/index.md, step 1): a small login and
 * consent page for the emulated users. Picking a user redirects to the app's redirect_uri with
 * `code`, `state`, `domain`, `member_id`, `scope` and `server_domain`. The code lives 30 seconds.
 * Failures (unknown client, app not installed) show an error page and never redirect, as the docs say.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml, readBody, redirect, sendHtml } from "../http/respond";
import { parseBody, parseForm } from "../rest/params";
import type { EmulatorStore } from "../state/store";
import { nowMs, randomToken } from "../state/store";
import type { Portal } from "../state/types";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#eef2f4;margin:0;padding:40px}main{max-width:420px;margin:auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 8px #0001}h1{font-size:20px;margin:0 0 16px}button{display:block;width:100%;text-align:left;margin:6px 0;padding:10px 12px;border:1px solid #c6cdd3;border-radius:8px;background:#fff;font:inherit;cursor:pointer}button:hover,button:focus{border-color:#2fc6f6;outline:2px solid #2fc6f6}.err{color:#b00020}</style>
</head><body><main>${body}</main></body></html>`;
}

/** Issues a one-time authorization code for a user of a portal and an app. */
export function issueCode(store: EmulatorStore, portal: Portal, clientId: string, userId: number): string {
  const code = randomToken(16);
  const scopes = store.apps.get(clientId)?.scopes ?? [];
  store.codes.set(code, { code, portalKey: portal.key, clientId, userId, scopes, expiresAt: nowMs(store) + store.codeTtlSec * 1000, used: false });
  return code;
}

export async function handleAuthorize(store: EmulatorStore, portal: Portal, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const body = req.method === "POST" ? await readBody(req) : "";
  const params = { ...parseForm(url.search), ...parseBody(req.headers["content-type"], body) };
  const str = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const clientId = str("client_id");
  const app = store.apps.get(clientId);
  if (!app) return sendHtml(res, 400, page("Authorization error", `<h1 class="err">Unknown application</h1><p>No application with this client_id.</p>`));
  if (!portal.installs.has(clientId)) {
    return sendHtml(
      res,
      400,
      page("Authorization error", `<h1 class="err">Application is not installed</h1><p>Install the application in this Bitrix24 first.</p>`),
    );
  }
  const userId = Number(str("user_id"));
  const user = portal.users.get(userId);
  if (!user || !user.active) {
    const users = [...portal.users.values()].filter((u) => u.active && u.userType === "employee").slice(0, 60);
    const hidden = ["client_id", "state", "redirect_uri", "response_type"]
      .map((k) => (str(k) ? `<input type="hidden" name="${k}" value="${escapeHtml(str(k))}">` : ""))
      .join("");
    const buttons = users
      .map((u) => `<button type="submit" name="user_id" value="${u.id}">${escapeHtml(`${u.name} ${u.lastName}`.trim())}${u.admin ? " (admin)" : ""}</button>`)
      .join("");
    return sendHtml(
      res,
      200,
      page(
        "Sign in",
        `<h1>Sign in to ${escapeHtml(portal.title)}</h1><p>Allow <b>${escapeHtml(app.name)}</b> to access your account as:</p><form method="post" action="">${hidden}${buttons}</form>`,
      ),
    );
  }
  const code = issueCode(store, portal, clientId, user.id);
  // The return address comes from the app card; a redirect_uri on the same origin is accepted.
  let target = app.redirectUri ?? app.handlerUrl;
  const asked = str("redirect_uri");
  if (asked) {
    try {
      if (new URL(asked).origin === new URL(target).origin) target = asked;
    } catch {
      /* ignore a malformed redirect_uri */
    }
  }
  const out = new URL(target);
  out.searchParams.set("code", code);
  if (str("state")) out.searchParams.set("state", str("state"));
  out.searchParams.set("domain", portal.domain);
  out.searchParams.set("member_id", portal.memberId);
  out.searchParams.set("scope", app.scopes.join(","));
  out.searchParams.set("server_domain", store.hosts[portal.protocol]);
  redirect(res, out.toString());
}
