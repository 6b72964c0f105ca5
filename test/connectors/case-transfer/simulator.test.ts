// The case-transfer simulator over real HTTP, driven by the real client (and by raw requests where
// the exact status codes and headers matter), with status callbacks delivered to a local HTTP
// receiver that verifies every X-Platform-Signature.
import { CaseTransferClient } from '../../../connectors/case-transfer/client';
import { parseStatusCallback } from '../../../connectors/case-transfer/callbacks';
import { startCaseTransferSimulator, type CaseTransferSimulator, type CaseTransferSimulatorOptions } from '../../../connectors/case-transfer/simulator/server';
import type { Material, MaterialKind, TransferRequest } from '../../../connectors/case-transfer/types';
import { realPolicyClock, type PolicyClock } from '../../../connectors/core/call-policy';
import {
  CALLBACK_SECRET,
  CLIENT_ID,
  CLIENT_SECRET,
  MANDATORY,
  failure,
  fileFor,
  sha256,
  startReceiver,
  testConfig,
  transferRequestWith,
  settled,
  until,
  type CallbackReceiver,
} from './helpers';

const T0 = Date.parse('2025-03-18T15:20:00+08:00');

let now = T0;
let sleeps: number[] = [];
let sim: CaseTransferSimulator;
let receiver: CallbackReceiver;
let receiverSecrets: string[];
let callbackUrl: string | null;
let client: CaseTransferClient;
const extra: Array<{ close(): unknown }> = [];

/** The client's clock is the simulator's: time jumps for both; policy sleeps are recorded, not waited. */
const sharedClock: PolicyClock = {
  now: () => now,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  random: () => 0,
};

async function startSim(options: Partial<CaseTransferSimulatorOptions> = {}): Promise<CaseTransferSimulator> {
  return startCaseTransferSimulator({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    callbackSecret: CALLBACK_SECRET,
    now: () => now,
    callbackUrl: () => callbackUrl,
    callbackRetryDelaysMs: [10, 20, 40],
    ...options,
  });
}

function clientFor(s: CaseTransferSimulator, overrides: Parameters<typeof testConfig>[0] = {}, clock: PolicyClock = sharedClock): CaseTransferClient {
  const c = new CaseTransferClient({ baseUrl: s.url, config: testConfig(overrides), clock });
  extra.push(c);
  return c;
}

beforeEach(async () => {
  now = T0;
  sleeps = [];
  receiverSecrets = [CALLBACK_SECRET];
  receiver = await startReceiver(() => receiverSecrets, () => Math.floor(now / 1000));
  callbackUrl = receiver.url;
  sim = await startSim();
  client = clientFor(sim);
});

afterEach(async () => {
  await sim.close();
  await receiver.close();
  await Promise.all(extra.splice(0).map((x) => x.close()));
});

async function upload(kind: MaterialKind, label: string, c = client): Promise<Material> {
  const content = fileFor(kind, label);
  const u = await c.uploadMaterial({ fileName: `${kind}.pdf`, contentType: 'application/pdf', content, sha256: sha256(content) });
  return { kind, title: `${kind} ${label}`, sha256: u.sha256, sizeBytes: u.sizeBytes, uploadId: u.uploadId };
}

async function materials(label: string, kinds: MaterialKind[] = MANDATORY, c = client): Promise<Material[]> {
  const out: Material[] = [];
  for (const kind of kinds) out.push(await upload(kind, label, c));
  return out;
}

async function newRequest(transferNo: string, kinds: MaterialKind[] = MANDATORY): Promise<TransferRequest> {
  return transferRequestWith(transferNo, await materials(transferNo, kinds));
}

