// The hub's event bus: writers record events in the HubEvent log inside their own transaction and
// broadcast them after commit; subscribers replay the log from a sequence number and then follow
// live events, in sequence order, with no gap and no duplicate across the switch.
//
// Ordering. A BIGSERIAL is handed out at insert time, not at commit: two concurrent writers could
// commit 11 after 12, and a subscriber that saw 12 and resumed "after 12" would never see 11.
// record() therefore takes a transaction-scoped advisory lock before it inserts, so events are
// numbered in commit order (writers that record events serialise from record() to commit; record
// last in the transaction). With that, when event n is committed every event below n is either
// committed or rolled back for good, and the bus can deliver a total order: it hands events to
// subscribers strictly by sequence, and when one arrives ahead of a hole (another instance's
// event not yet seen, a lost Redis message, a rolled-back number) it asks the log, once per
// instance, what lies in between. A slow poll of the log is the safety net for lost broadcasts.
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import pino, { type Logger } from 'pino';
import { ValidationError } from '../errors/domain-errors';
import { EventStream, type StreamHost } from './event-stream';
import {
  compareEnvelopes,
  HUB_EVENT_TOPICS,
  isHubEventTopic,
  type Envelope,
  type EventTransport,
  type HubEventFilter,
  type HubEventInput,
  type HubEventTopic,
  type StoredHubEvent,
  type SubscribeOptions,
} from './types';

export { InMemoryTransport } from './in-memory-transport';
export { DEFAULT_EVENT_CHANNEL, hubEventChannel, RedisTransport } from './redis-transport';
export { HUB_EVENT_TOPICS, type EventTransport, type HubEventFilter, type HubEventInput, type HubEventTopic, type StoredHubEvent, type SubscribeOptions };

export interface EventBusOptions {
  /** Live events a subscriber may have waiting; beyond that its subscription ends with an error. */
  maxQueue?: number;
  /** Rows per replay and catch-up query. */
  pageSize?: number;
  /** With live subscribers, look in the log for events no broadcast brought this often (ms); 0 turns it off. */
  pollIntervalMs?: number;
}

/** Taken by record() until the writer's transaction ends, so that sequence order is commit order. */
const EVENT_LOG_LOCK = 'HubEvent.seq';
const MAX_BIGINT = 9223372036854775807n;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A resume cursor from a client: the decimal sequence number of the last event it received. */
export function parseSequence(value: string | null | undefined, field = 'since'): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value) || BigInt(value) > MAX_BIGINT) {
    throw new ValidationError(field, 'SEQUENCE', 'must be the sequence number of an event (a decimal string such as "1042")');
  }
  return BigInt(value);
}

type HubEventRow = {
  seq: bigint;
  topic: string;
  caseId: string | null;
  transferId: string | null;
  assistRequestId: string | null;
  workOrderId: string | null;
  departmentCodes: string[];
  payload: Prisma.JsonValue;
  createdAt: Date;
};

function toEnvelope(row: HubEventRow): Envelope {
  return {
    n: row.seq,
    event: {
      seq: row.seq.toString(),
      topic: row.topic as HubEventTopic,
      caseId: row.caseId,
      transferId: row.transferId,
      assistRequestId: row.assistRequestId,
      workOrderId: row.workOrderId,
      departmentCodes: row.departmentCodes,
      payload: (row.payload ?? {}) as Record<string, unknown>,
      createdAt: row.createdAt,
    },
  };
}

function optionalUuid(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID.test(value)) throw new ValidationError(field, 'UUID', 'must be a UUID');
  return value;
}

