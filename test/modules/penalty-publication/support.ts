// Helpers of the 双公示 tests: a credit platform of the test's own (the contract's simulator with
// a steerable clock and no background status steps) behind a recording proxy, so the tests read
// exactly what went over the wire; a database of the file's own; and a reader of a SOAP record.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SANDBOX_CREDIT_PASSWORD, SANDBOX_CREDIT_USERNAME, startSocialCreditSimulator, type SocialCreditSimulator } from '../../../connectors/social-credit';
import { openDatabase } from '../../../src/db/database';
import { applyMigrations } from '../../../src/db/migrator';
import { seedDemoData } from '../../../src/db/seed';

export interface CreditPlatform {
  sim: SocialCreditSimulator;
  /** The endpoint the hub calls (the proxy in front of the simulator). */
  url: string;
  /** Raw SOAP bodies of every ReportAdministrativePenalty request, in order. */
  reports: string[];
  /** Environment for startTestHub: the hub calls this platform as a remote system. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The simulator on the test's clock, moved only by advanceReports(), behind a recording proxy. */
export async function startCreditPlatform(now: () => number): Promise<CreditPlatform> {
  const sim = await startSocialCreditSimulator({
    host: '127.0.0.1',
    port: 0,
    username: SANDBOX_CREDIT_USERNAME,
    password: SANDBOX_CREDIT_PASSWORD,
    reportStepMs: 0,
    now,
  });
  const target = new URL(sim.url);
  const reports: string[] = [];
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      if (/ReportAdministrativePenaltyRequest/.test(text)) reports.push(text);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'soapaction']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const forward = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...headers, 'content-length': String(body.length) } },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
  return {
    sim,
    url,
    reports,
    env: { CREDIT_URL: url, CREDIT_USERNAME: SANDBOX_CREDIT_USERNAME, CREDIT_PASSWORD: SANDBOX_CREDIT_PASSWORD },
    async close() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await sim.close();
    },
  };
}

/** A record as it went over the wire: its elements in document order, and their texts. */
export interface WireRecord {
  order: string[];
  fields: Record<string, string | string[]>;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Reads the <record> of a ReportAdministrativePenaltyRequest body (namespace prefixes ignored). */
export function readWireRecord(body: string): WireRecord {
  const m = /<(?:[\w.-]+:)?record(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?record>/.exec(body);
  if (!m) throw new Error('no <record> in the request');
  const order: string[] = [];
  const fields: Record<string, string | string[]> = {};
  const child = /<(?:([\w.-]+):)?([\w]+)(?:\s[^>]*)?>([\s\S]*?)<\/(?:\1:)?\2>/g;
  for (let c = child.exec(m[1]); c; c = child.exec(m[1])) {
    const name = c[2];
    order.push(name);
    if (name === 'penaltyCategories') {
      fields[name] = [...c[3].matchAll(/<(?:[\w.-]+:)?category(?:\s[^>]*)?>([^<]*)<\//g)].map((x) => unescapeXml(x[1]));
    } else {
      fields[name] = unescapeXml(c[3]);
    }
  }
  return { order, fields };
}

/** The decision number of a ReportAdministrativePenaltyRequest body. */
export function decisionNoOf(body: string): string | undefined {
  const m = /<(?:[\w.-]+:)?decisionNo>([^<]*)</.exec(body);
  return m ? unescapeXml(m[1]) : undefined;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.HUB_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database like the run's (migrated and seeded) for this file only: other files' hubs share the
 * run's database and would deliver these reports to their own platforms (and this file renames a
 * party, which they must not see).
 */
export async function createOwnDatabase(label: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const runUrl = process.env.HUB_TEST_DATABASE_URL;
  if (!runUrl || !process.env.HUB_TEST_ADMIN_URL) throw new Error('run the tests through jest (global setup)');
  const name = `${process.env.HUB_TEST_DATABASE_NAME ?? 'hub_test'}_${label}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
  try {
    await applyMigrations(db.adapterFactory);
    await seedDemoData(db.prisma);
  } finally {
    await db.close();
  }
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (!process.env.HUB_TEST_KEEP_DATABASE) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