let keyCounter = 0;
function key(): string {
  keyCounter += 1;
  return `test-key-${String(keyCounter).padStart(6, '0')}-${Date.now()}`;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

async function token(s = sim): Promise<string> {
  const res = await fetch(`${s.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString(),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function raw(method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string>; bearer?: string } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  headers.Authorization = `Bearer ${options.bearer ?? (await token())}`;
  if (options.body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, body: options.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
}

function body(request: TransferRequest): string {
  return JSON.stringify(request);
}

describe('simulator — lifecycle and callbacks', () => {
  it('runs RECEIVED → UNDER_REVIEW → RETURNED → (supplement) UNDER_REVIEW → FILED with one signed callback per transition', async () => {
    const request = await newRequest('深龙华观湖移〔2025〕3号');
    const accepted = await client.createTransfer(request, key());
    expect(accepted).toMatchObject({ status: 'RECEIVED', replayed: false, receivedAt: '2025-03-18T15:20:00+08:00' });
    const id = accepted.transferId;
    expect(id).toMatch(/^LT20250318\d{6}$/);

    // Deliveries settle before each jump of the clock (else the receiver finds them STALE and they are re-sent).
    await settled(sim.callbacks);
    now += 7 * 60_000;
    expect(sim.advance(id).map((e) => e.status)).toEqual(['UNDER_REVIEW']);
    await settled(sim.callbacks);
    now = Date.parse('2025-03-19T17:10:00+08:00');
    sim.advance(id, 'RETURNED');
    const returned = await client.getTransfer(id);
    expect(returned).toMatchObject({ status: 'RETURNED', sequence: 3 });
    expect(returned?.missingItems?.length).toBeGreaterThan(0);

    await settled(sim.callbacks);
    now = Date.parse('2025-03-20T10:02:13+08:00');
    const supplement = await materials('补充', ['OTHER']);
    const supplemented = await client.supplementMaterials(id, { materials: supplement, note: '已按退回意见补充材料' }, key());
    expect(supplemented).toEqual({ transferId: id, status: 'UNDER_REVIEW', sequence: 4, at: '2025-03-20T10:02:13+08:00', replayed: false });

    await settled(sim.callbacks);
    now = Date.parse('2025-03-21T16:05:00+08:00');
    expect(sim.advance(id).map((e) => e.status)).toEqual(['FILED']); // after a supplement the default review files
    const filed = await client.getTransfer(id);
    expect(filed).toMatchObject({ status: 'FILED', sequence: 5, updatedAt: '2025-03-21T16:05:00+08:00' });
    expect(filed?.filedCaseNo).toMatch(/^深公立字〔2025〕\d{5}号$/);
    // Fields keep their last value after later transitions (contract): missingItems stays.
    expect(filed?.missingItems).toEqual(returned?.missingItems);
    expect(filed?.history.map((h) => [h.sequence, h.status])).toEqual([
      [1, 'RECEIVED'],
      [2, 'UNDER_REVIEW'],
      [3, 'RETURNED'],
      [4, 'UNDER_REVIEW'],
      [5, 'FILED'],
    ]);

    await settled(sim.callbacks);
    const got = await receiver.waitFor(5);
    expect(got).toHaveLength(5);
    expect(got.every((r) => r.verification.ok)).toBe(true);
    expect(got.map((r) => [r.event.sequence, r.event.status])).toEqual(filed?.history.map((h) => [h.sequence, h.status]));
    expect(new Set(got.map((r) => r.event.eventId)).size).toBe(5);
    const parsed = got.map((r) => parseStatusCallback(r.raw));
    expect(parsed.every((p) => p.ok)).toBe(true);
    expect(got[4].event.detail.filedCaseNo).toBe(filed?.filedCaseNo);
    expect(got[2].event.detail.missingItems).toEqual(returned?.missingItems);
    expect(got[4].event.occurredAt).toBe('2025-03-21T16:05:00+08:00');
    expect(sim.callbacks.deliveries.every((d) => d.outcome === 'DELIVERED')).toBe(true);
    expect(sim.createdTransfers('深龙华观湖移〔2025〕3号')).toHaveLength(1);
  });

  it('withdraw only from RECEIVED; supplement only from RETURNED; reconsideration only from NOT_FILED (409 INVALID_STATE)', async () => {
    const a = await client.createTransfer(await newRequest('移〔2025〕W1'), key());
    expect(await client.withdrawTransfer(a.transferId, { reason: '移送文书号填写错误' })).toMatchObject({ status: 'WITHDRAWN', sequence: 2 });
    const again = await failure(client.withdrawTransfer(a.transferId, { reason: '再次撤回' }));
    expect(again).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_STATE', httpStatus: 409 });

    const b = await client.createTransfer(await newRequest('移〔2025〕W2'), key());
    sim.advance(b.transferId);
    expect(await failure(client.withdrawTransfer(b.transferId, { reason: '撤回' }))).toMatchObject({ upstreamCode: 'INVALID_STATE' });
    const extraMaterial = await materials('x', ['OTHER']);
    expect(await failure(client.supplementMaterials(b.transferId, { materials: extraMaterial }))).toMatchObject({ upstreamCode: 'INVALID_STATE' });
    expect(await failure(client.requestReconsideration(b.transferId, { reason: '请复议' }))).toMatchObject({ upstreamCode: 'INVALID_STATE' });
    expect(await failure(client.withdrawTransfer('LT20990101999999', { reason: '撤回' }))).toMatchObject({ upstreamCode: 'NOT_FOUND', httpStatus: 404 });
    expect(await client.getTransfer('LT20990101999999')).toBeNull();
  });

  it('replays an action sent again with the same Idempotency-Key (one transition, replayed: true)', async () => {
    const a = await client.createTransfer(await newRequest('移〔2025〕W3'), key());
    const k = key();
    const first = await client.withdrawTransfer(a.transferId, { reason: '撤回' }, k);
    const second = await client.withdrawTransfer(a.transferId, { reason: '撤回' }, k);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect((await client.getTransfer(a.transferId))?.history).toHaveLength(2);
  });

  it('NOT_FILED → reconsideration → RECONSIDERED_UPHELD, fields kept', async () => {
    const a = await client.createTransfer(await newRequest('移〔2025〕R1'), key());
    sim.advance(a.transferId, 'NOT_FILED');
    const result = await client.requestReconsideration(a.transferId, { reason: '补充检测结果', materials: await materials('复议', ['OTHER']) });
    expect(result).toMatchObject({ status: 'RECONSIDERATION_REQUESTED', sequence: 4 });
    sim.advance(a.transferId, 'RECONSIDERED_UPHELD');
    const t = await client.getTransfer(a.transferId);
    expect(t).toMatchObject({ status: 'RECONSIDERED_UPHELD', sequence: 5 });
    expect(t?.upheldReason).toBeTruthy();
    expect(t?.notFiledReason).toBeTruthy();
    expect(() => sim.advance(a.transferId, 'FILED')).toThrow(/cannot move/);
  });
});

describe('simulator — reconsideration deadline (working days)', () => {
  it('NOT_FILED on Wed 2025-04-02 → deadline 2025-04-08T23:59:59+08:00 (清明 4–6 April skipped); accepted until then, DEADLINE_PASSED after', async () => {
    now = Date.parse('2025-04-02T09:00:00+08:00');
    const a = await client.createTransfer(await newRequest('深龙华观湖移〔2025〕5号'), key());
    const b = await client.createTransfer(await newRequest('深龙华观湖移〔2025〕6号'), key());
    now = Date.parse('2025-04-02T15:30:00+08:00');
    const events = [...sim.advance(a.transferId, 'NOT_FILED'), ...sim.advance(b.transferId, 'NOT_FILED')];
    expect(events.map((e) => e.status)).toEqual(['UNDER_REVIEW', 'NOT_FILED', 'UNDER_REVIEW', 'NOT_FILED']);
    expect(events[1].detail.reconsiderationDeadline).toBe('2025-04-08T23:59:59+08:00');
    expect((await client.getTransfer(a.transferId))?.reconsiderationDeadline).toBe('2025-04-08T23:59:59+08:00');

    now = Date.parse('2025-04-08T23:59:59+08:00');
    const ok = await client.requestReconsideration(a.transferId, { reason: '经补充检测，已达到立案追诉标准' });
    expect(ok).toMatchObject({ status: 'RECONSIDERATION_REQUESTED', sequence: 4, at: '2025-04-08T23:59:59+08:00' });

    now = Date.parse('2025-04-09T00:00:00+08:00');
    const late = await failure(client.requestReconsideration(b.transferId, { reason: '逾期申请' }));
    expect(late).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DEADLINE_PASSED', httpStatus: 409 });

    await settled(sim.callbacks);
    const notFiled = receiver.received.find((r) => r.event.transferId === a.transferId && r.event.status === 'NOT_FILED');
    expect(notFiled?.event.detail.reconsiderationDeadline).toBe('2025-04-08T23:59:59+08:00');
  });

  it('counts working days, not calendar days: NOT_FILED on Fri 2025-03-21 → Wed 2025-03-26', async () => {
    now = Date.parse('2025-03-21T11:00:00+08:00');
    const a = await client.createTransfer(await newRequest('移〔2025〕D1'), key());
    const [, decided] = sim.advance(a.transferId, 'NOT_FILED');
    expect(decided.detail.reconsiderationDeadline).toBe('2025-03-26T23:59:59+08:00');
  });
});

describe('simulator — createTransfer checks and idempotency', () => {
  it('same key + byte-identical body → the stored answer as 200 with Idempotent-Replayed: true; exactly one transfer', async () => {
    const request = await newRequest('移〔2025〕I1');
    const k = key();
    const first = await raw('POST', '/api/v1/transfers', { body: body(request), headers: { 'Idempotency-Key': k } });
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await raw('POST', '/api/v1/transfers', { body: body(request), headers: { 'Idempotency-Key': k } });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.text).toBe(first.text);
    expect(sim.createdTransfers('移〔2025〕I1')).toHaveLength(1);

    const viaClient = await client.createTransfer(request, k);
    expect(viaClient).toEqual({ ...first.json(), replayed: true });
    expect(sim.createdTransfers('移〔2025〕I1')).toHaveLength(1);
  });

  it('same key + different bytes → 409 IDEMPOTENCY_CONFLICT (even a whitespace difference)', async () => {
    const request = await newRequest('移〔2025〕I2');
    const k = key();
    expect((await raw('POST', '/api/v1/transfers', { body: body(request), headers: { 'Idempotency-Key': k } })).status).toBe(202);
    const conflict = await raw('POST', '/api/v1/transfers', { body: `${body(request)} `, headers: { 'Idempotency-Key': k } });
    expect(conflict.status).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(sim.createdTransfers('移〔2025〕I2')).toHaveLength(1);
  });

  it('same key while the first request is still processing → 409 IDEMPOTENCY_IN_PROGRESS with Retry-After', async () => {
    sim.setBehaviour({ createProcessingMs: 300 });
    const request = await newRequest('移〔2025〕I3');
    const k = key();
    const bearer = await token();
    const [a, b] = await Promise.all([
      raw('POST', '/api/v1/transfers', { body: body(request), headers: { 'Idempotency-Key': k }, bearer }),
      new Promise<RawAnswer>((resolve) => setTimeout(() => resolve(raw('POST', '/api/v1/transfers', { body: body(request), headers: { 'Idempotency-Key': k }, bearer })), 50)),
    ]);
    expect([a.status, b.status]).toEqual([202, 409]);
    expect(b.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(b.headers.get('retry-after')).toBe('1');
    expect(sim.createdTransfers('移〔2025〕I3')).toHaveLength(1);
  });

  it('the client retries a timed-out createTransfer with the same key and bytes, waits out IN_PROGRESS and gets the replay: one transfer', async () => {
    sim.setBehaviour({ createProcessingMs: 400 });
    const request = await newRequest('移〔2025〕I4');
    const realTimeClient = clientFor(sim, { timeoutMs: 150, baseDelayMs: 20, maxAttempts: 5 }, realPolicyClock);
    await realTimeClient.getTransfer('LT20990101999999'); // token first, so the first attempt is the create itself
    const result = await realTimeClient.createTransfer(request, key());
    expect(result.replayed).toBe(true);
    expect(sim.control.calls.createTransfer).toBeGreaterThanOrEqual(2);
    expect(sim.createdTransfers('移〔2025〕I4')).toHaveLength(1);
  });

  it('only 2xx results are stored: after a 422 the same key may be reused with a corrected body', async () => {
    const incomplete = await newRequest('移〔2025〕I5', ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST']);
    const k = key();
    const refused = await raw('POST', '/api/v1/transfers', { body: body(incomplete), headers: { 'Idempotency-Key': k } });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'MATERIALS_INCOMPLETE', missingKinds: ['INSPECTION_REPORT'] });
    const fixed = { ...incomplete, materials: [...incomplete.materials, await upload('INSPECTION_REPORT', 'I5')] };
    expect((await raw('POST', '/api/v1/transfers', { body: body(fixed), headers: { 'Idempotency-Key': k } })).status).toBe(202);
  });

  it('422 MATERIALS_INCOMPLETE lists every missing mandatory kind (client error carries missingKinds)', async () => {
    const request = await newRequest('移〔2025〕M1', ['TRANSFER_LETTER', 'OTHER']);
    const err = await failure(client.createTransfer(request, key()));
    expect(err).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: 'MATERIALS_INCOMPLETE',
      httpStatus: 422,
      missingKinds: ['INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT'],
    });
    expect(sim.createdTransfers()).toHaveLength(0);
  });

  it('422 UPLOAD_NOT_FOUND for an unknown or expired (72 h, unreferenced) upload; 422 MATERIAL_MISMATCH for another sha256 or size', async () => {
    const request = await newRequest('移〔2025〕U1');
    const unknown = { ...request, materials: request.materials.map((m, i) => (i === 2 ? { ...m, uploadId: 'UP20250318151214C9R3H7L2D6' } : m)) };
    expect(await failure(client.createTransfer(unknown, key()))).toMatchObject({ upstreamCode: 'UPLOAD_NOT_FOUND', field: '/materials/2/uploadId' });
    const otherHash = { ...request, materials: request.materials.map((m, i) => (i === 1 ? { ...m, sha256: sha256('other') } : m)) };
    expect(await failure(client.createTransfer(otherHash, key()))).toMatchObject({ upstreamCode: 'MATERIAL_MISMATCH', field: '/materials/1/sha256' });
    const otherSize = { ...request, materials: request.materials.map((m, i) => (i === 0 ? { ...m, sizeBytes: m.sizeBytes + 1 } : m)) };
    expect(await failure(client.createTransfer(otherSize, key()))).toMatchObject({ upstreamCode: 'MATERIAL_MISMATCH', field: '/materials/0/sizeBytes' });

    now += 72 * 3600_000 + 1000;
    expect(await failure(client.createTransfer(request, key()))).toMatchObject({ upstreamCode: 'UPLOAD_NOT_FOUND', field: '/materials/0/uploadId' });
  });

  it('400 INVALID_ARGUMENT with the field pointer for schema problems (unknown field, suspect without ID number, bad USCC)', async () => {
    const request = await newRequest('移〔2025〕S1');
    const cases: Array<[unknown, string]> = [
      [{ ...request, priority: 'HIGH' }, '/priority'],
      [{ ...request, parties: [{ kind: 'PERSON', name: '张伟', role: 'SUSPECT' }] }, '/parties/0/idNumber'],
      [{ ...request, transferringUnit: { ...request.transferringUnit, uscc: '11440309MB2C17843F' } }, '/transferringUnit/uscc'],
      [{ ...request, occurredAt: '2025-02-26T10:30:00' }, '/occurredAt'],
      [{ ...request, parties: request.parties.filter((p) => p.role !== 'SUSPECT') }, '/parties'],
    ];
    for (const [candidate, field] of cases) {
      const answer = await raw('POST', '/api/v1/transfers', { body: JSON.stringify(candidate), headers: { 'Idempotency-Key': key() } });
      expect(answer.status).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    }
    const noKey = await raw('POST', '/api/v1/transfers', { body: body(request) });
    expect(noKey.status).toBe(400);
  });

  it('a new key with a used transferNo → 409 DUPLICATE_TRANSFER_NO with existingTransferId; reusable once that transfer is WITHDRAWN', async () => {
    const request = await newRequest('深龙华观湖移〔2025〕9号');
    const first = await client.createTransfer(request, key());
    const dup = await failure(client.createTransfer(request, key()));
    expect(dup).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DUPLICATE_TRANSFER_NO', existingTransferId: first.transferId, httpStatus: 409 });
    expect(sim.createdTransfers('深龙华观湖移〔2025〕9号')).toHaveLength(1);

    await client.withdrawTransfer(first.transferId, { reason: '撤回后重新移送' });
    const again = await client.createTransfer(request, key());
    expect(again.transferId).not.toBe(first.transferId);
    expect(sim.createdTransfers('深龙华观湖移〔2025〕9号').map((c) => c.transferId)).toEqual([first.transferId, again.transferId]);
  });
});

describe('simulator — callback delivery switches', () => {
  it('duplicate: every event arrives twice with the same eventId and bytes', async () => {
    sim.callbacks.set({ duplicate: true });
    const a = await client.createTransfer(await newRequest('移〔2025〕C1'), key());
    sim.advance(a.transferId);
    await settled(sim.callbacks);
    const got = await receiver.waitFor(4);
    expect(got.map((r) => r.event.sequence)).toEqual([1, 1, 2, 2]);
    expect(got[0].event.eventId).toBe(got[1].event.eventId);
    expect(got[0].raw.equals(got[1].raw)).toBe(true);
    expect(new Set(got.map((r) => r.event.eventId)).size).toBe(2);
    expect(got.every((r) => r.verification.ok)).toBe(true);
  });

  it('reorder: holds one event and sends it after the next', async () => {
    sim.callbacks.set({ reorder: true });
    const a = await client.createTransfer(await newRequest('移〔2025〕C2'), key());
    await settled(sim.callbacks);
    expect(receiver.received).toHaveLength(0);
    expect(sim.callbacks.holding).toBe(true);
    sim.advance(a.transferId);
    await settled(sim.callbacks);
    expect(receiver.received.map((r) => r.event.sequence)).toEqual([2, 1]);
    sim.advance(a.transferId, 'FILED');
    await settled(sim.callbacks);
    expect(receiver.received).toHaveLength(2);
    sim.callbacks.set({ reorder: false }); // releases the held one
    await settled(sim.callbacks);
    expect(receiver.received.map((r) => r.event.sequence)).toEqual([2, 1, 3]);
  });

  it('drop: nothing is delivered; only listTransfers shows the change', async () => {
    sim.callbacks.set({ drop: true });
    const a = await client.createTransfer(await newRequest('移〔2025〕C3'), key());
    sim.advance(a.transferId);
    await settled(sim.callbacks);
    expect(receiver.received).toHaveLength(0);
    expect(sim.callbacks.deliveries.map((d) => d.outcome)).toEqual(['DROPPED', 'DROPPED']);
    const listed = await client.listTransfersSince('2025-03-18T00:00:00+08:00');
    expect(listed.map((t) => [t.transferId, t.status, t.sequence])).toEqual([[a.transferId, 'UNDER_REVIEW', 2]]);
  });

  it('retries failed deliveries (non-2xx) with backoff, re-signing each attempt, until delivered', async () => {
    receiver.failNext(500, 503);
    await client.createTransfer(await newRequest('移〔2025〕C4'), key());
    await settled(sim.callbacks);
    expect(sim.callbacks.deliveries.map((d) => [d.attempt, d.outcome, d.httpStatus])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 503],
      [3, 'DELIVERED', 204],
    ]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.event.eventId)).size).toBe(1);
    expect(receiver.received.every((r) => r.verification.ok)).toBe(true);
  });

  it('a retried older event arrives after a newer one (out of order)', async () => {
    const s = await startSim({ callbackRetryDelaysMs: [400] });
    extra.push(s);
    const c = clientFor(s);
    const request = transferRequestWith('移〔2025〕C5', await materials('C5', MANDATORY, c));
    receiver.failNext(500);
    const a = await c.createTransfer(request, key());
    s.advance(a.transferId);
    await settled(s.callbacks);
    const delivered = receiver.received.filter((r) => r.answered === 204).map((r) => r.event.sequence);
    expect(delivered).toEqual([2, 1]);
  });

  it('gives up after the retry window; and without a callback URL it keeps retrying until one is there', async () => {
    const s = await startSim({ callbackRetryDelaysMs: [5], callbackRetryForMs: 12 });
    extra.push(s);
    receiver.failNext(500, 500, 500);
    const c = clientFor(s);
    await c.createTransfer(transferRequestWith('移〔2025〕C6', await materials('C6', MANDATORY, c)), key());
    await settled(s.callbacks);
    expect(s.callbacks.deliveries.map((d) => d.outcome)).toEqual(['FAILED', 'FAILED', 'FAILED', 'GAVE_UP']);

    callbackUrl = null;
    const s2 = await startSim({ callbackRetryDelaysMs: [30] });
    extra.push(s2);
    const c2 = clientFor(s2);
    await c2.createTransfer(transferRequestWith('移〔2025〕C7', await materials('C7', MANDATORY, c2)), key());
    await until(() => s2.callbacks.deliveries.length > 0, 'a first delivery attempt');
    expect(s2.callbacks.deliveries[0].outcome).toBe('NO_URL');
    callbackUrl = receiver.url;
    await settled(s2.callbacks);
    expect(s2.callbacks.deliveries.at(-1)?.outcome).toBe('DELIVERED');
  });

  it('signs with two v1 during a secret rotation: a hub holding either secret accepts', async () => {
    const NEXT = 'whsec_unit_test_next_9f8e7d';
    sim.rotateCallbackSecret(NEXT);
    receiverSecrets = [NEXT];
    await client.createTransfer(await newRequest('移〔2025〕C8'), key());
    await settled(sim.callbacks);
    expect(receiver.received[0].header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(receiver.received[0].verification.ok).toBe(true);
    sim.completeCallbackSecretRotation();
    receiverSecrets = [CALLBACK_SECRET];
    const a = sim.createdTransfers()[0];
    sim.advance(a.transferId);
    await receiver.waitFor(2);
    // After the rotation only the new secret signs: the old one no longer verifies (answered 401 → retried).
    expect(receiver.received[1].header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(receiver.received[1].verification).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    receiverSecrets = [NEXT];
    await settled(sim.callbacks);
    expect(receiver.received.at(-1)?.verification.ok).toBe(true);
    expect(sim.callbacks.deliveredCount(receiver.received[1].event.eventId)).toBe(1);
  });
});

describe('simulator — tokens, listing, uploads, control', () => {
  it('expired tokens answer 401 TOKEN_EXPIRED: the client renews once and the call goes through', async () => {
    await client.getTransfer('LT20990101999999');
    expect(sim.tokensIssued()).toBe(1);
    expect(sim.expireTokens()).toBe(1);
    expect(await client.getTransfer('LT20990101999999')).toBeNull();
    expect(sim.tokensIssued()).toBe(2);
    expect(sim.control.calls.getTransfer).toBe(3);
  });

  it('a short token TTL is renewed before expiry (no 401); a wrong client secret → invalid_client', async () => {
    sim.setBehaviour({ tokenTtlSeconds: 60 });
    await client.getTransfer('LT20990101999999');
    now += 31_000;
    await client.getTransfer('LT20990101999999');
    expect(sim.tokensIssued()).toBe(2);
    expect(sim.control.calls.getTransfer).toBe(2);
    const wrong = clientFor(sim, { clientSecret: 'cs_wrong' });
    expect(await failure(wrong.getTransfer('LT20990101999999'))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'invalid_client' });
  });

  it('issues at most 20 tokens per hour (429 rate_limited with Retry-After)', async () => {
    for (let i = 0; i < 20; i += 1) await token();
    const res = await fetch(`${sim.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 3600_000;
    expect(await token()).toMatch(/^at_/);
  });

  it('listTransfers: updatedSince inclusive, ordered by (updatedAt, transferId), pages by token only', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      now = T0 + i * 1000;
      ids.push((await client.createTransfer(await newRequest(`移〔2025〕L${i}`), key())).transferId);
    }
    now = T0 + 10_000;
    sim.advance(ids[0]); // moves to the end
    const page1 = await client.listTransfers({ updatedSince: '2025-03-18T15:20:01+08:00', pageSize: 2 });
    expect(page1.items.map((t) => t.transferId)).toEqual([ids[1], ids[2]]);
    const page2 = await client.listTransfers({ pageToken: page1.nextPageToken });
    expect(page2.items.map((t) => t.transferId)).toEqual([ids[3], ids[4]]);
    const page3 = await client.listTransfers({ pageToken: page2.nextPageToken });
    expect(page3.items.map((t) => t.transferId)).toEqual([ids[0]]);
    expect(page3.nextPageToken).toBeUndefined();
    expect((await client.listTransfersSince('2025-03-18T15:20:00+08:00', { pageSize: 1 })).map((t) => t.transferId)).toEqual([
      ids[1],
      ids[2],
      ids[3],
      ids[4],
      ids[0],
    ]);

    expect(await failure(client.listTransfers({ pageToken: 'forged.token' }))).toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN', httpStatus: 400 });
    const both = await raw('GET', `/api/v1/transfers?updatedSince=2025-03-18T15%3A20%3A00%2B08%3A00&pageToken=${page1.nextPageToken}`);
    expect(both.status).toBe(400);
    now += 15 * 60_000 + 1000;
    expect(await failure(client.listTransfers({ pageToken: page1.nextPageToken }))).toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN' });
  });

  it('uploads: 201 with a 72 h expiresAt; 400 CHECKSUM_MISMATCH; 413 above the size limit', async () => {
    const u = await client.uploadMaterial({ fileName: '检验报告.pdf', contentType: 'application/pdf', content: Buffer.from('abc'), sha256: sha256('abc') });
    expect(u).toMatchObject({ sha256: sha256('abc'), sizeBytes: 3, expiresAt: '2025-03-21T15:20:00+08:00' });
    expect(u.uploadId).toMatch(/^UP[0-9A-Za-z]{20,40}$/);
    const mismatch = await raw('POST', '/api/v1/uploads', { body: 'abc', headers: { 'X-Content-SHA256': sha256('abd'), 'Content-Type': 'application/octet-stream' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json()).toMatchObject({ code: 'CHECKSUM_MISMATCH' });

    const small = await startSim({ maxUploadBytes: 16 });
    extra.push(small);
    const big = Buffer.alloc(17, 1);
    const err = await failure(clientFor(small).uploadMaterial({ fileName: 'big.bin', contentType: 'application/octet-stream', content: big, sha256: sha256(big) }));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(sim.control.calls.uploadMaterial).toBe(2);
  });

  it('SimulatorControl switches (maintenance 503, rate limit 429, malformed) and the /__simulator endpoints', async () => {
    const a = await client.createTransfer(await newRequest('移〔2025〕K1'), key());
    const state = (await (await fetch(`${sim.url}/__simulator`)).json()) as { calls: Record<string, number> };
    expect(state.calls).toEqual({ issueToken: 1, uploadMaterial: 4, createTransfer: 1 });
    sim.control.set({ maintenance: true, retryAfterSeconds: 120 });
    const down = await failure(client.getTransfer(a.transferId));
    expect(down).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryAfterMs: 120_000 });
    sim.control.set({ maintenance: false, malformed: true });
    expect(await failure(client.getTransfer(a.transferId))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    sim.control.reset();

    const post = (path: string, payload: unknown) =>
      fetch(`${sim.url}${path}`, { method: 'POST', body: JSON.stringify(payload) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect((await post('/__simulator/callbacks', { drop: true })).status).toBe(200);
    expect(sim.callbacks.switches.drop).toBe(true);
    const advanced = await post('/__simulator/advance', { transferId: a.transferId, to: 'FILED' });
    expect((advanced.body.events as Array<{ status: string }>).map((e) => e.status)).toEqual(['UNDER_REVIEW', 'FILED']);
    expect((await post('/__simulator/tokens/expire', {})).body).toEqual({ expired: 1 });
    expect((await post('/__simulator/behaviour', { createProcessingMs: 5 })).body).toMatchObject({ behaviour: { createProcessingMs: 5 } });
    const record = (await (await fetch(`${sim.url}/__simulator/transfers`)).json()) as { created: unknown[]; transfers: Array<{ status: string }> };
    expect(record.created).toHaveLength(1);
    expect(record.transfers[0].status).toBe('FILED');
  });

  it('moves transfers on by itself with advanceEveryMs', async () => {
    const s = await startSim({ advanceEveryMs: 10, decide: () => 'NOT_FILED' });
    extra.push(s);
    const c = clientFor(s);
    const a = await c.createTransfer(transferRequestWith('移〔2025〕T1', await materials('T1', MANDATORY, c)), key());
    await until(() => s.transfer(a.transferId)?.status === 'NOT_FILED', 'the timer to decide the transfer');
    expect(s.transfer(a.transferId)?.history.map((h) => h.status)).toEqual(['RECEIVED', 'UNDER_REVIEW', 'NOT_FILED']);
  });
});
