// Token buckets on Redis, shared by every hub instance: one Lua script reads, refills, takes and
// writes the bucket atomically, on Redis's own clock (TIME), so instances with skewed clocks
// still agree. An idle bucket expires once it would be full again.
import { Redis } from 'ioredis';
import type { RateDecision, RateLimiter } from './rate-limiter';

const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 60000
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * perMs)
  at = now
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
return { allowed, math.floor(tokens), wait }
`;

type WithTakeToken = Redis & { hubTakeToken(key: string, capacity: number, perMinute: number): Promise<[number, number, number]> };

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: WithTakeToken;

  constructor(
    url: string,
    /** Namespace of the keys, e.g. per hub group (database). */
    private readonly prefix: string,
  ) {
    // A slow or absent Redis must not hold requests: one retry, a short timeout, then the caller decides.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000, connectionName: 'edh-rate-limit' });
    redis.defineCommand('hubTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    // Errors surface on commands; without a listener ioredis would log every reconnect attempt.
    redis.on('error', () => undefined);
    this.redis = redis as WithTakeToken;
  }

  async take(key: string, capacity: number, perMinute: number): Promise<RateDecision> {
    const [allowed, remaining, wait] = await this.redis.hubTakeToken(`${this.prefix}${key}`, capacity, perMinute);
    return { allowed: allowed === 1, remaining, retryAfterMs: wait };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
