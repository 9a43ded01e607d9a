/**
 * Listing what a user holds in one role, page by page: the fast ID pagination of lib/bitrix24
 * (order by ID, `>ID`, `start=-1`) for the big lists; plain `start` paging for the small ones.
 */
import type { OwnershipClient } from "./catalogue";
import type { OwnershipQuery, OwnershipRole, RecordSnapshot } from "./types";

/** Yields pages of snapshots of the records `userId` holds in `role`. */
export async function* listOwned(client: OwnershipClient, role: OwnershipRole, userId: number, query: OwnershipQuery): AsyncGenerator<RecordSnapshot[]> {
  const request = role.list(userId, query);
  if (request.smallList) {
    for (let start = 0; ;) {
      const page = await client.call<Array<Record<string, unknown>>>(request.method, { ...request.params, start });
      yield (Array.isArray(page.result) ? page.result : []).map(role.snapshot);
      if (page.next === undefined) return;
      start = page.next;
    }
  }
  for await (const page of client.listPages<Record<string, unknown>>(request.method, request.params, request.options)) {
    yield page.map(role.snapshot);
  }
}

/** Every record `userId` holds in `role` (for overviews and plans; a plan streams pages instead when large). */
export async function listAllOwned(client: OwnershipClient, role: OwnershipRole, userId: number, query: OwnershipQuery): Promise<RecordSnapshot[]> {
  const all: RecordSnapshot[] = [];
  for await (const page of listOwned(client, role, userId, query)) all.push(...page);
  return all;
}
