// The hub on the embedded store (PGlite, one connection) with the in-process simulators, as
// `npm start` runs it: the background paths that open their own transactions — the deadline
// scheduler, a 12345 webhook and its action through the outbox, statistics in SQL — must not wait
// on a connection their own transaction holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { signToken } from '../../src/auth/jwt';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/database';
import { applyMigrations } from '../../src/db/migrator';
import { seedDemoData } from '../../src/db/seed';
import { createHub, type Hub } from '../../src/server/create-hub';
import { WORK_ORDER_ACTION_TOPIC } from '../../src/modules/work-order/work-order.service';

const SECRET = 'embedded-store-test-secret-of-32-characters';
let dir: string;
let db: Database;
let hub: Hub;
let url: string;

async function gql<T>(query: string, dept: string, role: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const token = await signToken(SECRET, { sub: `embedded-${dept}`, dept, roles: [role as never] });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-embedded-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, AUTH_JWT_SECRET: SECRET, PORT: '0', WORKERS_ENABLED: '0', HOTLINE_SIMULATOR_DISPATCH_MS: '0' });
  db = await openDatabase({ databaseUrl: null, dataDir: config.dataDir });
  await applyMigrations(db.adapterFactory);
  await seedDemoData(db.prisma);
  hub = await createHub(config, db, {});
  url = await hub.listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('runs the deadline scheduler on the single connection and raises alerts for the seeded deadlines', async () => {
  const scan = await gql<{ scanDeadlines: { ran: boolean; openDeadlines: number; raised: number } }>(
    'mutation { scanDeadlines { ran openDeadlines raised } }',
    'LH-CGJ',
    'SUPERVISOR',
  );
  expect(scan.errors).toBeUndefined();
  expect(scan.data!.scanDeadlines.ran).toBe(true);
  expect(scan.data!.scanDeadlines.openDeadlines).toBeGreaterThan(0);
  expect(await db.prisma.supervisionItem.count()).toBe(scan.data!.scanDeadlines.raised);
});

it('takes a 12345 webhook, sends the signature through the outbox and computes statistics in SQL', async () => {
  const sim = hub.services.upstream.hotline.simulator!;
  const order = sim.dispatch({ street: '观湖街道' });
  await sim.flushWebhooks();
  await hub.services.workOrderSync.idle();
  const signed = await gql<{ signWorkOrder: { pendingAction: string } }>(`mutation { signWorkOrder(orderNo: "${order.orderNo}") { pendingAction } }`, 'LH-GH', 'OFFICER');
  expect(signed.errors).toBeUndefined();
  expect(await hub.services.outbox.runOnce({ topics: [WORK_ORDER_ACTION_TOPIC] })).toBe(1);
  expect(sim.order(order.orderNo)!.status).toBe('SIGNED');
  expect((await db.prisma.workOrder.findUniqueOrThrow({ where: { orderNo: order.orderNo } })).status).toBe('SIGNED');

  const stats = await gql<{ supervisionStats: { total: { received: number } } }>(
    '{ supervisionStats(period: { from: "2026-01-01T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00" }, groupBy: STREET) { total { received } } }',
    'LH-CGJ',
    'SUPERVISOR',
  );
  expect(stats.errors).toBeUndefined();
  expect(stats.data!.supervisionStats.total.received).toBe(await db.prisma.enforcementCase.count({ where: { registeredAt: { gte: new Date('2026-01-01T00:00:00+08:00'), lt: new Date('2026-12-01T00:00:00+08:00') } } }));
});
