// `npm run bench:cases`: p50/p95 latency and SQL statements of `cases(first: 100)` with its
// relations, through the real HTTP server, on the embedded store (PGlite) and on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';
import { seedDemoData } from '../src/db/seed';
import { signToken } from '../src/auth/jwt';
import { createHub } from '../src/server/create-hub';

const SECRET = 'bench-secret-of-at-least-thirty-two-characters!';
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 5;

const QUERY = `query Bench($first: Int) {
  cases(first: $first) {
    totalCount
    edges { cursor node {
      id caseNo stage source street registeredAt
      department { code name }
      powerItem { code name category }
      parties { role party { code name kind } }
      officers { lead officer { badgeNo name } }
      latestEvents(last: 3) { seq type occurredAt }
      decision { decisionNo fineAmount }
      deadlines { kind dueAt overdue }
    } }
  }
}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function measure(label: string, db: Database, databaseUrl: string | null, dataDir: string) {
  const config = loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }) });
  const hub = await createHub(config, db);
  const url = await hub.listen(0, '127.0.0.1');
  const token = await signToken(SECRET, { sub: 'bench', dept: 'LH-CGJ', roles: ['SUPERVISOR'] });
  const run = async (first: number) => {
    const before = db.statements.count;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { first } }),
    });
    const body = (await res.json()) as { data?: { cases: { edges: unknown[] } }; errors?: unknown };
    const ms = performance.now() - started;
    if (body.errors || !body.data) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
    return { ms, statements: db.statements.count - before, rows: body.data.cases.edges.length };
  };
  await run(1); // warms the department cache of authentication, so counts are per request
  const counts: Record<number, number> = {};
  for (const n of [10, 50, 100]) counts[n] = (await run(n)).statements;
  for (let i = 0; i < WARMUP; i += 1) await run(100);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const r = await run(100);
    times.push(r.ms);
    rows = r.rows;
  }
  times.sort((a, b) => a - b);
  await hub.stop();
  return { store: label, rows, runs: RUNS, p50: quantile(times, 0.5), p95: quantile(times, 0.95), statementsFor: counts };
}

async function main(): Promise<void> {
  const results = [];
  // Embedded store
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const embedded = await openDatabase({ databaseUrl: null, dataDir });
  await applyMigrations(embedded.adapterFactory);
  await seedDemoData(embedded.prisma);
  results.push(await measure('embedded (PGlite)', embedded, null, dataDir));
  await embedded.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  // PostgreSQL
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `hub_bench_${Date.now()}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ databaseUrl: url.toString(), dataDir });
  try {
    await applyMigrations(pg.adapterFactory);
    await seedDemoData(pg.prisma);
    results.push(await measure('PostgreSQL', pg, url.toString(), dataDir));
  } finally {
    await pg.close();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }

  process.stdout.write(`cases(first: 100) with department, powerItem, parties, officers, latestEvents, decision, deadlines — ${RUNS} runs each\n`);
  for (const r of results) {
    process.stdout.write(
      `${r.store.padEnd(18)} rows=${r.rows}  p50=${r.p50.toFixed(1)} ms  p95=${r.p95.toFixed(1)} ms  SQL statements per request: first:10 → ${r.statementsFor[10]}, first:50 → ${r.statementsFor[50]}, first:100 → ${r.statementsFor[100]}\n`,
    );
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
