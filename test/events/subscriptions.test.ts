// Subscriptions through the real server over graphql-ws: case steps in order, access refused
// at connection and at subscribe time, resuming with `since`, transfers and assistance requests.
import { randomUUID } from 'node:crypto';
import { EventBus, InMemoryTransport, type StoredHubEvent } from '../../src/events/event-bus';
import { assistRequestEvent, transferStatusEvent } from '../../src/events/payloads';
import { startTestHub, type TestHub } from '../support/test-hub';
import {
  addEvidence,
  ASSIST_REQUEST_UPDATED,
  CASE_UPDATED,
  caseLog,
  correctCase,
  fileCase,
  increasing,
  registerCase,
  streetSetup,
  subscribe,
  subscriptionsOpen,
  TRANSFER_STATUS_CHANGED,
  waitFor,
  wsUrl,
  type Subscriber,
} from './support';

type CaseUpdate = { sequence: string; caseId: string; caseNo: string; stage: string; version: number; eventType: string; occurredAt: string };
type TransferUpdate = {
  sequence: string;
  transferId: string;
  caseId: string;
  transferNo: string;
  status: string;
  platformSequence: number | null;
  occurredAt: string;
  detail: unknown;
};
type AssistUpdate = { sequence: string; assistRequestId: string; caseId: string; fromDepartmentCode: string; toDepartmentCode: string; status: string };

let t: TestHub;
let gh: Awaited<ReturnType<typeof streetSetup>>; // 观湖 street team
let mz: Awaited<ReturnType<typeof streetSetup>>; // 民治 street team
let supervisor: string;
const open: Subscriber<unknown>[] = [];

function track<T>(s: Subscriber<T>): Subscriber<T> {
  open.push(s as Subscriber<unknown>);
  return s;
}

beforeAll(async () => {
  t = await startTestHub();
  gh = await streetSetup(t, 'LH-GH');
  mz = await streetSetup(t, 'LH-MZ');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-supervisor');
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  await subscriptionsOpen(t, 0);
});

afterAll(async () => {
  await t?.stop();
});

/** Records an event the way the transfer and assist modules do: in a transaction, broadcast after commit. */
async function publish(input: Parameters<TestHub['hub']['services']['events']['record']>[1]): Promise<StoredHubEvent> {
  const bus = t.hub.services.events;
  const event = await t.db.prisma.$transaction((tx) => bus.record(tx, input));
  await bus.broadcast([event]);
  return event;
}

function transferPayload(transferId: string, caseId: string, status: 'RECEIVED' | 'UNDER_REVIEW' | 'FILED', platformSequence: number) {
  return { transferId, caseId, transferNo: `YS-${transferId.slice(0, 8)}`, status, platformSequence, occurredAt: new Date().toISOString(), detail: { note: status } };
}

