// Webhooks of the 12345 hotline: X-Hotline-Signature verification exactly per the contract (its
// README test vector, rotation with two v1, the ±300 s window, forged, missing and malformed
// headers), and parseWorkOrderEvent on every example webhook and on broken bodies.
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import {
  computeWebhookSignature,
  parseWorkOrderEvent,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
} from '../../../connectors/hotline-12345/webhooks';
import type { WorkOrder } from '../../../connectors/hotline-12345/types';
import { CONTRACT_EXAMPLES, example, exampleBytes } from './helpers';

// The contract's test vector (README "12345 hotline").
const VECTOR_SECRET = 'whsec_test_12345_4e3d2c1b';
const VECTOR_T = 1742436903;
const VECTOR_V1 = '934c299446e8cb3319a5d362aa7feac09cd88addfc1de7ef4f1cdb98a6534cfe';
const URGED = exampleBytes('webhook.WORK_ORDER_URGED.json');
const VECTOR_HEADER = `t=${VECTOR_T},v1=${VECTOR_V1}`;

describe('verifyWebhookSignature — the contract test vector', () => {
  it('uses the 248 raw bytes of webhook.WORK_ORDER_URGED.json, without a trailing newline', () => {
    expect(URGED.length).toBe(248);
    expect(URGED[URGED.length - 1]).toBe('}'.charCodeAt(0));
  });

  it('computes v1 = HMAC-SHA256(secret, "${t}.${rawBody}") exactly as published', () => {
    expect(computeWebhookSignature(VECTOR_SECRET, VECTOR_T, URGED)).toBe(VECTOR_V1);
    expect(computeWebhookSignature(VECTOR_SECRET, String(VECTOR_T), URGED.toString('utf8'))).toBe(VECTOR_V1);
    const independent = createHmac('sha256', VECTOR_SECRET)
      .update(Buffer.concat([Buffer.from(`${VECTOR_T}.`), URGED]))
      .digest('hex');
    expect(independent).toBe(VECTOR_V1);
  });

  it('accepts the vector at t and anywhere within 300 s of it', () => {
    expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300);
    expect(WEBHOOK_SIGNATURE_HEADER).toBe('X-Hotline-Signature');
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T + 300)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T + 300.9)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T - 300)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, ` ${VECTOR_HEADER} `, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
  });

  it('signWebhook produces the vector header', () => {
    expect(signWebhook(URGED, [VECTOR_SECRET], VECTOR_T)).toBe(VECTOR_HEADER);
    expect(signWebhook(URGED, [VECTOR_SECRET], VECTOR_T + 0.99)).toBe(VECTOR_HEADER);
  });

  it('is not the case-transfer secret: the same body signed with another secret does not verify', () => {
    const other = signWebhook(URGED, ['whsec_test_lfxj_9d8c7b6a'], VECTOR_T);
    expect(verifyWebhookSignature(URGED, other, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});

describe('verifyWebhookSignature — rotation', () => {
  const NEXT = 'whsec_test_12345_next_a1b2c3';
  const nextV1 = computeWebhookSignature(NEXT, VECTOR_T, URGED);

  it('accepts a header with two v1 when either matches one of our secrets, in either order', () => {
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${VECTOR_V1},v1=${nextV1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`, [NEXT], VECTOR_T)).toEqual({ ok: true });
  });

  it('accepts with the hub holding the current and the previous secret when either signed', () => {
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [NEXT, VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${nextV1}`, [NEXT, VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(signWebhook(URGED, [NEXT, VECTOR_SECRET], VECTOR_T)).toBe(`t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`);
  });

  it('refuses when no v1 matches any of our secrets, and with no usable secret', () => {
    const stranger = computeWebhookSignature('whsec_someone_else', VECTOR_T, URGED);
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${stranger},v1=${nextV1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [''], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});

describe('verifyWebhookSignature — refusals', () => {
  it('refuses a correctly signed but stale event (|now − t| > 300 s) as STALE, on either side', () => {
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T + 301)).toEqual({ ok: false, reason: 'STALE' });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T - 301)).toEqual({ ok: false, reason: 'STALE' });
    expect(verifyWebhookSignature(URGED, VECTOR_HEADER, [VECTOR_SECRET], Number.NaN)).toEqual({ ok: false, reason: 'STALE' });
  });

  it('refuses forgeries: a moved t, a changed body, a changed v1', () => {
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T + 60},v1=${VECTOR_V1}`, [VECTOR_SECRET], VECTOR_T + 60)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const tampered = Buffer.from(URGED.toString('utf8').replace('"orderVersion":3', '"orderVersion":9'));
    expect(tampered.equals(URGED)).toBe(false);
    expect(verifyWebhookSignature(tampered, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    // Re-serialised JSON (same content, other bytes) is not the signed body.
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(URGED.toString('utf8')), null, 2));
    expect(verifyWebhookSignature(reformatted, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const flipped = `${VECTOR_V1.slice(0, 63)}${VECTOR_V1.endsWith('e') ? 'f' : 'e'}`;
    expect(verifyWebhookSignature(URGED, `t=${VECTOR_T},v1=${flipped}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a missing header as MISSING', () => {
    expect(verifyWebhookSignature(URGED, undefined, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
    expect(verifyWebhookSignature(URGED, '', [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
    expect(verifyWebhookSignature(URGED, '   ', [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
  });

  it.each([
    ['no v1', `t=${VECTOR_T}`],
    ['no t', `v1=${VECTOR_V1}`],
    ['v1 before t', `v1=${VECTOR_V1},t=${VECTOR_T}`],
    ['upper-case hex', `t=${VECTOR_T},v1=${VECTOR_V1.toUpperCase()}`],
    ['short v1', `t=${VECTOR_T},v1=${VECTOR_V1.slice(0, 63)}`],
    ['v0 scheme', `t=${VECTOR_T},v0=${VECTOR_V1}`],
    ['spaces after commas', `t=${VECTOR_T}, v1=${VECTOR_V1}`],
    ['negative t', `t=-${VECTOR_T},v1=${VECTOR_V1}`],
    ['decimal t', `t=${VECTOR_T}.5,v1=${VECTOR_V1}`],
    ['trailing comma', `${VECTOR_HEADER},`],
    ['a bare signature', VECTOR_V1],
  ])('refuses a malformed header (%s) as MALFORMED', (_what, header) => {
    expect(verifyWebhookSignature(URGED, header, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('parseWorkOrderEvent — the contract examples', () => {
  const files = readdirSync(CONTRACT_EXAMPLES).filter((f) => f.startsWith('webhook.'));

  it('covers one example per event type', () => {
    expect(files.sort()).toEqual([
      'webhook.EVALUATION_RECEIVED.json',
      'webhook.EXTENSION_DECIDED.json',
      'webhook.WORK_ORDER_DISPATCHED.json',
      'webhook.WORK_ORDER_RECALLED.json',
      'webhook.WORK_ORDER_URGED.json',
    ]);
  });

  it.each(files)('accepts %s, from raw bytes, a string or parsed JSON, with every field kept', (file) => {
    const raw = exampleBytes(file);
    const json = example<Record<string, unknown>>(file);
    const fromBuffer = parseWorkOrderEvent(raw);
    expect(fromBuffer).toEqual({ ok: true, event: json });
    expect(parseWorkOrderEvent(raw.toString('utf8'))).toEqual(fromBuffer);
    expect(parseWorkOrderEvent(json)).toEqual(fromBuffer);
    if (fromBuffer.ok) expect(fromBuffer.event.type).toBe(file.slice('webhook.'.length, -'.json'.length));
  });

  it('gives typed data per event type', () => {
    const dispatched = parseWorkOrderEvent(exampleBytes('webhook.WORK_ORDER_DISPATCHED.json'));
    if (!dispatched.ok || dispatched.event.type !== 'WORK_ORDER_DISPATCHED') throw new Error('expected a dispatched event');
    const order: WorkOrder = dispatched.event.data;
    expect(order).toMatchObject({ orderNo: 'SZ1234520250318000417', status: 'DISPATCHED', signDeadline: '2025-03-18T11:42:10+08:00' });
    const decided = parseWorkOrderEvent(exampleBytes('webhook.EXTENSION_DECIDED.json'));
    if (!decided.ok || decided.event.type !== 'EXTENSION_DECIDED') throw new Error('expected a decision');
    expect(decided.event.data).toEqual({ extensionId: 'EXT2025032100031', decision: 'APPROVED', replyDeadline: '2025-04-16T18:00:00+08:00', comment: '同意延期至4月16日' });
  });

  it('drops fields the contract does not define (a later minor version may add some)', () => {
    const json = example<Record<string, unknown>>('webhook.WORK_ORDER_RECALLED.json');
    const parsed = parseWorkOrderEvent({ ...json, traceId: 'x', data: { ...(json.data as object), extra: 1 } });
    expect(parsed).toEqual({ ok: true, event: json });
  });
});

describe('parseWorkOrderEvent — broken bodies', () => {
  const urged = () => example<Record<string, unknown>>('webhook.WORK_ORDER_URGED.json');
  const decided = () => example<Record<string, unknown> & { data: Record<string, unknown> }>('webhook.EXTENSION_DECIDED.json');
  const dispatched = () => example<Record<string, unknown> & { data: Record<string, unknown> }>('webhook.WORK_ORDER_DISPATCHED.json');

  function problem(body: unknown): string {
    const r = parseWorkOrderEvent(body);
    if (r.ok) throw new Error('expected a problem');
    return r.problem;
  }

  it('refuses what is not JSON, or not an object', () => {
    expect(problem(Buffer.from('{"eventId":'))).toBe('body is not JSON');
    expect(problem('')).toBe('body is not JSON');
    expect(problem('[]')).toMatch(/^event is missing or not an object/);
    expect(problem(null)).toMatch(/^event /);
  });

  it('refuses an unknown or missing type', () => {
    expect(problem({ ...urged(), type: 'WORK_ORDER_TRANSFERRED' })).toBe("event.type is missing or not one of the contract's values");
    const { type: _type, ...untyped } = urged();
    expect(problem(untyped)).toMatch(/^event\.type /);
  });

  it.each([
    ['eventId', { eventId: 'not-a-uuid' }, /^event\.eventId /],
    ['orderNo', { orderNo: 'SZ12345202503180004' }, /^event\.orderNo /],
    ['orderVersion 0', { orderVersion: 0 }, /^event\.orderVersion /],
    ['orderVersion as text', { orderVersion: '3' }, /^event\.orderVersion /],
    ['occurredAt without offset', { occurredAt: '2025-03-20T10:15:00' }, /^event\.occurredAt /],
    ['occurredAt not a date', { occurredAt: '2025-02-30T10:15:00+08:00' }, /^event\.occurredAt /],
    ['data missing', { data: undefined }, /^event\.data /],
    ['urgeCount 0', { data: { urgeCount: 0, reason: '再次来电' } }, /^event\.data\.urgeCount /],
    ['reason missing', { data: { urgeCount: 1 } }, /^event\.data\.reason /],
  ])('refuses a bad %s, naming the field', (_what, patch, expected) => {
    expect(problem({ ...urged(), ...patch })).toMatch(expected);
  });

  it('EXTENSION_DECIDED: replyDeadline iff APPROVED', () => {
    const { replyDeadline: _deadline, ...withoutDeadline } = decided().data;
    expect(problem({ ...decided(), data: withoutDeadline })).toBe('event.data.replyDeadline is required when the decision is APPROVED');
    expect(problem({ ...decided(), data: { ...decided().data, decision: 'DENIED' } })).toBe('event.data.replyDeadline must be absent when the decision is DENIED');
    expect(parseWorkOrderEvent({ ...decided(), data: { ...withoutDeadline, decision: 'DENIED' } })).toMatchObject({ ok: true, event: { data: { decision: 'DENIED' } } });
    expect(problem({ ...decided(), data: { ...decided().data, decision: 'MAYBE' } })).toMatch(/^event\.data\.decision /);
    expect(problem({ ...decided(), data: { ...decided().data, replyDeadline: '2025-04-16' } })).toMatch(/^event\.data\.replyDeadline /);
  });

  it('EVALUATION_RECEIVED and WORK_ORDER_RECALLED data are checked', () => {
    const evaluation = example<Record<string, unknown>>('webhook.EVALUATION_RECEIVED.json');
    expect(problem({ ...evaluation, data: { evaluation: 'GOOD' } })).toMatch(/^event\.data\.evaluation /);
    const recalled = example<Record<string, unknown>>('webhook.WORK_ORDER_RECALLED.json');
    expect(problem({ ...recalled, data: {} })).toMatch(/^event\.data\.reason /);
  });

  it('WORK_ORDER_DISPATCHED: data must be a full work order of the same orderNo', () => {
    const { signDeadline: _s, ...incomplete } = dispatched().data;
    expect(problem({ ...dispatched(), data: incomplete })).toMatch(/^event\.data\.signDeadline /);
    expect(problem({ ...dispatched(), data: { ...dispatched().data, orderNo: 'SZ1234520250318000418' } })).toBe("event.data.orderNo is not the event's orderNo");
    expect(problem({ ...dispatched(), data: { ...dispatched().data, requester: { name: '周晓梅', phone: '12345', anonymous: false, wantsReply: true } } })).toBe(
      "event.data.requester.phone is not in the contract's format",
    );
  });

  it('names fields, never their values (no personal data in problems)', () => {
    const body = dispatched();
    const p = problem({ ...body, data: { ...body.data, requester: { name: '周晓梅', phone: '13923456781', anonymous: 'no', wantsReply: true } } });
    expect(p).toBe('event.data.requester.anonymous is missing or not a boolean');
    expect(p).not.toContain('周晓梅');
    expect(p).not.toContain('13923456781');
  });
});
