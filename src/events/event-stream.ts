// One subscriber's view of the event log: first the replay (seq > since, page by page, as the
// consumer pulls), then the live events the bus hands it, with a bounded queue in between.
import { PreconditionError } from '../errors/domain-errors';
import { matchesFilter, type Envelope, type HubEventFilter, type StoredHubEvent } from './types';

/** What a stream needs from its bus. */
export interface StreamHost {
  readonly pageSize: number;
  replayPage(filter: HubEventFilter, after: bigint): Promise<Envelope[]>;
  detach(stream: EventStream): void;
  onDelivered(): void;
  onOverflow(): void;
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

export class EventStream implements AsyncIterableIterator<StoredHubEvent> {
  /** Live events that arrived and were not yet pulled (bounded by maxQueue). */
  private readonly live: Envelope[] = [];
  private replayBuffer: Envelope[] = [];
  private replaying: boolean;
  /** Every event up to here was handed out or skipped; nothing at or below it is handed out again. */
  private cursor: bigint | null;
  /** The last event actually handed out (the client's resume point). */
  private lastDelivered: string | null = null;
  private failure: Error | null = null;
  private finished = false;
  private wake: (() => void) | null = null;
  private attached: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: StreamHost,
    readonly filter: HubEventFilter,
    since: bigint | null,
    private readonly visible: (event: StoredHubEvent) => Promise<boolean> | boolean,
    private readonly maxQueue: number,
  ) {
    this.cursor = since;
    this.replaying = since !== null;
  }

  /** The bus attaches the stream (starts buffering live events) before the first replay query. */
  waitFor(attached: Promise<void>): void {
    this.attached = attached;
  }

  get isOpen(): boolean {
    return !this.finished && this.failure === null;
  }

  /** Called by the bus, in sequence order, for every event of the stream's topic. */
  offer(envelope: Envelope): void {
    if (!this.isOpen || !matchesFilter(this.filter, envelope.event)) return;
    if (this.live.length >= this.maxQueue) {
      this.host.onOverflow();
      this.fail(
        new PreconditionError(
          'SUBSCRIBER_TOO_SLOW',
          `the subscriber fell ${this.maxQueue} events behind and was disconnected; subscribe again with since set to the last sequence received`,
          { limit: this.maxQueue, ...(this.lastDelivered !== null ? { lastSequence: this.lastDelivered } : {}) },
        ),
      );
      return;
    }
    this.live.push(envelope);
    this.wakeUp();
  }

  async next(): Promise<IteratorResult<StoredHubEvent>> {
    try {
      await this.attached;
      for (;;) {
        if (this.finished) return DONE;
        if (this.failure) throw this.failure;
        let envelope: Envelope | undefined;
        if (this.replayBuffer.length > 0) {
          envelope = this.replayBuffer.shift();
        } else if (this.replaying) {
          // The next page of the log after the cursor; a short page is the last one.
          const page = await this.host.replayPage(this.filter, this.cursor as bigint);
          if (page.length < this.host.pageSize) this.replaying = false;
          this.replayBuffer = page;
          continue;
        } else if (this.live.length > 0) {
          envelope = this.live.shift();
        } else {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          continue;
        }
        if (!envelope || (this.cursor !== null && envelope.n <= this.cursor)) continue;
        this.cursor = envelope.n;
        if (!(await this.visible(envelope.event))) continue;
        if (this.finished) return DONE;
        if (this.failure) throw this.failure;
        this.lastDelivered = envelope.event.seq;
        this.host.onDelivered();
        return { value: envelope.event, done: false };
      }
    } catch (err) {
      this.finish();
      throw err;
    }
  }

  /** The consumer is done (client unsubscribed or disconnected): release everything now. */
  async return(): Promise<IteratorResult<StoredHubEvent>> {
    this.finish();
    return DONE;
  }

  async throw(err?: unknown): Promise<IteratorResult<StoredHubEvent>> {
    this.finish();
    throw err;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredHubEvent> {
    return this;
  }

  /** Ends the stream as if the consumer had stopped (bus closing). */
  end(): void {
    this.finish();
  }

  private fail(error: Error): void {
    if (!this.isOpen) return;
    this.failure = error;
    this.live.length = 0;
    this.replayBuffer = [];
    this.host.detach(this);
    this.wakeUp();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.live.length = 0;
    this.replayBuffer = [];
    this.host.detach(this);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
