// Token buckets in this process: right for a single hub (the embedded default). Keys are
// department codes, a bounded set, so buckets are kept rather than evicted.
import type { RateDecision, RateLimiter } from './rate-limiter';

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** `now` in milliseconds, monotonic; injectable for tests. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  async take(key: string, capacity: number, perMinute: number): Promise<RateDecision> {
    const now = this.now();
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) };
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
