/**
 * Reading and changing records in `batch` calls of 50 (b24restdocs api-reference/common/batch.md):
 * the current holders of many records at once (a resumed transfer checks what already moved;
 * an undo checks what changed since), and the change commands themselves.
 */
import type { Bitrix24Error } from "../bitrix24";
import type { OwnershipClient } from "./catalogue";
import type { OwnershipRole, RecordSnapshot } from "./types";

export type ReadOutcome = { ok: true; record: RecordSnapshot } | { ok: false; code: string };

/** Reads the current state of `ids` (one batch command each; `NOT_FOUND` when the answer holds no record). */
export async function readRecords(client: OwnershipClient, role: OwnershipRole, ids: readonly number[]): Promise<Map<number, ReadOutcome>> {
  const results = await client.batch(ids.map((id) => role.read(id)));
  const out = new Map<number, ReadOutcome>();
  ids.forEach((id, i) => {
    const r = results[i];
    if (!r.ok) {
      out.set(id, { ok: false, code: errorCode(r.error) });
      return;
    }
    const record = role.readSnapshot(r.result);
    out.set(id, record ? { ok: true, record } : { ok: false, code: "NOT_FOUND" });
  });
  return out;
}

export interface ChangeRequest {
  record: RecordSnapshot;
  from: number;
  to: number;
}

export type ChangeOutcome = { ok: true } | { ok: false; code: string };

/** Changes the holder of each record (commands in batches of 50); one outcome per request, in order. */
export async function changeHolders(client: OwnershipClient, role: OwnershipRole, requests: readonly ChangeRequest[]): Promise<ChangeOutcome[]> {
  const results = await client.batch(requests.map((q) => role.change(q.record, q.from, q.to)));
  return results.map((r) => (r.ok ? { ok: true } : { ok: false, code: errorCode(r.error) }));
}

/**
 * The portal's error code; old methods answer an empty code with a description only, which we
 * name after the documented cases: not found, access denied, app-configured activities that
 * only crm.activity.configurable.update may change (crm-activity-update.md, error table), and a
 * workgroup owner the portal would not accept.
 */
export function errorCode(error: Bitrix24Error): string {
  if (error.code) return error.code.slice(0, 60);
  const d = error.description;
  if (/configurable\.update/i.test(d)) return "CONFIGURABLE_ACTIVITY";
  // sonet_group.setowner's answer when the new owner may not own the group (dismissed, unknown):
  // sonet-group-setowner.md, error table; the server's modules/socialnetwork/classes/general/rest.php.
  if (/cannot complete operation/i.test(d)) return "OWNER_REFUSED";
  return /not found/i.test(d) ? "NOT_FOUND" : /access denied|not allowed|permission/i.test(d) ? "ACCESS_DENIED" : "ERROR";
}
