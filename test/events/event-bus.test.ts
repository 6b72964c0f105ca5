// The event bus on the run's PostgreSQL database with in-process transports: sequence order,
// replay then live without gap or duplicate, slow subscribers, cleanup, cursor validation.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client';
import { openDatabase, type Database } from '../../src/db/database';
import { DomainError } from '../../src/errors/domain-errors';
import {
  EventBus,
  InMemoryTransport,
  type EventTransport,
  type HubEventInput,
  type StoredHubEvent,
} from '../../src/events/event-bus';

let db: Database;
const buses: EventBus[] = [];

beforeAll(async () => {
  db = await openDatabase({ databaseUrl: process.env.HUB_TEST_DATABASE_URL!, dataDir: '/tmp', poolSize: 6 });
});

afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

afterAll(async () => {
  await db.close();
});

function newBus(options: { transport?: EventTransport; prisma?: PrismaClient; maxQueue?: number; pageSize?: number; pollIntervalMs?: number } = {}) {
  const bus = new EventBus(options.prisma ?? db.prisma, options.transport ?? new InMemoryTransport(), undefined, {
    pollIntervalMs: options.pollIntervalMs ?? 0,
    maxQueue: options.maxQueue,
    pageSize: options.pageSize,
  });
  buses.push(bus);
  return bus;
}

function caseEvent(caseId: string, n: number): HubEventInput {
  return { topic: 'CASE_UPDATED', caseId, departmentCodes: ['LH-GH'], payload: { caseId, n } };
}

async function record(bus: EventBus, inputs: HubEventInput[]): Promise<StoredHubEvent[]> {
  return db.prisma.$transaction(async (tx) => {
    const out: StoredHubEvent[] = [];
    for (const input of inputs) out.push(await bus.record(tx, input));
    return out;
  });
}

async function publish(bus: EventBus, inputs: HubEventInput[]): Promise<StoredHubEvent[]> {
  const events = await record(bus, inputs);
  await bus.broadcast(events);
  return events;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Pulls n events, failing (not hanging) when they do not come. */
async function take(stream: AsyncIterator<StoredHubEvent>, n: number, timeoutMs = 10_000): Promise<StoredHubEvent[]> {
  const out: StoredHubEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`received ${out.length} of ${n} events`)), timeoutMs);
  });
  try {
    while (out.length < n) {
      const r = await Promise.race([stream.next(), timeout]);
      if (r.done) throw new Error(`stream ended after ${out.length} of ${n} events`);
      out.push(r.value);
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

const seqs = (events: StoredHubEvent[]) => events.map((e) => e.seq);
const ns = (events: StoredHubEvent[]) => events.map((e) => e.payload.n);

describe('recording and broadcasting', () => {
  it('stores events in the writer’s transaction with increasing sequence numbers and delivers them in that order', async () => {
    const bus = newBus();
    const caseId = randomUUID();
    const stream = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 1, 'the subscription to attach');

    const events = await publish(bus, [caseEvent(caseId, 1), caseEvent(caseId, 2), caseEvent(caseId, 3)]);
    const stored = await db.prisma.hubEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(stored.map((r) => r.seq.toString())).toEqual(seqs(events));
    expect(BigInt(events[0].seq) < BigInt(events[1].seq) && BigInt(events[1].seq) < BigInt(events[2].seq)).toBe(true);

    const received = await take(stream, 3);
    expect(seqs(received)).toEqual(seqs(events));
    expect(ns(received)).toEqual([1, 2, 3]);
    expect(received[0].departmentCodes).toEqual(['LH-GH']);
    await stream.return!();
  });

  it('leaves nothing of a rolled-back transaction and carries on after the hole it leaves', async () => {
    const bus = newBus();
    const caseId = randomUUID();
    const stream = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 1, 'the subscription to attach');

    await expect(
      db.prisma.$transaction(async (tx) => {
        await bus.record(tx, caseEvent(caseId, 0));
        throw new Error('step refused');
      }),
    ).rejects.toThrow('step refused');
    expect(await db.prisma.hubEvent.count({ where: { caseId } })).toBe(0);

    const [after] = await publish(bus, [caseEvent(caseId, 1)]);
    const received = await take(stream, 1);
    expect(seqs(received)).toEqual([after.seq]);
    await stream.return!();
  });

  it('numbers events in commit order: a second writer waits in record() until the first commits', async () => {
    const bus = newBus();
    const caseId = randomUUID();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
    let firstRecorded!: () => void;
    const firstHasRecorded = new Promise<void>((r) => (firstRecorded = r));

    const first = db.prisma.$transaction(
      async (tx) => {
        const e = await bus.record(tx, caseEvent(caseId, 1));
        firstRecorded();
        await firstMayCommit;
        return e;
      },
      { timeout: 20_000 },
    );
    await firstHasRecorded;
    let secondRecordedAt: number | null = null;
    const second = db.prisma.$transaction(
      async (tx) => {
        const e = await bus.record(tx, caseEvent(caseId, 2));
        secondRecordedAt = Date.now();
        return e;
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
    // The second writer cannot take a sequence number while the first transaction is open.
    await new Promise((r) => setTimeout(r, 300));
    expect(secondRecordedAt).toBeNull();
    releaseFirst();
    const [e1, e2] = await Promise.all([first, second]);
    expect(secondRecordedAt).not.toBeNull();
    expect(BigInt(e2.seq) > BigInt(e1.seq)).toBe(true);
  });

  it('hands events out in sequence order and once, however the transport delivers them', async () => {
    // Two buses as two hub instances; the transport between them delivers late, reversed and twice.
    const held: StoredHubEvent[][] = [];
    const listeners = new Set<(events: StoredHubEvent[]) => void>();
    const transport: EventTransport = {
      publish: async (events) => {
        held.push(events);
      },
      onMessage: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      close: async () => undefined,
    };
    const deliver = (events: StoredHubEvent[]) => listeners.forEach((l) => l(events));
    const writer = newBus({ transport });
    const reader = newBus({ transport });
    const caseId = randomUUID();
    const stream = reader.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => reader.subscriberCount === 1, 'the subscription to attach');

    const [e1] = await publish(writer, [caseEvent(caseId, 1)]);
    const [e2] = await publish(writer, [caseEvent(caseId, 2)]);
    expect(held).toHaveLength(2);
    deliver([e2]); // arrives ahead of e1: the reader asks the log for what lies before it
    const firstTwo = await take(stream, 2);
    expect(seqs(firstTwo)).toEqual([e1.seq, e2.seq]);
    deliver([e1]);
    deliver([e2]);
    const [e3] = await publish(writer, [caseEvent(caseId, 3)]);
    deliver([e3]);
    const next = await take(stream, 1);
    expect(seqs(next)).toEqual([e3.seq]); // not e1 or e2 again
    await stream.return!();
  });

  it('finds committed events that were never broadcast (the safety poll)', async () => {
    const bus = newBus({ pollIntervalMs: 100 });
    const caseId = randomUUID();
    const stream = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 1, 'the subscription to attach');
    const [e] = await record(bus, [caseEvent(caseId, 1)]); // no broadcast
    expect(seqs(await take(stream, 1))).toEqual([e.seq]);
    await stream.return!();
  });
});

