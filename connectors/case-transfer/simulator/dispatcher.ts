// Status callbacks of the simulated platform: `POST {hub}/callbacks/case-transfer/status`, one
// event per transition, signed with X-Platform-Signature (t = the simulator's clock, signed afresh
// on every attempt, one v1 per active secret), at-least-once: a non-2xx answer, an error or no
// answer within the timeout is retried with backoff (contract: 10 s, 30 s, 1 min … hourly, for
// 24 h; shorter in tests), after which the event is given up.
//
// First attempts go out one at a time in the order of the transitions; retries run on their own
// timers, so a retried older event naturally arrives after a newer one. Switches for the hub's
// tests: `duplicate` (every event delivered twice), `reorder` (hold one event and send it right
// after the next one), `drop` (the event is never delivered — only listTransfers shows it).
import http from 'node:http';
import https from 'node:https';
import { signCallback, CALLBACK_SIGNATURE_HEADER } from '../callbacks';
import type { StatusEvent } from '../types';

export interface CallbackSwitches {
  /** Deliver every event twice (same eventId, same body). */
  duplicate: boolean;
  /** Hold an event back and send it after the next one. */
  reorder: boolean;
  /** Never deliver new events (as if every attempt for 24 h had failed). */
  drop: boolean;
}

export const DEFAULT_CALLBACK_SWITCHES: CallbackSwitches = { duplicate: false, reorder: false, drop: false };

/** Contract: 10 s, 30 s, 1 min, 2 min, 5 min, 10 min, 20 min, 40 min, then hourly. */
export const CONTRACT_RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000];
/** Retries stop this long after the first attempt. */
export const CONTRACT_RETRY_FOR_MS = 24 * 3600_000;

export type DeliveryOutcome = 'DELIVERED' | 'FAILED' | 'NO_URL' | 'DROPPED' | 'GAVE_UP';

export interface CallbackDelivery {
  eventId: string;
  transferId: string;
  sequence: number;
  status: StatusEvent['status'];
  /** 1-based attempt of this delivery job (a duplicate is a job of its own). */
  attempt: number;
  outcome: DeliveryOutcome;
  httpStatus?: number;
}

export interface CallbackDispatcherOptions {
  /** Where to POST; null → the attempt fails and is retried later. */
  url: () => string | null;
  /** Secrets to sign with (two during a rotation). */
  secrets: () => readonly string[];
  /** The platform's clock (epoch ms): the signature's `t`. */
  now: () => number;
  retryDelaysMs?: readonly number[];
  retryForMs?: number;
  /** Per attempt (contract: the hub answers within 10 s). */
  timeoutMs?: number;
}

interface Job {
  event: StatusEvent;
  body: Buffer;
  attempts: number;
  /** Sum of the backoff delays so far (the 24 h window, independent of any clock). */
  waitedMs: number;
}

export class CallbackDispatcher {
  switches: CallbackSwitches = { ...DEFAULT_CALLBACK_SWITCHES };
  /** Every event emitted, in transition order. */
  readonly events: StatusEvent[] = [];
  /** Every attempt and its outcome. */
  readonly deliveries: CallbackDelivery[] = [];
  private held: Job | null = null;
  private chain: Promise<void> = Promise.resolve();
  private busy = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<http.ClientRequest>();
  private waiters: Array<() => void> = [];
  private closed = false;
  private readonly retryDelaysMs: readonly number[];
  private readonly retryForMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: CallbackDispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs && options.retryDelaysMs.length > 0 ? options.retryDelaysMs : CONTRACT_RETRY_DELAYS_MS;
    this.retryForMs = options.retryForMs ?? CONTRACT_RETRY_FOR_MS;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  set(partial: Partial<CallbackSwitches>): void {
    this.switches = { ...this.switches, ...partial };
    if (!this.switches.reorder) this.releaseHeld();
  }

  /** Switches back to normal delivery (a held event is sent). */
  reset(): void {
    this.set(DEFAULT_CALLBACK_SWITCHES);
  }

