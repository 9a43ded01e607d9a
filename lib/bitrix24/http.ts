/**
 * One REST request to a portal, no retries: POST `{clientEndpoint}{method}.json` with a
 * form-encoded body and the `auth` parameter (docs/bitrix24-platform.md "Calling REST"). The scheme
 * (https/http) is whatever the portal's client_endpoint says. Answers are parsed into the success
 * envelope or a typed error; tokens never reach a message.
 */
import { Bitrix24Error, toBitrix24Error } from "./errors";
import { encodeParams, type Params } from "./params";
import { errorSchema, successSchema, type RestSuccess } from "./envelope";
import { portalFetch, type FetchAnswer, type FetchLike } from "./transport";

export type { FetchAnswer, FetchLike } from "./transport";

export interface RestRequest {
  /** The portal's REST base, ending in `/rest/`. */
  restBase: string;
  method: string;
  params: Params;
  accessToken: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export function methodUrl(restBase: string, method: string): string {
  const base = restBase.endsWith("/") ? restBase : `${restBase}/`;
  return `${base}${encodeURIComponent(method)}.json`;
}

/** Sends one request and returns the success envelope, or throws a typed Bitrix24Error. */
export async function sendRest(req: RestRequest): Promise<RestSuccess> {
  const doFetch = req.fetch ?? portalFetch;
  const body = encodeParams({ ...req.params, auth: req.accessToken });
  let response: FetchAnswer;
  try {
    response = await doFetch(methodUrl(req.restBase, req.method), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(req.timeoutMs ?? 60_000),
    });
  } catch (e) {
    throw networkError(e, req.method);
  }
  return parseRestAnswer(response, req.method);
}

/**
 * fetch failed before an answer. A certificate problem will not heal on retry (TLS_ERROR, not
 * retried); anything else — refused, reset, timed out — may (NETWORK_ERROR, retried).
 */
export function networkError(e: unknown, method: string): Bitrix24Error {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : e instanceof Error ? e.name : "unknown";
  if (/CERT|SSL|TLS|SIGNATURE/i.test(code)) return new Bitrix24Error("TLS_ERROR", `certificate not trusted (${code})`, 0, method);
  return new Bitrix24Error("NETWORK_ERROR", `request failed (${code})`, 0, method);
}

/** Reads an answer: JSON envelope or error envelope; anything else (a proxy's HTML page) is BAD_RESPONSE. */
export async function parseRestAnswer(response: FetchAnswer, method: string): Promise<RestSuccess> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new Bitrix24Error("NETWORK_ERROR", "answer cut short", response.status, method);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Bitrix24Error("BAD_RESPONSE", `HTTP ${response.status}, not JSON`, response.status, method);
  }
  // Only an answer that has `error` can be the error envelope (zod's failed parse of every good
  // answer would cost more than the check).
  const err = json !== null && typeof json === "object" && "error" in json ? errorSchema.safeParse(json) : undefined;
  if (err?.success) throw toBitrix24Error(err.data.error, err.data.error_description ?? "", response.status, method);
  if (!response.ok) throw new Bitrix24Error("BAD_RESPONSE", `HTTP ${response.status}`, response.status, method);
  const ok = successSchema.safeParse(json);
  if (!ok.success || !("result" in (json as object))) {
    throw new Bitrix24Error("BAD_RESPONSE", "answer has no result", response.status, method);
  }
  return ok.data;
}
