/**
 * The people an anonymisation or erasure is about, as the portal says they are now: whether it
 * knows them, their name, whether their account is active, and whether they are an
 * administrator. Never what a stored sign-in once said: an administrator who never opened the app
 * has no sign-in with us at all.
 *
 * Bitrix24 tells an app whether someone is an administrator only about the caller (`user.admin`;
 * `user.get` has no such field: the server's rest/lib/api/user.php), so we ask with the person's
 * own token (lib/admin-rights.ts). Without one the portal cannot say, and permissions.ts refuses.
 * A dismissed account is the exception: the portal lets it sign in nowhere, so it administers
 * nothing whatever groups it was in, and the Dismissed users tab is for exactly these people.
 */
import { askPortalIsAdmin } from "../../admin-rights";
import type { ClientFactory } from "../../bitrix24";
import { Refused } from "../../errors";
import { displayName, isActive } from "../../people";

export interface Subject {
  userId: number;
  name: string;
  active: boolean;
  /** What the portal says; null when it cannot say. */
  isAdmin: boolean | null;
}

/** Whether the portal says this account is an administrator (false for a dismissed account; null when it cannot say). */
export async function adminAsThePortalSays(clients: ClientFactory, portalId: string, user: Record<string, unknown>): Promise<boolean | null> {
  if (!isActive(user)) return false;
  return askPortalIsAdmin(clients, { portalId, userId: Number(user.ID) });
}

/**
 * Each subject read from the portal with the requester's token, and asked about. A person the
 * portal does not know is refused (404) before anything is asked of the others.
 */
export async function subjectsAsThePortalSays(
  deps: { clients: ClientFactory },
  session: { portalId: string; userId: number },
  userIds: readonly number[],
): Promise<Map<number, Subject>> {
  const client = await deps.clients.clientFor(session.portalId, { userId: session.userId });
  const records = new Map<number, Record<string, unknown>>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += 50) {
    // USER_TYPE is not filtered: any kind of account can be a subject (profile.ts readUser).
    const { result } = await client.call<Array<Record<string, unknown>>>("user.get", { FILTER: { ID: unique.slice(i, i + 50) } });
    for (const u of Array.isArray(result) ? result : []) records.set(Number(u.ID), u);
  }
  const unknown = unique.filter((id) => !records.has(id));
  if (unknown.length > 0) throw new Refused("privacy.refused.subject_unknown", { userIds: unknown, status: 404 });
  const out = new Map<number, Subject>();
  for (const id of unique) {
    const user = records.get(id)!;
    out.set(id, { userId: id, name: displayName(user), active: isActive(user), isAdmin: await adminAsThePortalSays(deps.clients, session.portalId, user) });
  }
  return out;
}
