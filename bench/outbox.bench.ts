// `npm run bench:outbox`: the transactional outbox end to end on PostgreSQL (a database of its own).
// 10,000 messages per phase (one aggregate each) go through 2 workers (concurrency 8 each, separate
// connection pools as if separate processes) to a local HTTP sink that fails 5 % of requests with
// 503, records a key only on success and counts a request for an already-recorded key as a
// duplicate. Phases (BENCH_PHASES, default steady,backlog):
//   steady  — 4 producers paced at BENCH_RATE msg/s (default 250) while the workers run: latency;
//   backlog — everything enqueued first, then the workers start: throughput;
//   live    — unpaced producers while the workers run (saturation; opt-in).
// Reports exactly-once at the sink, DEAD messages, throughput and enqueue→delivered latency.
//   BENCH_MESSAGES (default 10000), BENCH_DATABASE_URL / DATABASE_URL (admin connection).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ConnectorError } from '../connectors/core/connector-error';
import type { ConnectorLogger } from '../connectors/core/types';
import { openDatabase, type Database } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';
import { OutboxWorker, enqueueOutbox, outboxStats, type OutboxHandler } from '../src/outbox';

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 10_000);
const PRODUCERS = 4;
const RATE = Number(process.env.BENCH_RATE ?? 250);
const WORKERS = 2;
const CONCURRENCY = 8;
const FAILURE_RATE = 0.05;
const TIME_LIMIT_MS = 60_000;
const TOPIC = 'bench.transfer';

interface Sink {
  url: string;
  recorded: Set<string>;
  counts: { requests: number; failed: number; duplicates: number; concurrentSameKey: number };
  close(): Promise<void>;
}

