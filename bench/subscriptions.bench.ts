// `npm run bench:subscriptions`: 1,000 graphql-ws subscribers (one socket and one
// transferStatusChanged subscription each, spread over a handful of cases of different street
// teams, each subscriber an officer of the case's team) on one hub, receiving N status events
// recorded with events.record in transactions and broadcast after commit. Side by side, in the same
// run: a raw `ws` broadcast of the same JSON messages to 1,000 raw sockets in the same groups.
// Reports delivery ratio, p50/p99 delivery latency (broadcast → receipt), GraphQL executions per
// event, SQL statements per event and memory. Creates (and drops) its own PostgreSQL database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';
import { seedDemoData } from '../src/db/seed';
import { signToken } from '../src/auth/jwt';
import { createHub, type Hub } from '../src/server/create-hub';
import { transferStatusEvent, type TransferStatusPayload } from '../src/events/payloads';
import type { StoredHubEvent } from '../src/events/event-bus';
import { subscriptionResolverRuns } from '../src/modules/events/events.resolver';

const SECRET = 'bench-secret-of-at-least-thirty-two-characters!';
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const CASES = Number(process.env.BENCH_CASES ?? 5);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50);
/** Pause between two published events (ms): 20 → 50 events/s. */
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 20);
const CONNECT_BATCH = 100;
const DELIVERY_TIMEOUT_MS = 30_000;
const STATUSES: TransferStatusPayload['status'][] = ['RECEIVED', 'UNDER_REVIEW', 'FILED', 'RETURNED', 'UNDER_REVIEW'];

const SUBSCRIPTION = `subscription Bench($caseId: ID!) {
  transferStatusChanged(caseId: $caseId) { sequence transferId caseId transferNo status platformSequence occurredAt detail }
}`;

interface Target {
  caseId: string;
  departmentCode: string;
  transferId: string;
  transferNo: string;
}

