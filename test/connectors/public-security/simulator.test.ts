// The public-security simulator as a SOAP server: the contract's example envelopes posted raw,
// credential and request checks, support-request lifecycle, requestSerial idempotency, switches.
import {
  PSB_SANDBOX_APP_ID,
  PSB_SANDBOX_TOKEN,
  PublicSecurityClient,
  simulatedNameFor,
  simulatedVerification,
  startPublicSecuritySimulator,
  type EnforcementSupportRequest,
  type PublicSecuritySimulator,
} from '../../../connectors/public-security';
import { clientConfig, rejectionOf, validIdNumber } from './helpers';
import type { ConnectorError } from '../../../connectors/core';

const NS = 'urn:gov:psb:lawenforcement:v1';
const CREDENTIAL = `<le:AppCredential appId="${PSB_SANDBOX_APP_ID}" token="${PSB_SANDBOX_TOKEN}"/>`;

function envelope(body: string, header: string | null = CREDENTIAL): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:le="${NS}">` +
    (header === null ? '' : `<soapenv:Header>${header}</soapenv:Header>`) +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

// examples/public-security/VerifyIdentity.request.xml and BatchVerifyIdentity.request.xml (bodies)
const VERIFY_EXAMPLE =
  '<le:VerifyIdentityRequest><le:name>张伟</le:name><le:idNumber>440304198812031356</le:idNumber>' +
  '<le:purpose>CASE_INVESTIGATION</le:purpose><le:caseNo>GH-ZF-2025-000112</le:caseNo></le:VerifyIdentityRequest>';

function batchBody(persons: Array<[string, string]>, caseNo = 'GH-ZF-2025-000112'): string {
  const list = persons.map(([name, id]) => `<le:person><le:name>${name}</le:name><le:idNumber>${id}</le:idNumber></le:person>`).join('');
  return `<le:BatchVerifyIdentityRequest><le:persons>${list}</le:persons><le:purpose>CASE_INVESTIGATION</le:purpose><le:caseNo>${caseNo}</le:caseNo></le:BatchVerifyIdentityRequest>`;
}

const BATCH_EXAMPLE = batchBody([
  ['张伟', '440304198812031356'],
  ['王丽娟', '360731199005063429'],
  ['黄志刚', '44148119780925115X'],
]);

// examples/public-security/RequestEnforcementSupport.request.xml (body) without its requestSerial
const SUPPORT_BODY =
  '<le:RequestEnforcementSupportRequest><le:caseNo>GH-ZF-2025-000131</le:caseNo>' +
  '<le:requestingUnit><le:name>深圳市龙华区观湖街道办事处</le:name><le:uscc>11440309MB2C17843E</le:uscc>' +
  '<le:contactName>刘振华</le:contactName><le:contactPhone>13712345678</le:contactPhone></le:requestingUnit>' +
  '<le:location><le:address>深圳市龙华区观湖街道松元厦社区环观南路88号旁空地</le:address><le:lng>114.059832</le:lng><le:lat>22.713604</le:lat></le:location>' +
  '<le:scheduledAt>2025-03-20T09:00:00+08:00</le:scheduledAt><le:expectedRisk>HIGH</le:expectedRisk><le:officersNeeded>6</le:officersNeeded>' +
  '<le:reason>依法强制拆除违法建设（铁皮房约320平方米），当事人曾扬言阻挠执法，需公安机关到场维持秩序</le:reason></le:RequestEnforcementSupportRequest>';

interface RawAnswer {
  status: number;
  retryAfter: string | null;
  body: string;
}

async function post(url: string, xml: string, operation: string, soapAction = `"${NS}/${operation}"`): Promise<RawAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction }, body: xml });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

function tag(body: string, name: string): string[] {
  return [...body.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}>([^<]*)</`, 'g'))].map((m) => m[1]);
}

let sim: PublicSecuritySimulator;
let clock: { now: Date };

