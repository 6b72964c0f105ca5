// Delivery of judicial transfers (两法衔接) to the platform, through the real server and the
// in-process platform simulator: idempotent redelivery, a worker that loses its lease mid-call,
// an outage and the per-transfer order of messages, duplicated / reordered / forged / dropped
// status callbacks, reconciliation, and the police decision deadline.
//
// No background worker runs (WORKERS_ENABLED=0) and the simulator moves only on advance(), so the
// test decides when a message is delivered, a status changes and reconciliation runs. The hub runs
// on a database of this file's own (created, migrated and seeded like the run's, dropped at the
// end): other test files share the run's database, and their hubs' outbox workers would otherwise
// claim these transfer messages and deliver them to their own simulators.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { formatShanghai, signCallback, type CaseTransferSimulator } from '../../../connectors/case-transfer';
import { openDatabase } from '../../../src/db/database';
import { applyMigrations } from '../../../src/db/migrator';
import { seedDemoData } from '../../../src/db/seed';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { OutboxWorker } from '../../../src/outbox/outbox';
import { DepartmentsDocument, FileCaseDocument, PowerItemsDocument, RegisterCaseDocument } from '../../generated/graphql';
import { startTestHub, type GraphQLResponse, type TestHub } from '../../support/test-hub';

let t: TestHub;
let ownDatabase: { name: string; url: string } | null = null;
let sim: CaseTransferSimulator;
let officer: string; // LH-GH TRANSFER_OFFICER: prepares, submits and withdraws transfers
let caseOfficer: string; // LH-GH OFFICER: registers and files the cases to transfer
let supervisor: string; // LH-CGJ: approves
let badges: string[];
let powerItemCode: string;

const MANDATORY = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT'] as const;
const CALLBACK_PATH = '/callbacks/case-transfer/status';

const CREATE_TRANSFER = /* GraphQL */ `
  mutation ($caseId: ID!, $input: CreateTransferInput!) {
    createTransfer(caseId: $caseId, input: $input) { id transferNo status }
  }`;
const ATTACH = /* GraphQL */ `
  mutation ($id: ID!, $input: TransferMaterialInput!) {
    attachTransferMaterial(transferId: $id, input: $input) { id kind }
  }`;
const APPROVE = /* GraphQL */ `
  mutation ($id: ID!) { approveTransfer(transferId: $id, approve: true) { status } }`;
const SUBMIT = /* GraphQL */ `
  mutation ($id: ID!) { submitTransfer(transferId: $id) { status } }`;
const WITHDRAW = /* GraphQL */ `
  mutation ($id: ID!, $reason: String!) { withdrawTransfer(transferId: $id, reason: $reason) { status } }`;
const TRANSFER = /* GraphQL */ `
  query ($id: ID!) {
    transfer(id: $id) {
      id transferNo status sequence platformTransferId receivedAt decisionDueAt decidedAt reconsiderationDeadline detail
      deadlines { kind dueAt metAt overdue }
      deliveries { id topic status attempts lastError deliveredAt }
      history { status sequence }
      case { id stage }
    }
  }`;
const OVERDUE_TRANSFERS = /* GraphQL */ `
  query { transfers(overdue: true) { id } }`;
const CASE_HISTORY = /* GraphQL */ `
  query ($caseId: ID!) { caseHistory(caseId: $caseId) { seq type payload } }`;

interface TransferView {
  id: string;
  transferNo: string;
  status: string;
  sequence: number;
  platformTransferId: string | null;
  receivedAt: string | null;
  decisionDueAt: string | null;
  decidedAt: string | null;
  reconsiderationDeadline: string | null;
  detail: Record<string, unknown> | null;
  deadlines: Array<{ kind: string; dueAt: string; metAt: string | null; overdue: boolean }>;
  deliveries: Array<{ id: string; topic: string; status: string; attempts: number; lastError: string | null; deliveredAt: string | null }>;
  history: Array<{ status: string; sequence: number | null }>;
  case: { id: string; stage: string };
}

