// The transactional outbox against the run's real PostgreSQL. Every test uses its own topic and
// aggregate ids (other test files share the database), and workers only claim their own topics.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConnectorError } from '../../connectors/core/connector-error';
import type { ConnectorLogger } from '../../connectors/core/types';
import { openDatabase, type Database } from '../../src/db/database';
import { applyMigrations } from '../../src/db/migrator';
import { ConflictError, NotFoundError } from '../../src/errors/domain-errors';
import type { OutboxMessage, Prisma } from '../../src/generated/prisma/client';
import {
  OutboxWorker,
  PermanentOutboxError,
  backoffDelayMs,
  describeOutboxError,
  enqueueOutbox,
  outboxStats,
  retryDeadMessage,
  type OutboxHandler,
  type OutboxMessageInput,
  type OutboxWorkerOptions,
} from '../../src/outbox';

let db: Database;
const extra: Database[] = [];
const running: OutboxWorker[] = [];

async function openDb(poolSize = 5): Promise<Database> {
  const opened = await openDatabase({ databaseUrl: process.env.HUB_TEST_DATABASE_URL!, dataDir: '/tmp', poolSize });
  extra.push(opened);
  return opened;
}

beforeAll(async () => {
  db = await openDb(10);
});

afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()));
  await Promise.all(extra.map((d) => d.close()));
});

