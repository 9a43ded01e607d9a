/**
 * Token buckets per key (a source address, a portal, an extension session), in this process's
 * memory: each key may spend `capacity` requests at once and gets `refillPerSecond` back. The one
 * implementation behind our own doors' limits (lib/security's verification budget, lib/mail's
 * per-session limit). Not the portal's rate limit: that is a leaky bucket we mirror and wait on
 * (lib/bitrix24/rate-limiter.ts), where these refuse at once.
 */

export interface BucketSpec {
  /** Requests allowed at once. */
  capacity: number;
  /** Requests given back per second. */
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
    /** Oldest keys are forgotten past this many (a forgotten key starts full: memory stays bounded). */
    private readonly maxKeys = 10_000,
  ) {}

  private bucket(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.spec.capacity, at: now };
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.spec.refillPerSecond);
      bucket.at = now;
    }
    return bucket;
  }

  /** Whether one request would be allowed now (nothing is taken). */
  has(key: string): boolean {
    return this.bucket(key).tokens >= 1;
  }

  /** Takes one request; false (and nothing taken) when the key has none left. */
  take(key: string): boolean {
    const bucket = this.bucket(key);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Gives one back (a request that turned out to be genuine). */
  give(key: string): void {
    const bucket = this.bucket(key);
    bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + 1);
  }

  /** Seconds until `key` has a request again. */
  retryAfterSeconds(key: string): number {
    const bucket = this.bucket(key);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.spec.refillPerSecond);
  }
}
