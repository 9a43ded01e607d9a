"use server";

import { z } from "zod";
import { requireSession } from "@/lib/auth";
import { revokeSession } from "@/lib/mail";
import { mailDeps } from "@/app/api/extension/_lib/deps";

export type RevokeResult = { ok: true } | { ok: false; error: "invalid" | "not_found" };

/** Revokes one of the signed-in user's extension sessions (never another user's: the owner is in the query). */
export async function revokeExtensionSession(sessionId: unknown): Promise<RevokeResult> {
  const session = await requireSession();
  const id = z.string().min(1).max(100).safeParse(sessionId);
  if (!id.success) return { ok: false, error: "invalid" };
  const revoked = await revokeSession(mailDeps(), { portalId: session.portalId, userId: session.userId }, id.data);
  return revoked ? { ok: true } : { ok: false, error: "not_found" };
}
