import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { ADMIN_RECHECK_MAX_AGE_MS } from "@/lib/admin-rights";
import { readSession, type PortalSession } from "@/lib/auth";
import { services } from "@/lib/services";

/**
 * Every portal page and server action starts with one of these. They answer through Next's auth
 * interrupts (next.config.ts `experimental.authInterrupts`): HTTP 401 without a session, 403 for
 * an employee on an admin-only page or action, rendered by this segment's unauthorized.tsx and
 * forbidden.tsx. The check is here on the server, whatever the UI showed.
 */
export async function requirePortalSession(): Promise<PortalSession> {
  const session = await readSession();
  if (!session) unauthorized();
  return session;
}

/**
 * A portal administrator's session, or 403 (401 without a session). The session must say
 * administrator AND the portal must still say so (lib/admin-rights.ts: asked at most
 * ADMIN_RECHECK_MAX_AGE_MS ago; `destructive` always asks).
 */
export async function requirePortalAdmin(options: { destructive?: boolean } = {}): Promise<PortalSession> {
  const session = await requirePortalSession();
  if (!session.isAdmin) forbidden();
  const stillAdmin = await services().adminRights.isStillAdmin(session, { maxAgeMs: options.destructive ? 0 : ADMIN_RECHECK_MAX_AGE_MS });
  if (!stillAdmin) forbidden();
  return session;
}
