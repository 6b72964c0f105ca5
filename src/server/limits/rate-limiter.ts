// A token bucket per key: `capacity` requests at once (the burst), refilled at `perMinute`.
// Two implementations: in memory (one hub) and on Redis (every hub sharing REDIS_URL and the
// same database sees one bucket per department).
export interface RateDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** When refused: how long until one token is back. */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(key: string, capacity: number, perMinute: number): Promise<RateDecision>;
  close(): Promise<void>;
}
