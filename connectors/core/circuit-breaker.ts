// A consecutive-failure circuit breaker: after `failureThreshold` failures in a row the circuit
// opens and calls fail fast for `openMs`; then one trial call is let through (half-open).
import type { CircuitState } from './types';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
}

export class CircuitBreaker {
  private state: CircuitState = 'CLOSED';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): CircuitState {
    if (this.state === 'OPEN' && this.now() - this.openedAt >= this.options.openMs) return 'HALF_OPEN';
    return this.state;
  }

  /** Whether a call may go out now; in half-open state only one trial call at a time. */
  tryAcquire(): boolean {
    const state = this.current;
    if (state === 'CLOSED') return true;
    if (state === 'OPEN') return false;
    if (this.trialInFlight) return false;
    this.state = 'HALF_OPEN';
    this.trialInFlight = true;
    return true;
  }

  /** Time until an open circuit lets a trial call through. */
  remainingOpenMs(): number {
    return this.state === 'OPEN' ? Math.max(0, this.options.openMs - (this.now() - this.openedAt)) : 0;
  }

  onSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.state = 'CLOSED';
  }

  /** Only failures that say something about the system's health should be reported here. */
  onFailure(): void {
    this.trialInFlight = false;
    if (this.state === 'HALF_OPEN') {
      this.open();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  /** A call that ended without saying anything about health (e.g. a 4xx): frees the trial slot. */
  onNeutral(): void {
    if (this.state === 'HALF_OPEN') {
      this.trialInFlight = false;
      this.state = 'CLOSED';
      this.failures = 0;
    }
  }

  private open(): void {
    this.state = 'OPEN';
    this.openedAt = this.now();
    this.failures = 0;
  }
}
