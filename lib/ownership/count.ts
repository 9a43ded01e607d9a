/**
 * Counting what a user holds: one list command per (type, role) — two where "open" means
 * something — all in `batch` calls, reading each command's `total` (b24restdocs
 * api-reference/common/batch.md, `result_total`). A whole overview of ~35 counts is one or two
 * HTTP requests. `start=0` makes the list methods count (docs/bitrix24-platform.md "Calling REST").
 */
import type { BatchCommand } from "../bitrix24";
import type { OwnershipClient } from "./catalogue";
import type { OwnershipCount, OwnershipQuery, OwnershipRole } from "./types";

export interface CountResult extends OwnershipCount {
  /** The portal's error code when it refused to count (e.g. a module switched off). */
  error?: string;
}

function countCommand(role: OwnershipRole, userId: number, query: OwnershipQuery): BatchCommand {
  const request = role.list(userId, query);
  return { method: request.method, params: { ...request.params, start: 0 } };
}

/** Counts open and all records of each role for `userId` (query filters other than openOnly apply to both). */
export async function countOwned(
  client: OwnershipClient,
  roles: readonly OwnershipRole[],
  userId: number,
  query: Omit<OwnershipQuery, "openOnly"> = {},
): Promise<CountResult[]> {
  const commands: BatchCommand[] = [];
  const slots: Array<{ open: number; all: number }> = [];
  for (const role of roles) {
    const all = commands.push(countCommand(role, userId, { ...query, openOnly: false })) - 1;
    const open = role.hasOpenState ? commands.push(countCommand(role, userId, { ...query, openOnly: true })) - 1 : all;
    slots.push({ open, all });
  }
  const results = await client.batch(commands);
  return roles.map((role, i) => {
    const all = results[slots[i].all];
    const open = results[slots[i].open];
    const failed = !all.ok ? all : !open.ok ? open : null;
    if (failed && !failed.ok) return { type: role.type, role: role.role, open: 0, total: 0, error: failed.error.code };
    const total = all.ok ? (all.total ?? lengthOf(all.result)) : 0;
    const openCount = open.ok ? (open.total ?? lengthOf(open.result)) : 0;
    return { type: role.type, role: role.role, open: openCount, total };
  });
}

function lengthOf(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === "object") {
    for (const v of Object.values(result)) if (Array.isArray(v)) return v.length;
  }
  return 0;
}
