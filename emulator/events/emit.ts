/**
 * Record events: what the portal does after a record changes (b24restdocs api-reference/events/
 * index.md, offline-events.md). For every app installed in the portal (installation finished;
 * on-crm-dynamic-item-add.md: "events will not be sent until the installation is complete"):
 *  - an online binding gets a form-encoded POST (events/deliver.ts) with `auth[…]` of the binding's
 *    auth_type user, else of the user who caused the event — also when the app caused it itself;
 *  - an offline binding gets an entry in the portal's offline queue, one per message: the same
 *    event of the same object only refreshes the entry until event.offline.get takes it. A change
 *    made with the binding's own auth_connector is not recorded (offline-events.md, "How to
 *    avoid cycles").
 * Deliveries run in the background, as the portal's event queue does; the REST call that caused
 * them does not wait.
 */
import { createHash } from "node:crypto";
import { issueTokens, tokenWireFields } from "../oauth/tokens";
import type { EmulatorStore } from "../state/store";
import { nowMs } from "../state/store";
import type { Portal } from "../state/types";
import { deliverEvent } from "./deliver";

export interface EventCause {
  /** The user whose action caused the event. */
  userId: number;
  /** The app whose REST call caused it (null: a webhook, the portal itself, the control API). */
  clientId: string | null;
  /** The auth_connector the causing call carried ("" = none). */
  authConnector: string;
  /** Deliver to this app only (event.test's ONAPPTEST). */
  onlyApp?: string;
}

/** A stable MESSAGE_ID: one per event name and object. */
function messageId(event: string, data: unknown): string {
  return createHash("md5")
    .update(`${event}|${JSON.stringify(data)}`)
    .digest("hex");
}

function recordOffline(store: EmulatorStore, portal: Portal, clientId: string, connectorId: string, event: string, data: unknown, cause: EventCause): void {
  const id = messageId(event, data);
  const queued = portal.offlineEvents.find(
    (e) => e.clientId === clientId && e.connectorId === connectorId && e.messageId === id && e.processId === "" && !e.error,
  );
  if (queued) {
    queued.at = nowMs(store);
    queued.data = data;
    queued.userId = cause.userId;
    return;
  }
  portal.offlineEvents.push({
    id: ++portal.offlineSeq,
    clientId,
    connectorId,
    at: nowMs(store),
    event,
    data,
    userId: cause.userId,
    messageId: id,
    processId: "",
    error: false,
  });
}

/** Sends an event of a portal to every app bound to it. Returns at once; online deliveries continue in the background. */
export function emitEvent(store: EmulatorStore, portal: Portal, event: string, data: unknown, cause: EventCause): void {
  const name = event.toUpperCase();
  for (const binding of portal.eventBindings) {
    if (binding.event !== name || (cause.onlyApp !== undefined && binding.clientId !== cause.onlyApp)) continue;
    const install = portal.installs.get(binding.clientId);
    if (!install?.installed) continue;
    if (binding.eventType === "offline") {
      const ownEcho = cause.clientId === binding.clientId && cause.authConnector !== "" && cause.authConnector === binding.connectorId;
      if (!ownEcho) recordOffline(store, portal, binding.clientId, binding.connectorId, name, data, cause);
      continue;
    }
    const userId = binding.authType || cause.userId;
    if (!portal.users.get(userId)?.active) continue;
    const t = issueTokens(store, portal, binding.clientId, userId);
    void deliverEvent(store, {
      portalKey: portal.key,
      clientId: binding.clientId,
      event: name,
      handler: binding.handler,
      eventHandlerId: binding.id,
      payload: { data, auth: { ...tokenWireFields(t, t.domain), application_token: install.applicationToken } },
    });
  }
}
