// Many hub instances: committed events travel over one Redis pub/sub channel (ioredis, one
// publishing and one subscribing connection). Redis pub/sub is at-most-once: a message sent while
// an instance is disconnected is lost for it, so the bus closes such holes from the event log.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import { isHubEventTopic, type EventTransport, type StoredHubEvent } from './types';

export const DEFAULT_EVENT_CHANNEL = 'edh:hub-events';

/**
 * One channel per event log: hubs on different databases that share a Redis must never mix
 * their sequence numbers. Derived from the database's host, port and name (never credentials).
 */
export function hubEventChannel(store: { databaseUrl: string | null; dataDir: string }): string {
  let identity: string;
  if (store.databaseUrl) {
    const url = new URL(store.databaseUrl);
    identity = `postgres://${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } else {
    identity = `pglite:${store.dataDir}`;
  }
  return `${DEFAULT_EVENT_CHANNEL}:${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

interface WireMessage {
  v: 1;
  events: Array<Omit<StoredHubEvent, 'createdAt'> & { createdAt: string }>;
}

function decode(raw: string): StoredHubEvent[] | null {
  let message: WireMessage;
  try {
    message = JSON.parse(raw) as WireMessage;
  } catch {
    return null;
  }
  if (!message || message.v !== 1 || !Array.isArray(message.events)) return null;
  const events: StoredHubEvent[] = [];
  for (const e of message.events) {
    if (!e || typeof e.seq !== 'string' || !/^\d{1,19}$/.test(e.seq) || !isHubEventTopic(e.topic)) return null;
    events.push({
      seq: e.seq,
      topic: e.topic,
      caseId: e.caseId ?? null,
      transferId: e.transferId ?? null,
      assistRequestId: e.assistRequestId ?? null,
      workOrderId: e.workOrderId ?? null,
      departmentCodes: Array.isArray(e.departmentCodes) ? e.departmentCodes : [],
      payload: e.payload && typeof e.payload === 'object' ? e.payload : {},
      createdAt: new Date(e.createdAt),
    });
  }
  return events;
}

export class RedisTransport implements EventTransport {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<(events: StoredHubEvent[]) => void>();
  private readonly subscribed: Promise<void>;
  private readonly publisherReady: Promise<void>;
  private closed = false;

  constructor(
    redisUrl: string,
    readonly channel: string = DEFAULT_EVENT_CHANNEL,
    private readonly logger: Logger = pino({ enabled: false }),
  ) {
    // A publish must not hold a user's request when Redis is away: no offline queue (fails at once
    // while disconnected), 1 s at most otherwise. Other instances then find the event in the log.
    this.publisher = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, connectionName: 'edh-events-pub' });
    this.publisherReady = new Promise((resolve) => this.publisher.once('ready', () => resolve()));
    this.subscriber = new Redis(redisUrl, { connectionName: 'edh-events-sub' });
    for (const [name, connection] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      connection.on('error', (err: Error) => {
        if (!this.closed) this.logger.warn({ err: { message: err.message }, connection: name }, 'hub events: Redis connection error');
      });
    }
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      const events = decode(raw);
      if (!events) {
        this.logger.warn({ channel }, 'hub events: ignored a malformed message');
        return;
      }
      for (const listener of [...this.listeners]) listener(events);
    });
    this.subscribed = this.subscriber.subscribe(this.channel).then(
      () => undefined,
      (err: unknown) => {
        if (!this.closed) this.logger.error({ err }, 'hub events: could not subscribe to the Redis channel');
      },
    );
  }

  /** Resolves once the subscribing connection listens on the channel and the publishing one is connected. */
  async ready(): Promise<void> {
    await Promise.all([this.subscribed, this.publisherReady]);
  }

  async publish(events: StoredHubEvent[]): Promise<void> {
    if (this.closed || events.length === 0) return;
    const message: WireMessage = { v: 1, events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  onMessage(listener: (events: StoredHubEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    const quit = (connection: Redis) =>
      Promise.race([connection.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]).finally(() =>
        connection.disconnect(),
      );
    await Promise.all([quit(this.subscriber), quit(this.publisher)]);
  }
}
