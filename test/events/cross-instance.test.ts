// Two hub instances in this jest process. They share nothing but PostgreSQL and (when configured)
// Redis: each has its own HTTP/WebSocket server, database pool, event bus and transport
// connections, exactly as two processes would.
import { Redis } from 'ioredis';
import { EventBus, hubEventChannel, InMemoryTransport, RedisTransport } from '../../src/events/event-bus';
import { startTestHub, type TestHub } from '../support/test-hub';
import { CASE_UPDATED, caseLog, fileCase, registerCase, streetSetup, subscribe, subscriptionsOpen, waitFor, wsUrl, type Subscriber } from './support';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This run's own channel, so that concurrent runs sharing the Redis never meet. */
const CHANNEL = `edh:test-events:${process.env.HUB_TEST_DATABASE_NAME ?? process.pid}`;

type CaseUpdate = { sequence: string; caseId: string; eventType: string; stage: string };

const hubs: TestHub[] = [];
const subscribers: Subscriber<unknown>[] = [];

afterEach(async () => {
  await Promise.all(subscribers.splice(0).map((s) => s.dispose()));
  await Promise.all(hubs.splice(0).map((h) => h.stop()));
});

/** A hub whose bus only learns of other instances' events through its transport (no log poll). */
async function hubWith(transport: () => RedisTransport | InMemoryTransport): Promise<{ hub: TestHub; transport: RedisTransport | InMemoryTransport }> {
  let made!: RedisTransport | InMemoryTransport;
  const hub = await startTestHub({
    events: (db) => {
      made = transport();
      return new EventBus(db.prisma, made, undefined, { pollIntervalMs: 0 });
    },
  });
  hubs.push(hub);
  return { hub, transport: made };
}

function follow(hub: TestHub, token: string, variables: Record<string, unknown>): Subscriber<CaseUpdate> {
  const s = subscribe<CaseUpdate>(wsUrl(hub), token, CASE_UPDATED, variables);
  subscribers.push(s as Subscriber<unknown>);
  return s;
}

it('a subscriber on hub B receives a case change made through hub A, over Redis', async () => {
  const a = await hubWith(() => new RedisTransport(REDIS_URL, CHANNEL));
  const b = await hubWith(() => new RedisTransport(REDIS_URL, CHANNEL));
  await Promise.all([(a.transport as RedisTransport).ready(), (b.transport as RedisTransport).ready()]);
  const gh = await streetSetup(a.hub, 'LH-GH');
  const c = await registerCase(a.hub, gh);

  const onB = follow(b.hub, gh.token, { caseId: c.id });
  await subscriptionsOpen(b.hub, 1);
  // Whatever else lands on the channel is ignored.
  const raw = new Redis(REDIS_URL);
  await raw.publish(CHANNEL, 'not json');
  await raw.publish(CHANNEL, JSON.stringify({ v: 1, events: [{ seq: 'x', topic: 'CASE_UPDATED' }] }));
  raw.disconnect();
  // Through hub A's HTTP server. Hub B polls no log: only a message on its transport wakes it.
  await fileCase(a.hub, gh.token, c.id);
  await waitFor(() => onB.events.length >= 1, 'the update on hub B');

  const log = await caseLog(a.hub, c.id);
  expect(onB.events.map((e) => [e.sequence, e.eventType, e.stage])).toEqual([[log[1].seq, 'FILED', 'FILED']]);
});

it('without Redis hub B does not get hub A’s change live, but gets it by replay when it subscribes again with since', async () => {
  const a = await hubWith(() => new InMemoryTransport());
  const b = await hubWith(() => new InMemoryTransport());
  const gh = await streetSetup(a.hub, 'LH-GH');
  const c = await registerCase(a.hub, gh);
  const [registered] = await caseLog(a.hub, c.id);

  const onA = follow(a.hub, gh.token, { caseId: c.id });
  const onB = follow(b.hub, gh.token, { caseId: c.id });
  await Promise.all([subscriptionsOpen(a.hub, 1), subscriptionsOpen(b.hub, 1)]);
  await fileCase(a.hub, gh.token, c.id);
  await waitFor(() => onA.events.length >= 1, 'the update on hub A');
  await new Promise((r) => setTimeout(r, 1000)); // ample time for a live delivery that must not come
  expect(onB.events).toEqual([]);

  const resumed = follow(b.hub, gh.token, { caseId: c.id, since: registered.seq });
  await waitFor(() => resumed.events.length >= 1, 'the replayed update on hub B');
  expect(resumed.events.map((e) => [e.sequence, e.eventType])).toEqual([[onA.events[0].sequence, 'FILED']]);
});

it('a hub built with REDIS_URL listens on the channel of its database', async () => {
  const hub = await startTestHub({ env: { REDIS_URL } });
  hubs.push(hub);
  const channel = hubEventChannel(hub.config);
  const redis = new Redis(REDIS_URL);
  try {
    await waitFor(async () => {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      return Number(count) >= 1;
    }, 'the hub to subscribe to its channel');
  } finally {
    redis.disconnect();
  }
  expect(channel).toMatch(/^edh:hub-events:[0-9a-f]{16}$/);
  expect(hub.config.redisUrl).toBe(REDIS_URL);
});
