// How every connector calls its system: a timeout per attempt, retries with exponential backoff
// and jitter for safe (read) calls only, Retry-After honoured, a circuit breaker, and one
// structured log line per attempt with the request id and latency — never a credential.
import { randomUUID } from 'node:crypto';
import { CallMetrics } from './call-metrics';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import { ConnectorError } from './connector-error';
import type { ConnectorHealth, ConnectorLogger, SystemName } from './types';

export interface CallPolicyOptions {
  timeoutMs: number;
  /** Attempts for safe calls (writes get exactly one). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside a request: the call fails with the hint. */
  maxRetryAfterMs: number;
  breaker: CircuitBreakerOptions;
}

export interface CallContext {
  signal: AbortSignal;
  attempt: number;
  requestId: string;
}

export interface CallOptions {
  /** Reads are safe to repeat; writes are not (their redelivery belongs to the outbox). */
  safe: boolean;
  requestId?: string;
}

export interface PolicyClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Wall-clock time and real sleeps; tests inject their own. */
export const realPolicyClock: PolicyClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export class CallPolicy {
  readonly breaker: CircuitBreaker;
  readonly metrics: CallMetrics;

  constructor(
    readonly system: SystemName,
    private readonly options: CallPolicyOptions,
    private readonly logger: ConnectorLogger,
    private readonly clock: PolicyClock = realPolicyClock,
  ) {
    this.breaker = new CircuitBreaker(options.breaker, clock.now);
    this.metrics = new CallMetrics(undefined, undefined, clock.now);
  }

  /**
   * Backoff before attempt `attempt + 1`: the contracts' schedule (base, 2×base, 4×base…, capped)
   * plus up to 25 % random jitter on top, so clients that failed together do not retry together.
   */
  backoffMs(attempt: number): number {
    const exp = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exp + exp * 0.25 * this.clock.random());
  }

  async run<T>(operation: string, options: CallOptions, fn: (ctx: CallContext) => Promise<T>): Promise<T> {
    const requestId = options.requestId ?? randomUUID();
    const attempts = options.safe ? this.options.maxAttempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      if (!this.breaker.tryAcquire()) {
        throw new ConnectorError('UPSTREAM_UNAVAILABLE', this.system, `${this.system} is unavailable (circuit open)`, {
          retryable: true,
          retryAfterMs: this.breaker.remainingOpenMs(),
          upstreamCode: 'CIRCUIT_OPEN',
        });
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
      const started = this.clock.now();
      try {
        const result = await fn({ signal: controller.signal, attempt, requestId });
        const ms = this.clock.now() - started;
        this.breaker.onSuccess();
        this.metrics.record(ms, true);
        this.logger.info({ system: this.system, operation, requestId, attempt, ms }, 'upstream call');
        return result;
      } catch (raw) {
        const ms = this.clock.now() - started;
        const err = this.classify(raw, controller.signal.aborted);
        this.metrics.record(ms, false, err.upstreamCode ?? err.code);
        if (affectsHealth(err)) this.breaker.onFailure();
        else this.breaker.onNeutral();
        this.logger.warn(
          {
            system: this.system,
            operation,
            requestId,
            attempt,
            ms,
            code: err.code,
            upstreamCode: err.upstreamCode,
            httpStatus: err.httpStatus,
          },
          'upstream call failed',
        );
        const wait = err.retryAfterMs ?? this.backoffMs(attempt);
        const retry = options.safe && err.retryable && attempt < attempts && wait <= this.options.maxRetryAfterMs;
        if (!retry) throw err;
        await this.clock.sleep(wait);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private classify(raw: unknown, timedOut: boolean): ConnectorError {
    if (raw instanceof ConnectorError) return raw;
    if (timedOut || (raw instanceof Error && (raw.name === 'AbortError' || raw.name === 'TimeoutError' || /timeout/i.test(raw.message)))) {
      return new ConnectorError('UPSTREAM_TIMEOUT', this.system, `${this.system} did not answer within ${this.options.timeoutMs} ms`, {
        retryable: true,
        cause: raw,
      });
    }
    const code = (raw as { code?: unknown })?.code;
    return new ConnectorError('UPSTREAM_UNAVAILABLE', this.system, `${this.system} could not be reached`, {
      retryable: true,
      upstreamCode: typeof code === 'string' ? code : undefined,
      cause: raw,
    });
  }
}

/** Rate limits and refusals of our own input say nothing about the system's health. */
function affectsHealth(err: ConnectorError): boolean {
  if (err.code === 'UPSTREAM_REJECTED') return false;
  if (err.httpStatus === 429) return false;
  return true;
}

/** The health every connector reports, read off its call policy. */
export function policyHealth(system: SystemName, mode: ConnectorHealth['mode'], policy: CallPolicy): ConnectorHealth {
  const { metrics, breaker } = policy;
  return {
    system,
    mode,
    circuit: breaker.current,
    ...metrics.snapshot(),
    lastErrorAt: metrics.lastErrorAt,
    lastErrorCode: metrics.lastErrorCode,
  };
}

/** The retry and breaker settings every connector's config carries. */
export interface PolicySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  breakerFailureThreshold: number;
  breakerOpenMs: number;
}

export function policyOptions(settings: PolicySettings, timeoutMs: number): CallPolicyOptions {
  return {
    timeoutMs,
    maxAttempts: settings.maxAttempts,
    baseDelayMs: settings.baseDelayMs,
    maxDelayMs: settings.maxDelayMs,
    maxRetryAfterMs: settings.maxRetryAfterMs,
    breaker: { failureThreshold: settings.breakerFailureThreshold, openMs: settings.breakerOpenMs },
  };
}
