/**
 * Is the signed-in administrator still one? The session remembers what the portal said at
 * sign-in, but a portal administrator can be demoted or dismissed at any time, so admin actions
 * ask the portal again (`user.admin` with the user's own token: b24restdocs
 * api-reference/common/users/user-admin.md). Answers are cached per user for a few minutes at
 * most; destructive actions always ask (maxAgeMs 0).
 */
import type { ClientFactory } from "./bitrix24";
import { Bitrix24Error, isTokenRejection } from "./bitrix24";

/** How long a "yes, still an administrator" is believed before the portal is asked again. */
export const ADMIN_RECHECK_MAX_AGE_MS = 2 * 60_000;

export interface AdminRights {
  /** Asks the portal unless an answer younger than `maxAgeMs` is cached. */
  isStillAdmin(who: { portalId: string; userId: number }, options: { maxAgeMs: number }): Promise<boolean>;
}

/** Codes that mean "this user cannot act in this portal any more" (not "the portal is busy"). */
const NOT_ANY_MORE = new Set([
  "PORTAL_NOT_FOUND",
  "NO_TOKEN",
  "USER_TOKEN_DEAD",
  "PORTAL_DISCONNECTED",
  "ACCESS_DENIED",
  "AUTHORIZATION_ERROR",
  "INVALID_TOKEN",
  "EXPIRED_TOKEN",
]);

/**
 * Does the portal say this user is an administrator? Bitrix24 answers `user.admin` only about the
 * caller, so the question is asked with the user's own token: true or false when the portal
 * answered, null when it cannot say because we hold no working token of theirs (they never opened
 * the app, or the portal refuses their token). Limits and network failures reach the caller.
 */
export async function askPortalIsAdmin(clients: ClientFactory, who: { portalId: string; userId: number }): Promise<boolean | null> {
  try {
    const client = await clients.clientFor(who.portalId, { userId: who.userId });
    return (await client.call("user.admin")).result === true;
  } catch (error) {
    if (isTokenRejection(error) || (error instanceof Bitrix24Error && NOT_ANY_MORE.has(error.code.toUpperCase()))) return null;
    throw error;
  }
}

export function createAdminRights(clients: ClientFactory, now: () => number = Date.now): AdminRights {
  const answers = new Map<string, { admin: boolean; at: number }>();
  return {
    async isStillAdmin({ portalId, userId }, { maxAgeMs }) {
      const key = `${portalId}:${userId}`;
      const cached = answers.get(key);
      if (cached && maxAgeMs > 0 && now() - cached.at <= maxAgeMs) return cached.admin;
      // A user whose token the portal refuses (dismissed, app removed) is no administrator of ours.
      const admin = (await askPortalIsAdmin(clients, { portalId, userId })) === true;
      if (answers.size > 10_000) answers.clear();
      answers.set(key, { admin, at: now() });
      return admin;
    },
  };
}