describe('replay, then live', () => {
  it('replays after `since`, switches to live events, and neither loses nor repeats events committed during the replay', async () => {
    const caseId = randomUUID();
    let hook: (() => Promise<void>) | null = null;
    let afterQuery: (() => Promise<void>) | null = null;
    // Events are committed and broadcast just before the replay's first query runs (so they are both
    // in the replay and in the live buffer) and just after its last query ran (so they are only live).
    const prisma = new Proxy(db.prisma, {
      get(target, prop, receiver) {
        if (prop !== 'hubEvent') return Reflect.get(target, prop, receiver);
        const delegate = target.hubEvent;
        return new Proxy(delegate, {
          get(d, p, r) {
            if (p !== 'findMany') return Reflect.get(d, p, r);
            return async (args: Parameters<typeof delegate.findMany>[0]) => {
              const isReplay = (args?.where as { topic?: string } | undefined)?.topic !== undefined;
              const before = isReplay ? hook : null;
              if (before) {
                hook = null;
                await before();
              }
              const rows = await d.findMany(args);
              const after = isReplay && rows.length < (args?.take ?? Infinity) ? afterQuery : null;
              if (after) {
                afterQuery = null;
                await after();
              }
              return rows;
            };
          },
        });
      },
    }) as PrismaClient;
    const bus = newBus({ prisma, pageSize: 2 });

    const [e1, e2, e3] = await publish(bus, [caseEvent(caseId, 1), caseEvent(caseId, 2), caseEvent(caseId, 3)]);
    const during: StoredHubEvent[] = [];
    hook = async () => {
      during.push(...(await publish(bus, [caseEvent(caseId, 4)])));
      during.push(...(await publish(bus, [caseEvent(caseId, 5)])));
    };
    afterQuery = async () => {
      during.push(...(await publish(bus, [caseEvent(caseId, 6)])));
    };
    const stream = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { since: e1.seq, visible: () => true });
    const replayedAndLive = await take(stream, 5);
    expect(hook).toBeNull();
    expect(afterQuery).toBeNull();
    expect(ns(replayedAndLive)).toEqual([2, 3, 4, 5, 6]);
    expect(seqs(replayedAndLive)).toEqual([e2.seq, e3.seq, ...seqs(during)]);

    const [e7] = await publish(bus, [caseEvent(caseId, 7)]);
    expect(seqs(await take(stream, 1))).toEqual([e7.seq]); // next is 7: nothing repeated
    await stream.return!();
  });

  it('asks `visible` for every event and hands out only what it allows', async () => {
    const bus = newBus();
    const caseId = randomUUID();
    const [e1] = await publish(bus, [caseEvent(caseId, 1), caseEvent(caseId, 2)]);
    const asked: unknown[] = [];
    const stream = bus.subscribe(
      { topic: 'CASE_UPDATED', caseId },
      {
        since: String(BigInt(e1.seq) - 1n),
        visible: async (e) => {
          asked.push(e.payload.n);
          return (e.payload.n as number) % 2 === 0;
        },
      },
    );
    await waitFor(() => bus.subscriberCount === 1, 'the subscription to attach');
    const first = await take(stream, 1); // replayed: 1 refused, 2 allowed
    await publish(bus, [caseEvent(caseId, 3), caseEvent(caseId, 4)]);
    const second = await take(stream, 1); // live: 3 refused, 4 allowed
    expect(ns([...first, ...second])).toEqual([2, 4]);
    expect(asked).toEqual([1, 2, 3, 4]);
    await stream.return!();
  });

  it('filters by transfer and by department', async () => {
    const bus = newBus();
    const transferId = randomUUID();
    const caseId = randomUUID();
    const byTransfer = bus.subscribe({ topic: 'TRANSFER_STATUS_CHANGED', transferId }, { visible: () => true });
    const byDepartment = bus.subscribe({ topic: 'ASSIST_REQUEST_UPDATED', departmentCode: 'LH-ZJJ' }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 2, 'the subscriptions to attach');
    await publish(bus, [
      { topic: 'TRANSFER_STATUS_CHANGED', transferId: randomUUID(), caseId, payload: { n: 1 } },
      { topic: 'TRANSFER_STATUS_CHANGED', transferId, caseId, payload: { n: 2 } },
      { topic: 'ASSIST_REQUEST_UPDATED', caseId, departmentCodes: ['LH-GH', 'LH-MZ'], payload: { n: 3 } },
      { topic: 'ASSIST_REQUEST_UPDATED', caseId, departmentCodes: ['LH-GH', 'LH-ZJJ'], payload: { n: 4 } },
    ]);
    expect(ns(await take(byTransfer, 1))).toEqual([2]);
    expect(ns(await take(byDepartment, 1))).toEqual([4]);
    await byTransfer.return!();
    await byDepartment.return!();
  });
});

