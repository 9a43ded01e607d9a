/**
 * The extension's connect flow over HTTP, as its service worker runs it but without a browser:
 * a verifier and its challenge, /api/extension/connect, the portal's consent (as `userId`), the
 * app's callback page (its one-time claim code), and the claim. Answers the session token.
 */
import { createHash, randomBytes } from "node:crypto";
import { appUrl, control } from "./stack-env";

export async function connectExtensionOverHttp(portalKey: string, userId: number): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const { domain } = await control<{ domain: string }>("GET", `/portals/${portalKey}`);
  const start = await fetch(`${appUrl()}/api/extension/connect?${new URLSearchParams({ portal: domain, challenge, label: "HTTP test" })}`, {
    redirect: "manual",
  });
  if (start.status !== 302) throw new Error(`connect answered ${start.status}`);
  const consent = await fetch(start.headers.get("location")!, {
    method: "POST",
    body: new URLSearchParams({ user_id: String(userId) }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const back = consent.headers.get("location");
  if (consent.status !== 302 || !back) throw new Error(`the portal's consent answered ${consent.status} (is user ${userId} an active employee?)`);
  const page = await (await fetch(back)).text();
  const code = /data-staffsuite-claim="([^"]+)"/.exec(page)?.[1];
  if (!code) throw new Error("the callback page carries no claim code");
  const claim = await fetch(`${appUrl()}/api/extension/session/claim`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, verifier }),
  });
  if (claim.status !== 200) throw new Error(`claim answered ${claim.status}`);
  return ((await claim.json()) as { token: string }).token;
}

/** A call of the extension API with a session token. */
export function extensionApi(token: string, method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Response> {
  return fetch(`${appUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
