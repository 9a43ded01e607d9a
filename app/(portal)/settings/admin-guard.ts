import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { ForbiddenError, requireAdmin, UnauthorizedError, type PortalSession } from "@/lib/auth";

/**
 * requireAdmin() for this segment's page and actions, with lib/auth's typed errors turned into
 * Next's auth interrupts (next.config.ts `experimental.authInterrupts`): the response is HTTP 403
 * (401 without a session) and forbidden.tsx / unauthorized.tsx beside this file render it.
 */
export async function requireAdminOrInterrupt(options: { destructive?: boolean } = {}): Promise<PortalSession> {
  try {
    return await requireAdmin(options);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof UnauthorizedError) unauthorized();
    throw error;
  }
}
