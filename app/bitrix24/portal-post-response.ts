/**
 * Shared by the install and handler URLs: turns a verified session into the cross-site iframe
 * cookie plus a redirect, and any failure into a short page in the portal's language.
 */
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { encodeSession, SESSION_COOKIE, SESSION_COOKIE_OPTIONS, type PortalSession } from "@/lib/auth";
import { resolveLang, translator } from "@/lib/i18n";
import { describeError, errorMessage, logUnexpected } from "@/lib/errors";

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
  const lang = resolveLang(langValue);
  const t = translator(lang);
  const { code, status } = describeError(error);
  logUnexpected(error, "portal POST"); // class and message only: the request body carries tokens
  // What was refused is worth telling: the reason the portal did not confirm, or what did not parse.
  const detail =
    code === "unauthorized" && error instanceof Error
      ? error.message
      : error instanceof ZodError
        ? error.issues.map((i) => i.message).join("; ")
        : errorMessage(error, lang);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>StaffSuite</title></head>
<body style="font-family:system-ui,sans-serif;padding:32px;color:#333">
<h1 style="font-size:20px">${escapeHtml(t("session.required.title"))}</h1>
<p>${escapeHtml(t("session.required.body"))}</p>
<p style="color:#828b95" data-testid="auth-error">${escapeHtml(detail)}</p></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
