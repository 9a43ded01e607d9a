/**
 * When the portal refuses the session's user — their token is refused even just after a refresh,
 * their stored access is dead, or the portal says `authorization_error` — the likeliest cause is
 * that Bitrix24 dismissed them: a dismissed user can no longer act through the REST API
 * (docs/bitrix24-platform.md "Users and permissions": dismissed users are `ACTIVE=false`). We ask
 * the portal as an administrator (`user.get` for a dismissed employee of that ID, lib/people: one
 * call, only on this failure path). Dismissed: every extension session of theirs ends at once
 * (the next requests read "user_dismissed", which the sidebar explains) and this request gets
 * that 401. Not dismissed: "connect again" (user_token_dead), never a 502 the user can do nothing
 * about.
 */
import { NoTokenError, TokenExpiredError, UserTokenDeadError } from "../bitrix24";
import { DISMISSED_EMPLOYEES } from "../people";
import type { MailDeps } from "./deps";
import { SessionEndedError } from "./errors";
import { revokeUsersSessions } from "./revocation";

function refusesTheUser(error: unknown): boolean {
  if (error instanceof TokenExpiredError || error instanceof UserTokenDeadError || error instanceof NoTokenError) return true;
  return error instanceof Error && "code" in error && String(error.code).toLowerCase() === "authorization_error";
}

/** Asked of the portal as an administrator; null when it cannot say (no admin token, the portal failing). */
async function isDismissed(deps: Pick<MailDeps, "clients">, portalId: string, userId: number): Promise<boolean | null> {
  try {
    const admin = await deps.clients.adminClientFor(portalId);
    const { result } = await admin.call<unknown[]>("user.get", { FILTER: { ...DISMISSED_EMPLOYEES, ID: userId } });
    return Array.isArray(result) && result.length > 0;
  } catch {
    return null;
  }
}

/** The error to answer with instead of `error` (itself when it is not the portal refusing the user). */
export async function explainRefusal(
  deps: Pick<MailDeps, "clients" | "prisma" | "now">,
  auth: { portalId: string; userId: number },
  error: unknown,
): Promise<unknown> {
  if (!refusesTheUser(error)) return error;
  if (await isDismissed(deps, auth.portalId, auth.userId)) {
    // Should the database fail here, the next request asks again: the answer stays the same.
    await revokeUsersSessions(deps, auth.portalId, [auth.userId], "dismissed").catch(() => 0);
    return new SessionEndedError("user_dismissed");
  }
  return error instanceof UserTokenDeadError || error instanceof NoTokenError ? error : new UserTokenDeadError(auth.portalId, auth.userId);
}