interface Submitted {
  id: string;
  transferNo: string;
  caseId: string;
}

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data as T;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The simulator's callbacks have all been answered (a callback refused with non-2xx is retried after 10 s: that fails here). */
async function settled(timeoutMs = 8_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`callbacks still pending after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sim.callbacks.idle(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh LH-GH case, registered and filed (a stage from which a case may be transferred). */
async function filedCase(): Promise<string> {
  const registered = ok(
    await t.gql(
      RegisterCaseDocument,
      {
        input: {
          source: 'PATROL',
          powerItemCode,
          summary: `巡查发现无证经营成品油，涉案数量较大 ${randomUUID().slice(0, 8)}`,
          address: '深圳市龙华区观湖街道松元厦社区环观南路12号',
          lng: 114.05,
          lat: 22.71,
          officerBadgeNos: badges.slice(0, 2),
          parties: [{ code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' }],
        },
      },
      caseOfficer,
    ),
  ).registerCase;
  const filed = ok(await t.gql(FileCaseDocument, { caseId: registered.id }, caseOfficer)).fileCase;
  expect(filed.stage).toBe('FILED');
  return registered.id;
}

/** createTransfer → the four mandatory materials → approval → submit: one outbox message, nothing sent yet. */
async function submittedTransfer(): Promise<Submitted> {
  const caseId = await filedCase();
  const created = ok(
    await t.gql<{ createTransfer: { id: string; transferNo: string; status: string } }>(
      CREATE_TRANSFER,
      { caseId, input: { receivingDepartmentCode: 'LH-GAJ', suspectedCharges: ['非法经营罪'], facts: '当事人无证经营成品油，经营数额巨大，涉嫌非法经营罪。', amountInvolved: '182000.00' } },
      officer,
    ),
  ).createTransfer;
  for (const kind of MANDATORY) {
    ok(
      await t.gql(
        ATTACH,
        { id: created.id, input: { kind, fileName: `${kind}.pdf`, contentType: 'application/pdf', contentBase64: Buffer.from(`%PDF ${kind} ${created.id}`).toString('base64') } },
        officer,
      ),
    );
  }
  expect(ok(await t.gql<{ approveTransfer: { status: string } }>(APPROVE, { id: created.id }, supervisor)).approveTransfer.status).toBe('APPROVED');
  expect(ok(await t.gql<{ submitTransfer: { status: string } }>(SUBMIT, { id: created.id }, officer)).submitTransfer.status).toBe('SUBMITTED');
  return { id: created.id, transferNo: created.transferNo, caseId };
}

async function view(id: string): Promise<TransferView> {
  return ok(await t.gql<{ transfer: TransferView }>(TRANSFER, { id }, officer)).transfer;
}

async function messagesOf(transferId: string) {
  return t.db.prisma.outboxMessage.findMany({ where: { aggregateType: 'Transfer', aggregateId: transferId }, orderBy: { seq: 'asc' } });
}

/** Submitted and delivered by the hub's worker; the RECEIVED callback has been answered. */
async function deliveredTransfer(): Promise<Submitted & { platformId: string }> {
  const s = await submittedTransfer();
  await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
  const [message] = await messagesOf(s.id);
  expect(message.status).toBe('DELIVERED');
  await settled();
  const v = await view(s.id);
  expect(v.status).toBe('RECEIVED');
  return { ...s, platformId: v.platformTransferId as string };
}

async function platformHistory(caseId: string, transferId: string): Promise<Array<{ status: string; sequence: number }>> {
  const events = ok(await t.gql<{ caseHistory: Array<{ seq: number; type: string; payload: Record<string, unknown> }> }>(CASE_HISTORY, { caseId }, officer)).caseHistory;
  return events
    .filter((e) => e.type === 'TRANSFERRED' && e.payload.step === 'PLATFORM_STATUS' && e.payload.transferId === transferId)
    .map((e) => ({ status: e.payload.status as string, sequence: e.payload.sequence as number }));
}

function postCallback(body: string, signature?: string): Promise<Response> {
  return fetch(new URL(CALLBACK_PATH, t.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === undefined ? {} : { 'X-Platform-Signature': signature }) },
    body,
  });
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

/** A database like the run's (migrated, seeded), used by this file only. */
async function createOwnDatabase(): Promise<{ name: string; url: string }> {
  const runUrl = process.env.HUB_TEST_DATABASE_URL;
  if (!runUrl || !process.env.HUB_TEST_ADMIN_URL) throw new Error('run the tests through jest (global setup)');
  const name = `${process.env.HUB_TEST_DATABASE_NAME ?? 'hub_test'}_delivery_${process.pid}`;
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
  return { name, url: url.toString() };
}

beforeAll(async () => {
  ownDatabase = await createOwnDatabase();
  const runUrl = process.env.HUB_TEST_DATABASE_URL;
  process.env.HUB_TEST_DATABASE_URL = ownDatabase.url;
  try {
    t = await startTestHub({ env: { WORKERS_ENABLED: '0', TRANSFER_SIMULATOR_ADVANCE_MS: '0' } });
  } finally {
    process.env.HUB_TEST_DATABASE_URL = runUrl;
  }
  sim = t.hub.services.upstream.caseTransfer.simulator as CaseTransferSimulator;
  expect(sim).toBeTruthy();
  officer = await t.token('LH-GH', 'TRANSFER_OFFICER', 'gh-transfer-officer');
  caseOfficer = await t.token('LH-GH', 'OFFICER', 'gh-officer');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-head');
  const depts = ok(await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, caseOfficer));
  badges = depts.departments.find((d) => d.code === 'LH-GH')!.officers.map((o) => o.badgeNo);
  expect(badges.length).toBeGreaterThanOrEqual(2);
  const items = ok(await t.gql(PowerItemsDocument, {}, caseOfficer));
  powerItemCode = items.powerItems[0].code;
});

afterEach(async () => {
  sim.control.reset();
  sim.callbacks.reset();
  sim.setBehaviour({ createProcessingMs: 0 });
  await settled().catch(() => undefined);
});

afterAll(async () => {
  await t?.stop();
  if (ownDatabase && !process.env.HUB_TEST_KEEP_DATABASE) await adminQuery(`DROP DATABASE IF EXISTS "${ownDatabase.name}" WITH (FORCE)`);
});

describe('delivery of a submitted transfer', () => {
  it('delivers the same outbox message twice but creates one transfer at the platform (Idempotency-Key)', async () => {
    const s = await submittedTransfer();
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(0);

    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    const [message] = await messagesOf(s.id);
    expect(message.status).toBe('DELIVERED');
    const first = await view(s.id);
    expect(first.status).toBe('RECEIVED');
    const platformId = first.platformTransferId as string;
    expect(platformId).toMatch(/^LT\d{14}$/);
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    await settled();

    // Redelivery of the delivered message (as after a crash between the call and marking it DELIVERED).
    const reset = (id: string) =>
      t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "status" = 'PENDING', "availableAt" = now(), "leaseOwner" = NULL, "leaseUntil" = NULL, "deliveredAt" = NULL WHERE "id" = ${id}::uuid`;
    await reset(message.id);
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    expect((await messagesOf(s.id))[0].status).toBe('DELIVERED');
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);

    // And once more as if the platform's answer had been lost too: the hub has no platform id, so the
    // platform is asked again — with the same key and bytes, it replays the transfer it created.
    const createCalls = sim.control.calls.createTransfer ?? 0;
    const uploadCalls = sim.control.calls.uploadMaterial ?? 0;
    await t.db.prisma.$executeRaw`UPDATE "Transfer" SET "platformTransferId" = NULL WHERE "id" = ${s.id}::uuid`;
    await reset(message.id);
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    const again = (await messagesOf(s.id))[0];
    expect(again.status).toBe('DELIVERED');
    expect(again.result).toEqual({ transferId: platformId });
    expect(sim.control.calls.createTransfer).toBe(createCalls + 1);
    expect(sim.control.calls.uploadMaterial ?? 0).toBe(uploadCalls); // materials keep their uploads
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    expect(sim.createdTransfers(s.transferNo)[0].transferId).toBe(platformId);
    await settled();

    const after = await view(s.id);
    expect(after.platformTransferId).toBe(platformId);
    expect(after.status).toBe('RECEIVED');
    expect(after.sequence).toBe(1);
    expect(after.history.filter((h) => h.status === 'RECEIVED')).toEqual([{ status: 'RECEIVED', sequence: 1 }]);
    expect(await t.db.prisma.transfer.count({ where: { platformTransferId: platformId } })).toBe(1);
  });

  it('lets another worker take over a delivery whose worker lost its lease mid-call: one transfer at the platform, RECEIVED once', async () => {
    const s = await submittedTransfer();
    // The platform takes a while to create the transfer; the first worker's lease is much shorter.
    sim.setBehaviour({ createProcessingMs: 1500 });
    const createCalls = sim.control.calls.createTransfer ?? 0;
    const stuck = new OutboxWorker(t.db.prisma, t.hub.services.transferDelivery.handlers(), { workerId: 'stuck-worker', leaseMs: 200 });
    const firstDelivery = stuck.runOnce();

    // The first worker's createTransfer is at the platform, and its lease has run out.
    await waitFor('the first createTransfer', () => (sim.control.calls.createTransfer ?? 0) > createCalls);
    await waitFor('the lease to expire', async () => {
      const [m] = await t.db.prisma.$queryRaw<Array<{ expired: boolean }>>`
        SELECT ("status" = 'IN_FLIGHT' AND "leaseOwner" = 'stuck-worker' AND "leaseUntil" < now()) AS "expired"
        FROM "OutboxMessage" WHERE "aggregateId" = ${s.id} AND "topic" = 'case-transfer.submit'`;
      return m.expired;
    });

    // The hub's worker takes the message over (its createTransfer waits while the first one is in progress).
    await waitFor(
      'the takeover to deliver',
      async () => {
        await t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() WHERE "aggregateId" = ${s.id} AND "status" = 'PENDING'`;
        await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
        return (await messagesOf(s.id))[0].status === 'DELIVERED';
      },
      30_000,
    );
    await firstDelivery; // the first worker finishes late; its outcome is refused by the fence

    const [message] = await messagesOf(s.id);
    expect(message.status).toBe('DELIVERED');
    expect(message.leaseOwner).toBe(t.hub.services.outbox.workerId);
    expect(message.attempts).toBeGreaterThanOrEqual(2);
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    await settled();

    const v = await view(s.id);
    expect(v.status).toBe('RECEIVED');
    expect(v.platformTransferId).toBe(sim.createdTransfers(s.transferNo)[0].transferId);
    expect(v.history.filter((h) => h.status === 'RECEIVED')).toEqual([{ status: 'RECEIVED', sequence: 1 }]);
    expect(await platformHistory(s.caseId, s.id)).toEqual([{ status: 'RECEIVED', sequence: 1 }]);
  });

  it('delivers once when the lease runs out while the first worker is still uploading the materials', async () => {
    const s = await submittedTransfer();
    // Every platform call is slow; the first worker's lease ends during its uploads, so both workers
    // upload and then create the transfer with the same Idempotency-Key.
    sim.control.set({ latencyMs: 150 });
    const uploads = sim.control.calls.uploadMaterial ?? 0;
    const slow = new OutboxWorker(t.db.prisma, t.hub.services.transferDelivery.handlers(), { workerId: 'slow-uploader', leaseMs: 100 });
    const firstDelivery = slow.runOnce();
    await waitFor('the first upload', () => (sim.control.calls.uploadMaterial ?? 0) > uploads);
    await waitFor(
      'the takeover to deliver',
      async () => {
        await t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() WHERE "aggregateId" = ${s.id} AND "status" = 'PENDING'`;
        await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
        const [m] = await messagesOf(s.id);
        expect(m.status).not.toBe('DEAD');
        return m.status === 'DELIVERED';
      },
      30_000,
    );
    await firstDelivery;

    const [message] = await messagesOf(s.id);
    expect(message).toMatchObject({ status: 'DELIVERED', lastError: null });
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    const platformId = sim.createdTransfers(s.transferNo)[0].transferId;
    // The transfer references one upload per material, the same ones the hub recorded.
    const materials = await t.db.prisma.transferMaterial.findMany({ where: { transferId: s.id } });
    expect(materials.map((m) => m.uploadId).sort()).toEqual(sim.store.transfers.get(platformId)!.materials.map((m) => m.uploadId).sort());
    await settled();
    const v = await view(s.id);
    expect(v.status).toBe('RECEIVED');
    expect(v.platformTransferId).toBe(platformId);
    expect(v.history.filter((h) => h.status === 'RECEIVED')).toEqual([{ status: 'RECEIVED', sequence: 1 }]);
  });

  it('keeps the message while the platform is down, delivers it once when it is back, and a later message of the transfer only after it', async () => {
    const s = await submittedTransfer();
    // 503 SERVICE_UNAVAILABLE with a Retry-After too long to wait for inside the call: one try per delivery.
    sim.control.set({ maintenance: true, retryAfterSeconds: 600 });
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });

    let v = await view(s.id);
    expect(v.status).toBe('SUBMITTED');
    expect(v.platformTransferId).toBeNull();
    expect(v.deliveries).toHaveLength(1);
    expect(v.deliveries[0]).toMatchObject({ topic: 'case-transfer.submit', status: 'PENDING', attempts: 1, deliveredAt: null });
    expect(v.deliveries[0].lastError).toMatch(/SERVICE_UNAVAILABLE/);
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(0);

    // Withdrawn while the submission still waits: a second message of the same transfer.
    ok(await t.gql(WITHDRAW, { id: s.id, reason: '当事人已补办许可，撤回移送' }, officer));
    v = await view(s.id);
    expect(v.deliveries.map((d) => [d.topic, d.status, d.attempts])).toEqual([
      ['case-transfer.submit', 'PENDING', 1],
      ['case-transfer.withdraw', 'PENDING', 0],
    ]);

    // Both due, platform still down: the withdrawal is not tried before the submission.
    await t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() WHERE "aggregateId" = ${s.id}`;
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    v = await view(s.id);
    expect(v.deliveries.map((d) => [d.topic, d.status, d.attempts])).toEqual([
      ['case-transfer.submit', 'PENDING', 2],
      ['case-transfer.withdraw', 'PENDING', 0],
    ]);

    // Back up.
    sim.control.set({ maintenance: false });
    await t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() WHERE "aggregateId" = ${s.id}`;
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    v = await view(s.id);
    expect(v.deliveries.map((d) => [d.topic, d.status])).toEqual([
      ['case-transfer.submit', 'DELIVERED'],
      ['case-transfer.withdraw', 'PENDING'],
    ]);
    expect(v.deliveries[1].attempts).toBe(0);
    expect(sim.control.calls.withdrawTransfer ?? 0).toBe(0);
    expect(v.status).toBe('RECEIVED');
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    const platformId = v.platformTransferId as string;
    expect(platformId).toBe(sim.createdTransfers(s.transferNo)[0].transferId);

    // The withdrawal follows.
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.transferDelivery.handlers()) });
    await settled();
    v = await view(s.id);
    expect(v.deliveries.map((d) => [d.topic, d.status])).toEqual([
      ['case-transfer.submit', 'DELIVERED'],
      ['case-transfer.withdraw', 'DELIVERED'],
    ]);
    expect(new Date(v.deliveries[1].deliveredAt as string).getTime()).toBeGreaterThanOrEqual(new Date(v.deliveries[0].deliveredAt as string).getTime());
    expect(v.status).toBe('WITHDRAWN');
    expect(v.sequence).toBe(2);
    expect(sim.transfer(platformId)?.history.map((h) => h.status)).toEqual(['RECEIVED', 'WITHDRAWN']);
    expect(sim.createdTransfers(s.transferNo)).toHaveLength(1);
    expect(v.history.filter((h) => h.status === 'RECEIVED')).toHaveLength(1);
  });
});