let counter = 0;
function uid(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${randomBytes(3).toString('hex')}`;
}

function message(topic: string, aggregateId: string, key: string, extraInput: Partial<OutboxMessageInput> = {}): OutboxMessageInput {
  return { topic, aggregateType: 'test-aggregate', aggregateId, idempotencyKey: key, payload: { key }, ...extraInput };
}

async function enqueueAll(inputs: OutboxMessageInput[]): Promise<OutboxMessage[]> {
  return db.prisma.$transaction(async (tx) => {
    const out: OutboxMessage[] = [];
    for (const input of inputs) out.push(await enqueueOutbox(tx, input));
    return out;
  });
}

async function row(key: string): Promise<OutboxMessage> {
  return db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
}

/** A clock that only moves when told to; starts a little ahead so rows enqueued "now" are due. */
function manualClock(): { now(): Date; advance(ms: number): void } {
  let t = Date.now() + 1_000;
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}
function captureLogger(): ConnectorLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj, msg }),
  };
}

function worker(handlers: Record<string, OutboxHandler>, options: OutboxWorkerOptions = {}, prisma = db.prisma): OutboxWorker {
  return new OutboxWorker(prisma, handlers, { leaseMs: 60_000, ...options });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const unavailable = (message = 'platform down', retryAfterMs?: number) =>
  new ConnectorError('UPSTREAM_UNAVAILABLE', 'case-transfer', message, { httpStatus: 503, retryAfterMs });

describe('enqueueOutbox', () => {
  it('commits with the caller’s transaction and leaves nothing when it rolls back', async () => {
    const topic = uid('t-rollback');
    const key = uid('k');
    await expect(
      db.prisma.$transaction(async (tx) => {
        const created = await enqueueOutbox(tx, message(topic, uid('agg'), key));
        expect(created.status).toBe('PENDING');
        // visible inside the transaction …
        expect(await tx.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(1);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    // … and gone with it
    expect(await db.prisma.outboxMessage.count({ where: { topic } })).toBe(0);

    const [kept] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    expect(await db.prisma.outboxMessage.count({ where: { topic } })).toBe(1);
    expect(kept.topic).toBe(topic);
  });

  it('returns the existing row for the same idempotency key, without a duplicate or an error', async () => {
    const topic = uid('t-dupe');
    const key = uid('k');
    const aggregateId = uid('agg');
    const first = (await enqueueAll([message(topic, aggregateId, key, { payload: { n: 1 }, maxAttempts: 3 })]))[0];
    const second = (await enqueueAll([message(topic, aggregateId, key, { payload: { n: 2 } })]))[0];
    expect(second.id).toBe(first.id);
    expect(second.seq).toBe(first.seq);
    expect(second.payload).toEqual({ n: 1 });
    expect(first.maxAttempts).toBe(3);
    // twice in one transaction
    const inOne = await enqueueAll([message(topic, aggregateId, uid('k2') + 'x'), message(topic, aggregateId, key)]);
    expect(inOne[1].id).toBe(first.id);
    // concurrently from two transactions
    const raceKey = uid('race');
    const [a, b] = await Promise.all([
      enqueueAll([message(topic, uid('agg-a'), raceKey, { payload: { from: 'a' } })]),
      enqueueAll([message(topic, uid('agg-b'), raceKey, { payload: { from: 'b' } })]),
    ]);
    expect(a[0].id).toBe(b[0].id);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: raceKey } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { topic } })).toBe(3);
  });

  it('serializes transactions enqueueing for one aggregate, so seq order is commit order', async () => {
    const topic = uid('t-serial');
    const agg = uid('agg');
    const inT1 = deferred<OutboxMessage>();
    const commitT1 = deferred();
    const t1 = db.prisma.$transaction(async (tx) => {
      inT1.resolve(await enqueueOutbox(tx, message(topic, agg, uid('first'))));
      await commitT1.promise;
    });
    const first = await inT1.promise;
    let t2Done = false;
    const t2 = enqueueAll([message(topic, agg, uid('second'))]).then(([m]) => {
      t2Done = true;
      return m;
    });
    // Another aggregate is not held up by the open transaction.
    const [other] = await enqueueAll([message(topic, uid('other'), uid('other'))]);
    expect(other.seq > first.seq).toBe(true);
    await sleep(100);
    expect(t2Done).toBe(false); // waits for T1's commit, whatever the timing
    commitT1.resolve();
    await t1;
    const second = await t2;
    expect(second.seq > other.seq).toBe(true);
    expect(second.seq > first.seq).toBe(true);
  }, 20_000);

  it('stores availableAt and defaults, and rejects malformed input', async () => {
    const topic = uid('t-input');
    const later = new Date(Date.now() + 3_600_000);
    const [deferredMsg, now] = await enqueueAll([
      message(topic, uid('agg'), uid('k'), { availableAt: later }),
      message(topic, uid('agg'), uid('k')),
    ]);
    expect(deferredMsg.availableAt.getTime()).toBe(later.getTime());
    expect(now.maxAttempts).toBe(12);
    expect(now.attempts).toBe(0);
    expect(now.seq > deferredMsg.seq).toBe(true);
    await expect(enqueueAll([message(topic, '', uid('k'))])).rejects.toThrow(TypeError);
    await expect(enqueueAll([message(topic, uid('agg'), uid('k'), { maxAttempts: 0 })])).rejects.toThrow(RangeError);

    const calls: string[] = [];
    const w = worker({ [topic]: async (m) => void calls.push(m.idempotencyKey) });
    expect(await w.runOnce()).toBe(1);
    expect(calls).toEqual([now.idempotencyKey]);
    expect(await w.runOnce()).toBe(0);
  });
});

describe('OutboxWorker delivery', () => {
  it('delivers 50 messages over 3 concurrent workers exactly once each, never twice at the same time', async () => {
    const topic = uid('t-once');
    const inputs = Array.from({ length: 50 }, (_, i) => message(topic, uid(`agg${i}`), uid(`k${i}`)));
    await enqueueAll(inputs);
    const calls = new Map<string, number>();
    const inProgress = new Set<string>();
    const overlaps: string[] = [];
    const handler: OutboxHandler = async (m, ctx) => {
      if (inProgress.has(m.idempotencyKey)) overlaps.push(m.idempotencyKey);
      inProgress.add(m.idempotencyKey);
      calls.set(m.idempotencyKey, (calls.get(m.idempotencyKey) ?? 0) + 1);
      await sleep(Math.floor(Math.random() * 4));
      inProgress.delete(m.idempotencyKey);
      return { echo: m.idempotencyKey, by: ctx.workerId };
    };
    const databases = await Promise.all([openDb(3), openDb(3), openDb(3)]);
    const workers = databases.map((d, i) => worker({ [topic]: handler }, { workerId: `once-w${i}`, batchSize: 3 }, d.prisma));
    const delivered = () => db.prisma.outboxMessage.count({ where: { topic, status: 'DELIVERED' } });
    const handledBy = [0, 0, 0];
    await Promise.all(
      workers.map(async (w, i) => {
        for (let round = 0; round < 2_000; round += 1) {
          const n = await w.runOnce();
          handledBy[i] += n;
          if (n === 0) {
            if ((await delivered()) === 50) return;
            await sleep(2);
          }
        }
      }),
    );
    expect(overlaps).toEqual([]);
    expect(calls.size).toBe(50);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(handledBy.reduce((a, b) => a + b, 0)).toBe(50);
    const rows = await db.prisma.outboxMessage.findMany({ where: { topic } });
    expect(rows).toHaveLength(50);
    for (const r of rows) {
      expect(r.status).toBe('DELIVERED');
      expect(r.attempts).toBe(1);
      expect(r.deliveredAt).not.toBeNull();
      expect(r.result).toEqual({ echo: r.idempotencyKey, by: r.leaseOwner });
      expect(['once-w0', 'once-w1', 'once-w2']).toContain(r.leaseOwner);
    }
  });

  it('keeps the order of each aggregate: A2 waits while A1 is retried, other aggregates go on', async () => {
    const topic = uid('t-order');
    const a = uid('aggA');
    const b = uid('aggB');
    const [a1, b1, a2, b2, a3] = await enqueueAll([
      message(topic, a, uid('A1')),
      message(topic, b, uid('B1')),
      message(topic, a, uid('A2')),
      message(topic, b, uid('B2')),
      message(topic, a, uid('A3')),
    ]);
    const name = new Map([a1, b1, a2, b2, a3].map((m, i) => [m.idempotencyKey, ['A1', 'B1', 'A2', 'B2', 'A3'][i]]));
    let a1Failures = 0;
    let round: string[] = [];
    const delivered: string[] = [];
    const clock = manualClock();
    const w = worker(
      {
        [topic]: async (m) => {
          const n = name.get(m.idempotencyKey)!;
          round.push(n);
          if (n === 'A1' && a1Failures < 2) {
            a1Failures += 1;
            throw new Error('platform busy');
          }
          delivered.push(n);
        },
      },
      { clock, random: () => 0 },
    );
    const next = async () => {
      round = [];
      await w.runOnce();
      return [...round].sort();
    };
    expect(await next()).toEqual(['A1', 'B1']); // A1 fails, B1 delivered
    expect(await next()).toEqual(['B2']); // B goes on; A2 is not attempted behind the pending A1
    expect(await next()).toEqual([]); // A1 is backing off, A2 still waits
    expect((await row(a2.idempotencyKey)).attempts).toBe(0);
    clock.advance(600_000);
    expect(await next()).toEqual(['A1']); // second failure
    clock.advance(600_000);
    expect(await next()).toEqual(['A1']); // delivered
    expect(await next()).toEqual(['A2']);
    expect(await next()).toEqual(['A3']);
    expect(await next()).toEqual([]);
    expect(delivered).toEqual(['B1', 'B2', 'A1', 'A2', 'A3']);
    const rows = await Promise.all([a1, a2, a3].map((m) => row(m.idempotencyKey)));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['DELIVERED', 3],
      ['DELIVERED', 1],
      ['DELIVERED', 1],
    ]);
    expect(rows[0].deliveredAt!.getTime()).toBeLessThanOrEqual(rows[1].deliveredAt!.getTime());
  });

  it('keeps per-aggregate order with 3 background workers and random failures', async () => {
    const topic = uid('t-order-many');
    const aggregates = Array.from({ length: 6 }, (_, i) => uid(`agg${i}`));
    const inputs: OutboxMessageInput[] = [];
    for (let i = 0; i < 8; i += 1) for (const agg of aggregates) inputs.push(message(topic, agg, `${agg}#${i}`, { payload: { agg, i } }));
    const deliveredSet = new Set<string>();
    const violations: string[] = [];
    const inProgress = new Set<string>();
    let failures = 0;
    const handler: OutboxHandler = async (m) => {
      const { agg, i } = m.payload as { agg: string; i: number };
      if (i > 0 && !deliveredSet.has(`${agg}#${i - 1}`)) violations.push(`${agg}#${i} before #${i - 1}`);
      if (inProgress.has(agg)) violations.push(`${agg} delivered concurrently`);
      inProgress.add(agg);
      await sleep(Math.floor(Math.random() * 3));
      inProgress.delete(agg);
      if (Math.random() < 0.25) {
        failures += 1;
        throw unavailable();
      }
      deliveredSet.add(m.idempotencyKey);
    };
    const databases = await Promise.all([openDb(3), openDb(3), openDb(3)]);
    const workers = databases.map((d, i) =>
      worker({ [topic]: handler }, { workerId: `bg-w${i}`, batchSize: 4, concurrency: 4, pollMs: 20, baseDelayMs: 5, maxDelayMs: 40, random: () => 0.5 }, d.prisma),
    );
    workers.forEach((w) => {
      running.push(w);
      w.start();
    });
    await enqueueAll(inputs);
    workers.forEach((w) => w.notify());
    await waitFor(async () => (await outboxStats(db.prisma, { topic })).delivered === inputs.length, 'all delivered', 40_000);
    await Promise.all(workers.map((w) => w.stop()));
    expect(violations).toEqual([]);
    expect(deliveredSet.size).toBe(inputs.length);
    const rows = await db.prisma.outboxMessage.findMany({ where: { topic } });
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(inputs.length + failures);
    expect(await outboxStats(db.prisma, { topic })).toMatchObject({ pending: 0, inFlight: 0, dead: 0 });
  });

  it('survives the platform being down for a while: delivered once after N retries, with backoff', async () => {
    const topic = uid('t-down');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    const N = 3;
    const calls: { key: string; attempt: number }[] = [];
    const clock = manualClock();
    const w = worker(
      {
        [topic]: async (msg, ctx) => {
          calls.push({ key: msg.idempotencyKey, attempt: ctx.attempt });
          if (calls.length <= N) throw unavailable(`down (${calls.length})`);
          return { ok: true };
        },
      },
      { clock, random: () => 0.5, baseDelayMs: 1_000 },
    );
    for (let attempt = 1; attempt <= N; attempt += 1) {
      expect(await w.runOnce()).toBe(1);
      const r = await row(m.idempotencyKey);
      const delay = 0.75 * 1_000 * 2 ** (attempt - 1); // equal jitter with random 0.5
      expect(r.status).toBe('PENDING');
      expect(r.attempts).toBe(attempt);
      expect(r.availableAt.getTime()).toBe(clock.now().getTime() + delay);
      expect(r.lastError).toBe(`UPSTREAM_UNAVAILABLE(case-transfer 503): down (${attempt})`);
      expect(r.leaseOwner).toBeNull();
      expect(await w.runOnce()).toBe(0); // not due yet
      clock.advance(delay);
    }
    expect(await w.runOnce()).toBe(1);
    const done = await row(m.idempotencyKey);
    expect(done.status).toBe('DELIVERED');
    expect(done.attempts).toBe(N + 1);
    expect(done.result).toEqual({ ok: true });
    expect(done.deliveredAt!.getTime()).toBe(clock.now().getTime());
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set([m.idempotencyKey]));
    expect(await w.runOnce()).toBe(0);
  });

  it('takes over the message of a crashed worker after its lease and refuses the late completion', async () => {
    const topic = uid('t-crash');
    const [m, m2] = await enqueueAll([message(topic, uid('agg'), uid('k')), message(topic, uid('agg2'), uid('k2'))]);
    const calls: { key: string; worker: string; attempt: number }[] = [];
    const started = deferred();
    const release = deferred();
    const handler: OutboxHandler = async (msg, ctx) => {
      calls.push({ key: msg.idempotencyKey, worker: ctx.workerId, attempt: ctx.attempt });
      if (ctx.workerId === 'crash-w1') {
        started.resolve();
        await release.promise; // "dead": never answers until the test lets it
        return { by: 'w1' };
      }
      return { by: 'w2' };
    };
    const log1 = captureLogger();
    const w1 = worker({ [topic]: handler }, { workerId: 'crash-w1', batchSize: 1, logger: log1 });
    const w2 = worker({ [topic]: handler }, { workerId: 'crash-w2', batchSize: 1 });

    const late = w1.runOnce();
    await started.promise;
    const leased = await row(m.idempotencyKey);
    expect([leased.status, leased.leaseOwner, leased.attempts]).toEqual(['IN_FLIGHT', 'crash-w1', 1]);
    // While the lease holds, nobody else gets it (w2 takes the other aggregate's message instead).
    expect(await w2.runOnce()).toBe(1);
    expect(calls.filter((c) => c.worker === 'crash-w2').map((c) => c.key)).toEqual([m2.idempotencyKey]);
    expect(await w2.runOnce()).toBe(0);

    await db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "leaseUntil" = now() - interval '1 second' WHERE "id" = ${m.id}::uuid`;
    expect(await w2.runOnce()).toBe(1);
    const taken = await row(m.idempotencyKey);
    expect([taken.status, taken.leaseOwner, taken.attempts]).toEqual(['DELIVERED', 'crash-w2', 2]);
    expect(taken.result).toEqual({ by: 'w2' });

    release.resolve();
    expect(await late).toBe(1);
    const after = await row(m.idempotencyKey);
    expect(after).toEqual(taken); // the late completion changed nothing
    expect(log1.entries.some((e) => e.level === 'warn' && /taken over/.test(e.msg ?? ''))).toBe(true);
    const forM = calls.filter((c) => c.key === m.idempotencyKey);
    expect(forM.map((c) => [c.worker, c.attempt])).toEqual([
      ['crash-w1', 1],
      ['crash-w2', 2],
    ]);
  });

  it.each([
    ['retryable', () => unavailable('late failure')],
    ['permanent', () => new PermanentOutboxError('late permanent failure')],
  ])('refuses a late %s failure of a lost lease while the new owner is still delivering', async (_kind, lateError) => {
    const topic = uid('t-crash2');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    const gates = { w1: deferred(), w2: deferred() };
    const startedBy = { w1: deferred(), w2: deferred() };
    const handler: OutboxHandler = async (_msg, ctx) => {
      const who = ctx.workerId === 'late-w1' ? 'w1' : 'w2';
      startedBy[who].resolve();
      await gates[who].promise;
      if (who === 'w1') throw lateError();
      return { by: who };
    };
    const w1 = worker({ [topic]: handler }, { workerId: 'late-w1' });
    const w2 = worker({ [topic]: handler }, { workerId: 'late-w2' });
    const p1 = w1.runOnce();
    await startedBy.w1.promise;
    await db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "leaseUntil" = now() - interval '1 second' WHERE "id" = ${m.id}::uuid`;
    const p2 = w2.runOnce();
    await startedBy.w2.promise;
    gates.w1.resolve();
    await p1;
    const mid = await row(m.idempotencyKey);
    expect([mid.status, mid.leaseOwner, mid.attempts, mid.lastError]).toEqual(['IN_FLIGHT', 'late-w2', 2, null]);
    gates.w2.resolve();
    await p2;
    const done = await row(m.idempotencyKey);
    expect([done.status, done.leaseOwner, done.result]).toEqual(['DELIVERED', 'late-w2', { by: 'w2' }]);
  });

  it('fences by attempt: a worker that re-claims its own expired message cannot complete the old attempt', async () => {
    const topic = uid('t-fence');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    const gates = [deferred(), deferred()];
    const started = [deferred(), deferred()];
    const w = worker({
      [topic]: async (_msg, ctx) => {
        started[ctx.attempt - 1].resolve();
        await gates[ctx.attempt - 1].promise;
        return { attempt: ctx.attempt };
      },
    });
    const first = w.runOnce();
    await started[0].promise;
    await db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "leaseUntil" = now() - interval '1 second' WHERE "id" = ${m.id}::uuid`;
    const second = w.runOnce();
    await started[1].promise;
    gates[0].resolve();
    await first;
    const mid = await row(m.idempotencyKey);
    expect([mid.status, mid.attempts, mid.result]).toEqual(['IN_FLIGHT', 2, null]);
    gates[1].resolve();
    await second;
    const done = await row(m.idempotencyKey);
    expect([done.status, done.attempts, done.result]).toEqual(['DELIVERED', 2, { attempt: 2 }]);
  });

  it('aborts the handler’s signal when the lease runs out and retries the message', async () => {
    const topic = uid('t-abort');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    let reason: unknown;
    const w = worker(
      {
        [topic]: (_msg, ctx) =>
          new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => {
              reason = ctx.signal.reason;
              reject(ctx.signal.reason);
            });
          }),
      },
      { leaseMs: 150 },
    );
    expect(await w.runOnce()).toBe(1);
    const r = await row(m.idempotencyKey);
    expect((reason as Error).name).toBe('OutboxLeaseExpiredError');
    expect(r.status).toBe('PENDING');
    expect(r.lastError).toMatch(/^LEASE_EXPIRED: /);
  });
});

describe('failures and dead letters', () => {
  it('honours a ConnectorError’s retryAfterMs instead of the backoff', async () => {
    const topic = uid('t-retry-after');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    const clock = manualClock();
    let calls = 0;
    const w = worker(
      {
        [topic]: async () => {
          calls += 1;
          if (calls === 1) throw unavailable('rate limited', 120_000);
        },
      },
      { clock, random: () => 0.5 },
    );
    await w.runOnce();
    const r = await row(m.idempotencyKey);
    expect(r.status).toBe('PENDING');
    expect(r.availableAt.getTime()).toBe(clock.now().getTime() + 120_000);
    clock.advance(119_999);
    expect(await w.runOnce()).toBe(0);
    clock.advance(1);
    expect(await w.runOnce()).toBe(1);
    expect((await row(m.idempotencyKey)).status).toBe('DELIVERED');
  });

  it('makes non-retryable ConnectorErrors and PermanentOutboxError DEAD at once, with a safe lastError', async () => {
    const topic = uid('t-dead');
    const [rejected, permanent] = await enqueueAll([message(topic, uid('agg'), uid('rej')), message(topic, uid('agg'), uid('perm'))]);
    const dead: OutboxMessage[] = [];
    const w = worker(
      {
        [topic]: async (msg) => {
          if (msg.id === rejected.id) {
            throw new ConnectorError('UPSTREAM_REJECTED', 'case-transfer', 'receiving department unknown\n    at secret (/srv/x.js:1:1)', {
              upstreamCode: 'INVALID_DEPT',
              httpStatus: 422,
            });
          }
          throw new PermanentOutboxError('payload cannot be mapped');
        },
      },
      { onDead: (msg) => void dead.push(msg) },
    );
    expect(await w.runOnce()).toBe(2);
    const r1 = await row(rejected.idempotencyKey);
    const r2 = await row(permanent.idempotencyKey);
    expect([r1.status, r1.attempts]).toEqual(['DEAD', 1]);
    expect(r1.lastError).toBe('UPSTREAM_REJECTED(case-transfer/INVALID_DEPT 422): receiving department unknown');
    expect([r2.status, r2.attempts, r2.lastError]).toEqual(['DEAD', 1, 'PERMANENT: payload cannot be mapped']);
    expect(dead.map((d) => d.id).sort()).toEqual([rejected.id, permanent.id].sort());
    expect(dead.every((d) => d.status === 'DEAD')).toBe(true);
    expect(await w.runOnce()).toBe(0);
  });

  it('makes a message DEAD after maxAttempts, and retryDeadMessage brings it back', async () => {
    const topic = uid('t-max');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'), { maxAttempts: 2 })]);
    const clock = manualClock();
    let fail = true;
    const delivered: OutboxMessage[] = [];
    const dead: OutboxMessage[] = [];
    const w = worker(
      {
        [topic]: async () => {
          if (fail) throw new Error('socket hang up');
          return { ok: 1 };
        },
      },
      { clock, onDead: (msg) => void dead.push(msg), onDelivered: (msg) => void delivered.push(msg) },
    );
    await w.runOnce();
    expect((await row(m.idempotencyKey)).status).toBe('PENDING');
    clock.advance(3_600_000);
    await w.runOnce();
    const r = await row(m.idempotencyKey);
    expect([r.status, r.attempts, r.lastError]).toEqual(['DEAD', 2, 'Error: socket hang up']);
    expect(dead).toHaveLength(1);
    clock.advance(3_600_000);
    expect(await w.runOnce()).toBe(0);

    await expect(retryDeadMessage(db.prisma, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryDeadMessage(db.prisma, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    const back = await retryDeadMessage(db.prisma, m.id);
    expect([back.status, back.attempts, back.leaseOwner]).toEqual(['PENDING', 0, null]);
    await expect(retryDeadMessage(db.prisma, m.id)).rejects.toBeInstanceOf(ConflictError);
    fail = false;
    expect(await w.runOnce()).toBe(1);
    const done = await row(m.idempotencyKey);
    expect([done.status, done.attempts, done.result]).toEqual(['DELIVERED', 1, { ok: 1 }]);
    expect(delivered.map((d) => [d.id, d.status])).toEqual([[m.id, 'DELIVERED']]);
  });

  it('lets a DEAD message block the later messages of its own aggregate only', async () => {
    const topic = uid('t-block');
    const d = uid('aggD');
    const e = uid('aggE');
    const [d1, d2, e1] = await enqueueAll([message(topic, d, uid('D1')), message(topic, d, uid('D2')), message(topic, e, uid('E1'))]);
    let d1Permanent = true;
    const calls: string[] = [];
    const w = worker({
      [topic]: async (msg) => {
        calls.push(msg.idempotencyKey);
        if (msg.id === d1.id && d1Permanent) throw new PermanentOutboxError('rejected');
      },
    });
    expect(await w.runOnce()).toBe(2);
    expect((await row(d1.idempotencyKey)).status).toBe('DEAD');
    expect((await row(e1.idempotencyKey)).status).toBe('DELIVERED');
    expect(await w.runOnce()).toBe(0);
    expect((await row(d2.idempotencyKey)).status).toBe('PENDING');
    expect(calls).not.toContain(d2.idempotencyKey);

    d1Permanent = false;
    await retryDeadMessage(db.prisma, d1.id);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(1);
    expect(calls.slice(-2)).toEqual([d1.idempotencyKey, d2.idempotencyKey]);
    expect((await row(d2.idempotencyKey)).status).toBe('DELIVERED');
  });

  it('logs a failing hook without changing the message', async () => {
    const topic = uid('t-hook');
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    const log = captureLogger();
    const w = worker(
      { [topic]: async () => ({ ok: true }) },
      {
        logger: log,
        onDelivered: () => {
          throw new Error('subscriber gone');
        },
      },
    );
    expect(await w.runOnce()).toBe(1);
    expect((await row(m.idempotencyKey)).status).toBe('DELIVERED');
    expect(log.entries.some((x) => x.level === 'error' && x.msg === 'outbox: hook failed')).toBe(true);
  });
});

describe('background loop', () => {
  it('wakes on notify() long before the idle poll, and stop() waits for the delivery in flight', async () => {
    const topic = uid('t-loop');
    const gate = deferred();
    const started = deferred();
    const handled: string[] = [];
    const w = worker(
      {
        [topic]: async (msg) => {
          started.resolve();
          await gate.promise;
          handled.push(msg.idempotencyKey);
        },
      },
      { pollMs: 120_000 },
    );
    running.push(w);
    w.start();
    await sleep(100); // the first (empty) claim has run; the loop now sleeps for pollMs
    const [m] = await enqueueAll([message(topic, uid('agg'), uid('k'))]);
    w.notify();
    await Promise.race([started.promise, sleep(20_000).then(() => Promise.reject(new Error('notify() did not wake the worker')))]);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false); // still waiting for the handler
    gate.resolve();
    await stopping;
    expect(handled).toEqual([m.idempotencyKey]);
    expect((await row(m.idempotencyKey)).status).toBe('DELIVERED');
  });
});

describe('background loop, chains', () => {
  it('delivers the next message of an aggregate as soon as the previous one is delivered, not at the next poll', async () => {
    const topic = uid('t-chain');
    const agg = uid('agg');
    const handled: string[] = [];
    const w = worker({ [topic]: async (msg) => void handled.push(msg.idempotencyKey) }, { pollMs: 120_000 });
    running.push(w);
    w.start();
    await sleep(50);
    const chain = await enqueueAll([1, 2, 3, 4].map((i) => message(topic, agg, uid(`c${i}`))));
    w.notify();
    await waitFor(async () => handled.length === 4, 'the whole chain', 20_000);
    await w.stop();
    expect(handled).toEqual(chain.map((m) => m.idempotencyKey));
  });
});

describe('outboxStats', () => {
  it('counts messages by status and gives the oldest pending one', async () => {
    const topic = uid('t-stats');
    const [ok, bad, hanging] = await enqueueAll([
      message(topic, uid('agg'), uid('ok')),
      message(topic, uid('agg'), uid('bad')),
      message(topic, uid('agg'), uid('hang')),
    ]);
    const [waiting] = await enqueueAll([message(topic, uid('agg'), uid('wait'), { availableAt: new Date(Date.now() + 3_600_000) })]);
    const [waiting2] = await enqueueAll([message(topic, uid('agg'), uid('wait2'), { availableAt: new Date(Date.now() + 3_600_000) })]);
    const before = await outboxStats(db.prisma, { topic });
    expect(before).toEqual({ pending: 5, inFlight: 0, delivered: 0, dead: 0, oldestPendingAt: ok.createdAt });

    const gate = deferred();
    const w = worker({
      [topic]: async (msg) => {
        if (msg.id === bad.id) throw new PermanentOutboxError('no');
        if (msg.id === hanging.id) await gate.promise;
      },
    });
    const run = w.runOnce();
    await waitFor(async () => {
      const s = await outboxStats(db.prisma, { topic });
      return s.delivered === 1 && s.dead === 1;
    }, 'ok delivered and bad dead');
    const mid = await outboxStats(db.prisma, { topic });
    expect(mid).toEqual({ pending: 2, inFlight: 1, delivered: 1, dead: 1, oldestPendingAt: waiting.createdAt });
    gate.resolve();
    await run;
    const after = await outboxStats(db.prisma, { topic });
    expect(after).toEqual({ pending: 2, inFlight: 0, delivered: 2, dead: 1, oldestPendingAt: waiting.createdAt });
    expect(waiting2.createdAt.getTime()).toBeGreaterThanOrEqual(waiting.createdAt.getTime());
    const all = await outboxStats(db.prisma);
    expect(all.delivered).toBeGreaterThanOrEqual(2);
    expect(all.dead).toBeGreaterThanOrEqual(1);
    expect(await outboxStats(db.prisma, { topic: uid('t-none') })).toEqual({ pending: 0, inFlight: 0, delivered: 0, dead: 0, oldestPendingAt: null });
  });
});

describe('embedded store (PGlite)', () => {
  it('enqueues, claims with SKIP LOCKED, keeps order and delivers on PGlite too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-outbox-'));
    const embedded = await openDatabase({ databaseUrl: null, dataDir: dir });
    try {
      await applyMigrations(embedded.adapterFactory);
      const topic = 'embedded.test';
      await embedded.prisma.$transaction(async (tx) => {
        for (const key of ['e1', 'e2', 'f1']) {
          await enqueueOutbox(tx, { topic, aggregateType: 'T', aggregateId: key[0], idempotencyKey: key, payload: { key } });
        }
        await enqueueOutbox(tx, { topic, aggregateType: 'T', aggregateId: 'e', idempotencyKey: 'e1', payload: { again: true } });
      });
      const seen: string[][] = [];
      let failE1 = true;
      const w = new OutboxWorker(embedded.prisma, {
        [topic]: async (m) => {
          seen[seen.length - 1].push(m.idempotencyKey);
          if (m.idempotencyKey === 'e1' && failE1) {
            failE1 = false;
            throw unavailable();
          }
        },
      }, { baseDelayMs: 1, maxDelayMs: 1 });
      for (let i = 0; i < 20 && (await outboxStats(embedded.prisma)).delivered < 3; i += 1) {
        seen.push([]);
        await w.runOnce();
        await sleep(5);
      }
      const flat = seen.flat();
      expect(flat.filter((k) => k === 'e1')).toHaveLength(2);
      expect(flat.indexOf('e2')).toBeGreaterThan(flat.lastIndexOf('e1'));
      expect(seen[0].sort()).toEqual(['e1', 'f1']);
      expect(await outboxStats(embedded.prisma)).toMatchObject({ pending: 0, inFlight: 0, delivered: 3, dead: 0 });
    } finally {
      await embedded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('describes errors with a code and one line, never a stack, and bounded', () => {
    const err = new Error('first line\n    at foo (/app/secret.js:1:1)');
    expect(describeOutboxError(err)).toBe('Error: first line');
    expect(describeOutboxError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED: refused');
    expect(describeOutboxError('x'.repeat(2_000)).length).toBeLessThanOrEqual(500);
    expect(describeOutboxError({ some: 'object' })).toBe('UNKNOWN: non-Error thrown');
  });

  it('backs off exponentially with jitter, within [half, all] of the capped delay', () => {
    const opts = (r: number) => ({ baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => r });
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, opts(1)))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3].map((a) => backoffDelayMs(a, opts(0)))).toEqual([500, 1_000, 2_000]);
    expect(backoffDelayMs(30, opts(1))).toBe(60_000);
    expect(backoffDelayMs(30, opts(0))).toBe(30_000);
    expect(backoffDelayMs(10_000, opts(0.5))).toBe(45_000);
  });
});

// Keeps the payload type honest: handlers may return any JSON value.
const _typed: OutboxHandler = async () => ({ list: [1, 'two', null] }) satisfies Prisma.InputJsonValue;
void _typed;
