/**
 * The doors anyone on the internet can knock on, in the order that keeps them cheap: read a
 * capped body, refuse what cannot be a portal's request, check where a browser says it comes
 * from, take from the verification budget (lib/security/rate-limit.ts) — only then spend an
 * outbound call on the OAuth server. Route handlers pass the process's services; tests pass
 * their own (a test database, the emulator, a small budget).
 */
import type { PortalSession } from "../auth";
import { RequestInputError } from "../errors";
import { readFormFields, type VerificationBudget } from "../security";
import { verifyAppCall, type AppCallAuth, type VerifiedAppCall } from "./app-call";
import type { LifecycleDeps } from "./deps";
import { EventAuthError, handleEvent, parseEventForm, type EventHooks, type EventOutcome, type PortalEvent } from "./events";
import { installFromPost, type InstallHooks } from "./install";
import { checkPostOrigin, readPortalPost } from "./portal-post";
import { signInFromPost } from "./sign-in";
import { PortalAuthError, PortalNotSetUpError } from "./verify-portal-auth";

export interface DoorGuard {
  budget: VerificationBudget;
  /** The request's source address (lib/security requestSource). */
  source: string;
}

/** Runs one verification under the budget: refused ones use it up, genuine ones give it back. */
async function underBudget<T>(guard: DoorGuard, portal: string, verify: () => Promise<T>): Promise<T> {
  const ticket = guard.budget.acquire(guard.source, portal);
  try {
    const result = await verify();
    ticket.settle(true);
    return result;
  } catch (error) {
    const refused = error instanceof EventAuthError || (error instanceof PortalAuthError && !(error instanceof PortalNotSetUpError));
    ticket.settle(!refused);
    throw error;
  }
}

/** The handler URL ("open") or the install URL: a verified session, or a typed refusal. */
export async function acceptPortalPost(
  deps: LifecycleDeps,
  request: Request,
  kind: "open" | "install",
  guard: DoorGuard,
  installHooks: InstallHooks = {},
): Promise<PortalSession> {
  const post = await readPortalPost(request);
  checkPostOrigin(request.headers, post);
  return underBudget(guard, post.member_id, () => (kind === "install" ? installFromPost(deps, post, installHooks) : signInFromPost(deps, post)));
}

/** Events go up to 64 KB (record events carry a few fields; ours are the lifecycle's). */
export const EVENT_MAX_BYTES = 64 * 1024;
const EVENT_NAME = /^[A-Z0-9_]{1,64}$/;
const MEMBER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The events URL: the parsed event (for the caller's log: its name is validated) and its outcome. */
export async function acceptEvent(
  deps: LifecycleDeps,
  request: Request,
  hooks: EventHooks,
  guard: DoorGuard,
): Promise<{ event: PortalEvent; outcome: EventOutcome }> {
  const event = parseEventForm(await readFormFields(request, EVENT_MAX_BYTES));
  if (!event.event) throw new RequestInputError(400, "event is missing");
  if (!EVENT_NAME.test(event.event)) throw new RequestInputError(400, "event is malformed");
  if (!event.auth.member_id) throw new RequestInputError(400, "auth[member_id] is missing");
  if (!MEMBER_ID.test(event.auth.member_id)) throw new RequestInputError(400, "auth[member_id] is malformed");
  if (!event.auth.application_token) throw new RequestInputError(400, "auth[application_token] is missing");
  // Only ONAPPINSTALL costs an outbound call (the others compare the stored application_token).
  const run = () => handleEvent(deps, event, hooks);
  const outcome = event.event === "ONAPPINSTALL" ? await underBudget(guard, event.auth.member_id, run) : await run();
  return { event, outcome };
}

/**
 * A call the portal makes on its own (a CRM robot's): verified by application_token and by the
 * portal answering for its access token (app-call.ts), under the verification budget.
 */
export async function acceptAppCall(deps: LifecycleDeps, auth: AppCallAuth, guard: DoorGuard): Promise<VerifiedAppCall> {
  if (!MEMBER_ID.test(auth.memberId)) throw new RequestInputError(400, "auth[member_id] is malformed");
  return underBudget(guard, auth.memberId, () => verifyAppCall(deps, auth));
}