describe('caseUpdated', () => {
  it('delivers the steps of a case in order, each with a higher sequence, and audits the operation', async () => {
    const c = await registerCase(t, gh);
    const sub = track(subscribe<CaseUpdate>(wsUrl(t), gh.token, CASE_UPDATED, { caseId: c.id }));
    await subscriptionsOpen(t, 1);

    await fileCase(t, gh.token, c.id);
    await addEvidence(t, gh.token, c.id, gh.badges[0]);
    await correctCase(t, gh.token, c.id, '更正后的摘要');
    await waitFor(() => sub.events.length >= 3, 'three case updates');

    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => [e.eventType, e.stage])).toEqual([
      ['FILED', 'FILED'],
      ['EVIDENCE_ADDED', 'INVESTIGATING'],
      ['CORRECTED', 'INVESTIGATING'],
    ]);
    expect(sub.events.map((e) => e.version)).toEqual([c.version + 1, c.version + 2, c.version + 3]);
    expect(sub.events.every((e) => e.caseId === c.id && e.caseNo === c.caseNo && !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    expect(increasing(sub.events.map((e) => e.sequence))).toBe(true);
    // Exactly what the log holds after registration.
    expect(sub.events.map((e) => e.sequence)).toEqual((await caseLog(t, c.id)).slice(1).map((r) => r.seq));

    await sub.dispose();
    await waitFor(
      async () => (await t.db.prisma.auditRecord.count({ where: { sub: 'lh-gh-events-officer', fields: { has: 'caseUpdated' }, caseIds: { has: c.id } } })) > 0,
      'the audit record of the subscription',
    );
    const audit = await t.db.prisma.auditRecord.findFirstOrThrow({
      where: { sub: 'lh-gh-events-officer', fields: { has: 'caseUpdated' }, caseIds: { has: c.id } },
    });
    expect(audit).toMatchObject({ operationType: 'subscription', operationName: 'CaseUpdated', dept: 'LH-GH', outcome: 'OK' });
  });

  it('refuses an officer of another street (FORBIDDEN) and audits the refusal', async () => {
    const c = await registerCase(t, gh);
    const sub = track(subscribe<CaseUpdate>(wsUrl(t), mz.token, CASE_UPDATED, { caseId: c.id }));
    await sub.ended;
    expect(sub.events).toEqual([]);
    expect(sub.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(sub.errors[0].extensions).toMatchObject({ rule: 'CASE_SCOPE' });
    expect(t.hub.services.events.subscriberCount).toBe(0);
    await waitFor(
      async () => (await t.db.prisma.auditRecord.count({ where: { sub: 'lh-mz-events-officer', fields: { has: 'caseUpdated' }, outcome: 'ERROR:FORBIDDEN' } })) > 0,
      'the audit record of the refusal',
    );
  });

  it('refuses a connection without a token (4403) before any subscription', async () => {
    const c = await registerCase(t, gh);
    const sub = track(subscribe<CaseUpdate>(wsUrl(t), null, CASE_UPDATED, { caseId: c.id }));
    await sub.ended;
    expect((sub.socketError as { code?: number }).code).toBe(4403);
    expect(sub.closedCode).toBe(4403);
    expect(sub.events).toEqual([]);
  });

  it('refuses a malformed cursor and an unknown case', async () => {
    const c = await registerCase(t, gh);
    const bad = track(subscribe<CaseUpdate>(wsUrl(t), gh.token, CASE_UPDATED, { caseId: c.id, since: 'yesterday' }));
    const unknown = track(subscribe<CaseUpdate>(wsUrl(t), gh.token, CASE_UPDATED, { caseId: randomUUID() }));
    await Promise.all([bad.ended, unknown.ended]);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    expect(unknown.errors[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('resumes with `since`: exactly the missed steps, then live ones', async () => {
    const c = await registerCase(t, gh);
    const first = track(subscribe<CaseUpdate>(wsUrl(t), gh.token, CASE_UPDATED, { caseId: c.id }));
    await subscriptionsOpen(t, 1);
    await fileCase(t, gh.token, c.id);
    await waitFor(() => first.events.length === 1, 'the first update');
    const last = first.events[0].sequence;
    await first.dispose(); // the client goes away
    await subscriptionsOpen(t, 0);

    await addEvidence(t, gh.token, c.id, gh.badges[0]); // missed
    await correctCase(t, gh.token, c.id, '第一次更正'); // missed

    const again = track(subscribe<CaseUpdate>(wsUrl(t), gh.token, CASE_UPDATED, { caseId: c.id, since: last }));
    await waitFor(() => again.events.length >= 2, 'the missed updates');
    await correctCase(t, gh.token, c.id, '第二次更正'); // live
    await waitFor(() => again.events.length >= 3, 'the live update');
    await correctCase(t, gh.token, c.id, '第三次更正'); // live
    await waitFor(() => again.events.length >= 4, 'the second live update');

    expect(again.errors).toEqual([]);
    const log = await caseLog(t, c.id);
    expect(log.map((r) => r.eventType)).toEqual(['REGISTERED', 'FILED', 'EVIDENCE_ADDED', 'CORRECTED', 'CORRECTED', 'CORRECTED']);
    expect(again.events.map((e) => e.sequence)).toEqual(log.slice(2).map((r) => r.seq)); // no gap, no duplicate
    expect(again.events.map((e) => e.eventType)).toEqual(['EVIDENCE_ADDED', 'CORRECTED', 'CORRECTED', 'CORRECTED']);
    expect(increasing([last, ...again.events.map((e) => e.sequence)])).toBe(true);
  });

  it('answers a subscription sent over HTTP with BAD_REQUEST', async () => {
    const c = await registerCase(t, gh);
    const res = await t.gql(CASE_UPDATED, { caseId: c.id }, gh.token);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(res.errors?.[0].message).toMatch(/WebSocket/);
  });

  it('replays the whole history of a case with since "0"', async () => {
    const c = await registerCase(t, gh);
    await fileCase(t, gh.token, c.id);
    const sub = track(subscribe<CaseUpdate>(wsUrl(t), supervisor, CASE_UPDATED, { caseId: c.id, since: '0' }));
    await waitFor(() => sub.events.length >= 2, 'the replayed updates');
    expect(sub.events.map((e) => e.eventType)).toEqual(['REGISTERED', 'FILED']);
  });
});

describe('transferStatusChanged', () => {
  it('delivers a transfer’s status to a subscriber of its case, not to another street', async () => {
    const c = await registerCase(t, gh);
    const other = await registerCase(t, mz);
    const transferId = randomUUID();

    const ghSub = track(subscribe<TransferUpdate>(wsUrl(t), gh.token, TRANSFER_STATUS_CHANGED, { caseId: c.id }));
    const mzSub = track(subscribe<TransferUpdate>(wsUrl(t), mz.token, TRANSFER_STATUS_CHANGED, { caseId: other.id }));
    const mzOnGhCase = track(subscribe<TransferUpdate>(wsUrl(t), mz.token, TRANSFER_STATUS_CHANGED, { caseId: c.id }));
    await subscriptionsOpen(t, 2);
    await mzOnGhCase.ended;
    expect(mzOnGhCase.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const event = await publish(transferStatusEvent(transferPayload(transferId, c.id, 'RECEIVED', 3), ['LH-GH', 'LH-GAJ']));
    const sentinel = await publish(transferStatusEvent(transferPayload(randomUUID(), other.id, 'RECEIVED', 1), ['LH-MZ', 'LH-GAJ']));
    await waitFor(() => ghSub.events.length >= 1 && mzSub.events.length >= 1, 'the transfer updates');

    expect(ghSub.events).toEqual([
      {
        sequence: event.seq,
        transferId,
        caseId: c.id,
        transferNo: `YS-${transferId.slice(0, 8)}`,
        status: 'RECEIVED',
        platformSequence: 3,
        occurredAt: expect.any(String),
        detail: { note: 'RECEIVED' },
      },
    ]);
    // The other street's subscriber got its own case's update and nothing of 观湖's.
    expect(mzSub.events.map((e) => e.sequence)).toEqual([sentinel.seq]);
  });

  it('follows one transfer, re-checking every event against the subscriber’s access to the event’s case', async () => {
    const c = await registerCase(t, gh);
    const other = await registerCase(t, mz);
    const ghDept = await t.db.prisma.department.findUniqueOrThrow({ where: { code: 'LH-GH' } });
    const transfer = await t.db.prisma.transfer.create({
      data: {
        caseId: c.id,
        kind: 'JUDICIAL',
        transferNo: `YS-EVT-${randomUUID().slice(0, 8)}`,
        fromDepartmentId: ghDept.id,
        receivingUnit: '深圳市公安局龙华分局',
        suspectedCharges: ['非法经营罪'],
        facts: '涉嫌非法经营',
        requestedBy: 'lh-gh-events-officer',
      },
    });

    const refused = track(subscribe<TransferUpdate>(wsUrl(t), mz.token, TRANSFER_STATUS_CHANGED, { transferId: transfer.id }));
    const neither = track(subscribe<TransferUpdate>(wsUrl(t), gh.token, TRANSFER_STATUS_CHANGED, {}));
    await Promise.all([refused.ended, neither.ended]);
    expect(refused.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(neither.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const sub = track(subscribe<TransferUpdate>(wsUrl(t), gh.token, TRANSFER_STATUS_CHANGED, { transferId: transfer.id }));
    await subscriptionsOpen(t, 1);
    // An event naming this transfer but a case 观湖 may not read is not delivered.
    await publish(transferStatusEvent(transferPayload(transfer.id, other.id, 'UNDER_REVIEW', 4), ['LH-MZ']));
    const visible = await publish(transferStatusEvent(transferPayload(transfer.id, c.id, 'FILED', 5), ['LH-GH']));
    await waitFor(() => sub.events.length >= 1, 'the transfer update');
    expect(sub.events.map((e) => [e.sequence, e.status])).toEqual([[visible.seq, 'FILED']]);
  });
});

describe('assistRequestUpdated', () => {
  it('refuses another department’s requests, delivers one’s own, and lets a supervisor follow any department', async () => {
    const c = await registerCase(t, gh);
    const refused = track(subscribe<AssistUpdate>(wsUrl(t), gh.token, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-MZ' }));
    await refused.ended;
    expect(refused.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const own = track(subscribe<AssistUpdate>(wsUrl(t), gh.token, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-GH' }));
    const mzOwn = track(subscribe<AssistUpdate>(wsUrl(t), mz.token, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-MZ' }));
    const supervising = track(subscribe<AssistUpdate>(wsUrl(t), supervisor, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-ZJJ' }));
    await subscriptionsOpen(t, 3);

    const occurredAt = new Date().toISOString();
    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const request = (toDepartmentCode: string) => ({
      assistRequestId: randomUUID(),
      caseId: c.id,
      fromDepartmentCode: 'LH-GH',
      toDepartmentCode,
      status: 'REQUESTED' as const,
      kind: 'PERMIT_VERIFICATION' as const,
      dueAt,
      occurredAt,
    });
    const toZjj = await publish(assistRequestEvent(request('LH-ZJJ')));
    const toMz = await publish(assistRequestEvent(request('LH-MZ')));
    await waitFor(() => own.events.length >= 2 && mzOwn.events.length >= 1 && supervising.events.length >= 1, 'the assistance updates');

    expect(own.events.map((e) => e.sequence)).toEqual([toZjj.seq, toMz.seq]);
    expect(own.events[0]).toMatchObject({ caseId: c.id, fromDepartmentCode: 'LH-GH', toDepartmentCode: 'LH-ZJJ', status: 'REQUESTED' });
    expect(mzOwn.events.map((e) => e.sequence)).toEqual([toMz.seq]); // not the request to 住建局
    expect(supervising.events.map((e) => e.sequence)).toEqual([toZjj.seq]);
  });
});

describe('a subscriber that falls behind', () => {
  it('gets an error naming the rule, is audited once, and resumes with since', async () => {
    // Its own hub, whose subscribers may have at most 2 events waiting.
    const small = await startTestHub({ events: (db) => new EventBus(db.prisma, new InMemoryTransport(), undefined, { maxQueue: 2 }) });
    try {
      const c = await registerCase(small, gh);
      const token = await small.token('LH-GH', 'OFFICER', 'slow-subscriber'); // only this test's records carry it
      const sub = subscribe<TransferUpdate>(wsUrl(small), token, TRANSFER_STATUS_CHANGED, { caseId: c.id });
      await subscriptionsOpen(small, 1);
      const bus = small.hub.services.events;
      const transferId = randomUUID();
      // Five events in one broadcast arrive faster than any consumer pulls them.
      const burst = await small.db.prisma.$transaction(async (tx) => {
        const out: StoredHubEvent[] = [];
        for (let i = 1; i <= 5; i += 1) out.push(await bus.record(tx, transferStatusEvent(transferPayload(transferId, c.id, 'UNDER_REVIEW', i), ['LH-GH'])));
        return out;
      });
      await bus.broadcast(burst);
      await sub.ended;
      expect(sub.events).toEqual([]);
      expect(sub.errors).toHaveLength(1);
      expect(sub.errors[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'SUBSCRIBER_TOO_SLOW', limit: 2 });
      expect(bus.subscriberCount).toBe(0);
      await sub.dispose();

      // It resumes where it stopped and gets everything.
      const again = subscribe<TransferUpdate>(wsUrl(small), token, TRANSFER_STATUS_CHANGED, { caseId: c.id, since: String(BigInt(burst[0].seq) - 1n) });
      await waitFor(() => again.events.length >= 5, 'the replayed burst');
      expect(again.events.map((e) => e.sequence)).toEqual(burst.map((e) => e.seq));
      await again.dispose();

      const where = { sub: 'slow-subscriber' };
      await waitFor(async () => (await small.db.prisma.auditRecord.count({ where: { ...where, outcome: 'OK' } })) > 0, 'the second audit record');
      const audits = await small.db.prisma.auditRecord.findMany({ where, orderBy: { id: 'asc' } });
      expect(audits.map((a) => [a.outcome, a.caseIds])).toEqual([
        ['ERROR:PRECONDITION_FAILED', [c.id]],
        ['OK', [c.id]],
      ]); // one record per operation
    } finally {
      await small.stop();
    }
  });
});