interface Result {
  label: string;
  expected: number;
  received: number;
  duplicates: number;
  latencies: number[];
  rssBefore: number;
  rssConnected: number;
  rssAfter: number;
  heapBefore: number;
  heapConnected: number;
  heapAfter: number;
  teardownMs: number;
  /** Audit records written for the subscriptions (one each is expected). */
  audited: number | null;
  executionsPerEvent: number | null;
  sqlPerEvent: number | null;
  setupMs: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

function payloadFor(target: Target, i: number): TransferStatusPayload {
  return {
    transferId: target.transferId,
    caseId: target.caseId,
    transferNo: target.transferNo,
    status: STATUSES[i % STATUSES.length],
    platformSequence: i + 1,
    occurredAt: new Date().toISOString(),
    detail: { round: i, note: '公安机关审查中' },
  };
}

async function pickTargets(db: Database): Promise<Target[]> {
  const teams = await db.prisma.department.findMany({ where: { kind: 'STREET_TEAM' }, orderBy: { code: 'asc' } });
  const targets: Target[] = [];
  for (let i = 0; targets.length < CASES && i < teams.length * 4; i += 1) {
    const team = teams[i % teams.length];
    const c = await db.prisma.enforcementCase.findFirst({
      where: { departmentId: team.id, id: { notIn: targets.map((t) => t.caseId) } },
      orderBy: { registeredAt: 'desc' },
    });
    if (c) targets.push({ caseId: c.id, departmentCode: team.code, transferId: randomUUID(), transferNo: `YS-BENCH-${targets.length + 1}` });
  }
  if (targets.length < CASES) throw new Error(`only ${targets.length} cases to subscribe to`);
  return targets;
}

// ───────────── through the hub (graphql-ws) ─────────────

async function viaHub(hub: Hub, url: string, db: Database, targets: Target[]): Promise<Result> {
  collectGarbage();
  const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();
  const setupStarted = performance.now();
  const tokens = new Map<string, string>();
  for (const t of targets) tokens.set(t.departmentCode, await signToken(SECRET, { sub: `bench-${t.departmentCode}`, dept: t.departmentCode, roles: ['OFFICER'] }));

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = new Set<string>();
  let received = 0;
  let duplicates = 0;
  const errors: unknown[] = [];
  const clients: WsClient[] = [];
  const wsUrl = url.replace(/^http/, 'ws');
  for (let start = 0; start < SUBSCRIBERS; start += CONNECT_BATCH) {
    for (let i = start; i < Math.min(SUBSCRIBERS, start + CONNECT_BATCH); i += 1) {
      const target = targets[i % targets.length];
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokens.get(target.departmentCode)}` },
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      client.subscribe<{ transferStatusChanged: { sequence: string } }>(
        { query: SUBSCRIPTION, variables: { caseId: target.caseId } },
        {
          next: (result) => {
            const now = performance.now();
            if (result.errors || !result.data) {
              errors.push(result.errors);
              return;
            }
            const seq = result.data.transferStatusChanged.sequence;
            const key = `${i}:${seq}`;
            if (seen.has(key)) duplicates += 1;
            seen.add(key);
            received += 1;
            const t0 = sentAt.get(seq);
            if (t0 !== undefined) latencies.push(now - t0);
          },
          error: (err) => errors.push(err),
          complete: () => undefined,
        },
      );
    }
    const attached = Math.min(SUBSCRIBERS, start + CONNECT_BATCH);
    if (!(await waitUntil(() => hub.services.events.subscriberCount >= attached || errors.length > 0, 30_000)) || errors.length > 0) {
      throw new Error(`subscriptions did not open: ${JSON.stringify(errors.slice(0, 3))}`);
    }
  }
  const setupMs = performance.now() - setupStarted;
  collectGarbage();
  const { rss: rssConnected, heapUsed: heapConnected } = process.memoryUsage();

  const runsBefore = subscriptionResolverRuns.count;
  const sqlBefore = db.statements.count;
  const perTarget = SUBSCRIBERS / targets.length;
  for (let i = 0; i < EVENTS; i += 1) {
    const target = targets[i % targets.length];
    const input = transferStatusEvent(payloadFor(target, i), [target.departmentCode, 'LH-GAJ']);
    const event: StoredHubEvent = await db.prisma.$transaction((tx) => hub.services.events.record(tx, input));
    sentAt.set(event.seq, performance.now());
    await hub.services.events.broadcast([event]);
    if (INTERVAL_MS > 0) await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  const expected = EVENTS * perTarget;
  await waitUntil(() => received >= expected, DELIVERY_TIMEOUT_MS);
  await new Promise((r) => setTimeout(r, 200)); // late duplicates would show here
  const executions = subscriptionResolverRuns.count - runsBefore;
  const sql = db.statements.count - sqlBefore;
  collectGarbage();
  const memory = process.memoryUsage();

  const teardownStarted = performance.now();
  await Promise.all(clients.map((c) => c.dispose()));
  await waitUntil(() => hub.services.events.subscriberCount === 0, 30_000);
  // Every subscription leaves one audit record when it ends.
  const auditedNow = () => db.prisma.auditRecord.count({ where: { fields: { has: 'transferStatusChanged' } } });
  let audited = await auditedNow();
  for (const deadline = Date.now() + 60_000; audited < SUBSCRIBERS && Date.now() < deadline; audited = await auditedNow()) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const teardownMs = performance.now() - teardownStarted;
  return {
    label: 'graphql-ws subscriptions (hub)',
    expected,
    received,
    duplicates,
    latencies: latencies.sort((a, b) => a - b),
    rssBefore,
    rssConnected,
    rssAfter: memory.rss,
    heapBefore,
    heapConnected,
    heapAfter: memory.heapUsed,
    teardownMs,
    audited,
    executionsPerEvent: executions / EVENTS,
    sqlPerEvent: sql / EVENTS,
    setupMs,
  };
}

// ───────────── raw ws broadcast, same messages ─────────────

async function viaRawWs(targets: Target[]): Promise<Result> {
  collectGarbage();
  const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();
  const setupStarted = performance.now();
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const groups = new Map<string, WebSocket[]>(targets.map((t) => [t.caseId, []]));
  wss.on('connection', (socket, req) => {
    const caseId = new URL(req.url ?? '/', 'http://x').searchParams.get('caseId') ?? '';
    groups.get(caseId)?.push(socket);
  });

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  const clients: WebSocket[] = [];
  for (let start = 0; start < SUBSCRIBERS; start += CONNECT_BATCH) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(SUBSCRIBERS, start + CONNECT_BATCH); i += 1) {
      const target = targets[i % targets.length];
      const socket = new WebSocket(`ws://127.0.0.1:${port}/?caseId=${target.caseId}`);
      socket.on('message', (data) => {
        const now = performance.now();
        const message = JSON.parse(data.toString()) as { payload: { data: { transferStatusChanged: { sequence: string } } } };
        received += 1;
        const t0 = sentAt.get(message.payload.data.transferStatusChanged.sequence);
        if (t0 !== undefined) latencies.push(now - t0);
      });
      clients.push(socket);
      batch.push(new Promise((resolve, reject) => socket.once('open', () => resolve()).once('error', reject)));
    }
    await Promise.all(batch);
  }
  await waitUntil(() => [...groups.values()].reduce((n, g) => n + g.length, 0) >= SUBSCRIBERS, 30_000);
  const setupMs = performance.now() - setupStarted;
  collectGarbage();
  const { rss: rssConnected, heapUsed: heapConnected } = process.memoryUsage();

