// Status callbacks: X-Platform-Signature verification exactly per the contract (its test vector,
// rotation with two v1, the ±300 s window, tampering, missing and malformed headers), and the
// validation of the callback body.
import { createHmac } from 'node:crypto';
import {
  computeCallbackSignature,
  parseStatusCallback,
  signCallback,
  verifyCallbackSignature,
} from '../../../connectors/case-transfer/callbacks';
import { exampleBytes } from './helpers';

// The contract's test vector (README "Case transfer").
const VECTOR_SECRET = 'whsec_test_lfxj_9d8c7b6a';
const VECTOR_T = 1742544302;
const VECTOR_V1 = '016561e534e79c0483283870409cdc8125f77cce05ceac92cd0c00339dda7c24';
const FILED = exampleBytes('callback.FILED.json');
const VECTOR_HEADER = `t=${VECTOR_T},v1=${VECTOR_V1}`;

describe('verifyCallbackSignature — the contract test vector', () => {
  it('uses the 290 raw bytes of callback.FILED.json, without a trailing newline', () => {
    expect(FILED.length).toBe(290);
    expect(FILED[FILED.length - 1]).toBe('}'.charCodeAt(0));
  });

  it('computes v1 = HMAC-SHA256(secret, "${t}.${rawBody}") as published', () => {
    expect(computeCallbackSignature(VECTOR_SECRET, VECTOR_T, FILED)).toBe(VECTOR_V1);
    // Cross-check with an independent computation over the concatenated bytes.
    const independent = createHmac('sha256', VECTOR_SECRET)
      .update(Buffer.concat([Buffer.from(`${VECTOR_T}.`), FILED]))
      .digest('hex');
    expect(independent).toBe(VECTOR_V1);
  });

  it('accepts the vector at t, and anywhere within 300 s of it', () => {
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T + 300)).toEqual({ ok: true });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T - 300)).toEqual({ ok: true });
  });

  it('signCallback produces the vector header', () => {
    expect(signCallback(FILED, [VECTOR_SECRET], VECTOR_T)).toBe(VECTOR_HEADER);
  });
});

