/**
 * A leaver's remaining work: how many records each user still holds over the whole catalogue,
 * open and in all — what the dismissed-users tab shows and what the dismissal watch reports. Roles
 * the portal refused to count (a module switched off) add nothing. The one place this is counted,
 * so a faster count (batching users together) lands here once.
 */
import { loadCatalogue, type OwnershipClient } from "./catalogue";
import { countOwned } from "./count";

export interface RemainingWork {
  userId: number;
  open: number;
  total: number;
}

/** Each user's remaining work, in the order of `userIds` (the catalogue read once, then one or two batch calls per user). */
export async function remainingWork(client: OwnershipClient, userIds: readonly number[]): Promise<RemainingWork[]> {
  if (userIds.length === 0) return [];
  const { roles } = await loadCatalogue(client);
  const out: RemainingWork[] = [];
  for (const userId of userIds) {
    const counts = await countOwned(client, roles, userId);
    out.push(counts.reduce((sum, c) => ({ ...sum, open: sum.open + c.open, total: sum.total + c.total }), { userId, open: 0, total: 0 }));
  }
  return out;
}
