import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SocialCreditClient } from '../../../connectors/social-credit/client';
import { startSocialCreditSimulator, type SocialCreditSimulator } from '../../../connectors/social-credit/simulator/server';
import type { CreditProfile, PenaltyRecord } from '../../../connectors/social-credit/types';
import { caught, closeAll, exampleRecord, makeClient, PASSWORD, startRawStub, track, USERNAME, validCodes } from './helpers';

afterAll(closeAll);

const EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/social-credit');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const NS = 'urn:gov:credit:sharing:v2';

/** The examples' moment. */
const EXAMPLE_NOW = Date.parse('2025-03-18T10:35:00+08:00');
/** "Now" for the stories: the demo data's present. */
const PRESENT = Date.parse('2026-11-18T10:00:00+08:00');

function envelope(body: string, credentials: { username: string; password: string } | null = { username: USERNAME, password: PASSWORD }): string {
  const header = credentials
    ? '<soapenv:Header><wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">' +
      `<wsse:UsernameToken><wsse:Username>${credentials.username}</wsse:Username>` +
      `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${credentials.password}</wsse:Password>` +
      '</wsse:UsernameToken></wsse:Security></soapenv:Header>'
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cs="${NS}">${header}<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

const STATUS_REQUEST = '<cs:QueryReportStatusRequest><cs:receiptId>RC2025031810300000017</cs:receiptId></cs:QueryReportStatusRequest>';

async function post(url: string, operation: string, xml: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${NS}/${operation}"` },
    body: xml,
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

function faultCodeOf(body: string): string | null {
  return /<cs:code>([A-Z_]+)<\/cs:code>/.exec(body)?.[1] ?? null;
}

describe('simulator: the contract examples at their moment', () => {
  let sim: SocialCreditSimulator;
  let client: SocialCreditClient;

  beforeAll(async () => {
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, now: () => EXAMPLE_NOW }));
    client = await makeClient(sim.url);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  /** What the client makes of an example response file. */
  async function fromExample<T>(file: string, call: (c: SocialCreditClient) => Promise<T>): Promise<T> {
    const stub = await startRawStub(() => ({ status: 200, body: example(file) }));
    const c = await makeClient(stub.url);
    try {
      return await call(c);
    } finally {
      await c.close();
      await stub.close();
    }
  }

  it('answers QueryCreditProfile, BatchQueryCreditProfile and QueryReportStatus exactly as the examples', async () => {
    const single = (c: SocialCreditClient) => c.queryCreditProfile('91440300MA5DTB8661');
    expect(await single(client)).toEqual(await fromExample('QueryCreditProfile.response.xml', single));

    const batch = (c: SocialCreditClient) => c.batchQueryCreditProfile(['91440309MA5H2R7W2D', '92440309MA5J3Q1E1R', '91440309MA5G8H3L1D']);
    const fromSim = await batch(client);
    expect(fromSim).toEqual(await fromExample('BatchQueryCreditProfile.response.xml', batch));
    expect(fromSim.notFound).toEqual(['91440309MA5G8H3L1D']);

    const published = (c: SocialCreditClient) => c.queryReportStatus('RC2025031810300000017');
    expect(await published(client)).toEqual(await fromExample('QueryReportStatus.response.xml', published));
    const rejected = (c: SocialCreditClient) => c.queryReportStatus('RC2025031814150000042');
    expect(await rejected(client)).toEqual(await fromExample('QueryReportStatus.response.REJECTED.xml', rejected));
  });

  it('accepts the example request envelopes as they are', async () => {
    const profile = await post(sim.url, 'QueryCreditProfile', example('QueryCreditProfile.request.xml'));
    expect(profile.status).toBe(200);
    expect(profile.body).toContain('深圳市鹏安燃气供应有限公司');
    const batch = await post(sim.url, 'BatchQueryCreditProfile', example('BatchQueryCreditProfile.request.xml'));
    expect(batch.status).toBe(200);
    expect(batch.body).toMatch(/<notFound><subjectCode>91440309MA5G8H3L1D<\/subjectCode><\/notFound>/);
    const status = await post(sim.url, 'QueryReportStatus', example('QueryReportStatus.request.xml'));
    expect(status.body).toContain('<status>PUBLISHED</status>');
    // 罚决〔2025〕37号 was reported at 10:30 (RC2025031810300000017): reporting it again is the example's fault.
    const dup = await post(sim.url, 'ReportAdministrativePenalty', example('ReportAdministrativePenalty.request.xml'));
    expect(dup.status).toBe(500);
    expect(faultCodeOf(dup.body)).toBe('DUPLICATE_REPORT');
    expect(dup.body).toContain('<cs:receiptId>RC2025031810300000017</cs:receiptId>');
    expect(dup.body).toContain('<faultcode>soap:Client</faultcode>');
  });
});

describe('simulator: stories and derived profiles', () => {
  let sim: SocialCreditSimulator;
  let client: SocialCreditClient;

  beforeAll(async () => {
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, now: () => PRESENT, requestsPerSecond: 0 }));
    client = await makeClient(sim.url);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('tells the stories of the demo subjects', async () => {
    const { profiles, notFound } = await client.batchQueryCreditProfile([
      '91440309MA5H2R7W2D',
      '92440309MA5J3Q1E1R',
      '91440300MA5DTB8661',
      '43052419920718402X',
    ]);
    const by = new Map(profiles.map((p) => [p.subjectCode, p]));

    const restaurant = by.get('91440309MA5H2R7W2D')!;
    expect(restaurant.creditRating).toBe('B');
    expect(restaurant.blacklistEntries).toHaveLength(1);
    expect(restaurant.blacklistEntries[0]).toMatchObject({ listType: 'DISHONEST_JUDGMENT_DEBTOR', listTypeName: '失信被执行人' });
    expect(restaurant.blacklistEntries[0].reason).toContain('罚款');
    expect(restaurant.onBlacklist).toBe(true);

    const shop = by.get('92440309MA5J3Q1E1R')!;
    expect(shop.creditRating).toBe('A');
    expect(shop.onBlacklist).toBe(false);
    const activeRed = shop.redlistEntries.filter((e) => e.expiresAt === null || e.expiresAt.getTime() > PRESENT);
    expect(activeRed).toHaveLength(1);
    expect(activeRed[0].reason).toContain('守信激励');

    const gas = by.get('91440300MA5DTB8661')!;
    expect(gas.creditRating).toBe('D');
    expect(gas.onBlacklist).toBe(true);
    expect(gas.blacklistEntries.map((e) => e.listTypeName)).toContain('严重违法失信名单');
    const newest = Math.max(...gas.blacklistEntries.map((e) => e.listedAt.getTime()));
    expect(PRESENT - newest).toBeLessThan(90 * 24 * 3600_000);
    expect(gas.updatedAt.getTime()).toBe(newest);

    expect(notFound).toEqual(['43052419920718402X']);
    await expect(client.queryCreditProfile('43052419920718402X')).resolves.toBeNull();
  });

  it('derives a stable profile for any valid code: mostly A/B, a few C/D on the blacklist, some on the red list', async () => {
    const codes = validCodes(200);
    const { profiles, notFound } = await client.batchQueryCreditProfile(codes);
    const again = await client.batchQueryCreditProfile(codes);
    expect(again).toEqual({ profiles, notFound });
    expect(profiles.length + notFound.length).toBe(200);
    const count = (r: string) => profiles.filter((p) => p.creditRating === r).length;
    expect(count('A') + count('B')).toBeGreaterThan(profiles.length * 0.7);
    expect(count('C')).toBeGreaterThan(0);
    for (const p of profiles.filter((x: CreditProfile) => x.creditRating === 'C' || x.creditRating === 'D')) {
      expect(p.blacklistEntries.length).toBeGreaterThan(0);
      expect(p.onBlacklist).toBe(true);
    }
    for (const p of profiles.filter((x) => x.creditRating === 'A' || x.creditRating === 'B')) expect(p.onBlacklist).toBe(false);
    expect(profiles.some((p) => p.redlistEntries.length > 0)).toBe(true);
    expect(profiles.every((p) => p.subjectType === 'LEGAL_PERSON' && p.subjectName.length > 4)).toBe(true);
  });

  it('refuses batches of more than 50 (INVALID_REQUEST) and fails a whole batch on one bad check character (INVALID_CODE)', async () => {
    const subjects = validCodes(51)
      .map((c) => `<cs:subject><cs:subjectCode>${c}</cs:subjectCode><cs:subjectType>LEGAL_PERSON</cs:subjectType></cs:subject>`)
      .join('');
    const tooMany = await post(
      sim.url,
      'BatchQueryCreditProfile',
      envelope(`<cs:BatchQueryCreditProfileRequest><cs:subjects>${subjects}</cs:subjects><cs:purpose>LAW_ENFORCEMENT</cs:purpose></cs:BatchQueryCreditProfileRequest>`),
    );
    expect(tooMany.status).toBe(500);
    expect(faultCodeOf(tooMany.body)).toBe('INVALID_REQUEST');

    const err = await caught(() => client.batchQueryCreditProfile(['91440309MA5H2R7W2D', '91440309MA5H2R7W2E']));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_CODE' });
    expect(err.message).toContain('91440309MA5H2R7W2E');
  });
});

