/**
 * The portal's two limits (b24restdocs limits.md):
 * - request rate: a leaky bucket per portal and app (per webhook user for webhooks); every HTTP
 *   request adds 1, the bucket drains `rate` per second; when it is over `burst` the request gets
 *   503 QUERY_LIMIT_EXCEEDED.
 * - operating time: per method and app/webhook, run time summed in ten one-minute baskets; a basket
 *   drops out 10 minutes after its first call (`operating_reset_at`); while the sum is over the
 *   limit the method answers 429 OPERATION_TIME_LIMIT.
 */
import type { EmulatorStore, LimitsConfig } from "../state/store";
import { defaultLimits, nowMs } from "../state/store";
import type { Portal } from "../state/types";

export function limitsOf(store: EmulatorStore, portal: Portal): LimitsConfig {
  let cfg = store.limits.get(portal.key);
  if (!cfg) {
    cfg = defaultLimits(portal.plan);
    store.limits.set(portal.key, cfg);
  }
  return cfg;
}

/** Adds one request to the bucket; false when the bucket was already full (request refused). */
export function takeRequest(store: EmulatorStore, portal: Portal, callerKey: string): boolean {
  const cfg = limitsOf(store, portal);
  if (!cfg.enabled) return true;
  const key = `${portal.key}|${callerKey}`;
  const t = nowMs(store);
  const b = store.buckets.get(key) ?? { level: 0, at: t };
  b.level = Math.max(0, b.level - ((t - b.at) / 1000) * cfg.rate);
  b.at = t;
  store.buckets.set(key, b);
  // limits.md: "when the counter value exceeds the threshold X, the following request is blocked";
  // refused requests are not counted, so a client that keeps hammering still drains.
  if (b.level + 1 > cfg.burst) return false;
  b.level += 1;
  return true;
}

const BASKET_MS = 60_000;

interface Basket {
  at: number;
  sec: number;
}

function basketsOf(store: EmulatorStore, key: string, windowMs: number, t: number): Basket[] {
  const list = (store.operating.get(key) ?? []).filter((b) => b.at + windowMs > t);
  store.operating.set(key, list);
  return list;
}

export function operatingKey(portal: Portal, callerKey: string, method: string): string {
  return `${portal.key}|${callerKey}|${method.toLowerCase()}`;
}

/** Current operating sum and reset time (unix seconds) of a method for a caller. */
export function operatingState(store: EmulatorStore, portal: Portal, key: string): { sec: number; resetAt: number } {
  const cfg = limitsOf(store, portal);
  const t = nowMs(store);
  const windowMs = cfg.operatingWindowSec * 1000;
  const list = basketsOf(store, key, windowMs, t);
  const sec = list.reduce((s, b) => s + b.sec, 0);
  const resetAt = Math.floor(((list[0]?.at ?? t) + windowMs) / 1000);
  return { sec, resetAt };
}

/** True when the method is blocked for this caller (sum already over the limit). */
export function operatingBlocked(store: EmulatorStore, portal: Portal, key: string): boolean {
  const cfg = limitsOf(store, portal);
  if (!cfg.enabled || !cfg.operatingEnabled) return false;
  return operatingState(store, portal, key).sec > cfg.operatingLimitSec;
}

/** Records a call's run time (the configured simulated cost when set, else the real time). */
export function recordOperating(store: EmulatorStore, portal: Portal, key: string, method: string, realSec: number): void {
  const cfg = limitsOf(store, portal);
  const cost = cfg.methodCostSec[method.toLowerCase()] ?? realSec;
  const t = nowMs(store);
  const list = basketsOf(store, key, cfg.operatingWindowSec * 1000, t);
  const last = list[list.length - 1];
  if (last && t - last.at < BASKET_MS) last.sec += cost;
  else list.push({ at: t, sec: cost });
}
