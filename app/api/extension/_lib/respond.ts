/**
 * The extension API's edge: CORS for the extension's origin only, bearer authentication, the
 * per-session rate limit, zod-validated JSON input, and errors as JSON `{ error, message }` with
 * a status — never a 5xx for bad input. Portal errors become codes the sidebar translates.
 */
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import {
  AccessDeniedError,
  Bitrix24Error,
  InsufficientScopeError,
  NoTokenError,
  OperationTimeLimitError,
  PortalDisconnectedError,
  RateLimitedError,
  TokenExpiredError,
  UserTokenDeadError,
} from "@/lib/bitrix24";
import { authenticate, MailError, MailRateLimitError, MailValidationError, takeSessionToken, type ExtensionAuth } from "@/lib/mail";
import { readCappedBody, RequestInputError } from "@/lib/security";
import { extensionOrigins, mailDeps } from "./deps";

function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!origin || !extensionOrigins().includes(origin)) return { vary: "Origin" };
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": "authorization, content-type",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

export function preflight(request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}

export function json(request: Request, body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return NextResponse.json(body, { status, headers: { ...corsHeaders(request), "cache-control": "no-store", ...extra } });
}

/** Maps any failure to its JSON answer (the sidebar shows `message`, translated by `error`). */
export function errorResponse(request: Request, error: unknown): Response {
  const e = (status: number, code: string, message: string, details?: Record<string, unknown>, extra?: Record<string, string>) =>
    json(request, { error: code, message, ...details }, status, extra);
  if (error instanceof MailRateLimitError) return e(429, error.code, error.message, undefined, { "retry-after": String(error.retryAfterSeconds) });
  if (error instanceof MailError) return e(error.status, error.code, error.message, error.details);
  if (error instanceof RateLimitedError || error instanceof OperationTimeLimitError) return e(503, "portal_busy", "Bitrix24 is busy (its request limit): try again in a minute", undefined, { "retry-after": "60" });
  if (error instanceof PortalDisconnectedError) return e(409, "portal_disconnected", "StaffSuite is disconnected from this Bitrix24: an administrator must open it in Bitrix24");
  if (error instanceof UserTokenDeadError || error instanceof NoTokenError || error instanceof TokenExpiredError) return e(401, "reconnect", "Your Bitrix24 sign-in has expired: connect the extension again");
  if (error instanceof InsufficientScopeError) return e(403, "portal_scope", "StaffSuite lacks the CRM permission in this Bitrix24: ask an administrator");
  if (error instanceof AccessDeniedError) return e(403, "portal_access_denied", "Your Bitrix24 rights do not allow this");
  if (error instanceof Bitrix24Error) {
    if (error.status >= 500 || error.code === "NETWORK_ERROR" || error.code === "BAD_RESPONSE") return e(502, "portal_unreachable", "Bitrix24 did not answer: try again");
    // A refusal of the input by the portal (e.g. "Access denied.", an unknown stage).
    return e(422, "portal_refused", error.description || error.code);
  }
  return e(500, "internal", "Something went wrong on our side");
}

const MAX_BODY_BYTES = 400_000;

async function readJson(request: Request): Promise<unknown> {
  let text: string;
  try {
    // Capped before parsing (lib/security): a log-email body is at most ~100k characters of text.
    text = new TextDecoder().decode(await readCappedBody(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof RequestInputError) throw new MailError(error.status, "invalid_input", error.message);
    throw error;
  }
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MailValidationError("The request body is not JSON");
  }
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new MailValidationError(`Invalid input: ${issues.map((i) => `${i.path || "body"} — ${i.message}`).join("; ")}`, issues);
  }
  return parsed.data;
}

/** A route handler for a signed-in extension: authenticate → rate limit → parse → run. */
export function extensionRoute<S extends z.ZodType | null>(
  schema: S,
  run: (args: { auth: ExtensionAuth; input: S extends z.ZodType ? z.infer<S> : undefined; request: Request }) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (request: Request): Promise<Response> => {
    try {
      const auth = await authenticate(mailDeps(), request.headers.get("authorization"));
      takeSessionToken(auth.sessionId);
      let input: unknown = undefined;
      if (schema) input = parseInput(schema, request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request));
      const result = await run({ auth, input: input as never, request });
      return json(request, result, options.status ?? 200);
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

export { readJson };