describe('simulator: penalty reports', () => {
  let now = PRESENT;
  let sim: SocialCreditSimulator;
  let client: SocialCreditClient;
  let n = 0;

  beforeAll(async () => {
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, now: () => now, requestsPerSecond: 0 }));
    client = await makeClient(sim.url);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  /** A publishable record for a derived subject, with a fresh decisionNo. */
  function record(overrides: Partial<PenaltyRecord> = {}): PenaltyRecord {
    n += 1;
    return exampleRecord({
      partyName: '深圳市某某商贸有限公司',
      uscc: validCodes(300)[250 + n],
      decisionNo: `深龙华观湖罚决〔2026〕${100 + n}号`,
      decisionDate: '2026-11-16',
      validUntil: '2026-12-01',
      publicUntil: '2027-02-16',
      ...overrides,
    });
  }

  it('RECEIVED → VALIDATING → PUBLISHED, and the published penalty shows in the profile', async () => {
    const rec = record();
    const before = await client.queryCreditProfile(rec.uscc!);
    const receipt = await client.reportAdministrativePenalty(rec);
    expect(receipt.acceptedAt).toEqual(new Date(now));
    await expect(client.queryReportStatus(receipt.receiptId)).resolves.toMatchObject({ status: 'RECEIVED', decisionNo: rec.decisionNo, publishedAt: null });
    expect(sim.advanceReports()).toBeGreaterThanOrEqual(1);
    await expect(client.queryReportStatus(receipt.receiptId)).resolves.toMatchObject({ status: 'VALIDATING' });
    now += 60_000;
    sim.advanceReports();
    const published = await client.queryReportStatus(receipt.receiptId);
    expect(published).toMatchObject({ status: 'PUBLISHED', rejectReasons: [], publishedAt: new Date(now), updatedAt: new Date(now) });
    sim.advanceReports(); // final states do not move
    await expect(client.queryReportStatus(receipt.receiptId)).resolves.toEqual(published);
    const after = await client.queryCreditProfile(rec.uscc!);
    expect(after!.penaltiesPublished).toBe(before!.penaltiesPublished + 1);
  });

  it('a report breaking a conditional rule ends REJECTED; the decision may then be reported again; then it is a duplicate', async () => {
    const bad = record({ fineAmount: undefined });
    const first = await client.reportAdministrativePenalty(bad);
    sim.advanceReports();
    sim.advanceReports();
    await expect(client.queryReportStatus(first.receiptId)).resolves.toMatchObject({
      status: 'REJECTED',
      rejectReasons: [{ code: 'FINE_AMOUNT_MISMATCH', field: 'fineAmount', message: '处罚类别包含罚款，但罚款金额为空或为0' }],
    });
    const second = await client.reportAdministrativePenalty({ ...bad, fineAmount: '0.500000' });
    expect(second).toMatchObject({ duplicate: false });
    expect(second.receiptId).not.toBe(first.receiptId);
    const third = await client.reportAdministrativePenalty({ ...bad, fineAmount: '0.500000' });
    expect(third).toEqual({ receiptId: second.receiptId, acceptedAt: null, duplicate: true });
  });

  const violations: Array<[string, string, Partial<PenaltyRecord>]> = [
    ['USCC_REQUIRED', 'uscc', { uscc: undefined }],
    ['LEGAL_REPRESENTATIVE_REQUIRED', 'legalRepresentative', { legalRepresentative: undefined }],
    ['ID_REQUIRED', 'idNumber', { partyCategory: 'NATURAL_PERSON', partyName: '张伟', uscc: undefined, idType: 'ID_CARD', idNumber: undefined }],
    ['FINE_AMOUNT_MISMATCH', 'fineAmount', { penaltyCategories: ['WARNING'] }],
    ['CONFISCATED_AMOUNT_MISMATCH', 'confiscatedAmount', { penaltyCategories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'] }],
    ['LICENCE_REQUIRED', 'licenceAffected', { penaltyCategories: ['FINE', 'REVOKE_LICENCE'] }],
    ['DATE_ORDER', 'decisionDate', { decisionDate: '2026-11-19', validUntil: '2026-12-01', publicUntil: '2027-02-19' }],
    ['DATE_ORDER', 'validUntil', { validUntil: '2026-11-15' }],
    ['PUBLICITY_PERIOD_OUT_OF_RANGE', 'publicUntil', { publicUntil: '2027-02-15' }],
    ['PUBLICITY_PERIOD_OUT_OF_RANGE', 'publicUntil', { publicUntil: '2029-11-17' }],
    ['PARTY_NOT_MATCHED', 'partyName', { uscc: '91440309MA5H2R7W2D', partyName: '深圳市观澜湖畔餐饮有限公司' }],
    ['AUTHORITY_NOT_AUTHORISED', 'authorityUscc', { authorityUscc: '91440300MA5F9K4P3X' }],
  ];

  it.each(violations)('%s (%s) → REJECTED', async (code, field, overrides) => {
    const receipt = await client.reportAdministrativePenalty(record(overrides));
    sim.advanceReports();
    sim.advanceReports();
    const status = await client.queryReportStatus(receipt.receiptId);
    expect(status.status).toBe('REJECTED');
    expect(status.rejectReasons.map((r) => [r.code, r.field])).toEqual([[code, field]]);
  });

  it('accepts the boundaries of the rules', async () => {
    const ok = [
      record({ publicUntil: '2027-02-16' }), // exactly + 3 months
      record({ publicUntil: '2029-11-16' }), // exactly + 3 years
      record({ partyCategory: 'NATURAL_PERSON', partyName: '张伟', uscc: undefined, legalRepresentative: undefined, idType: 'ID_CARD', idNumber: '440304198812031356' }),
      record({ penaltyCategories: ['WARNING'], fineAmount: '0.000000' }),
      record({ penaltyCategories: ['FINE', 'SUSPEND_LICENCE'], licenceAffected: '食品经营许可证 JY14403090012345' }),
    ];
    const receipts = [];
    for (const r of ok) receipts.push(await client.reportAdministrativePenalty(r));
    sim.advanceReports();
    sim.advanceReports();
    for (const r of receipts) await expect(client.queryReportStatus(r.receiptId)).resolves.toMatchObject({ status: 'PUBLISHED', rejectReasons: [] });
  });

  it('answers check-character and schema problems synchronously', async () => {
    const badUscc = await caught(() => client.reportAdministrativePenalty(record({ authorityUscc: '11440309MB2C17843F' })));
    expect(badUscc).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_CODE' });
    const badId = await caught(() => client.reportAdministrativePenalty(record({ idNumber: '44148119780925115x' })));
    expect(badId).toMatchObject({ upstreamCode: 'INVALID_CODE' });
    // A passport number is not checked.
    await expect(client.reportAdministrativePenalty(record({ idType: 'PASSPORT', idNumber: 'E12345678' }))).resolves.toMatchObject({ duplicate: false });
    // Yuan instead of 万元:
    const yuan = await caught(() => client.reportAdministrativePenalty(record({ fineAmount: '5000.00' })));
    expect(yuan).toMatchObject({ upstreamCode: 'INVALID_REQUEST' });
    const missing = await caught(() => client.reportAdministrativePenalty(record({ facts: '' })));
    expect(missing).toMatchObject({ upstreamCode: 'INVALID_REQUEST' });
    expect(missing.message).toContain('facts');
    const badDate = await caught(() => client.reportAdministrativePenalty(record({ decisionDate: '2026-02-30' })));
    expect(badDate).toMatchObject({ upstreamCode: 'INVALID_REQUEST' });
  });

  it('advances reports on its own timer when configured', async () => {
    const timed = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, reportStepMs: 10 }));
    const c = await makeClient(timed.url);
    const receipt = await c.reportAdministrativePenalty(record({ decisionDate: '2026-11-16' }));
    let status = (await c.queryReportStatus(receipt.receiptId)).status;
    for (let i = 0; i < 200 && (status === 'RECEIVED' || status === 'VALIDATING'); i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await c.queryReportStatus(receipt.receiptId)).status;
    }
    expect(status).toBe('PUBLISHED');
    await c.close();
    await timed.close();
  });
});

