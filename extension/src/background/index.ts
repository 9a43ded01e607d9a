/**
 * The service worker: the only part that talks to the app (the content scripts ask it). It holds
 * the connect flow's verifier in session storage, claims the session from the connect page's
 * one-time code, adds the bearer token to API calls, keeps the pipeline cache fresh, and on
 * disconnect revokes the token on the server and clears all of the extension's storage. While
 * connected, Chrome's uninstall address is the app's, which ends the session when the extension
 * is removed (lib/mail uninstall.ts).
 */
import type { ApiAnswer, Request } from "../shared/messages";
import { readStored, type Connection, type PipelineCache } from "../shared/storage";
import { cachedPipelines } from "./pipeline-cache";

const APP = __APP_ORIGIN__;

/** The API's 401 codes that say who ended the session (lib/errors codes.ts). */
const ENDED_CODES = new Set(["session_revoked", "session_revoked_by_admin", "user_dismissed"]);

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetch(`${APP}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" });
    const json = (await res.json().catch(() => ({ error: "other", message: `HTTP ${res.status}` }))) as T;
    return { status: res.status, body: json };
  } catch {
    return { status: 0, body: { error: "network", message: "" } as T };
  }
}

async function authed<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const { connection } = await readStored();
  if (!connection) return { status: 401, body: { error: "unauthorized", message: "" } as T };
  const answer = await api<T>(method, path, body, connection.token);
  // The server no longer knows this token (revoked in the app, expired): forget it, and keep why
  // when someone ended it (the Mail page, an administrator, a dismissal) so the sidebar and the
  // popup can say so instead of a bare "not connected".
  if (answer.status === 401) {
    await chrome.storage.local.remove("connection");
    await chrome.runtime.setUninstallURL("");
    const code = (answer.body as { error?: string } | null)?.error ?? "";
    if (ENDED_CODES.has(code)) await chrome.storage.local.set({ ended: { code, lang: connection.portal.lang } });
  }
  return answer;
}

async function startConnect(portal: string): Promise<{ ok: boolean }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  await chrome.storage.session.set({ verifier });
  await chrome.storage.local.set({ lastPortal: portal });
  const url = new URL(`${APP}/api/extension/connect`);
  url.searchParams.set("portal", portal);
  url.searchParams.set("challenge", challenge);
  url.searchParams.set("label", `Chrome ${navigator.userAgent.match(/Chrome\/(\d+)/)?.[1] ?? ""}`.trim());
  await chrome.tabs.create({ url: url.toString() });
  return { ok: true };
}

async function claim(code: string): Promise<ApiAnswer> {
  const { verifier } = (await chrome.storage.session.get("verifier")) as { verifier?: string };
  if (!verifier) return { status: 400, body: { error: "unauthorized", message: "No connect in progress" } };
  const answer = await api<Connection & { uninstallUrl?: string; error?: string }>("POST", "/api/extension/session/claim", { code, verifier });
  await chrome.storage.session.remove("verifier");
  if (answer.status === 200) {
    const c = answer.body;
    const connection: Connection = { token: c.token, expiresAt: c.expiresAt, portal: c.portal, user: c.user };
    const { ownEmails = [] } = await readStored();
    await chrome.storage.local.set({ connection, ownEmails: [...new Set([...ownEmails, c.user.email].filter(Boolean))] });
    await chrome.storage.local.remove(["pipelines", "ended"]);
    // Removing the extension opens this address, which ends the session on the server (one-time code).
    if (c.uninstallUrl?.startsWith(`${APP}/`)) await chrome.runtime.setUninstallURL(c.uninstallUrl);
  }
  return { status: answer.status, body: answer.status === 200 ? { ok: true } : answer.body };
}

/**
 * `revoked` false: the app could not be reached (or refused), so the session may still be valid on
 * the server until it expires; the popup says so and where to revoke it (the app's Mail page).
 * A 401 means it was not valid any more: nothing left to revoke.
 */
async function disconnect(): Promise<{ ok: boolean; revoked: boolean }> {
  const { connection } = await readStored();
  let revoked = true;
  if (connection) {
    const answer = await api("DELETE", "/api/extension/session", undefined, connection.token);
    revoked = (answer.status >= 200 && answer.status < 300) || answer.status === 401;
  }
  // Privacy promise: disconnecting clears everything the extension kept, reachable app or not.
  await chrome.storage.local.clear();
  await chrome.runtime.setUninstallURL("");
  await chrome.storage.session.clear();
  return { ok: true, revoked };
}

function pipelines(refresh: boolean): Promise<ApiAnswer<PipelineCache | unknown>> {
  return cachedPipelines(
    {
      read: async () => (await readStored()).pipelines,
      write: (cache) => chrome.storage.local.set({ pipelines: cache }),
      fetch: () => authed("GET", "/api/extension/pipelines"),
      now: () => Date.now(),
    },
    refresh,
  );
}

async function handle(message: Request, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case "api":
      return authed(message.method, message.path, message.body);
    case "connect":
      return startConnect(message.portal);
    case "claim": {
      // Only the app's own connect page may hand over a claim code.
      if (!sender.url?.startsWith(`${APP}/api/extension/connect/callback`)) return { status: 403, body: { error: "unauthorized", message: "" } };
      const answer = await claim(message.code);
      return answer;
    }
    case "disconnect":
      return disconnect();
    case "pipelines":
      return pipelines(Boolean(message.refresh));
    default:
      return { status: 400, body: { error: "invalid_input", message: "unknown message" } };
  }
}

chrome.runtime.onMessage.addListener((message: Request, sender, reply) => {
  // Messages from our own content scripts and popup only (never from web pages).
  if (sender.id !== chrome.runtime.id) return false;
  handle(message, sender).then(reply, () => reply({ status: 0, body: { error: "other", message: "" } }));
  return true;
});
