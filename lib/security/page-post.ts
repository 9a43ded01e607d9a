/**
 * What a POST to one of our pages (a server action) must be before Next's action handler sees
 * it. Next answers a cross-origin action, an oversized body or an undecodable one with HTTP 500
 * (next/dist/server/app-render/action-handler.js: "Invalid Server Actions request.", ApiError 413
 * turned into 500); proxy.ts refuses them here with a 4xx and a message instead, and refuses
 * every action without a session before its input is read (rights before input).
 */
import { webOrigin } from "./frame";

/** Next's own limit for server action bodies (serverActions.bodySizeLimit, default 1 MB). */
export const ACTION_MAX_BYTES = 1024 * 1024;

export interface PagePostRefusal {
  status: 400 | 401 | 403 | 405 | 413 | 415;
  error: string;
  message: string;
}

const refuse = (status: PagePostRefusal["status"], error: string, message: string): PagePostRefusal => ({ status, error, message });

/** The host the browser addressed (a proxy in front sets X-Forwarded-Host; Next compares the same). */
function addressedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
}

/** Everything but the body: method, origin, session, declared size. */
export function checkPagePostHeaders(request: Request, signedIn: boolean): PagePostRefusal | null {
  if (request.method !== "POST") return refuse(405, "method_not_allowed", `${request.method.slice(0, 16)} is not allowed here`);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const parsed = webOrigin(origin);
    if (!parsed || new URL(parsed).host !== addressedHost(request.headers))
      return refuse(403, "cross_origin", "actions are accepted from the app's own pages only");
  } else {
    const site = request.headers.get("sec-fetch-site");
    if (site !== null && site !== "same-origin" && site !== "none") return refuse(403, "cross_origin", "actions are accepted from the app's own pages only");
  }
  if (!signedIn) return refuse(401, "unauthorized", "No session: open the app from the Bitrix24 portal");
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d{1,15}$/.test(declared.trim()) || Number(declared) > ACTION_MAX_BYTES))
    return refuse(413, "too_large", `the body is larger than ${ACTION_MAX_BYTES} bytes`);
  return null;
}

/** The body (already buffered by Next for the proxy): its size, and whether it decodes as its type says. */
export async function checkPagePostBody(request: Request): Promise<PagePostRefusal | null> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > ACTION_MAX_BYTES) return refuse(413, "too_large", `the body is larger than ${ACTION_MAX_BYTES} bytes`);
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const isAction = request.headers.has("next-action");
  if (bytes.byteLength === 0) return isAction ? refuse(400, "bad_request", "a server action without its arguments") : null;
  if (contentType.startsWith("text/plain") || contentType === "") {
    // A fetch action's arguments: React's reply encoding, a JSON array. In a text/plain body there
    // are no other parts, so a reference to one ("$@1", "$K2", "$T", …) cannot resolve, and React's
    // decoder fails with a 500; only self-contained values pass (react-server-dom reply format:
    // "$$…" an escaped string, "$u" undefined, "$D…" a date, "$n…" a BigInt, "$-0", "$NaN", "$Infinity").
    let args: unknown;
    try {
      args = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return refuse(400, "bad_request", "the action's arguments are not valid JSON");
    }
    if (isAction && (!Array.isArray(args) || !selfContained(args, 0))) return refuse(400, "bad_request", "the action's arguments cannot be decoded");
    return null;
  }
  if (contentType.startsWith("multipart/form-data")) {
    if (!/;\s*boundary=/.test(contentType)) return refuse(400, "bad_request", "multipart/form-data without a boundary");
    try {
      await new Response(new Blob([bytes]), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      return refuse(400, "bad_request", "the multipart body cannot be read");
    }
    return null;
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      for (const pair of text.split("&")) if (pair) decodeURIComponent(pair.replace(/\+/g, " "));
    } catch {
      return refuse(400, "bad_request", "the form body cannot be read");
    }
    return null;
  }
  return refuse(415, "unsupported_media_type", "expected the body of a server action");
}

const SELF_CONTAINED = /^\$(?:\$|u$|D|n-?\d+$|-0$|NaN$|-?Infinity$)/;

/** Whether a text/plain reply holds no reference to another part (and is not absurdly deep). */
function selfContained(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || SELF_CONTAINED.test(value);
  if (Array.isArray(value)) return value.every((item) => selfContained(item, depth + 1));
  if (value && typeof value === "object") return Object.entries(value).every(([key, item]) => key !== "__proto__" && selfContained(item, depth + 1));
  return true;
}
