/**
 * Who may receive records: an active employee the portal knows. A dismissed account (ACTIVE
 * false), an external one (USER_TYPE "extranet": a partner or client invited into a group, who
 * should not be handed the company's CRM or its departments) and an ID the portal does not list
 * are refused — on a transfer, an undo, a return and a retry alike (b24restdocs
 * api-reference/user/user-get.md: ACTIVE, USER_TYPE; bots, e-mail and connector users are never
 * listed, so they read as unknown).
 */
import type { Bitrix24Client } from "../bitrix24";
import { Refused } from "../errors";
import { isActive } from "../people";

export type ReceiverStatus = "ok" | "dismissed" | "external" | "unknown";

type UserClient = Pick<Bitrix24Client, "call">;

/** Each ID's standing as a receiver, asked of the portal in one user.get. */
export async function receiverStatuses(client: UserClient, ids: number[]): Promise<Map<number, ReceiverStatus>> {
  const unique = [...new Set(ids)].filter((id) => id > 0);
  const out = new Map<number, ReceiverStatus>(unique.map((id) => [id, "unknown"]));
  if (unique.length === 0) return out;
  const answer = await client.call<Array<{ ID: string | number; ACTIVE?: unknown; USER_TYPE?: unknown }>>("user.get", { FILTER: { ID: unique } });
  for (const u of answer.result) {
    const id = Number(u.ID);
    if (!out.has(id)) continue;
    // Older portals omit USER_TYPE for employees; only an explicit other type is external.
    const external = typeof u.USER_TYPE === "string" && u.USER_TYPE !== "" && u.USER_TYPE !== "employee";
    out.set(id, external ? "external" : isActive(u) ? "ok" : "dismissed");
  }
  return out;
}

/** The stored code of a record left because its receiver could not take it (outcome.ts names it). */
export function leftCode(status: Exclude<ReceiverStatus, "ok">): string {
  return `RECEIVER_${status.toUpperCase()}`;
}

/** Refuses receivers who are dismissed, external or unknown, naming them. */
export async function checkReceivers(client: UserClient, receiverIds: number[]): Promise<void> {
  const statuses = await receiverStatuses(client, receiverIds);
  const having = (status: ReceiverStatus) => receiverIds.filter((id) => statuses.get(id) === status);
  if (having("unknown").length) throw new Refused("transfer.refused.receiver_unknown", { userIds: having("unknown") });
  if (having("dismissed").length) throw new Refused("transfer.refused.receiver_inactive", { userIds: having("dismissed") });
  if (having("external").length) throw new Refused("transfer.refused.receiver_external", { userIds: having("external") });
}
