// Requests per department (the `dept` of the verified token): a partner that loops on a query
// slows itself, not the street teams. RATE_LIMIT_PER_MINUTE for every department, overrides per
// department (RATE_LIMIT_OVERRIDES), RATE_LIMIT_BURST the most at once (default: a minute's worth).
// If the shared store fails, requests go through (logged): the limit protects the hub, and an
// outage of Redis must not become an outage of the hub.
import type { Logger } from 'pino';
import { LimitError } from './limit-error';
import type { RateLimiter } from './rate-limiter';

export interface RatePolicy {
  /** 0 turns the limit off. */
  perMinute: number;
  /** Bucket size; null: equal to the department's per-minute limit. */
  burst: number | null;
  overrides: ReadonlyMap<string, number>;
}

export class DepartmentRateLimit {
  private lastFailureLog = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly policy: RatePolicy,
    private readonly logger: Logger,
  ) {}

  /** Takes one request from the department's budget; the refusal when there is none left. */
  async take(dept: string): Promise<LimitError | null> {
    const perMinute = this.policy.overrides.get(dept) ?? this.policy.perMinute;
    if (perMinute === 0) return null;
    const capacity = Math.max(1, this.policy.burst ?? perMinute);
    let decision;
    try {
      decision = await this.limiter.take(dept, capacity, perMinute);
    } catch (err) {
      if (Date.now() - this.lastFailureLog > 60_000) {
        this.lastFailureLog = Date.now();
        this.logger.warn({ err }, 'rate limiter unavailable: requests are let through');
      }
      return null;
    }
    if (decision.allowed) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    return new LimitError(
      'RATE_LIMITED',
      `Department ${dept} has used its ${perMinute} requests per minute (burst ${capacity}); retry after ${retryAfterSeconds} s.`,
      { limit: perMinute, burst: capacity, department: dept, retryAfterSeconds },
      429,
    );
  }

  async close(): Promise<void> {
    await this.limiter.close();
  }
}