describe('status callbacks', () => {
  it('answers a duplicated callback 2xx and applies it once', async () => {
    const s = await deliveredTransfer();
    sim.callbacks.set({ duplicate: true });
    const events = [...sim.advance(s.platformId), ...sim.advance(s.platformId, 'FILED')];
    expect(events.map((e) => [e.status, e.sequence])).toEqual([
      ['UNDER_REVIEW', 2],
      ['FILED', 3],
    ]);
    await settled();

    for (const e of events) {
      const attempts = sim.callbacks.deliveries.filter((d) => d.eventId === e.eventId);
      expect(attempts).toHaveLength(2); // each sent twice, each answered 2xx
      expect(attempts.every((d) => d.outcome === 'DELIVERED' && (d.httpStatus as number) >= 200 && (d.httpStatus as number) < 300)).toBe(true);
    }
    const v = await view(s.id);
    expect(v.status).toBe('FILED');
    expect(v.sequence).toBe(3);
    expect(v.detail?.filedCaseNo).toEqual(events[1].detail.filedCaseNo);
    expect(v.decidedAt).not.toBeNull();
    const platformRows = v.history.filter((h) => h.sequence !== null);
    expect(platformRows).toEqual([
      { status: 'RECEIVED', sequence: 1 },
      { status: 'UNDER_REVIEW', sequence: 2 },
      { status: 'FILED', sequence: 3 },
    ]);
    const eventIds = sim.callbacks.events.filter((e) => e.transferId === s.platformId).map((e) => e.eventId);
    expect(eventIds).toHaveLength(3);
    const inbound = await t.db.prisma.inboundEvent.findMany({ where: { source: 'case-transfer', eventId: { in: eventIds } } });
    expect(inbound.map((i) => i.eventId).sort()).toEqual([...eventIds].sort());
    expect(await t.db.prisma.transferStatusChange.count({ where: { eventId: { in: events.map((e) => e.eventId) } } })).toBe(2);
    // The case history records each platform status once, in order.
    expect(await platformHistory(s.caseId, s.id)).toEqual([
      { status: 'RECEIVED', sequence: 1 },
      { status: 'UNDER_REVIEW', sequence: 2 },
      { status: 'FILED', sequence: 3 },
    ]);
  });

  it('never moves a transfer back when a lower sequence arrives late', async () => {
    const s = await deliveredTransfer();
    sim.callbacks.set({ reorder: true });
    const events = [...sim.advance(s.platformId), ...sim.advance(s.platformId, 'NOT_FILED')];
    expect(events.map((e) => [e.status, e.sequence])).toEqual([
      ['UNDER_REVIEW', 2],
      ['NOT_FILED', 3],
    ]);
    await settled();

    // The platform sent NOT_FILED (3) first and UNDER_REVIEW (2) after it; both were answered 2xx.
    const delivered = sim.callbacks.deliveries.filter((d) => d.transferId === s.platformId && d.sequence > 1);
    expect(delivered.map((d) => [d.sequence, d.outcome])).toEqual([
      [3, 'DELIVERED'],
      [2, 'DELIVERED'],
    ]);
    const v = await view(s.id);
    expect(v.status).toBe('NOT_FILED');
    expect(v.sequence).toBe(3);
    expect(v.reconsiderationDeadline).not.toBeNull();
    expect(new Date(v.reconsiderationDeadline as string).getTime()).toBe(new Date(events[1].detail.reconsiderationDeadline as string).getTime());
    // The late event is kept in the history, but it did not change the status.
    expect(v.history.filter((h) => h.sequence !== null)).toEqual(
      expect.arrayContaining([
        { status: 'RECEIVED', sequence: 1 },
        { status: 'UNDER_REVIEW', sequence: 2 },
        { status: 'NOT_FILED', sequence: 3 },
      ]),
    );
    expect(v.history.filter((h) => h.sequence !== null)).toHaveLength(3);
    expect(await platformHistory(s.caseId, s.id)).toEqual([
      { status: 'RECEIVED', sequence: 1 },
      { status: 'NOT_FILED', sequence: 3 },
    ]);
  });

  it('refuses forged callbacks with 401 INVALID_SIGNATURE and changes nothing; a correctly signed one is applied', async () => {
    const s = await deliveredTransfer();
    const secrets = t.hub.services.upstream.caseTransfer.callbackSecrets;
    const now = () => Math.floor(Date.now() / 1000);
    const event = {
      eventId: randomUUID(),
      transferId: s.platformId,
      transferNo: s.transferNo,
      status: 'UNDER_REVIEW',
      sequence: 2,
      occurredAt: formatShanghai(Date.now()),
      detail: {},
    };
    const body = JSON.stringify(event);
    const other = JSON.stringify({ ...event, status: 'FILED', sequence: 9, detail: { filedCaseNo: '深公立字〔2026〕99999号' } });

    const before = {
      transfer: await t.db.prisma.transfer.findUniqueOrThrow({ where: { id: s.id } }),
      inbound: await t.db.prisma.inboundEvent.count(),
      history: await t.db.prisma.transferStatusChange.count({ where: { transferId: s.id } }),
    };
    const forged: Array<[string, string | undefined]> = [
      ['no signature', undefined],
      ['a wrong secret', signCallback(body, ['whsec_not_the_platform_secret'], now())],
      ['a stale timestamp', signCallback(body, secrets, now() - 600)],
      ['a signature over another body', signCallback(other, secrets, now())],
    ];
    for (const [why, signature] of forged) {
      const res = await postCallback(body, signature);
      expect({ why, status: res.status }).toEqual({ why, status: 401 });
      expect(((await res.json()) as { code: string }).code).toBe('INVALID_SIGNATURE');
    }
    const after = await t.db.prisma.transfer.findUniqueOrThrow({ where: { id: s.id } });
    expect({ status: after.status, sequence: after.sequence, updatedAt: after.updatedAt }).toEqual({
      status: before.transfer.status,
      sequence: before.transfer.sequence,
      updatedAt: before.transfer.updatedAt,
    });
    expect(await t.db.prisma.inboundEvent.count()).toBe(before.inbound);
    expect(await t.db.prisma.transferStatusChange.count({ where: { transferId: s.id } })).toBe(before.history);

    // The same body, signed correctly and now: applied.
    const res = await postCallback(body, signCallback(body, secrets, now()));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, applied: true });
    const v = await view(s.id);
    expect(v.status).toBe('UNDER_REVIEW');
    expect(v.sequence).toBe(2);
    expect(await t.db.prisma.inboundEvent.count({ where: { source: 'case-transfer', eventId: event.eventId } })).toBe(1);
  });
});

