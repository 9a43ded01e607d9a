"use server";

import { deletePortalDataConfirmed, deletionConfirmationSchema } from "@/lib/portal-data";
import { requireAdminOrInterrupt } from "./admin-guard";

export type DeleteAllPortalDataResult = { ok: true } | { ok: false; error: "invalid" | "mismatch" };

/**
 * The admin's "delete all our data": the typed portal address confirms it. A non-admin gets
 * HTTP 403 (forbidden()) and nothing is deleted; the check is here, whatever the UI showed, it
 * comes before the input is read, and it asks the portal afresh (destructive).
 */
export async function deleteAllPortalData(confirmation: unknown): Promise<DeleteAllPortalDataResult> {
  const session = await requireAdminOrInterrupt({ destructive: true });
  const typed = deletionConfirmationSchema.safeParse(confirmation);
  if (!typed.success) return { ok: false, error: "invalid" };
  const outcome = await deletePortalDataConfirmed(session.portalId, typed.data);
  if (outcome.kind === "mismatch") return { ok: false, error: "mismatch" };
  // "missing": deleted already (another tab, or ONAPPUNINSTALL): the admin's wish holds.
  console.log(`[settings] portal ${session.portalId}: all data deleted on an administrator's request`);
  return { ok: true };
}
