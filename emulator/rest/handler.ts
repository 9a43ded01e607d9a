/**
 * HTTP entry of a portal's REST: {portal}/rest/{method}[.json] and incoming webhooks
 * {portal}/rest/{user_id}/{code}/{method}, GET or POST (b24restdocs settings/how-to-call-rest-api/).
 * Order: method exists → auth → rate limit → faults → run → envelope.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import "../methods/index";
import { readBody, sendHtml, sendJson } from "../http/respond";
import type { EmulatorStore } from "../state/store";
import type { Portal } from "../state/types";
import { authenticate } from "./auth";
import { runBatch } from "./batch";
import { logCall, runCommand, takeFault } from "./dispatch";
import { timeInfo } from "./envelope";
import { errorBody, errors } from "./errors";
import { limitsOf, takeRequest } from "./limits";
import { findMethod, RestError } from "./method-registry";
import { parseBody, parseForm } from "./params";
import { nowMs } from "../state/store";
import { findDiskDownload } from "../methods/disk/index";

function parseRestPath(restPath: string): { method: string; webhook: { userId: number; code: string } | null } | null {
  // The SDK joins client_endpoint ".../rest/" and "/method", so empty segments are skipped.
  const parts = restPath
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const strip = (m: string) => m.replace(/\.(json|xml)$/i, "");
  if (parts.length === 1) return { method: strip(parts[0]), webhook: null };
  if (parts.length === 3 && /^\d+$/.test(parts[0])) return { method: strip(parts[2]), webhook: { userId: Number(parts[0]), code: parts[1] } };
  return null;
}

function sendError(res: ServerResponse, err: RestError): void {
  sendJson(res, err.status, errorBody(err));
}

function sendDiskFile(portal: Portal, res: ServerResponse, url: URL): void {
  const file = findDiskDownload(portal, url.searchParams.get("token") ?? "");
  if (!file) return sendError(res, new RestError("ERROR_NOT_FOUND", "File not found", 404));
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(file.content.byteLength),
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  res.end(Buffer.from(file.content));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function handleRest(store: EmulatorStore, portal: Portal, req: IncomingMessage, res: ServerResponse, url: URL, restPath: string): Promise<void> {
  const parsed = parseRestPath(restPath);
  // DOWNLOAD_URL of a disk file (disk.folder.uploadfile): the link itself is the credential.
  if (parsed && !parsed.webhook && parsed.method.toLowerCase() === "download") return sendDiskFile(portal, res, url);
  if (!parsed || (!findMethod(parsed.method) && parsed.method.toLowerCase() !== "batch")) return sendError(res, errors.methodNotFound());
  const body = req.method === "POST" ? await readBody(req) : "";
  const params = { ...parseForm(url.search), ...parseBody(req.headers["content-type"], body) };
  const auth = authenticate(store, portal, req, params, parsed.webhook);
  if (!auth.ok) {
    logCall(store, { portal, app: null, webhookUserId: parsed.webhook?.userId ?? null, user: null }, parsed.method, auth.error.status, auth.error.code, false);
    return sendError(res, auth.error);
  }
  const caller = auth.caller;
  // b24restdocs _includes/system-errors.md: INVALID_REQUEST "Https required" for http calls to an https portal.
  const viaTls = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  if (portal.protocol === "https" && !viaTls) return sendError(res, errors.https());
  const cfg = limitsOf(store, portal);
  if (cfg.latencyMs > 0) await sleep(cfg.latencyMs);
  if (!takeRequest(store, portal, caller.limitKey)) {
    logCall(store, caller, parsed.method, 503, "QUERY_LIMIT_EXCEEDED", false);
    return sendError(res, errors.queryLimit());
  }
  const fault = takeFault(store, portal.key, parsed.method, true);
  if (fault) {
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    logCall(store, caller, parsed.method, fault.status, fault.error, false);
    if (fault.html)
      return sendHtml(res, fault.status, `<html><head><title>${fault.status}</title></head><body><h1>${fault.status} ${fault.error}</h1></body></html>`);
    if (fault.error) return sendError(res, new RestError(fault.error, fault.description, fault.status));
  }
  if (parsed.method.toLowerCase() === "batch") {
    const startMs = nowMs(store);
    const started = performance.now();
    const outcome = await runBatch(store, caller, params);
    logCall(store, caller, "batch", 200, null, false);
    const time = timeInfo(startMs, Math.max(startMs, nowMs(store)), (performance.now() - started) / 1000, {
      sec: 0,
      resetAt: Math.floor(startMs / 1000) + 600,
    });
    return sendJson(res, 200, { result: outcome.result, time });
  }
  const r = await runCommand(store, caller, parsed.method, params, false);
  if (!r.ok) return sendError(res, r.error);
  const envelope: Record<string, unknown> = { result: r.outcome.result };
  if (r.outcome.next !== undefined) envelope.next = r.outcome.next;
  if (r.outcome.total !== undefined) envelope.total = r.outcome.total;
  envelope.time = r.time;
  sendJson(res, 200, envelope);
}
