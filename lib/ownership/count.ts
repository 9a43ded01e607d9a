/**
 * An overview's counts: for each (type, role) how many records a person holds, open and in all —
 * two count commands per role where "open" means something, one where it does not — in one or two
 * `batch` requests (reading/counts.ts). The open command can keep the newest open records, so an
 * overview links to a few without a request more.
 */
import type { OwnershipClient } from "./catalogue";
import { countHeld, type CountOptions, type CountRequest } from "./reading/counts";
import type { OwnershipCount, OwnershipQuery, OwnershipRole, RecordSnapshot } from "./types";

export interface CountResult extends OwnershipCount {
  /** The portal's error code when it refused to count (e.g. a module switched off). */
  error?: string;
  /** The newest open records, when asked for (`sample`). */
  newestOpen?: RecordSnapshot[];
}

/** Counts open and all records of each role for `userId` (query filters other than openOnly apply to both). */
export async function countOwned(
  client: OwnershipClient,
  roles: readonly OwnershipRole[],
  userId: number,
  query: Omit<OwnershipQuery, "openOnly"> = {},
  options: CountOptions & { sample?: number } = {},
): Promise<CountResult[]> {
  const requests: CountRequest[] = [];
  const slots = roles.map((role) => {
    const all = requests.push({ role, userId, query: { ...query, openOnly: false }, sample: role.hasOpenState ? 0 : options.sample }) - 1;
    const open = role.hasOpenState ? requests.push({ role, userId, query: { ...query, openOnly: true }, sample: options.sample }) - 1 : all;
    return { all, open };
  });
  const answers = await countHeld(client, requests, options);
  return roles.map((role, i) => {
    const all = answers[slots[i].all];
    const open = answers[slots[i].open];
    if (!all.ok || !open.ok) return { type: role.type, role: role.role, open: 0, total: 0, error: !all.ok ? all.code : !open.ok ? open.code : "" };
    return { type: role.type, role: role.role, open: open.total, total: all.total, ...(options.sample ? { newestOpen: open.sample } : {}) };
  });
}
