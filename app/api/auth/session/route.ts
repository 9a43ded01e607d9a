/**
 * GET /api/auth/session: the signed-in user's session, read-only. It never re-issues the cookie
 * (next-auth's endpoint did, with a fresh lifetime, so a polling tab kept a session forever):
 * a session ends SESSION_MAX_AGE_SECONDS after its sign-in, and only a new open of the app in the
 * portal starts another.
 */
import { decodeSession, sessionCookieOf, sessionSecondsLeft } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const session = await decodeSession(sessionCookieOf(request.headers));
  if (!session)
    return Response.json(
      { error: "unauthorized", message: "No session: open the app from the Bitrix24 portal" },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  return Response.json(
    {
      portalId: session.portalId,
      userId: session.userId,
      isAdmin: session.isAdmin,
      lang: session.lang,
      expires: new Date(session.signedInAt + sessionSecondsLeft(session, session.signedInAt) * 1000).toISOString(),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
