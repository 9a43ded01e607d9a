/**
 * The extension API's edge: CORS for the extension's origin only, bearer authentication, the
 * per-session rate limit, capped and zod-validated JSON input; failures answer through lib/errors'
 * one mapping (`{ error, message }` with its status, message in the portal's language) — never a
 * 5xx for bad input. Expected refusals with content (already logged, duplicates) are answered by
 * the routes themselves with 409.
 */
import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { errorResponse, RequestInputError } from "@/lib/errors";
import { resolveLang, type Lang } from "@/lib/i18n";
import type { Bitrix24Client } from "@/lib/bitrix24";
import { authenticate, explainRefusal, MailValidationError, sessionPortal, takeSessionToken, type ExtensionAuth, type MailDeps } from "@/lib/mail";
import { readCappedBody } from "@/lib/security";
import { env } from "@/lib/env";
import { services } from "@/lib/services";

/** `chrome-extension://{id}` origins allowed to call the extension API. */
function extensionOrigins(): string[] {
  return env().EXTENSION_IDS.map((id) => `chrome-extension://${id}`);
}

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

export function json(request: Request, body: unknown, status = 200): Response {
  return NextResponse.json(body, { status, headers: { ...corsHeaders(request), "cache-control": "no-store" } });
}

/** lib/errors' answer for `error` (with Retry-After for our own limit), with this API's CORS headers. */
export function failure(request: Request, error: unknown, lang: Lang, where: string): Response {
  const answer = errorResponse(error, lang, where);
  const headers = new Headers(answer.headers);
  for (const [k, v] of Object.entries(corsHeaders(request))) headers.set(k, v);
  return new Response(answer.body, { status: answer.status, headers });
}

const MAX_BODY_BYTES = 400_000;

export async function readJson(request: Request): Promise<unknown> {
  let text: string;
  try {
    // Capped before parsing (lib/security): a log-email body is at most ~100k characters of text.
    text = new TextDecoder().decode(await readCappedBody(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof RequestInputError) throw new MailValidationError(error.message);
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

interface Context {
  portal: Awaited<ReturnType<typeof sessionPortal>>;
  /** A REST client acting as the session's user (made on first use: disconnecting needs none). */
  client(): Promise<Bitrix24Client>;
}

/**
 * A route handler for a signed-in extension: authenticate → rate limit → the portal and a client
 * acting as the session's user → parse → run. The run answers `{ status, body }` or a body (200).
 */
export function extensionRoute<S extends z.ZodType | null>(
  schema: S,
  run: (args: { auth: ExtensionAuth; input: S extends z.ZodType ? z.infer<S> : undefined; request: Request } & Context) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (request: Request): Promise<Response> => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    let lang: Lang = "en";
    let deps: MailDeps | undefined;
    let signedIn: ExtensionAuth | undefined;
    try {
      deps = services();
      const auth = await authenticate(deps, request.headers.get("authorization"));
      signedIn = auth;
      takeSessionToken(auth.sessionId);
      const portal = await sessionPortal(deps, auth);
      lang = resolveLang(portal.lang);
      const clients = deps.clients;
      const context: Context = { portal, client: () => clients.clientFor(auth.portalId, { userId: auth.userId, portal }) };
      let input: unknown = undefined;
      if (schema) input = parseInput(schema, request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : await readJson(request));
      const result = await run({ auth, input: input as never, request, ...context });
      if (result && typeof result === "object" && "status" in result && "body" in result) {
        const r = result as { status: number; body: unknown };
        return json(request, r.body, r.status);
      }
      return json(request, result, options.status ?? 200);
    } catch (error) {
      // The portal refusing the session's user is told in words they can act on (lib/mail refusals.ts).
      return failure(request, deps && signedIn ? await explainRefusal(deps, signedIn, error) : error, lang, where);
    }
  };
}
