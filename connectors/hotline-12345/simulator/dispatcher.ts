// Webhooks of the simulated hotline: `POST {hub}/webhooks/hotline/work-orders`, one event per POST,
// signed with X-Hotline-Signature (t = the centre's clock, signed afresh on every attempt, one v1
// per active secret). A non-2xx answer, a network error or no answer within 5 s is retried 1, 5,
// 15, 30 and 60 minutes after the previous attempt (contract; shorter in tests), 6 attempts in
// all; then the event is given up and only the pull API shows the change. The eventId and the
// body bytes are identical on every attempt.
//
// First attempts go out one at a time in the order of the events; retries run on their own
// timers, so a retried older event naturally arrives after newer ones. Switches for the hub's
// tests: `duplicateRate` (share of events delivered twice), `dropRate` (share never delivered),
// `reorder` (hold one event back and send it right after the next one), `hold` (keep every event
// until the switch is turned off, as during the 03:00–03:30 maintenance).
import http from 'node:http';
import https from 'node:https';
import type { WorkOrderEvent } from '../types';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../webhooks';

export interface WebhookSwitches {
  /** Share of events (0–1) delivered twice (same eventId, same body). */
  duplicateRate: number;
  /** Share of events (0–1) never delivered (as if every attempt had failed). */
  dropRate: number;
  /** Hold an event back and send it after the next one. */
  reorder: boolean;
  /** Keep every event (and due retry) until turned off; then they go out in order. */
  hold: boolean;
}

export const DEFAULT_WEBHOOK_SWITCHES: WebhookSwitches = { duplicateRate: 0, dropRate: 0, reorder: false, hold: false };

/** Contract: retried 1, 5, 15, 30 and 60 minutes after the previous attempt. */
export const CONTRACT_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 900_000, 1_800_000, 3_600_000];
/** Contract: the hub answers within 5 s. */
export const WEBHOOK_TIMEOUT_MS = 5000;

export type WebhookOutcome = 'DELIVERED' | 'FAILED' | 'NO_URL' | 'DROPPED' | 'GAVE_UP';

export interface WebhookDelivery {
  eventId: string;
  type: WorkOrderEvent['type'];
  orderNo: string;
  orderVersion: number;
  /** 1-based attempt of this delivery job (a duplicate is a job of its own); 0 for DROPPED. */
  attempt: number;
  outcome: WebhookOutcome;
  /** The hub's HTTP status; absent for a network error, a timeout, NO_URL, DROPPED, GAVE_UP. */
  httpStatus?: number;
}

export interface WebhookDispatcherOptions {
  /** Where to POST; null → the attempt fails (NO_URL) and is retried later. */
  url: () => string | null;
  /** Secrets to sign with (two during a rotation). */
  secrets: () => readonly string[];
  /** The centre's clock (epoch ms): the signature's `t`. */
  now: () => number;
  /** For duplicateRate / dropRate. */
  random: () => number;
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

interface Job {
  event: WorkOrderEvent;
  body: Buffer;
  attempts: number;
}

export class WebhookDispatcher {
  switches: WebhookSwitches = { ...DEFAULT_WEBHOOK_SWITCHES };
  /** Every event emitted, in order. */
  readonly events: WorkOrderEvent[] = [];
  /** Every attempt and its outcome (plus DROPPED / GAVE_UP records). */
  readonly deliveries: WebhookDelivery[] = [];
  private reorderHeld: Job | null = null;
  private held: Job[] = [];
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly retries = new Map<NodeJS.Timeout, Job>();
  private readonly inFlightRetries = new Set<Promise<void>>();
  private readonly requests = new Set<http.ClientRequest>();
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs && options.retryDelaysMs.length > 0 ? options.retryDelaysMs : CONTRACT_WEBHOOK_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  }

  /** Attempts per event: the first one plus one per retry delay (contract: 6). */
  get maxAttempts(): number {
    return 1 + this.retryDelaysMs.length;
  }