/** Records a key only on success; a request for an already-recorded key is a duplicate (answered 200). */
async function startSink(): Promise<Sink> {
  const recorded = new Set<string>();
  const inProgress = new Set<string>();
  const counts = { requests: 0, failed: 0, duplicates: 0, concurrentSameKey: 0 };
  const server = http.createServer((req, res) => {
    const key = req.headers['idempotency-key'];
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      counts.requests += 1;
      if (typeof key !== 'string' || key.length === 0) {
        res.writeHead(400).end();
        return;
      }
      if (inProgress.has(key)) counts.concurrentSameKey += 1;
      inProgress.add(key);
      // Answer on the next turn, so that two deliveries of one key at the same time would overlap.
      setImmediate(() => {
        inProgress.delete(key);
        if (Math.random() < FAILURE_RATE) {
          counts.failed += 1;
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
          return;
        }
        if (recorded.has(key)) {
          counts.duplicates += 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"duplicate":true}');
          return;
        }
        recorded.add(key);
        res.writeHead(201, { 'content-type': 'application/json' }).end(`{"received":${chunks.reduce((n, c) => n + c.length, 0)}}`);
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/transfers`,
    recorded,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sinkHandler(url: string): OutboxHandler {
  return async (message, ctx) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
        body: JSON.stringify(message.payload),
        signal: ctx.signal,
      });
    } catch (error) {
      throw new ConnectorError('UPSTREAM_UNAVAILABLE', 'case-transfer', 'sink unreachable', { cause: error });
    }
    const body = await res.text();
    if (res.status === 503) throw new ConnectorError('UPSTREAM_UNAVAILABLE', 'case-transfer', 'sink unavailable', { httpStatus: 503 });
    if (!res.ok) throw new ConnectorError('UPSTREAM_REJECTED', 'case-transfer', `sink answered ${res.status}`, { httpStatus: res.status });
    return { status: res.status, body: body.length };
  };
}

function countingLogger(): ConnectorLogger & { counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const add = (_obj: Record<string, unknown>, msg?: string) => {
    const k = msg ?? '?';
    counts[k] = (counts[k] ?? 0) + 1;
  };
  return { counts, info: add, warn: add, error: add };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

type Mode = 'steady' | 'backlog' | 'live';

interface PhaseResult {
  ok: boolean;
}

const DESCRIPTION: Record<Mode, string> = {
  steady: `producers paced at ${RATE} msg/s (transactions of 5) while the workers run: latency under a load they can carry`,
  backlog: `all enqueued first (transactions of 50), then the workers start: delivery throughput`,
  live: `unpaced producers (transactions of 50) while the workers run: saturation`,
};

async function runPhase(mode: Mode, producerDb: Database, workerDbs: Database[]): Promise<PhaseResult> {
  const topic = mode === 'steady' ? TOPIC : `${TOPIC}.${mode}`;
  const txSize = mode === 'steady' ? 5 : 50;
  const sink = await startSink();
  const logger = countingLogger();
  const handler = sinkHandler(sink.url);
  const workers = workerDbs.map(
    (d, i) =>
      new OutboxWorker(d.prisma, { [topic]: handler }, {
        workerId: `bench-${mode}-w${i}`,
        concurrency: CONCURRENCY,
        batchSize: CONCURRENCY,
        baseDelayMs: 50,
        maxDelayMs: 2_000,
        pollMs: 200,
        leaseMs: 30_000,
        logger,
      }),
  );
  const committedAt = new Map<string, number>();
  let next = 0;
  let started = 0;
  const produce = async () => {
    while (next < TOTAL) {
      const first = next;
      const n = Math.min(txSize, TOTAL - first);
      next += n;
      if (mode === 'steady') {
        const wait = started + (first / RATE) * 1000 - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const keys: string[] = [];
      await producerDb.prisma.$transaction(async (t) => {
        for (let i = first; i < first + n; i += 1) {
          const m = await enqueueOutbox(t, {
            topic,
            aggregateType: 'Transfer',
            aggregateId: `${mode}-transfer-${i}`,
            idempotencyKey: `${mode}-transfer-${i}:submit`,
            payload: { transferNo: `YS-${String(i).padStart(6, '0')}`, facts: 'bench', amount: i % 1000 },
          });
          keys.push(m.idempotencyKey);
        }
      });
      const at = Date.now();
      for (const k of keys) committedAt.set(k, at);
      workers.forEach((w) => w.notify());
    }
  };

  const statementsBefore = workerDbs.map((d) => d.statements.count); // worker pools only (idle until start)
  started = performance.now();
  if (mode !== 'backlog') workers.forEach((w) => w.start());
  await Promise.all(Array.from({ length: PRODUCERS }, produce));
  const enqueueMs = performance.now() - started;
  if (mode === 'backlog' && process.env.BENCH_ANALYZE !== '0') {
    // What autovacuum does on a running system. Without statistics (a table never analyzed) the
    // planner cannot see that the due-ordered index scan stops early, and evaluates the per-aggregate
    // ordering check for every pending row on each claim (BENCH_ANALYZE=0 shows the difference).
    await producerDb.prisma.$executeRawUnsafe('ANALYZE "OutboxMessage"');
  }
  const deliveryStarted = performance.now();
  if (mode === 'backlog') workers.forEach((w) => w.start());

  let stats = await outboxStats(producerDb.prisma, { topic });
  while (stats.delivered + stats.dead < TOTAL && performance.now() - started < TIME_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    stats = await outboxStats(producerDb.prisma, { topic });
  }
  const doneAt = performance.now();
  await Promise.all(workers.map((w) => w.stop()));
  const statements = workerDbs.reduce((sum, d, i) => sum + d.statements.count - statementsBefore[i], 0);

  const rows = await producerDb.prisma.$queryRaw<{ key: string; ms: number; deliveredAt: Date; attempts: number; leaseOwner: string | null }[]>`
    SELECT "idempotencyKey" AS "key", (extract(epoch FROM ("deliveredAt" - "createdAt")) * 1000)::float8 AS "ms",
           "deliveredAt", "attempts", "leaseOwner"
    FROM "OutboxMessage" WHERE "topic" = ${topic} AND "status" = 'DELIVERED'`;
  const span = await producerDb.prisma.$queryRaw<{ ms: number }[]>`
    SELECT (extract(epoch FROM (max("deliveredAt") - min("createdAt"))) * 1000)::float8 AS "ms"
    FROM "OutboxMessage" WHERE "topic" = ${topic}`;
  const latencies = rows.map((r) => r.ms).sort((a, b) => a - b);
  const fromCommit = rows.map((r) => r.deliveredAt.getTime() - (committedAt.get(r.key) ?? r.deliveredAt.getTime())).sort((a, b) => a - b);
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  const byWorker: Record<string, number> = {};
  for (const r of rows) byWorker[r.leaseOwner ?? '?'] = (byWorker[r.leaseOwner ?? '?'] ?? 0) + 1;
  const deliverMs = mode === 'backlog' ? doneAt - deliveryStarted : (span[0]?.ms ?? doneAt - started);

  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`[${mode}] ${DESCRIPTION[mode]}`);
  out(`  ${TOTAL} messages (one aggregate each), ${WORKERS} workers × concurrency ${CONCURRENCY}, sink failing ${FAILURE_RATE * 100} % with 503, baseDelayMs 50`);
  out(`  enqueued by ${PRODUCERS} producers in ${(enqueueMs / 1000).toFixed(1)} s (${Math.round((TOTAL / enqueueMs) * 1000)} msg/s)`);
  out(`  delivered ${stats.delivered}, DEAD ${stats.dead} (goal 0), pending ${stats.pending}, in flight ${stats.inFlight}`);
  out(`  sink: unique keys ${sink.recorded.size} (goal ${TOTAL}), duplicates accepted ${sink.counts.duplicates} (goal 0), same key concurrently ${sink.counts.concurrentSameKey} (goal 0)`);
  out(`  sink: ${sink.counts.requests} requests, ${sink.counts.failed} failed with 503 → ${attempts - rows.length} retries; delivered by ${JSON.stringify(byWorker)}`);
  out(
    mode === 'backlog'
      ? `  throughput ${Math.round((stats.delivered / deliverMs) * 1000)} msg/s (workers start → all delivered ${(deliverMs / 1000).toFixed(1)} s)`
      : `  throughput ${Math.round((stats.delivered / deliverMs) * 1000)} msg/s (first enqueue → last delivery ${(deliverMs / 1000).toFixed(1)} s)`,
  );
  if (latencies.length > 0) {
    out(`  latency enqueue (transaction start = createdAt) → delivered: p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`);
    out(`  latency commit → delivered: p50 ${quantile(fromCommit, 0.5).toFixed(0)} ms, p99 ${quantile(fromCommit, 0.99).toFixed(0)} ms`);
  }
  out(`  worker SQL statements: ${statements} (${(statements / Math.max(1, stats.delivered)).toFixed(2)} per delivered message)`);
  const logged = Object.entries(logger.counts).map(([k, v]) => `${k} ×${v}`);
  if (logged.length) out(`  worker log: ${logged.join('; ')}`);
  await sink.close();
  const ok = stats.delivered === TOTAL && sink.recorded.size === TOTAL && sink.counts.duplicates === 0 && sink.counts.concurrentSameKey === 0;
  out(ok ? '  OK: every message delivered exactly once at the sink' : '  NOT OK: see the numbers above');
  return { ok };
}

async function main(): Promise<void> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `hub_bench_outbox_${Date.now()}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  try {
    const producer = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: PRODUCERS + 1 });
    opened.push(producer);
    await applyMigrations(producer.adapterFactory);
    for (let i = 0; i < WORKERS; i += 1) opened.push(await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: CONCURRENCY + 2 }));
    const phases = (process.env.BENCH_PHASES ?? 'steady,backlog').split(',').map((p) => p.trim()) as Mode[];
    for (const phase of phases) if (!(phase in DESCRIPTION)) throw new Error(`unknown phase ${phase} (steady, backlog, live)`);
    let ok = true;
    for (const phase of phases) ok = (await runPhase(phase, producer, opened.slice(1))).ok && ok;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(opened.map((d) => d.close()));
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  process.exit(process.exitCode ?? 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
