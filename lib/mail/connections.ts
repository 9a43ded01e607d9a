/**
 * The Mail page's ways in for ending a connection (a browser's extension session):
 * `revokeMyConnection(services, session, { sessionId })` — one of the user's own — and
 * `revokeAnyConnection(…)` — an administrator, any of the portal's. Each answers `{ ok: true }`
 * or refuses with `mail.refused.connection_ended` when that connection had already ended (revoked,
 * disconnected, expired) or is not theirs to end, which the page words as it is.
 */
import { z } from "zod";
import { ForbiddenError, Refused } from "../errors";
import type { Session } from "../service-types";
import type { MailDeps } from "./deps";
import { revokePortalSession, revokeSession } from "./revocation";

export const connectionSchema = z.object({ sessionId: z.string().min(1).max(100) });
type Input = z.infer<typeof connectionSchema>;
type Deps = Pick<MailDeps, "prisma" | "now">;

export async function revokeMyConnection(deps: Deps, session: Session, input: Input): Promise<{ ok: true }> {
  if (!(await revokeSession(deps, session, input.sessionId))) throw new Refused("mail.refused.connection_ended", { status: 404 });
  return { ok: true };
}

export async function revokeAnyConnection(deps: Deps, session: Session, input: Input): Promise<{ ok: true }> {
  // portalAction({ admin: true }) checked it too; a way in does not rely on its door.
  if (!session.isAdmin) throw new ForbiddenError();
  if (!(await revokePortalSession(deps, session.portalId, input.sessionId))) throw new Refused("mail.refused.connection_ended", { status: 404 });
  return { ok: true };
}