  set(partial: Partial<WebhookSwitches>): void {
    const next = { ...this.switches };
    for (const key of ['duplicateRate', 'dropRate'] as const) {
      const v = partial[key];
      if (v !== undefined) {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`${key} must be a number in 0–1`);
        next[key] = v;
      }
    }
    if (partial.reorder !== undefined) next.reorder = Boolean(partial.reorder);
    if (partial.hold !== undefined) next.hold = Boolean(partial.hold);
    this.switches = next;
    if (!next.hold) this.releaseHeld();
    if (!next.reorder) this.releaseReordered();
  }

  /** Back to normal delivery; held events are sent. */
  reset(): void {
    this.set(DEFAULT_WEBHOOK_SWITCHES);
  }

  /** Queues the webhook of one event, subject to the switches. */
  emit(event: WorkOrderEvent): void {
    this.events.push(event);
    if (this.closed) return;
    const job: Job = { event, body: Buffer.from(JSON.stringify(event), 'utf8'), attempts: 0 };
    if (this.switches.dropRate > 0 && this.options.random() < this.switches.dropRate) {
      this.record(job, 'DROPPED');
      return;
    }
    const jobs = this.switches.duplicateRate > 0 && this.options.random() < this.switches.duplicateRate ? [job, { ...job }] : [job];
    for (const j of jobs) this.route(j);
  }

  /** Webhooks not yet delivered nor given up: queued, in flight, waiting for a retry, or held. */
  get pending(): number {
    return this.queued + this.retries.size + this.inFlightRetries.size + this.held.length + (this.reorderHeld ? 1 : 0);
  }

  /**
   * Attempts every queued webhook now — including those waiting for a retry, which are not waited
   * for — and resolves when each of them was attempted. Held events stay held; a failed attempt
   * schedules its next retry as usual.
   */
  async flush(): Promise<void> {
    const due = [...this.retries.entries()];
    this.retries.clear();
    for (const [timer, job] of due) {
      clearTimeout(timer);
      this.enqueue(job);
    }
    await Promise.all([this.chain, ...this.inFlightRetries]);
  }

  /** Resolves when nothing is queued, in flight or waiting for a retry (held events aside). */
  idle(): Promise<void> {
    if (this.activeCount() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.held = [];
    this.reorderHeld = null;
    for (const t of this.retries.keys()) clearTimeout(t);
    this.retries.clear();
    for (const r of this.requests) r.destroy();
    this.requests.clear();
    this.settle();
  }

  // ───────────── internals ─────────────

  private activeCount(): number {
    return this.queued + this.retries.size + this.inFlightRetries.size;
  }

  /** Hold / reorder, or straight to the queue. */
  private route(job: Job): void {
    if (this.switches.hold) {
      this.held.push(job);
      return;
    }
    if (this.switches.reorder) {
      if (this.reorderHeld === null) {
        this.reorderHeld = job;
        return;
      }
      const earlier = this.reorderHeld;
      this.reorderHeld = null;
      this.enqueue(job);
      this.enqueue(earlier);
      return;
    }
    this.enqueue(job);
  }

  private releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const job of held) this.route(job);
  }

  private releaseReordered(): void {
    const job = this.reorderHeld;
    this.reorderHeld = null;
    if (job) this.enqueue(job);
  }

  /** First attempts (and flushed retries) go out one at a time, in order. */
  private enqueue(job: Job): void {
    this.queued += 1;
    this.chain = this.chain
      .then(() => this.attempt(job))
      .catch(() => undefined)
      .finally(() => {
        this.queued -= 1;
        this.settle();
      });
  }

  private settle(): void {
    if (this.activeCount() > 0 && !this.closed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
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
    if (job.attempts >= this.maxAttempts) {
      this.record(job, 'GAVE_UP');
      return;
    }
    const delay = this.retryDelaysMs[job.attempts - 1];
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      if (this.switches.hold) {
        this.held.push(job);
        this.settle();
        return;
      }
      const run = this.attempt(job)
        .catch(() => undefined)
        .finally(() => {
          this.inFlightRetries.delete(run);
          this.settle();
        });
      this.inFlightRetries.add(run);
    }, delay);
    timer.unref();
    this.retries.set(timer, job);
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
      const signature = signWebhook(body, this.options.secrets(), Math.floor(this.options.now() / 1000));
      const transport = target.protocol === 'https:' ? https : http;
      let settled = false;
      const done = (status: number | null) => {
        this.requests.delete(req);
        if (settled) return;
        settled = true;
        resolve(status);
      };
      const req = transport.request(
        target,
        {
          method: 'POST',
          agent: false,
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, [WEBHOOK_SIGNATURE_HEADER]: signature },
          timeout: this.timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? null));
          res.on('error', () => done(null));
        },
      );
      this.requests.add(req);
      req.on('timeout', () => req.destroy(new Error('webhook timed out')));
      req.on('error', () => done(null));
      req.end(body);
    });
  }

  private record(job: Job, outcome: WebhookOutcome, httpStatus?: number): void {
    const entry: WebhookDelivery = {
      eventId: job.event.eventId,
      type: job.event.type,
      orderNo: job.event.orderNo,
      orderVersion: job.event.orderVersion,
      attempt: job.attempts,
      outcome,
    };
    if (httpStatus !== undefined) entry.httpStatus = httpStatus;
    this.deliveries.push(entry);
  }
}