describe('verifyCallbackSignature — rotation', () => {
  const NEXT = 'whsec_test_lfxj_next_1a2b3c4d';
  const nextV1 = computeCallbackSignature(NEXT, VECTOR_T, FILED);

  it('accepts a header with two v1 when either matches our secret, in either order', () => {
    expect(verifyCallbackSignature(FILED, `t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyCallbackSignature(FILED, `t=${VECTOR_T},v1=${VECTOR_V1},v1=${nextV1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(verifyCallbackSignature(FILED, `t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`, [NEXT], VECTOR_T)).toEqual({ ok: true });
  });

  it('accepts with the hub holding two secrets (current and previous) when one of them signed', () => {
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [NEXT, VECTOR_SECRET], VECTOR_T)).toEqual({ ok: true });
    expect(signCallback(FILED, [NEXT, VECTOR_SECRET], VECTOR_T)).toBe(`t=${VECTOR_T},v1=${nextV1},v1=${VECTOR_V1}`);
  });

  it('refuses when neither v1 matches any of our secrets', () => {
    const other = computeCallbackSignature('whsec_someone_else', VECTOR_T, FILED);
    expect(verifyCallbackSignature(FILED, `t=${VECTOR_T},v1=${other},v1=${nextV1}`, [VECTOR_SECRET], VECTOR_T)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [''], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
});

describe('verifyCallbackSignature — refusals', () => {
  it('refuses a correctly signed but stale event (|now − t| > 300 s) as STALE, either side', () => {
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T + 301)).toEqual({ ok: false, reason: 'STALE' });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T - 301)).toEqual({ ok: false, reason: 'STALE' });
    // A replay re-signed with a new t by someone without the secret does not help.
    expect(verifyCallbackSignature(FILED, `t=${VECTOR_T + 1000},v1=${VECTOR_V1}`, [VECTOR_SECRET], VECTOR_T + 1000)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('refuses a tampered body (one byte, a trailing newline, re-serialised JSON) and a wrong secret', () => {
    const tampered = Buffer.from(FILED);
    tampered[tampered.indexOf('5'.charCodeAt(0))] = '6'.charCodeAt(0);
    expect(verifyCallbackSignature(tampered, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCallbackSignature(Buffer.concat([FILED, Buffer.from('\n')]), VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(FILED.toString('utf8')), null, 2));
    expect(verifyCallbackSignature(reserialised, VECTOR_HEADER, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCallbackSignature(FILED, VECTOR_HEADER, ['whsec_test_lfxj_9d8c7b6b'], VECTOR_T)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('reports a missing header as MISSING', () => {
    expect(verifyCallbackSignature(FILED, undefined, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
    expect(verifyCallbackSignature(FILED, '', [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
    expect(verifyCallbackSignature(FILED, '   ', [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MISSING' });
  });

  it.each([
    ['no t', `v1=${VECTOR_V1}`],
    ['no v1', `t=${VECTOR_T}`],
    ['v1 first', `v1=${VECTOR_V1},t=${VECTOR_T}`],
    ['non-numeric t', `t=17425443O2,v1=${VECTOR_V1}`],
    ['upper-case hex', `t=${VECTOR_T},v1=${VECTOR_V1.toUpperCase()}`],
    ['short v1', `t=${VECTOR_T},v1=${VECTOR_V1.slice(1)}`],
    ['other scheme', `t=${VECTOR_T},v0=${VECTOR_V1}`],
    ['spaces inside', `t=${VECTOR_T}, v1=${VECTOR_V1}`],
    ['trailing comma', `t=${VECTOR_T},v1=${VECTOR_V1},`],
    ['two t', `t=${VECTOR_T},t=${VECTOR_T},v1=${VECTOR_V1}`],
    ['garbage', 'sha256=abc'],
  ])('reports a malformed header (%s) as MALFORMED', (_label, header) => {
    expect(verifyCallbackSignature(FILED, header, [VECTOR_SECRET], VECTOR_T)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});

describe('parseStatusCallback', () => {
  it('reads the contract examples (FILED, NOT_FILED, RETURNED) with their detail fields', () => {
    const filed = parseStatusCallback(FILED);
    expect(filed).toEqual({
      ok: true,
      event: {
        eventId: '3f9a2c1e-8b7d-4c6e-9f01-2a3b4c5d6e7f',
        transferId: 'LT20250318000127',
        transferNo: '深龙华观湖移〔2025〕3号',
        status: 'FILED',
        sequence: 5,
        occurredAt: '2025-03-21T16:05:00+08:00',
        detail: { filedCaseNo: '深公龙立字〔2025〕01562号', note: '决定立案侦查' },
      },
    });
    const notFiled = parseStatusCallback(JSON.parse(exampleBytes('callback.NOT_FILED.json').toString('utf8')));
    expect(notFiled.ok && notFiled.event.detail.reconsiderationDeadline).toBe('2025-04-08T23:59:59+08:00');
    const returned = parseStatusCallback(exampleBytes('callback.RETURNED.json').toString('utf8'));
    expect(returned.ok && returned.event.detail.missingItems).toHaveLength(2);
  });

  it('refuses a body missing the status-dependent detail, naming the field but not any value', () => {
    const body = JSON.parse(FILED.toString('utf8')) as Record<string, unknown>;
    const result = parseStatusCallback({ ...body, detail: { note: '决定立案侦查' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/filedCaseNo/);
    const notFiled = JSON.parse(exampleBytes('callback.NOT_FILED.json').toString('utf8')) as { detail: Record<string, unknown> };
    delete notFiled.detail.reconsiderationDeadline;
    expect(parseStatusCallback(notFiled).ok).toBe(false);
  });

  it.each([
    ['unknown status', { status: 'ARCHIVED' }],
    ['sequence 0', { sequence: 0 }],
    ['sequence as string', { sequence: '5' }],
    ['bad transferId', { transferId: 'LT2025' }],
    ['eventId not a UUID', { eventId: 'evt-1' }],
    ['occurredAt without offset', { occurredAt: '2025-03-21T16:05:00' }],
    ['detail missing', { detail: undefined }],
    ['transferNo empty', { transferNo: '' }],
  ])('refuses %s', (_label, change) => {
    const body = { ...(JSON.parse(FILED.toString('utf8')) as Record<string, unknown>), ...change };
    const result = parseStatusCallback(JSON.parse(JSON.stringify(body)));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('深公龙立字');
  });

  it('refuses JSON that is not an object, and bytes that are not JSON', () => {
    expect(parseStatusCallback(null).ok).toBe(false);
    expect(parseStatusCallback([1, 2]).ok).toBe(false);
    expect(parseStatusCallback(Buffer.from('{"eventId":'))).toEqual({ ok: false, problem: 'body is not JSON' });
  });

  it('keeps only the contract fields (an unknown extra field is not carried along)', () => {
    const body = { ...(JSON.parse(FILED.toString('utf8')) as Record<string, unknown>), internal: 'x' };
    const result = parseStatusCallback(body);
    expect(result.ok && Object.keys(result.event)).toEqual(['eventId', 'transferId', 'transferNo', 'status', 'sequence', 'occurredAt', 'detail']);
  });
});
