/**
 * Shared by the install and handler URLs: turns a verified session into the cross-site iframe
 * cookie plus a redirect, and any failure into a short page in the portal's language.
 */
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { encodeSession, SESSION_COOKIE, SESSION_COOKIE_OPTIONS, type PortalSession } from "@/lib/auth";
import { resolveLang, translator } from "@/lib/i18n";
import { PortalAuthError } from "@/lib/lifecycle";

export async function sessionRedirect(session: PortalSession, location: string): Promise<NextResponse> {
  // 303: the browser follows a POST with a GET. A relative Location keeps whatever host the
  // portal used to reach us (proxies, custom domains).
  const response = new NextResponse(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  response.cookies.set(SESSION_COOKIE, await encodeSession(session), SESSION_COOKIE_OPTIONS);
  return response;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function portalPostFailure(error: unknown, langValue: string | null): Response {
  const t = translator(resolveLang(langValue));
  let status = 500;
  let detail = t("errors.generic");
  if (error instanceof PortalAuthError) {
    status = 401;
    detail = error.message;
  } else if (error instanceof ZodError) {
    status = 400;
    detail = error.issues.map((i) => i.message).join("; ");
  } else {
    // Unexpected: log the class and message only (no request body: it carries tokens).
    console.error(`[bitrix24] portal POST failed: ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown"}`);
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>StaffSuite</title></head>
<body style="font-family:system-ui,sans-serif;padding:32px;color:#333">
<h1 style="font-size:20px">${escapeHtml(t("session.required.title"))}</h1>
<p>${escapeHtml(t("session.required.body"))}</p>
<p style="color:#828b95" data-testid="auth-error">${escapeHtml(detail)}</p></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
