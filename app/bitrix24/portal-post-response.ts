/**
 * Shared by the install and handler URLs: turns a verified session into the cross-site iframe
 * cookie plus a redirect, and any refusal into a short page in the user's language with a 4xx
 * status that says what was wrong (a 5xx only for our own failures).
 */
import { NextResponse } from "next/server";
import { encodeSession, SESSION_COOKIE, SESSION_COOKIE_OPTIONS, type PortalSession } from "@/lib/auth";
import { resolveLang, translator } from "@/lib/i18n";
import { logUnexpected, RequestInputError, TooManyRequestsError } from "@/lib/errors";
import { acceptPortalPost, PortalAuthError, PortalNotSetUpError, type InstallHooks } from "@/lib/lifecycle";
import { frameAncestors, processVerificationBudget, requestSource } from "@/lib/security";
import { services } from "@/lib/services";

/** The handler or install URL's POST: sign in (or install) and go to `landing` (or where it says, once accepted). */
export async function portalPostDoor(
  request: Request,
  kind: "open" | "install",
  landing: string | (() => Promise<string>),
  installHooks: InstallHooks = {},
): Promise<Response> {
  try {
    const session = await acceptPortalPost(
      services(),
      request,
      kind,
      { budget: processVerificationBudget(), source: requestSource(request.headers) },
      installHooks,
    );
    return await sessionRedirect(session, typeof landing === "string" ? landing : await landing());
  } catch (error) {
    return portalPostFailure(request, error);
  }
}

/** GET (or anything but POST) on the handler/install URL: it is only ever POSTed by the portal. */
export function portalPostOnly(request: Request): Response {
  return portalPostFailure(request, new RequestInputError(405, "this address is opened by the Bitrix24 portal with a POST"));
}

async function sessionRedirect(session: PortalSession, location: string): Promise<NextResponse> {
  // 303: the browser follows a POST with a GET. A relative Location keeps whatever host the
  // portal used to reach us (proxies, custom domains).
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store", "Content-Security-Policy": frameAncestors(session.portalOrigin) },
  });
  response.cookies.set(SESSION_COOKIE, await encodeSession(session), SESSION_COOKIE_OPTIONS);
  return response;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function portalPostFailure(request: Request, error: unknown): Response {
  const lang = new URL(request.url).searchParams.get("LANG");
  const t = translator(resolveLang(lang));
  let status = 500;
  let detail = t("errors.internal");
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  if (error instanceof PortalNotSetUpError) {
    status = 401;
    detail = t("session.notSetUp");
  } else if (error instanceof PortalAuthError) {
    status = 401;
    detail = error.message;
  } else if (error instanceof RequestInputError) {
    status = error.status;
    detail = error.message;
    if (status === 405) headers.Allow = "POST";
  } else if (error instanceof TooManyRequestsError) {
    status = 429;
    detail = t("errors.too_many_requests");
    headers["Retry-After"] = String(error.retryAfterSeconds);
  } else {
    // Unexpected: log the class and message only (no request body: it carries tokens).
    logUnexpected(error, "portal POST");
  }
  // The page carries no session and no cookie: the portal that posted may show it, nobody else.
  headers["Content-Security-Policy"] = frameAncestors(request.headers.get("origin"));
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>StaffSuite</title></head>
<body style="font-family:system-ui,sans-serif;padding:32px;color:#333">
<h1 style="font-size:20px">${escapeHtml(t("session.required.title"))}</h1>
<p>${escapeHtml(t("session.required.body"))}</p>
<p style="color:#828b95" data-testid="auth-error">${escapeHtml(detail)}</p></body></html>`;
  return new Response(html, { status, headers });
}
