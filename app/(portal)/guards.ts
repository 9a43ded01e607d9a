import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { readSession, type PortalSession } from "@/lib/auth";

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

/** A portal administrator's session, or 403 (401 without a session). */
export async function requirePortalAdmin(): Promise<PortalSession> {
  const session = await requirePortalSession();
  if (!session.isAdmin) forbidden();
  return session;
}