beforeAll(async () => {
  clock = { now: new Date('2025-03-18T09:30:12+08:00') };
  sim = await startPublicSecuritySimulator({ appId: PSB_SANDBOX_APP_ID, token: PSB_SANDBOX_TOKEN, now: () => clock.now });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.control.reset();
});

describe('identity verification', () => {
  it('answers the contract’s example envelopes as the example responses do', async () => {
    const single = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect(single.status).toBe(200);
    expect(tag(single.body, 'match')).toEqual(['MATCH']);
    expect(tag(single.body, 'verifiedAt')).toEqual(['2025-03-18T09:30:12+08:00']);
    expect(tag(single.body, 'verificationId')[0]).toMatch(/^HY440309202503180930120\d{3}$/);

    const batch = await post(sim.url, envelope(BATCH_EXAMPLE), 'BatchVerifyIdentity');
    expect(batch.status).toBe(200);
    expect(tag(batch.body, 'idNumber')).toEqual(['440304198812031356', '360731199005063429', '44148119780925115X']);
    expect(tag(batch.body, 'match')).toEqual(['MATCH', 'MATCH', 'MISMATCH']);
    expect(sim.control.calls).toEqual({ VerifyIdentity: 1, BatchVerifyIdentity: 1 });
    expect(sim.control.items.BatchVerifyIdentity).toBe(3);
  });

  it('compares names exactly after trimming, multi-part names with U+00B7', async () => {
    expect(simulatedVerification('360731199005063429', ' 王丽娟 ')).toBe('MATCH');
    expect(simulatedVerification('360731199005063429', '王 丽娟')).toBe('MISMATCH');
    const candidates = Array.from({ length: 3000 }, (_, i) => validIdNumber(i % 1000, `19${60 + Math.floor(i / 1000)}0615`));
    const id = candidates.find((c) => simulatedNameFor(c).includes('·')) as string;
    expect(id).toBeDefined();
    const name = simulatedNameFor(id);
    expect(name).toMatch(/^[^·]+·[^·]+$/);
    const answer = await post(sim.url, envelope(batchBody([[name, id], [name.replace('·', '•'), id], [name.replace('·', '.'), id]])), 'BatchVerifyIdentity');
    expect(tag(answer.body, 'match')[0]).toBe('MATCH');
    expect(tag(answer.body, 'match').slice(1)).not.toContain('MATCH');
  });

  it('answers NOT_FOUND for about 10 % of unknown numbers with a wrong name, MISMATCH for the rest', () => {
    const ids = Array.from({ length: 400 }, (_, i) => validIdNumber(i % 1000, i < 200 ? '19751130' : '20010509'));
    const answers = ids.map((id) => simulatedVerification(id, '无此人'));
    const notFound = answers.filter((a) => a === 'NOT_FOUND').length;
    expect(notFound).toBeGreaterThan(20);
    expect(notFound).toBeLessThan(60);
    expect(answers.filter((a) => a === 'MATCH')).toHaveLength(0);
    expect(ids.every((id) => simulatedVerification(id, simulatedNameFor(id)) === 'MATCH')).toBe(true);
  });

  it('fails a whole batch on one bad ID number, naming its 1-based index, with HTTP 500', async () => {
    const answer = await post(
      sim.url,
      envelope(batchBody([['张伟', '440304198812031356'], ['王丽娟', '360731199005063428']])),
      'BatchVerifyIdentity',
    );
    expect(answer.status).toBe(500);
    expect(tag(answer.body, 'code')).toEqual(['INVALID_ID_NUMBER']);
    expect(tag(answer.body, 'message')[0]).toMatch(/^第2条/);
    expect(tag(answer.body, 'faultcode')).toEqual(['soapenv:Client']);
  });

  it('refuses a lower-case x, a future birth date and a 15-digit number as INVALID_ID_NUMBER', async () => {
    for (const id of ['43052419920718402x', '440309209901010014', '440309900101001']) {
      const answer = await post(sim.url, envelope(VERIFY_EXAMPLE.replace('440304198812031356', id)), 'VerifyIdentity');
      expect(tag(answer.body, 'code')).toEqual(['INVALID_ID_NUMBER']);
    }
  });

  it('requires purpose and caseNo, 1–20 persons and the matching SOAPAction (INVALID_REQUEST)', async () => {
    const noCase = await post(sim.url, envelope(VERIFY_EXAMPLE.replace('<le:caseNo>GH-ZF-2025-000112</le:caseNo>', '')), 'VerifyIdentity');
    const noPurpose = await post(sim.url, envelope(VERIFY_EXAMPLE.replace('<le:purpose>CASE_INVESTIGATION</le:purpose>', '')), 'VerifyIdentity');
    const many = Array.from({ length: 21 }, (_, i): [string, string] => ['某某', validIdNumber(i)]);
    const tooMany = await post(sim.url, envelope(batchBody(many)), 'BatchVerifyIdentity');
    const wrongAction = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity', `"${NS}/BatchVerifyIdentity"`);
    for (const a of [noCase, noPurpose, tooMany, wrongAction]) {
      expect(a.status).toBe(500);
      expect(tag(a.body, 'code')).toEqual(['INVALID_REQUEST']);
    }
    const exactly20 = await post(sim.url, envelope(batchBody(many.slice(0, 20))), 'BatchVerifyIdentity');
    expect(tag(exactly20.body, 'match')).toHaveLength(20);
  });

  it('answers AUTH_FAILED to a missing, wrong or qualified AppCredential', async () => {
    const variants = [
      null,
      `<le:AppCredential appId="${PSB_SANDBOX_APP_ID}" token="tk_wrong"/>`,
      `<le:AppCredential le:appId="${PSB_SANDBOX_APP_ID}" le:token="${PSB_SANDBOX_TOKEN}"/>`,
      `<x:AppCredential xmlns:x="urn:other" appId="${PSB_SANDBOX_APP_ID}" token="${PSB_SANDBOX_TOKEN}"/>`,
    ];
    for (const header of variants) {
      const answer = await post(sim.url, envelope(VERIFY_EXAMPLE, header), 'VerifyIdentity');
      expect(answer.status).toBe(500);
      expect(tag(answer.body, 'code')).toEqual(['AUTH_FAILED']);
    }
    const ok = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect(ok.status).toBe(200);
  });
});

