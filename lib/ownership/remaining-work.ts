/**
 * A leaver's remaining work: how many records each user still holds over the whole catalogue,
 * open and in all — what the dismissed-users tab shows and what the dismissal watch reports. Roles
 * the portal refused to count (a module switched off) add nothing. Every user's counts go out
 * together, fifty count commands to a request (reading/counts.ts): a page of fifty people costs
 * some thirty requests' worth of commands in as many requests, not two requests a person.
 */
import { loadCatalogue, type OwnershipClient } from "./catalogue";
import { countHeld, type CountRequest } from "./reading/counts";

export interface RemainingWork {
  userId: number;
  open: number;
  total: number;
}

/** Each user's remaining work, in the order of `userIds` (the catalogue read once, then the counts). */
export async function remainingWork(client: OwnershipClient, userIds: readonly number[]): Promise<RemainingWork[]> {
  if (userIds.length === 0) return [];
  const { roles } = await loadCatalogue(client);
  // "Open" is every record for a type that is never closed (contacts, companies, departments).
  const requests: CountRequest[] = userIds.flatMap((userId) => [
    ...roles.map((role) => ({ role, userId, query: { openOnly: false } })),
    ...roles.filter((r) => r.hasOpenState).map((role) => ({ role, userId, query: { openOnly: true } })),
  ]);
  const answers = await countHeld(client, requests);
  const out = new Map(userIds.map((userId) => [userId, { userId, open: 0, total: 0 }]));
  requests.forEach((r, i) => {
    const a = answers[i];
    if (!a.ok) return;
    const row = out.get(r.userId)!;
    if (r.query.openOnly) row.open += a.total;
    else {
      row.total += a.total;
      if (!r.role.hasOpenState) row.open += a.total;
    }
  });
  return userIds.map((id) => out.get(id)!);
}