describe('reconciliation', () => {
  it('catches up with statuses whose callbacks were dropped, and changes nothing the second time', async () => {
    const s = await deliveredTransfer();
    sim.callbacks.set({ drop: true });
    const events = sim.advance(s.platformId, 'NOT_FILED');
    expect(events.map((e) => e.status)).toEqual(['UNDER_REVIEW', 'NOT_FILED']);
    await settled();
    expect(events.every((e) => sim.callbacks.deliveredCount(e.eventId) === 0)).toBe(true);

    let v = await view(s.id);
    expect(v.status).toBe('RECEIVED');
    expect(v.sequence).toBe(1);

    expect(await t.hub.services.transferDelivery.reconcile()).toBeGreaterThanOrEqual(1);
    const platform = sim.transfer(s.platformId)!;
    v = await view(s.id);
    expect(v.status).toBe('NOT_FILED');
    expect(v.sequence).toBe(platform.sequence);
    expect(v.sequence).toBe(3);
    expect(v.reconsiderationDeadline).not.toBeNull();
    expect(new Date(v.reconsiderationDeadline as string).getTime()).toBe(new Date(platform.reconsiderationDeadline as string).getTime());
    expect(v.detail?.notFiledReason).toBe(platform.notFiledReason);
    expect(v.decidedAt).not.toBeNull();

    const snapshot = async () => ({
      transfer: await t.db.prisma.transfer.findUniqueOrThrow({ where: { id: s.id } }),
      history: await t.db.prisma.transferStatusChange.count({ where: { transferId: s.id } }),
      caseEvents: await t.db.prisma.caseEvent.count({ where: { caseId: s.caseId } }),
    });
    const once = await snapshot();
    expect(await t.hub.services.transferDelivery.reconcile()).toBe(0);
    expect(await snapshot()).toEqual(once);
  });
});

