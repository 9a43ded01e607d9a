/**
 * Incoming portal events (form-encoded POSTs: event, data[...], ts, auth[...]; docs/bitrix24-platform.md
 * "Events"). Every event but the first ONAPPINSTALL must carry the application_token we stored;
 * ONAPPINSTALL brings that token, so it is verified through the OAuth server instead.
 */
import { UnauthorizedError } from "../errors";
import { decryptSecret, encryptSecret, safeEqual } from "../crypto";
import type { LifecycleDeps } from "./deps";
import { upsertPortal } from "./portals";
import { verifyPortalAuth } from "./verify-portal-auth";

/** An event we refuse (401): the unauthorized error of lib/errors. */
export class EventAuthError extends UnauthorizedError {
  constructor(reason: string) {
    super(`Event refused: ${reason}`);
    this.name = "EventAuthError";
  }
}

export interface PortalEvent {
  event: string;
  data: Record<string, string>;
  auth: Record<string, string>;
}

export type EventOutcome =
  | { kind: "installed"; portalId: string }
  | { kind: "uninstalled"; portalId: string; clean: boolean }
  | { kind: "updated"; portalId: string }
  | { kind: "ignored"; portalId: string; event: string };

/** `auth[member_id]=…&data[CLEAN]=1&event=ONAPPUNINSTALL` → { event, data, auth }. */
export function parseEventForm(form: Iterable<[string, string]>): PortalEvent {
  const parsed: PortalEvent = { event: "", data: {}, auth: {} };
  for (const [key, value] of form) {
    const nested = /^(data|auth)\[([^\]]+)\]$/.exec(key);
    if (nested) parsed[nested[1] as "data" | "auth"][nested[2]] = value;
    else if (key === "event") parsed.event = value.toUpperCase();
  }
  return parsed;
}

export interface EventHooks {
  /**
   * ONAPPUNINSTALL: delete everything of the portal, whatever data[CLEAN] says (docs/architecture.md
   * "What we keep"). Passed in by the route so this feature does not import the portal-data one.
   */
  onUninstall(portalId: string): Promise<void>;
  /**
   * ONAPPUPDATE: a new version of the app is in place; the portal dropped what the app had
   * registered (its robots). A failure is the hook's to log: the event is still answered.
   */
  onUpdate?(portalId: string): Promise<void>;
}

export async function handleEvent(deps: LifecycleDeps, incoming: PortalEvent, hooks: EventHooks): Promise<EventOutcome> {
  const memberId = incoming.auth.member_id;
  const presented = incoming.auth.application_token;
  if (!incoming.event || !memberId || !presented) throw new EventAuthError("event, auth[member_id] or auth[application_token] missing");

  if (incoming.event === "ONAPPINSTALL") {
    const { access_token: accessToken, refresh_token: refreshToken, domain } = incoming.auth;
    if (!accessToken || !refreshToken || !domain) throw new EventAuthError("ONAPPINSTALL without tokens");
    const verified = await verifyPortalAuth({ accessToken, refreshToken, memberId, domain }, deps).catch((error: Error) => {
      throw new EventAuthError(error.message);
    });
    // Any user who opens the app holds valid tokens of ours (the iframe POST): only an admin's may
    // set the application_token, else an employee could choose it and then send ONAPPUNINSTALL.
    if (!verified.isAdmin) throw new EventAuthError("ONAPPINSTALL with a non-administrator's tokens");
    const portalId = await upsertPortal(deps, verified);
    await deps.prisma.portal.update({ where: { id: portalId }, data: { applicationTokenEnc: encryptSecret(presented, deps.keys) } });
    return { kind: "installed", portalId };
  }

  const portal = await deps.prisma.portal.findUnique({ where: { memberId }, select: { id: true, applicationTokenEnc: true } });
  if (!portal?.applicationTokenEnc) throw new EventAuthError("unknown portal");
  if (!safeEqual(decryptSecret(portal.applicationTokenEnc, deps.keys), presented)) throw new EventAuthError("application_token does not match");

  if (incoming.event === "ONAPPUNINSTALL") {
    await hooks.onUninstall(portal.id);
    return { kind: "uninstalled", portalId: portal.id, clean: incoming.data.CLEAN === "1" };
  }
  if (incoming.event === "ONAPPUPDATE" && hooks.onUpdate) {
    await hooks.onUpdate(portal.id);
    return { kind: "updated", portalId: portal.id };
  }
  return { kind: "ignored", portalId: portal.id, event: incoming.event };
}