describe('switches', () => {
  it('answers 429 RATE_LIMITED and 503 SERVICE_UNAVAILABLE with Retry-After, and a gateway page', async () => {
    sim.control.set({ rateLimited: true, retryAfterSeconds: 9 });
    const limited = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect([limited.status, limited.retryAfter, tag(limited.body, 'code')[0], tag(limited.body, 'retryAfterSeconds')[0]]).toEqual([429, '9', 'RATE_LIMITED', '9']);

    sim.control.set({ rateLimited: false, maintenance: true });
    const maintenance = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect([maintenance.status, maintenance.retryAfter, tag(maintenance.body, 'code')[0]]).toEqual([503, '9', 'SERVICE_UNAVAILABLE']);
    expect(tag(maintenance.body, 'faultcode')).toEqual(['soapenv:Server']);

    sim.control.set({ maintenance: false, gatewayError: true });
    const gateway = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect(gateway.status).toBe(503);
    expect(gateway.body).toContain('<html>');
    expect(sim.control.calls.VerifyIdentity).toBe(3);
  });

  it('is steerable over /__simulator', async () => {
    const base = sim.url.replace(/\/services\/.*$/, '');
    await fetch(`${base}/__simulator`, { method: 'POST', body: JSON.stringify({ fault: 'INTERNAL_ERROR' }) });
    const failed = await post(sim.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
    expect([failed.status, tag(failed.body, 'code')[0]]).toEqual([500, 'INTERNAL_ERROR']);
    const state = (await (await fetch(`${base}/__simulator`)).json()) as { calls: Record<string, number> };
    expect(state.calls.VerifyIdentity).toBe(1);
  });

  it('applies the daily 00:00–00:30 maintenance window when asked to', async () => {
    const at = { now: new Date('2025-03-19T00:10:00+08:00') };
    const windowed = await startPublicSecuritySimulator({ appId: PSB_SANDBOX_APP_ID, token: PSB_SANDBOX_TOKEN, now: () => at.now, maintenanceWindow: true });
    try {
      const during = await post(windowed.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity');
      expect([during.status, during.retryAfter, tag(during.body, 'code')[0]]).toEqual([503, '1200', 'SERVICE_UNAVAILABLE']);
      at.now = new Date('2025-03-19T00:30:00+08:00');
      expect((await post(windowed.url, envelope(VERIFY_EXAMPLE), 'VerifyIdentity')).status).toBe(200);
    } finally {
      await windowed.close();
    }
  });
});

describe('enforcement support requests', () => {
  let client: PublicSecurityClient;

  beforeAll(async () => {
    client = await PublicSecurityClient.create(clientConfig(sim.url, { appId: PSB_SANDBOX_APP_ID, token: PSB_SANDBOX_TOKEN, maxAttempts: 1 }));
  });

  afterAll(async () => {
    await client.close();
  });

  function request(serial: string, overrides: Partial<EnforcementSupportRequest> = {}): EnforcementSupportRequest {
    return {
      requestSerial: serial,
      caseNo: 'GH-ZF-2025-000131',
      requestingUnit: { name: '深圳市龙华区观湖街道办事处', uscc: '11440309MB2C17843E', contactName: '刘振华', contactPhone: '13712345678' },
      location: { address: '深圳市龙华区观湖街道松元厦社区环观南路88号旁空地', lng: 114.059832, lat: 22.713604 },
      scheduledAt: '2025-03-20T09:00:00+08:00',
      expectedRisk: 'HIGH',
      officersNeeded: 6,
      reason: '依法强制拆除违法建设（铁皮房约320平方米），当事人曾扬言阻挠执法，需公安机关到场维持秩序',
      ...overrides,
    };
  }

  it('goes SUBMITTED → ACCEPTED → DISPATCHED → COMPLETED, one step per advance', async () => {
    const receipt = await client.requestEnforcementSupport(request('LIFECYCLE-0001'));
    expect(receipt).toEqual({
      supportRequestId: expect.stringMatching(/^ZC44030920250318\d{5}$/) as unknown as string,
      status: 'SUBMITTED',
      submittedAt: new Date('2025-03-18T09:30:12+08:00'),
    });
    const id = receipt.supportRequestId;
    const seen = [(await client.querySupportRequest(id)).status];

    clock.now = new Date('2025-03-18T10:00:00+08:00');
    expect(sim.advanceSupportRequests()).toBeGreaterThanOrEqual(1);
    const accepted = await client.querySupportRequest(id);
    expect(accepted.assignedStation).toEqual({ name: '深圳市公安局龙华分局观湖派出所', code: '440309580000' });
    expect(accepted.dispatchedOfficers).toBeUndefined();
    expect(accepted.updatedAt).toEqual(new Date('2025-03-18T10:00:00+08:00'));
    seen.push(accepted.status);

    sim.advanceSupportRequests();
    const dispatched = await client.querySupportRequest(id);
    expect(dispatched.dispatchedOfficers).toBe(6);
    seen.push(dispatched.status);

    sim.advanceSupportRequests();
    seen.push((await client.querySupportRequest(id)).status);
    sim.advanceSupportRequests();
    const final = await client.querySupportRequest(id);
    seen.push(final.status);
    expect(seen).toEqual(['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'COMPLETED', 'COMPLETED']);
    expect(final.declineReason).toBeUndefined();
    clock.now = new Date('2025-03-18T09:30:12+08:00');
  });

  it('declines a request for more officers than a station has, with a reason', async () => {
    const { supportRequestId } = await client.requestEnforcementSupport(request('DECLINE-0001', { officersNeeded: 12 }));
    sim.advanceSupportRequests();
    const state = await client.querySupportRequest(supportRequestId);
    expect(state.status).toBe('DECLINED');
    expect(state.declineReason).toMatch(/警力/);
    sim.advanceSupportRequests();
    expect((await client.querySupportRequest(supportRequestId)).status).toBe('DECLINED');
  });

  it('declines an accepted request on demand (cancellation by phone), but not a dispatched one', async () => {
    const { supportRequestId } = await client.requestEnforcementSupport(request('DECLINE-0002'));
    sim.advanceSupportRequests();
    expect(sim.declineSupportRequest(supportRequestId)).toBe(true);
    const state = await client.querySupportRequest(supportRequestId);
    expect(state.status).toBe('DECLINED');
    expect(state.declineReason).toBe('申请时段与辖区重大活动安保任务冲突，请调整执法时间后重新申请');

    const other = await client.requestEnforcementSupport(request('DECLINE-0003'));
    sim.advanceSupportRequests();
    sim.advanceSupportRequests();
    expect(sim.declineSupportRequest(other.supportRequestId)).toBe(false);
    expect((await client.querySupportRequest(other.supportRequestId)).status).toBe('DISPATCHED');
  });

  it('returns the original id and current status for a repeated serial within 24 h, a new one after', async () => {
    const first = await client.requestEnforcementSupport(request('SERIAL-0001'));
    sim.advanceSupportRequests();
    clock.now = new Date('2025-03-19T09:00:00+08:00');
    const repeat = await client.requestEnforcementSupport(request('SERIAL-0001', { scheduledAt: '2025-03-21T09:00:00+08:00' }));
    expect(repeat).toEqual({ supportRequestId: first.supportRequestId, status: 'ACCEPTED', submittedAt: first.submittedAt });

    clock.now = new Date('2025-03-19T09:30:13+08:00');
    const later = await client.requestEnforcementSupport(request('SERIAL-0001', { scheduledAt: '2025-03-21T09:00:00+08:00' }));
    expect(later.supportRequestId).not.toBe(first.supportRequestId);
    expect(later.status).toBe('SUBMITTED');
    clock.now = new Date('2025-03-18T09:30:12+08:00');
  });

  it('creates a new request on every call without a requestSerial', async () => {
    const a = await post(sim.url, envelope(SUPPORT_BODY), 'RequestEnforcementSupport');
    const b = await post(sim.url, envelope(SUPPORT_BODY), 'RequestEnforcementSupport');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(tag(a.body, 'supportRequestId')[0]).not.toBe(tag(b.body, 'supportRequestId')[0]);
  });

  it('refuses a scheduledAt in the past or without offset, and an unknown id', async () => {
    const past = (await rejectionOf(client.requestEnforcementSupport(request('PAST-00001', { scheduledAt: '2025-03-18T09:00:00+08:00' })))) as ConnectorError;
    expect([past.code, past.upstreamCode]).toEqual(['UPSTREAM_REJECTED', 'INVALID_REQUEST']);
    const body = SUPPORT_BODY.replace('2025-03-20T09:00:00+08:00', '2025-03-20T09:00:00');
    const noOffset = await post(sim.url, envelope(body), 'RequestEnforcementSupport');
    expect(tag(noOffset.body, 'code')).toEqual(['INVALID_REQUEST']);
    const missing = (await rejectionOf(client.querySupportRequest('ZC4403092025031899999'))) as ConnectorError;
    expect(missing.upstreamCode).toBe('REQUEST_NOT_FOUND');
  });
});
