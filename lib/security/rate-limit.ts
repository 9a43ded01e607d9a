/**
 * Limits on the doors anyone can knock on (the portal's POSTs, ONAPPINSTALL), so that a flood of
 * forged requests cannot make us send the OAuth server enough refused requests for it to throttle
 * our app. Token buckets per key (lib/token-bucket.ts), in this process's memory.
 */
import { TooManyRequestsError } from "../errors/client";
import { KeyedBuckets, type BucketSpec } from "../token-bucket";

export interface VerificationLimits {
  /** Refused verifications per source address (genuine ones are given back). */
  perSource: BucketSpec;
  /** Refused verifications per claimed portal (member_id). */
  perPortal: BucketSpec;
  /** Every verification this process sends to the OAuth server, genuine or not. */
  overall: BucketSpec;
}

/**
 * Generous for people (a whole office behind one address opens the app at nine: genuine opens
 * are given back), tight for forgeries: 20 refused per source, then one every 5 s; 30 per
 * portal, then one every 2 s; and at most 20 OAuth requests a second from this process.
 */
export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  perSource: { capacity: 20, refillPerSecond: 0.2 },
  perPortal: { capacity: 30, refillPerSecond: 0.5 },
  overall: { capacity: 100, refillPerSecond: 20 },
};

export interface VerificationTicket {
  /** true: Bitrix24 confirmed the request (its source and portal are given their token back). */
  settle(genuine: boolean): void;
}

/**
 * The budget of outbound verifications. `acquire` takes one request from each bucket or none
 * (refusing with lib/errors' TooManyRequestsError before any outbound call); a genuine outcome gives the
 * source's and the portal's back, so only refused requests use them up.
 */
export class VerificationBudget {
  private readonly sources: KeyedBuckets;
  private readonly portals: KeyedBuckets;
  private readonly overall: KeyedBuckets;

  constructor(limits: VerificationLimits = DEFAULT_VERIFICATION_LIMITS, now: () => number = Date.now) {
    this.sources = new KeyedBuckets(limits.perSource, now);
    this.portals = new KeyedBuckets(limits.perPortal, now);
    this.overall = new KeyedBuckets(limits.overall, now, 1);
  }

  acquire(source: string, portal: string): VerificationTicket {
    if (!this.sources.has(source)) throw new TooManyRequestsError("source", this.sources.retryAfterSeconds(source));
    if (!this.portals.has(portal)) throw new TooManyRequestsError("portal", this.portals.retryAfterSeconds(portal));
    if (!this.overall.has("*")) throw new TooManyRequestsError("overall", this.overall.retryAfterSeconds("*"));
    this.sources.take(source);
    this.portals.take(portal);
    this.overall.take("*");
    let settled = false;
    return {
      settle: (genuine) => {
        if (settled) return;
        settled = true;
        if (genuine) {
          this.sources.give(source);
          this.portals.give(portal);
        }
      },
    };
  }
}

/**
 * The address a request came from, as far as we can know it: Next's server sets X-Forwarded-For
 * to the socket's address only when the request has none (next/dist/server/base-server.js), and a
 * proxy in front appends the address it saw. The last entry is therefore the nearest one; it is
 * only as trustworthy as the hosting makes it (docs/security.md "Left to the hosting").
 */
export function requestSource(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last && last.length <= 64 ? last : "unknown";
}

let processBudget: VerificationBudget | undefined;

/** The one budget of this process (every door that makes an outbound verification shares it). */
export function processVerificationBudget(): VerificationBudget {
  return (processBudget ??= new VerificationBudget());
}