describe('the police decision deadline', () => {
  it('is the end of the 3rd working day after receipt, and overdue once that has passed without a decision', async () => {
    const s = await deliveredTransfer();
    let v = await view(s.id);
    const receivedAt = new Date(v.receivedAt as string);
    expect(receivedAt.getTime()).toBe(new Date(sim.transfer(s.platformId)!.receivedAt).getTime());
    const calendar = new WorkingDayCalendar();
    const due = calendar.endOfWorkingDaysAfter(receivedAt, 3);
    const police = () => v.deadlines.filter((d) => d.kind === 'POLICE_DECISION');
    expect(police()).toHaveLength(1);
    expect(new Date(police()[0].dueAt).getTime()).toBe(due.getTime());
    expect(new Date(v.decisionDueAt as string).getTime()).toBe(due.getTime());
    expect(police()[0]).toMatchObject({ overdue: false, metAt: null });
    const overdueIds = async () => ok(await t.gql<{ transfers: Array<{ id: string }> }>(OVERDUE_TRANSFERS, {}, officer)).transfers.map((x) => x.id);
    expect(await overdueIds()).not.toContain(s.id);

    // Received two weeks ago, no decision since.
    const longAgo = new Date(receivedAt.getTime() - 14 * 24 * 3600_000);
    const pastDue = calendar.endOfWorkingDaysAfter(longAgo, 3);
    expect(pastDue.getTime()).toBeLessThan(Date.now());
    await t.db.prisma.transfer.update({ where: { id: s.id }, data: { receivedAt: longAgo, decisionDueAt: pastDue } });
    v = await view(s.id);
    expect(new Date(police()[0].dueAt).getTime()).toBe(pastDue.getTime());
    expect(police()[0]).toMatchObject({ overdue: true, metAt: null });
    expect(await overdueIds()).toContain(s.id);
  });
});