  const perTarget = SUBSCRIBERS / targets.length;
  for (let i = 0; i < EVENTS; i += 1) {
    const target = targets[i % targets.length];
    const p = payloadFor(target, i);
    const seq = String(1_000_000 + i);
    // The message graphql-ws sends for one delivery, built once and sent to every socket of the group.
    const json = JSON.stringify({ id: '1', type: 'next', payload: { data: { transferStatusChanged: { sequence: seq, ...p } } } });
    sentAt.set(seq, performance.now());
    for (const socket of groups.get(target.caseId) ?? []) socket.send(json);
    if (INTERVAL_MS > 0) await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  const expected = EVENTS * perTarget;
  await waitUntil(() => received >= expected, DELIVERY_TIMEOUT_MS);
  collectGarbage();
  const memory = process.memoryUsage();
  const teardownStarted = performance.now();
  for (const c of clients) c.terminate();
  wss.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const teardownMs = performance.now() - teardownStarted;
  return {
    label: 'raw ws broadcast (baseline)',
    expected,
    received,
    duplicates: 0,
    latencies: latencies.sort((a, b) => a - b),
    rssBefore,
    rssConnected,
    rssAfter: memory.rss,
    heapBefore,
    heapConnected,
    heapAfter: memory.heapUsed,
    teardownMs,
    audited: null,
    executionsPerEvent: null,
    sqlPerEvent: null,
    setupMs,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `hub_bench_subs_${Date.now()}`;
  const pg = new Client({ connectionString: admin });
  await pg.connect();
  await pg.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/tmp', poolSize: 10 });
  const results: Result[] = [];
  try {
    await applyMigrations(db.adapterFactory);
    await seedDemoData(db.prisma);
    const targets = await pickTargets(db);
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    });
    const hub = await createHub(config, db);
    const hubUrl = await hub.listen(0, '127.0.0.1');
    try {
      results.push(await viaHub(hub, hubUrl, db, targets));
    } finally {
      await hub.stop();
    }
    results.push(await viaRawWs(targets));
  } finally {
    await db.close();
    await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await pg.end();
  }

  const out = process.stdout;
  out.write(
    `${SUBSCRIBERS} subscribers (one socket each) on ${CASES} cases (${SUBSCRIBERS / CASES} per case), ${EVENTS} events one every ${INTERVAL_MS} ms, ` +
      `each to the ${SUBSCRIBERS / CASES} subscribers of its case${process.env.BENCH_REDIS_URL ? ', over Redis' : ', in-memory transport'}\n`,
  );
  for (const r of results) {
    out.write(
      `${r.label.padEnd(32)} delivered ${r.received}/${r.expected} (${((100 * r.received) / r.expected).toFixed(2)} %)` +
        `${r.duplicates ? `, ${r.duplicates} duplicates` : ''}  p50=${quantile(r.latencies, 0.5).toFixed(1)} ms  p99=${quantile(r.latencies, 0.99).toFixed(1)} ms` +
        `  max=${(r.latencies[r.latencies.length - 1] ?? NaN).toFixed(1)} ms\n` +
        `${''.padEnd(32)} connect+subscribe ${(r.setupMs / 1000).toFixed(1)} s, teardown ${(r.teardownMs / 1000).toFixed(1)} s; ` +
        `heap ${mb(r.heapBefore)} → ${mb(r.heapConnected)} connected (${((r.heapConnected - r.heapBefore) / SUBSCRIBERS / 1024).toFixed(1)} KB per subscriber, both ends) → ${mb(r.heapAfter)} after events; ` +
        `RSS ${mb(r.rssBefore)} → ${mb(r.rssConnected)} → ${mb(r.rssAfter)}` +
        (r.executionsPerEvent !== null
          ? `\n${''.padEnd(32)} GraphQL executions per event: ${r.executionsPerEvent.toFixed(1)} (one per subscriber of the case); SQL statements per event: ${r.sqlPerEvent!.toFixed(1)}; ` +
            `audit records at unsubscribe: ${r.audited}/${SUBSCRIBERS}`
          : '') +
        '\n',
    );
  }
  out.write(`total ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