describe('slow subscribers and cleanup', () => {
  it('ends only the subscription that fell too far behind, with an error naming the rule', async () => {
    const bus = newBus({ maxQueue: 3 });
    const caseId = randomUUID();
    const fast = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    const slow = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 2, 'the subscriptions to attach');

    const received: StoredHubEvent[] = [];
    const consuming = (async () => {
      received.push(...(await take(fast, 6)));
    })();
    const published: StoredHubEvent[] = [];
    for (let n = 1; n <= 6; n += 1) published.push(...(await publish(bus, [caseEvent(caseId, n)])));
    await consuming;
    expect(seqs(received)).toEqual(seqs(published));
    expect(bus.subscriberCount).toBe(1); // the slow one was let go, without waiting for it to pull

    const error = await slow.next().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('PRECONDITION_FAILED');
    expect((error as DomainError).details).toMatchObject({ rule: 'SUBSCRIBER_TOO_SLOW', limit: 3 });
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(bus.stats.overflows).toBe(1);
    await fast.return!();
  });

  it('releases a subscription when it is closed, also while waiting, and everything when the bus closes', async () => {
    const transport = new InMemoryTransport();
    const bus = newBus({ transport });
    const caseId = randomUUID();
    const a = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    const b = bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true });
    await waitFor(() => bus.subscriberCount === 2, 'the subscriptions to attach');
    expect(transport.listenerCount).toBe(1);

    const waiting = a.next();
    await a.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(1);

    const waitingB = b.next();
    await bus.close();
    expect(await waitingB).toEqual({ value: undefined, done: true });
    expect(bus.subscriberCount).toBe(0);
    expect(transport.listenerCount).toBe(0);
    expect(() => bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { visible: () => true })).toThrow('closed');
  });

  it.each([['abc'], ['-1'], ['1.5'], [''], [' 1'], ['1e3'], ['99999999999999999999'], ['9223372036854775808']])(
    'refuses the cursor since=%p (BAD_USER_INPUT)',
    (since) => {
      const bus = newBus();
      let error: unknown = null;
      try {
        bus.subscribe({ topic: 'CASE_UPDATED', caseId: randomUUID() }, { since, visible: () => true });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).details).toMatchObject({ field: 'since', rule: 'SEQUENCE' });
      expect(bus.subscriberCount).toBe(0);
    },
  );

  it('accepts the largest cursor and a malformed case id is refused', () => {
    const bus = newBus();
    const ok = bus.subscribe({ topic: 'CASE_UPDATED', caseId: randomUUID() }, { since: '9223372036854775807', visible: () => true });
    void ok.return!();
    expect(() => bus.subscribe({ topic: 'CASE_UPDATED', caseId: 'not-a-uuid' }, { visible: () => true })).toThrow('caseId');
  });
});
