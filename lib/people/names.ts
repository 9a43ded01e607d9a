/**
 * People's names as the portal shows them. For the UI only: names are never logged or stored in
 * our tables (docs/architecture.md "What we keep"), except the installer's.
 */
import type { Bitrix24Client } from "../bitrix24";

/** A portal user's (or CRM person's) name: "NAME LAST_NAME", each part trimmed, missing or empty parts left out; "" when there is none. */
export function displayName(person: { NAME?: unknown; LAST_NAME?: unknown }): string {
  return [person.NAME, person.LAST_NAME]
    .map((part) => (typeof part === "string" ? part.trim() : ""))
    .filter(Boolean)
    .join(" ");
}

/** Names of users by ID, read live (one user.get per 50 IDs); users the portal does not have are left out. */
export async function userNames(client: Pick<Bitrix24Client, "call">, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const unique = [...new Set(ids)].filter((id) => Number.isInteger(id) && id > 0);
  for (let i = 0; i < unique.length; i += 50) {
    const { result } = await client.call<Array<Record<string, unknown>>>("user.get", { FILTER: { ID: unique.slice(i, i + 50) } });
    for (const u of Array.isArray(result) ? result : []) out.set(Number(u.ID), displayName(u));
  }
  return out;
}
