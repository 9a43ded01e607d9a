/**
 * Event delivery as the portal does it: a form-encoded POST to the handler with `event`,
 * `event_handler_id`, `data[...]`, `ts` and `auth[...]` (b24restdocs api-reference/events/index.md).
 * Every attempt is kept in the store's delivery log so tests can assert on it.
 */
import type { EmulatorStore, EventDelivery } from "../state/store";
import { now } from "../state/store";

/** Flattens a nested object into PHP-style form keys: {auth: {domain: "x"}} → auth[domain]=x */
export function flattenForm(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = "";
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenForm(v, `${prefix}[${i}]`, out));
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenForm(v, prefix ? `${prefix}[${k}]` : k, out);
  } else if (typeof value === "boolean") {
    out[prefix] = value ? "1" : "0";
  } else {
    out[prefix] = String(value);
  }
  return out;
}

export interface DeliverRequest {
  portalKey: string;
  clientId: string;
  event: string;
  handler: string;
  eventHandlerId?: number;
  payload: { data: unknown; auth: Record<string, unknown> };
}

/** POSTs one event; resolves once the handler answered (or failed). Never throws. */
export async function deliverEvent(store: EmulatorStore, req: DeliverRequest): Promise<EventDelivery> {
  const fields = {
    event: req.event,
    ...(req.eventHandlerId !== undefined ? { event_handler_id: req.eventHandlerId } : {}),
    data: req.payload.data,
    ts: Math.floor(now(store).getTime() / 1000),
    auth: req.payload.auth,
  };
  return sendForm(store, { portalKey: req.portalKey, clientId: req.clientId, event: req.event, handler: req.handler, fields }).done;
}

export interface FormPost {
  portalKey: string;
  clientId: string;
  /** What the delivery log calls it (an event name, or BIZPROC_ROBOT for a robot's call). */
  event: string;
  handler: string;
  /** The body before flattening (PHP-style keys). */
  fields: Record<string, unknown>;
}

/**
 * One form-encoded POST from the portal's queue to an app's handler (events and robot calls both
 * go this way), logged in the delivery log at once; `done` resolves once the handler answered (or
 * failed) and never rejects.
 */
export function sendForm(store: EmulatorStore, post: FormPost): { delivery: EventDelivery; done: Promise<EventDelivery> } {
  const body = flattenForm(post.fields);
  const delivery: EventDelivery = {
    id: ++store.seq.delivery,
    at: now(store).toISOString(),
    portalKey: post.portalKey,
    clientId: post.clientId,
    event: post.event,
    handler: post.handler,
    body,
    status: null,
    error: null,
  };
  store.deliveries.push(delivery);
  const done = (async () => {
    try {
      const res = await fetch(post.handler, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Bitrix24 Webhook Engine" },
        body: new URLSearchParams(body).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      delivery.error = err instanceof Error ? err.message : "delivery failed";
    }
    return delivery;
  })();
  return { delivery, done };
}
