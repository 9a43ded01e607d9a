/**
 * In front of every page (not the API routes nor the portal's POST doors: they read their own
 * capped bodies, and a proxy makes Next buffer the body of every request it matches).
 *
 * - Framing: `frame-ancestors` names the signed-in portal's origin (from the session), or
 *   'none' without a session. A page of another origin on the portal's site shares the
 *   partitioned session cookie; with `*` it could frame the admin area invisibly.
 * - POSTs to pages (server actions) are refused with a 4xx before Next's action handler when
 *   they come from another origin, have no session, or a body that is too large or undecodable
 *   (lib/security/page-post.ts); Next would answer those with 500.
 */
import { NextResponse, type NextRequest } from "next/server";
import { checkPagePostBody, checkPagePostHeaders, frameAncestors } from "@/lib/security";
import { decodeSession, sessionCookieOf } from "@/lib/session-cookie";

export async function proxy(request: NextRequest) {
  // A malformed %-escape in the path makes Next's parameter decoding fail with a 500 (dynamic
  // segments such as /jobs/[id]); it names nothing of ours.
  if (!decodablePath(request.nextUrl.pathname)) {
    return NextResponse.json(
      { error: "bad_request", message: "the address has a malformed %-escape" },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  // API routes answer for themselves (CORS for the extension, their own bodies); the framing
  // header for them is next.config.ts's.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const session = await decodeSession(sessionCookieOf(request.headers));
  const csp = frameAncestors(session?.portalOrigin);
  if (request.method !== "GET" && request.method !== "HEAD") {
    const refusal = checkPagePostHeaders(request, session !== null) ?? (await checkPagePostBody(request));
    if (refusal) {
      const headers: Record<string, string> = { "Content-Security-Policy": csp, "Cache-Control": "no-store" };
      if (refusal.status === 405) headers.Allow = "GET, HEAD, POST";
      return NextResponse.json({ error: refusal.error, message: refusal.message }, { status: refusal.status, headers });
    }
  }
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Not the doors that read capped bodies themselves (matching them would make Next buffer every
// body first): the portal's POSTs, events and robot calls.
export const config = {
  matcher: ["/((?!api/bitrix24/events|api/bitrix24/robot|bitrix24/app|bitrix24/install|_next/static/|_next/image|favicon.ico).*)"],
};
