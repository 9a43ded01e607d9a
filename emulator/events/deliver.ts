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
  const body = flattenForm({
    event: req.event,
    ...(req.eventHandlerId !== undefined ? { event_handler_id: req.eventHandlerId } : {}),
    data: req.payload.data,
    ts: Math.floor(now(store).getTime() / 1000),
    auth: req.payload.auth,
  });
  const delivery: EventDelivery = {
    id: ++store.seq.delivery,
    at: now(store).toISOString(),
    portalKey: req.portalKey,
    clientId: req.clientId,
    event: req.event,
    handler: req.handler,
    body,
    status: null,
    error: null,
  };
  store.deliveries.push(delivery);
  try {
    const res = await fetch(req.handler, {
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
}
