/**
 * GET /api/extension/session: who the token belongs to (portal, language) — the sidebar's check.
 * DELETE /api/extension/session: disconnect — revokes this token on the server at once.
 */
import { revokeSession } from "@/lib/mail";
import { services } from "@/lib/services";
import { extensionRoute, preflight } from "../_lib/respond";
import { portalBaseUrl } from "@/lib/portal-address";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const GET = extensionRoute(null, async ({ auth, portal }) => ({
  portal: { domain: portal.domain, url: portalBaseUrl(portal), lang: portal.lang },
  user: { id: auth.userId },
}));

export const DELETE = extensionRoute(null, async ({ auth }) => {
  await revokeSession(services(), auth, auth.sessionId, "disconnected");
  return { revoked: true };
});
