// `npm run bench:query`: the 100-case list with its parties' permits and credit, through the hub
// (GraphQL, DataLoaders, connectors) and through a hand-written baseline in the same run that does
// the same work with direct pg queries and direct client calls in parallel, no GraphQL. The
// simulators answer with 50 ms latency. Reports upstream calls per query against the ideal,
// p50/p99 latency of both and their ratio, throughput ratio and peak memory.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';
import { seedDemoData } from '../src/db/seed';
import { signToken } from '../src/auth/jwt';
import { createHub } from '../src/server/create-hub';
import { PermitsClient, SANDBOX_APP_ID, SANDBOX_APP_SECRET, startPermitsSimulator, parsePermitsConfig } from '../connectors/permits';
import {
  SANDBOX_CREDIT_PASSWORD,
  SANDBOX_CREDIT_USERNAME,
  SocialCreditClient,
  parseSocialCreditConfig,
  startSocialCreditSimulator,
} from '../connectors/social-credit';

const SECRET = 'bench-secret-of-at-least-thirty-two-characters!';
const LATENCY_MS = Number(process.env.BENCH_UPSTREAM_LATENCY_MS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const CONCURRENCY = 4;
/** The permits connector's own limit of holder look-ups in flight; the baseline keeps the same. */
const HOLDER_CONCURRENCY = 4;
const CREDIT_BATCH = 50;
const SEEDED_BEFORE = '2026-11-19T00:00:00+08:00';

const QUERY = `query Bench($filter: CaseFilter) {
  cases(first: 100, filter: $filter) {
    edges { node {
      caseNo stage
      parties { party { code name permits { permitNo type status validTo } credit { creditRating onBlacklist } } }
    } }
  }
}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

async function main(): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);

  const permitsSim = await startPermitsSimulator({ host: '127.0.0.1', port: 0, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
  const creditSim = await startSocialCreditSimulator({
    host: '127.0.0.1',
    port: 0,
    username: SANDBOX_CREDIT_USERNAME,
    password: SANDBOX_CREDIT_PASSWORD,
    // The contract's 10 req/s would turn a benchmark into a rate-limit test.
    requestsPerSecond: 1_000_000,
    subjectsPerDay: 1_000_000_000,
  });
  permitsSim.control.set({ latencyMs: LATENCY_MS });
  creditSim.control.set({ latencyMs: LATENCY_MS });

  const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `hub_bench_q_${Date.now()}`;
  const adminClient = new Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  const dbUrl = new URL(admin);
  dbUrl.pathname = `/${name}`;
  const env = {
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    DATABASE_URL: dbUrl.toString(),
    PERMITS_URL: permitsSim.url,
    PERMITS_APP_ID: SANDBOX_APP_ID,
    PERMITS_APP_SECRET: SANDBOX_APP_SECRET,
    CREDIT_URL: creditSim.url,
    CREDIT_USERNAME: SANDBOX_CREDIT_USERNAME,
    CREDIT_PASSWORD: SANDBOX_CREDIT_PASSWORD,
  };
  const config = loadConfig(env);
  const db = await openDatabase({ databaseUrl: dbUrl.toString(), dataDir: os.tmpdir() });
  await applyMigrations(db.adapterFactory);
  await seedDemoData(db.prisma);
  const hub = await createHub(config, db, { logger: pino({ level: 'silent' }) });
  const url = await hub.listen(0, '127.0.0.1');
  const token = await signToken(SECRET, { sub: 'bench', dept: 'LH-CGJ', roles: ['SUPERVISOR'] });

  // ── the hub ──
  const viaHub = async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { filter: { registeredTo: SEEDED_BEFORE } } }),
    });
    const body = (await res.json()) as { data?: { cases: { edges: unknown[] } }; errors?: unknown };
    if (body.errors || !body.data || body.data.cases.edges.length !== 100) throw new Error(`hub query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  // ── the baseline: pg + direct client calls, no GraphQL, no DataLoader ──
  const pool = new Pool({ connectionString: dbUrl.toString(), max: 5 });
  const permitsClient = new PermitsClient({ baseUrl: permitsSim.url, config: parsePermitsConfig(env) });
  const creditConfig = parseSocialCreditConfig(env);
  const creditClient = await SocialCreditClient.create({
    endpoint: creditSim.url,
    username: creditConfig.username,
    password: creditConfig.password,
    timeoutMs: creditConfig.timeoutMs,
  });
  const baseline = async () => {
    const { rows: cases } = await pool.query<{ id: string; caseNo: string; stage: string }>(
      `SELECT c."id", c."caseNo", c."stage" FROM "EnforcementCase" c WHERE c."registeredAt" < $1
        ORDER BY c."registeredAt" DESC, c."id" DESC LIMIT 100`,
      [SEEDED_BEFORE],
    );
    const { rows: links } = await pool.query<{ caseId: string; code: string; name: string }>(
      `SELECT cp."caseId", p."code", p."name" FROM "CaseParty" cp JOIN "Party" p ON p."id" = cp."partyId" WHERE cp."caseId" = ANY($1::uuid[])`,
      [cases.map((c) => c.id)],
    );
    const codes = [...new Set(links.map((l) => l.code))];
    const chunks: string[][] = [];
    for (let i = 0; i < codes.length; i += CREDIT_BATCH) chunks.push(codes.slice(i, i + CREDIT_BATCH));
    const [permits, credit] = await Promise.all([
      mapLimit(codes, HOLDER_CONCURRENCY, (code) => permitsClient.listHolderPermits(code)),
      Promise.all(chunks.map((chunk) => creditClient.batchQueryCreditProfile(chunk))),
    ]);
    const permitsByCode = new Map(codes.map((c, i) => [c, permits[i]]));
    const creditByCode = new Map(credit.flatMap((r) => r.profiles.map((p) => [p.subjectCode, p] as const)));
    return cases.map((c) => ({
      caseNo: c.caseNo,
      stage: c.stage,
      parties: links
        .filter((l) => l.caseId === c.id)
        .map((l) => ({ code: l.code, name: l.name, permits: permitsByCode.get(l.code), credit: creditByCode.get(l.code) ?? null })),
    }));
  };

  // Upstream calls of one query, against the ideal.
  await viaHub();
  permitsSim.control.reset();
  creditSim.control.reset();
  permitsSim.control.set({ latencyMs: LATENCY_MS });
  creditSim.control.set({ latencyMs: LATENCY_MS });
  const one = await viaHub();
  const holders = new Set(
    (one.cases.edges as Array<{ node: { parties: Array<{ party: { code: string } }> } }>).flatMap((e) => e.node.parties.map((p) => p.party.code)),
  );
  const calls = { permits: permitsSim.control.totalCalls(), credit: creditSim.control.totalCalls() };
  const ideal = { permits: holders.size, credit: Math.ceil(holders.size / CREDIT_BATCH) };

  // Latency, interleaved so both see the same machine.
  for (let i = 0; i < 3; i += 1) {
    await viaHub();
    await baseline();
  }
  const hubTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    let t0 = performance.now();
    await viaHub();
    hubTimes.push(performance.now() - t0);
    t0 = performance.now();
    await baseline();
    baseTimes.push(performance.now() - t0);
  }
  hubTimes.sort((a, b) => a - b);
  baseTimes.sort((a, b) => a - b);

  // Throughput: CONCURRENCY clients for THROUGHPUT_SECONDS each.
  const throughput = async (fn: () => Promise<unknown>) => {
    const until = performance.now() + THROUGHPUT_SECONDS * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          await fn();
          done += 1;
        }
      }),
    );
    return done / THROUGHPUT_SECONDS;
  };
  const hubRps = await throughput(viaHub);
  const baseRps = await throughput(baseline);
  clearInterval(sampler);

  const p = (xs: number[], q: number) => quantile(xs, q).toFixed(1);
  const lines = [
    `100-case list with parties' permits and credit; simulators at ${LATENCY_MS} ms; ${RUNS} interleaved runs; throughput with ${CONCURRENCY} concurrent clients for ${THROUGHPUT_SECONDS} s each`,
    `distinct parties in the list: ${holders.size}`,
    `upstream calls per query: permits ${calls.permits} (ideal ${ideal.permits}: one listHolderPermits per holder, the contract has no batch by holder), social credit ${calls.credit} (ideal ${ideal.credit}: one BatchQueryCreditProfile per ${CREDIT_BATCH} codes)`,
    `hub       p50 ${p(hubTimes, 0.5)} ms  p99 ${p(hubTimes, 0.99)} ms  throughput ${hubRps.toFixed(2)} req/s`,
    `baseline  p50 ${p(baseTimes, 0.5)} ms  p99 ${p(baseTimes, 0.99)} ms  throughput ${baseRps.toFixed(2)} req/s`,
    `ratio hub/baseline: p50 ${(quantile(hubTimes, 0.5) / quantile(baseTimes, 0.5)).toFixed(2)}  p99 ${(quantile(hubTimes, 0.99) / quantile(baseTimes, 0.99)).toFixed(2)}  throughput ${(hubRps / baseRps).toFixed(2)}`,
    `peak RSS of the process (hub, baseline and simulators together): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await hub.stop();
  await pool.end();
  permitsClient.close();
  await creditClient.close();
  await db.close();
  await permitsSim.close();
  await creditSim.close();
  await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminClient.end();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
