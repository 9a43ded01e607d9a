"use server";

import { z } from "zod";
import { revokeSession } from "@/lib/mail";
import { services } from "@/lib/services";
import { NotFoundError } from "@/lib/errors";
import { portalAction, succeed } from "../server-action";

/** Revokes one of the signed-in user's extension sessions (never another user's: the owner is in the query). */
export const revokeExtensionSession = portalAction({ input: z.object({ sessionId: z.string().min(1).max(100) }) }, async ({ sessionId }, session) => {
  const revoked = await revokeSession(services(), { portalId: session.portalId, userId: session.userId }, sessionId);
  if (!revoked) throw new NotFoundError("No such extension session of this user");
  return succeed();
});