describe('simulator: authentication, lock-out, quotas, control', () => {
  let now = PRESENT;
  let sim: SocialCreditSimulator;
  const wrong = { username: USERNAME, password: 'not-the-password' };

  beforeEach(async () => {
    now = PRESENT;
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, now: () => now, requestsPerSecond: 0 }));
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers AUTH_FAILED (HTTP 500, soap:Client) to a wrong password or a missing token', async () => {
    const bad = await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, wrong));
    expect(bad.status).toBe(500);
    expect(faultCodeOf(bad.body)).toBe('AUTH_FAILED');
    expect(bad.body).toContain('<faultcode>soap:Client</faultcode>');
    const none = await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, null));
    expect(faultCodeOf(none.body)).toBe('AUTH_FAILED');
    const good = await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST));
    expect(good.status).toBe(200);
  });

  it('locks the account for 30 minutes after 5 failures within 10 minutes', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(faultCodeOf((await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, wrong))).body)).toBe('AUTH_FAILED');
      now += 60_000;
    }
    const locked = await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST));
    expect(faultCodeOf(locked.body)).toBe('AUTH_FAILED');
    expect(locked.body).toContain('锁定');
    // Locked at the fifth failure (4 minutes in) for 30 minutes: still locked 28 minutes later.
    now += 28 * 60_000;
    expect(faultCodeOf((await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST))).body)).toBe('AUTH_FAILED');
    now += 2 * 60_000;
    expect((await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST))).status).toBe(200);
  });

  it('does not lock after failures interrupted by a success, or spread over more than 10 minutes', async () => {
    for (let i = 0; i < 4; i += 1) await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, wrong));
    expect((await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST))).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, wrong));
    now += 11 * 60_000;
    await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST, wrong));
    expect((await post(sim.url, 'QueryReportStatus', envelope(STATUS_REQUEST))).status).toBe(200);
  });

  it('enforces calls per second and subjects per day with QUOTA_EXCEEDED, HTTP 429 and Retry-After', async () => {
    const limited = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, now: () => now, requestsPerSecond: 2, subjectsPerDay: 5 }));
    const status = () => post(limited.url, 'QueryReportStatus', envelope(STATUS_REQUEST));
    expect((await status()).status).toBe(200);
    expect((await status()).status).toBe(200);
    const third = await status();
    expect(third.status).toBe(429);
    expect(third.retryAfter).toBe('1');
    expect(faultCodeOf(third.body)).toBe('QUOTA_EXCEEDED');
    expect(third.body).toContain('<cs:retryAfterSeconds>1</cs:retryAfterSeconds>');
    now += 1000;
    expect((await status()).status).toBe(200);

    now += 1000;
    const c = await makeClient(limited.url, { maxAttempts: 1 });
    await c.batchQueryCreditProfile(validCodes(5));
    now += 1000;
    const daily = await caught(() => c.queryCreditProfile('91440300MA5DTB8661'));
    // 2026-11-18T10:00:03+08:00 → midnight is 13:59:57 away.
    expect(daily).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'QUOTA_EXCEEDED', httpStatus: 429, retryAfterMs: 50_397_000 });
    await c.close();
    await limited.close();
  });

  it('applies the switches in front of node-soap and counts calls and items first', async () => {
    const body = envelope(
      '<cs:BatchQueryCreditProfileRequest><cs:subjects>' +
        '<cs:subject><cs:subjectCode>91440309MA5H2R7W2D</cs:subjectCode><cs:subjectType>LEGAL_PERSON</cs:subjectType></cs:subject>' +
        '<cs:subject><cs:subjectCode>92440309MA5J3Q1E1R</cs:subjectCode><cs:subjectType>INDIVIDUAL_BUSINESS</cs:subjectType></cs:subject>' +
        '</cs:subjects><cs:purpose>LAW_ENFORCEMENT</cs:purpose></cs:BatchQueryCreditProfileRequest>',
    );
    sim.control.set({ maintenance: true, retryAfterSeconds: 120 });
    const maintenance = await post(sim.url, 'BatchQueryCreditProfile', body);
    expect([maintenance.status, maintenance.retryAfter, faultCodeOf(maintenance.body)]).toEqual([503, '120', 'SERVICE_UNAVAILABLE']);
    expect(maintenance.body).toContain('<faultcode>soap:Server</faultcode>');
    sim.control.set({ maintenance: false, gatewayError: true });
    const gateway = await post(sim.url, 'BatchQueryCreditProfile', body);
    expect(gateway.status).toBe(503);
    expect(gateway.body).toContain('<html>');
    sim.control.set({ gatewayError: false, malformed: true });
    const malformed = await post(sim.url, 'BatchQueryCreditProfile', body);
    expect(malformed.status).toBe(200);
    expect(malformed.body).not.toContain('</soap:Envelope>');
    sim.control.set({ malformed: false, fault: 'INVALID_CODE' });
    expect(faultCodeOf((await post(sim.url, 'BatchQueryCreditProfile', body)).body)).toBe('INVALID_CODE');
    sim.control.set({ fault: null, errorRate: 1 });
    const internal = await post(sim.url, 'BatchQueryCreditProfile', body);
    expect([internal.status, faultCodeOf(internal.body)]).toEqual([500, 'INTERNAL_ERROR']);
    expect(sim.control.calls).toEqual({ BatchQueryCreditProfile: 5 });
    expect(sim.control.items).toEqual({ BatchQueryCreditProfile: 10 });

    // Steered over HTTP at /__simulator.
    const base = sim.url.replace(/\/services\/.*$/, '');
    const state = (await (await fetch(`${base}/__simulator`)).json()) as { calls: Record<string, number> };
    expect(state.calls).toEqual({ BatchQueryCreditProfile: 5 });
    await fetch(`${base}/__simulator`, { method: 'POST', body: JSON.stringify({ errorRate: 0, rateLimited: true }) });
    expect((await post(sim.url, 'BatchQueryCreditProfile', body)).status).toBe(429);
    await fetch(`${base}/__simulator`, { method: 'DELETE' });
    expect((await post(sim.url, 'BatchQueryCreditProfile', body)).status).toBe(200);
    expect(sim.control.calls).toEqual({ BatchQueryCreditProfile: 1 });
  });

  it('serves the WSDL and nothing else', async () => {
    const wsdl = await fetch(`${sim.url}?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toContain('CreditSharingService');
    expect((await fetch(sim.url.replace('CreditSharingService', 'Other'), { method: 'POST', body: '' })).status).toBe(404);
  });
});
