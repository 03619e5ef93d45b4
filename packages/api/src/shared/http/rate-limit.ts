/** How many requests a client may make per window. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/** Takes a request for a client key: 0 when allowed, else the seconds to wait. */
export interface Limiter {
  take(key: string): number | Promise<number>;
}

/**
 * A token bucket per client, in memory: `requests` tokens refilled evenly over `windowSeconds`.
 * Each process counts alone; with REDIS_URL the processes share one count (shared-rate-limit.ts).
 */
export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Takes a token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number {
    const perMs = this.limit.requests / (this.limit.windowSeconds * 1000);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.requests, at: now };
    bucket.tokens = Math.min(this.limit.requests, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Forgets buckets that have filled up again. */
  private prune(now: number): void {
    const full = this.limit.windowSeconds * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}
