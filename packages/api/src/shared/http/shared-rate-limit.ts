import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit } from './rate-limit';

/**
 * The per-client rate limit shared by every API process through Redis (REDIS_URL), with
 * rate-limiter-flexible: `requests` per `windowSeconds` per client key. While Redis cannot be reached,
 * each process counts in its own memory instead (the library's insurance limiter), so requests are
 * still limited and never refused for Redis's sake.
 */
export class SharedRateLimiter {
  private readonly limiter: RateLimiterRedis;

  /** `prefix`: of every Redis key of the deployment (HUHANG_REDIS_PREFIX); the limiter's are `<prefix>:rate:…`. */
  constructor(redis: Redis, limit: RateLimit, prefix = 'huhang') {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:rate`,
      points: limit.requests,
      duration: limit.windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ points: limit.requests, duration: limit.windowSeconds }),
    });
  }

  /** Takes a request for `key`; resolves to 0 when allowed, else the seconds to wait. */
  async take(key: string): Promise<number> {
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
}