export class EventBus {
  readonly pageSize: number;
  private readonly maxQueue: number;
  private readonly streams = new Map<HubEventTopic, Set<EventStream>>();
  /** Highest sequence number handed to subscribers (everything below it was too, or never committed). */
  private head: bigint | null = null;
  private headLoading: Promise<void> | null = null;
  /** Arrived (broadcast or transport) but not yet handed out: waiting for a hole to be closed. */
  private inbox: Envelope[] = [];
  private pumping = false;
  private pumpAgain = false;
  private pollWanted = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly pollTimer: NodeJS.Timeout | null = null;
  private readonly unlisten: () => void;
  private closed = false;
  private streamCount = 0;
  /** Counters for tests, benchmarks and metrics. */
  readonly stats = { recorded: 0, dispatched: 0, delivered: 0, catchUps: 0, overflows: 0 };
  private readonly host: StreamHost;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly transport: EventTransport,
    private readonly logger: Pick<Logger, 'warn' | 'error'> = pino({ enabled: false }),
    options: EventBusOptions = {},
  ) {
    this.maxQueue = options.maxQueue ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    this.unlisten = transport.onMessage((events) => this.ingest(events));
    const pollIntervalMs = options.pollIntervalMs ?? 2000;
    if (pollIntervalMs > 0) {
      this.pollTimer = setInterval(() => {
        if (this.streamCount === 0 || this.closed) return;
        this.pollWanted = true;
        void this.pump();
      }, pollIntervalMs);
      this.pollTimer.unref();
    }
    this.host = {
      pageSize: this.pageSize,
      replayPage: (filter, after) => this.replayPage(filter, after),
      detach: (stream) => this.detach(stream),
      onDelivered: () => {
        this.stats.delivered += 1;
      },
      onOverflow: () => {
        this.stats.overflows += 1;
      },
    };
  }

  /** Open subscriptions on this instance. */
  get subscriberCount(): number {
    return this.streamCount;
  }

  /**
   * Inside the writer's transaction: stores the event and returns it with its sequence number.
   * Call it as the transaction's last write, after any row locks the transaction takes: it holds
   * the event log's lock until commit (taking a row lock after it can deadlock with a case step).
   * Never insert HubEvent rows any other way: the ordering guarantee rests on this lock.
   */
  async record(tx: Prisma.TransactionClient, input: HubEventInput): Promise<StoredHubEvent> {
    if (!isHubEventTopic(input.topic)) throw new ValidationError('topic', 'TOPIC', `must be one of ${HUB_EVENT_TOPICS.join(', ')}`);
    if (!input.payload || typeof input.payload !== 'object' || Array.isArray(input.payload)) {
      throw new ValidationError('payload', 'OBJECT', 'must be a JSON object');
    }
    const data = {
      topic: input.topic,
      caseId: optionalUuid('caseId', input.caseId),
      transferId: optionalUuid('transferId', input.transferId),
      assistRequestId: optionalUuid('assistRequestId', input.assistRequestId),
      workOrderId: optionalUuid('workOrderId', input.workOrderId),
      departmentCodes: [...new Set(input.departmentCodes ?? [])],
      // Stored as JSON: what subscribers get back is exactly what the log holds (Dates as ISO strings).
      payload: JSON.parse(JSON.stringify(input.payload)) as Prisma.InputJsonObject,
    };
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', EVENT_LOG_LOCK);
    const row = await tx.hubEvent.create({ data });
    this.stats.recorded += 1;
    return toEnvelope(row).event;
  }

  /** After the transaction committed: pushes the events to live subscribers on every hub instance. Never throws. */
  async broadcast(events: StoredHubEvent[]): Promise<void> {
    if (this.closed || events.length === 0) return;
    this.ingest(events); // this instance's subscribers, without waiting for the transport
    try {
      await this.transport.publish(events);
    } catch (err) {
      // Committed is committed: other instances find the events in the log (hole or poll).
      this.logger.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'hub events: broadcast failed');
    }
  }

  /**
   * Replay from the log (seq > since, matching filter, in seq order), then live events, with no gap
   * and no duplicate across the switch; each event passes `visible` (asked per event).
   * Throws ValidationError (BAD_USER_INPUT) for a malformed `since`, caseId or transferId.
   */
  subscribe(filter: HubEventFilter, options: SubscribeOptions): AsyncIterableIterator<StoredHubEvent> {
    if (this.closed) throw new Error('the event bus is closed');
    if (!isHubEventTopic(filter.topic)) throw new ValidationError('topic', 'TOPIC', `must be one of ${HUB_EVENT_TOPICS.join(', ')}`);
    optionalUuid('caseId', filter.caseId);
    optionalUuid('transferId', filter.transferId);
    const since = parseSequence(options.since);
    const stream = new EventStream(this.host, { ...filter }, since, options.visible, this.maxQueue);
    // Attach (start buffering live events) before the replay's first query: anything committed
    // after that query is then in the buffer, anything before it in the replay.
    if (this.head !== null) {
      this.attach(stream);
    } else {
      const attached = this.loadHead().then(() => this.attach(stream));
      attached.catch(() => undefined); // reported by the stream's next(), not as an unhandled rejection
      stream.waitFor(attached);
    }
    return stream;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.unlisten();
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.end();
    this.streams.clear();
    this.inbox = [];
    await this.transport.close();
  }

  // ───────────── subscribers ─────────────

  private attach(stream: EventStream): void {
    if (!stream.isOpen) return;
    if (this.closed) {
      stream.end();
      return;
    }
    let set = this.streams.get(stream.filter.topic);
    if (!set) {
      set = new Set();
      this.streams.set(stream.filter.topic, set);
    }
    if (!set.has(stream)) {
      set.add(stream);
      this.streamCount += 1;
    }
  }

  private detach(stream: EventStream): void {
    const set = this.streams.get(stream.filter.topic);
    if (set?.delete(stream)) this.streamCount -= 1;
  }

  private async replayPage(filter: HubEventFilter, after: bigint): Promise<Envelope[]> {
    const rows = await this.prisma.hubEvent.findMany({
      where: {
        topic: filter.topic,
        seq: { gt: after },
        ...(filter.caseId !== undefined ? { caseId: filter.caseId } : {}),
        ...(filter.transferId !== undefined ? { transferId: filter.transferId } : {}),
        ...(filter.departmentCode !== undefined ? { departmentCodes: { has: filter.departmentCode } } : {}),
      },
      orderBy: { seq: 'asc' },
      take: this.pageSize,
    });
    return rows.map(toEnvelope);
  }

  // ───────────── ordered delivery ─────────────

  private loadHead(): Promise<void> {
    if (this.head !== null) return Promise.resolve();
    this.headLoading ??= this.prisma.hubEvent
      .aggregate({ _max: { seq: true } })
      .then((r) => {
        this.head ??= r._max.seq ?? 0n;
      })
      .finally(() => {
        this.headLoading = null;
      });
    return this.headLoading;
  }

  private ingest(events: StoredHubEvent[]): void {
    if (this.closed) return;
    for (const event of events) this.inbox.push({ n: BigInt(event.seq), event });
    void this.pump();
  }

  /** Hands out what can be handed out in order; asks the log to close holes. One run at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        if (this.streamCount === 0) {
          // Nobody listens here: nothing to order, no hole worth a query. A later subscriber
          // starts after the head (live) or replays from the log (since).
          for (const envelope of this.inbox) if (this.head !== null && envelope.n > this.head) this.head = envelope.n;
          this.inbox = [];
          this.pollWanted = false;
          break;
        }
        if (this.head === null) await this.loadHead();
        this.drainInbox(); // synchronous on the common path: broadcast → subscribers at once
        if (this.inbox.length > 0) {
          await this.catchUp(this.inbox[this.inbox.length - 1].n);
          this.pumpAgain = true;
        } else if (this.pollWanted) {
          this.pollWanted = false;
          await this.catchUp(null);
        }
      } while (this.pumpAgain && !this.closed);
    } catch (err) {
      this.logger.error({ err }, 'hub events: could not read the event log; retrying');
      if (!this.closed && !this.retryTimer) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.pump();
        }, 1000);
        this.retryTimer.unref();
      }
    } finally {
      this.pumping = false;
    }
  }

  private drainInbox(): void {
    const head = this.head as bigint;
    if (this.inbox.length > 1) this.inbox.sort(compareEnvelopes);
    let next = head;
    let i = 0;
    for (; i < this.inbox.length; i += 1) {
      const envelope = this.inbox[i];
      if (envelope.n <= next) continue; // already handed out (the transport's echo, a duplicate)
      if (envelope.n !== next + 1n) break; // a hole
      this.dispatch(envelope);
      next = envelope.n;
    }
    this.head = next;
    this.inbox.splice(0, i);
  }

  /**
   * Reads the log after the head (up to `upTo`, or to its end for the poll) and hands out, in order,
   * what it finds merged with what arrived; the head then stands at `upTo`.
   */
  private async catchUp(upTo: bigint | null): Promise<void> {
    this.stats.catchUps += 1;
    for (;;) {
      const from = this.head as bigint;
      const rows = await this.prisma.hubEvent.findMany({
        where: { seq: upTo === null ? { gt: from } : { gt: from, lte: upTo } },
        orderBy: { seq: 'asc' },
        take: this.pageSize,
      });
      if (this.closed) return;
      const full = rows.length === this.pageSize;
      const pageEnd = full ? rows[rows.length - 1].seq : (upTo ?? (rows.length > 0 ? rows[rows.length - 1].seq : from));
      const merged = new Map<bigint, Envelope>();
      for (const row of rows) merged.set(row.seq, toEnvelope(row));
      for (const envelope of this.inbox) {
        if (envelope.n > from && envelope.n <= pageEnd && !merged.has(envelope.n)) merged.set(envelope.n, envelope);
      }
      for (const envelope of [...merged.values()].sort(compareEnvelopes)) this.dispatch(envelope);
      if (pageEnd > from) this.head = pageEnd;
      const head = this.head as bigint;
      this.inbox = this.inbox.filter((e) => e.n > head);
      if (!full) return;
    }
  }

  private dispatch(envelope: Envelope): void {
    this.stats.dispatched += 1;
    const set = this.streams.get(envelope.event.topic);
    if (!set) return;
    for (const stream of [...set]) stream.offer(envelope);
  }
}