  /** Queues the callback of one transition, subject to the switches. */
  emit(event: StatusEvent): void {
    this.events.push(event);
    if (this.closed) return;
    const job = this.job(event);
    if (this.switches.drop) {
      this.record(job, 'DROPPED');
      return;
    }
    if (this.switches.reorder) {
      if (this.held === null) {
        this.held = job;
        return;
      }
      const earlier = this.held;
      this.held = null;
      this.enqueue(job);
      this.enqueue(earlier);
      return;
    }
    this.enqueue(job);
  }

  /** Sends the event held back by `reorder`, if any. */
  releaseHeld(): void {
    const held = this.held;
    this.held = null;
    if (held) this.enqueue(held);
  }

  /** Whether an event is held back by `reorder`. */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Deliveries in flight or waiting for a retry (a held event does not count). */
  get pending(): number {
    return this.busy + this.timers.size;
  }

  /** Resolves when nothing is in flight or scheduled (held events aside). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Attempts of events, by eventId: how often each was delivered (2xx). */
  deliveredCount(eventId: string): number {
    return this.deliveries.filter((d) => d.eventId === eventId && d.outcome === 'DELIVERED').length;
  }

  close(): void {
    this.closed = true;
    this.held = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const r of this.requests) r.destroy();
    this.requests.clear();
    this.settle();
  }

  private job(event: StatusEvent): Job {
    return { event, body: Buffer.from(JSON.stringify(event), 'utf8'), attempts: 0, waitedMs: 0 };
  }

  private enqueue(job: Job): void {
    const jobs = this.switches.duplicate ? [job, { ...job, attempts: 0, waitedMs: 0 }] : [job];
    for (const j of jobs) {
      this.busy += 1;
      this.chain = this.chain
        .then(() => this.attempt(j))
        .catch(() => undefined)
        .finally(() => this.done());
    }
  }

  private done(): void {
    this.busy -= 1;
    this.settle();
  }

  private settle(): void {
    if (this.pending > 0 && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  private async attempt(job: Job): Promise<void> {
    if (this.closed) return;
    job.attempts += 1;
    const url = this.options.url();
    if (!url) {
      this.record(job, 'NO_URL');
      this.retry(job);
      return;
    }
    const status = await this.post(url, job.body);
    if (status !== null && status >= 200 && status < 300) {
      this.record(job, 'DELIVERED', status);
      return;
    }
    this.record(job, 'FAILED', status ?? undefined);
    this.retry(job);
  }

  private retry(job: Job): void {
    if (this.closed) return;
    const delay = this.retryDelaysMs[Math.min(job.attempts - 1, this.retryDelaysMs.length - 1)];
    if (job.waitedMs + delay > this.retryForMs) {
      this.record(job, 'GAVE_UP');
      return;
    }
    job.waitedMs += delay;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.busy += 1;
      this.attempt(job)
        .catch(() => undefined)
        .finally(() => this.done());
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** One signed POST; the HTTP status, or null for a network error or timeout. */
  private post(url: string, body: Buffer): Promise<number | null> {
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve(null);
        return;
      }
      const signature = signCallback(body, this.options.secrets(), Math.floor(this.options.now() / 1000));
      const transport = target.protocol === 'https:' ? https : http;
      const req = transport.request(
        target,
        {
          method: 'POST',
          agent: false,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': body.length,
            [CALLBACK_SIGNATURE_HEADER]: signature,
          },
          timeout: this.timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            this.requests.delete(req);
            resolve(res.statusCode ?? null);
          });
          res.on('error', () => {
            this.requests.delete(req);
            resolve(null);
          });
        },
      );
      this.requests.add(req);
      req.on('timeout', () => req.destroy(new Error('callback timed out')));
      req.on('error', () => {
        this.requests.delete(req);
        resolve(null);
      });
      req.end(body);
    });
  }

  private record(job: Job, outcome: DeliveryOutcome, httpStatus?: number): void {
    const entry: CallbackDelivery = {
      eventId: job.event.eventId,
      transferId: job.event.transferId,
      sequence: job.event.sequence,
      status: job.event.status,
      attempt: job.attempts,
      outcome,
    };
    if (httpStatus !== undefined) entry.httpStatus = httpStatus;
    this.deliveries.push(entry);
  }
}
