/**
 * The records that name a person, as the preview before an anonymisation or erasure lists them:
 * the newest few of each type and role (type, ID, role, address in the portal) and how many
 * there are in all — one batch of counts from lib/ownership, each keeping the records it lists —
 * so the dialog can say "and N more". IDs and links only: a record's title is the portal's
 * content; the link opens it there, in the viewer's own rights.
 */
import type { Bitrix24Client } from "../bitrix24";
import { countHeld, loadCatalogue, recordPath } from "../ownership";
import { portalUrl } from "../portal-address";

/** How many records the preview lists; the rest are counted. */
export const PREVIEW_RECORDS_SHOWN = 25;

export interface NamedRecord {
  /** lib/ownership's type key: "task", "deal", "dynamic-128", "activity", "workgroup", "department". */
  type: string;
  id: number;
  /** lib/ownership's role key: "responsible", "creator", "accomplice", "auditor", "assigned", "owner", "head". */
  role: string;
  /** The record's address in the portal; empty when the portal has no page for it. */
  link: string;
}

/** The address of one record in the portal whose base URL is `portalBase`. */
export function recordLink(portalBase: string, type: string, id: number, holder: number, ownerRef?: string): string {
  const path = recordPath(type, id, { holder, ownerRef });
  return path ? portalUrl(portalBase, path) : "";
}

export async function recordsNaming(
  client: Pick<Bitrix24Client, "call" | "batch" | "blockedFor">,
  userId: number,
  portalBase: string,
  limit = PREVIEW_RECORDS_SHOWN,
): Promise<{ total: number; shown: NamedRecord[] }> {
  const { roles } = await loadCatalogue(client);
  const counts = await countHeld(
    client,
    roles.map((role) => ({ role, userId, query: { openOnly: false }, sample: limit })),
  );
  let total = 0;
  const shown: NamedRecord[] = [];
  // A role the portal could not count (a module switched off) has nothing to list either.
  counts.forEach((c, i) => {
    if (!c.ok) return;
    total += c.total;
    for (const r of c.sample.slice(0, limit - shown.length)) {
      shown.push({ type: roles[i].type, id: r.id, role: roles[i].role, link: recordLink(portalBase, roles[i].type, r.id, userId, r.ownerRef) });
    }
  });
  return { total, shown };
}
