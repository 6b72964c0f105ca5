import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as soap from 'soap';
import { ConnectorError, type ConnectorLogger } from '../../../connectors/core';
import { startSocialCreditSimulator, type SocialCreditSimulator } from '../../../connectors/social-credit/simulator/server';
import { caught, closeAll, exampleRecord, fakeClock, faultBody, makeClient, PASSWORD, startRawStub, track, USERNAME, validCodes } from './helpers';

afterAll(closeAll);

const EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/social-credit');
const WSDL_PATH = path.resolve(__dirname, '../../../connectors/social-credit/social-credit.wsdl');
const NS = 'urn:gov:credit:sharing:v2';

function example(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/** Local names of the child elements of <…:record> in a request, in order. */
function recordElementOrder(xml: string): string[] {
  const inner = /<(?:[\w.-]+:)?record>([\s\S]*)<\/(?:[\w.-]+:)?record>/.exec(xml)?.[1] ?? '';
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)(?:[\w.-]+:)?(\w+)[^>]*?(\/?)>/g)) {
    if (m[1] === '/') depth -= 1;
    else {
      if (depth === 0) names.push(m[2]);
      if (m[3] !== '/') depth += 1;
    }
  }
  return names;
}

describe('SocialCreditClient against a node-soap stub: envelope, WS-Security, SOAPAction', () => {
  let server: http.Server;
  let url: string;
  const received: Array<{ xml: string; headers: IncomingHttpHeaders; soapHeaders: unknown; operation: string }> = [];

  beforeAll(async () => {
    server = http.createServer();
    const xml = readFileSync(WSDL_PATH, 'utf8');
    const remember = (operation: string, answer: Record<string, unknown>) => (_args: unknown, _cb: unknown, headers: unknown) => {
      received[received.length - 1].soapHeaders = headers;
      received[received.length - 1].operation = operation;
      return answer;
    };
    const profile = {
      subjectCode: '91440300MA5DTB8661',
      subjectType: 'LEGAL_PERSON',
      subjectName: '深圳市鹏安燃气供应有限公司',
      creditRating: 'D',
      onBlacklist: true,
      blacklistEntries: {},
      redlistEntries: {},
      penaltiesPublished: 2,
      updatedAt: '2025-03-18T02:00:00+08:00',
    };
    const services = {
      CreditSharingService: {
        CreditSharingPort: {
          QueryCreditProfile: remember('QueryCreditProfile', { profile }),
          BatchQueryCreditProfile: remember('BatchQueryCreditProfile', { profiles: { profile: [profile] }, notFound: {} }),
          ReportAdministrativePenalty: remember('ReportAdministrativePenalty', {
            receiptId: 'RC2025031810300000017',
            acceptedAt: '2025-03-18T10:30:00+08:00',
          }),
          QueryReportStatus: remember('QueryReportStatus', {
            receiptId: 'RC2025031810300000017',
            decisionNo: '深龙华观湖罚决〔2025〕37号',
            status: 'RECEIVED',
            rejectReasons: {},
            updatedAt: '2025-03-18T10:30:00+08:00',
          }),
        },
      },
    };
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const listener = soap.listen(server, { path: '/services/CreditSharingService', services: services as unknown as soap.IServices, xml });
    listener.log = (type: string, data: unknown, req: { headers: IncomingHttpHeaders }) => {
      if (type === 'received') received.push({ xml: String(data), headers: req.headers, soapHeaders: undefined, operation: '' });
    };
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/CreditSharingService`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
  });

  it('sends the UsernameToken with PasswordText and SOAPAction "<ns>/<Operation>" on every operation', async () => {
    const client = await makeClient(url);
    await client.queryCreditProfile('91440300MA5DTB8661');
    await client.batchQueryCreditProfile(['91440300MA5DTB8661']);
    await client.reportAdministrativePenalty(exampleRecord());
    await client.queryReportStatus('RC2025031810300000017');
    await client.close();

    expect(received.map((r) => r.operation)).toEqual([
      'QueryCreditProfile',
      'BatchQueryCreditProfile',
      'ReportAdministrativePenalty',
      'QueryReportStatus',
    ]);
    for (const r of received) {
      expect(r.headers.soapaction).toBe(`"${NS}/${r.operation}"`);
      expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
      // The same structure as the examples' header: Security(mustUnderstand) > UsernameToken > Username, Password(Type=PasswordText).
      const header = /<soap:Header>([\s\S]*)<\/soap:Header>/.exec(r.xml)?.[1] ?? '';
      expect(header).toBe(
        '<wsse:Security soap:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">' +
          '<wsse:UsernameToken><wsse:Username>lhgh_zhzf_hub</wsse:Username>' +
          '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">Test#Credit2025</wsse:Password>' +
          '</wsse:UsernameToken></wsse:Security>',
      );
      expect(r.xml).toMatch(/xmlns:soap="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/"/);
      // …and node-soap on the other side reads the token from it.
      expect(r.soapHeaders).toEqual({
        Security: {
          attributes: { 'soap:mustUnderstand': '1' },
          UsernameToken: {
            Username: USERNAME,
            Password: {
              attributes: { Type: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText' },
              $value: PASSWORD,
            },
          },
        },
      });
    }
  });

  it('escapes credentials as XML text', async () => {
    const client = await makeClient(url, { username: 'hub&co', password: 'p<w>&"\'d' });
    await client.queryReportStatus('RC1');
    await client.close();
    const token = (received[0].soapHeaders as { Security: { UsernameToken: { Username: string; Password: { $value: string } } } }).Security
      .UsernameToken;
    expect(token.Username).toBe('hub&co');
    expect(token.Password.$value).toBe('p<w>&"\'d');
  });

  it('sends the penalty record in the WSDL element order, as in the example request', async () => {
    const client = await makeClient(url);
    await client.reportAdministrativePenalty(exampleRecord({ remarks: '首次报送', confiscatedAmount: undefined }));
    await client.close();
    const expected = recordElementOrder(example('ReportAdministrativePenalty.request.xml'));
    expect(expected[0]).toBe('partyName');
    expect(recordElementOrder(received[0].xml)).toEqual([...expected, 'remarks']);
    expect(received[0].xml).toContain('<fineAmount>0.500000</fineAmount>');
    expect(received[0].xml).toContain('<penaltyCategories><category>FINE</category></penaltyCategories>');
  });

  it('maps the answers: dateTimes with offset become Dates, counts become numbers', async () => {
    const client = await makeClient(url);
    const profile = await client.queryCreditProfile('91440300MA5DTB8661');
    const status = await client.queryReportStatus('RC2025031810300000017');
    await client.close();
    expect(profile).toEqual({
      subjectCode: '91440300MA5DTB8661',
      subjectType: 'LEGAL_PERSON',
      subjectName: '深圳市鹏安燃气供应有限公司',
      creditRating: 'D',
      onBlacklist: true,
      blacklistEntries: [],
      redlistEntries: [],
      penaltiesPublished: 2,
      updatedAt: new Date('2025-03-17T18:00:00Z'),
    });
    expect(status).toEqual({
      receiptId: 'RC2025031810300000017',
      decisionNo: '深龙华观湖罚决〔2025〕37号',
      status: 'RECEIVED',
      rejectReasons: [],
      publishedAt: null,
      updatedAt: new Date('2025-03-18T02:30:00Z'),
    });
  });
});

describe('SocialCreditClient against the simulator: faults, retries, Retry-After, breaker', () => {
  let sim: SocialCreditSimulator;

  beforeAll(async () => {
    sim = track(await startSocialCreditSimulator({ username: USERNAME, password: PASSWORD, requestsPerSecond: 0 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.control.reset();
  });

  const cases: Array<[string, Partial<ConnectorError>]> = [
    ['AUTH_FAILED', { code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: 'AUTH_FAILED', httpStatus: 500 }],
    ['INVALID_REQUEST', { code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: 'INVALID_REQUEST', httpStatus: 500 }],
    ['INVALID_CODE', { code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: 'INVALID_CODE', httpStatus: 500 }],
    ['RECEIPT_NOT_FOUND', { code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: 'RECEIPT_NOT_FOUND', httpStatus: 500 }],
    ['QUOTA_EXCEEDED', { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstreamCode: 'QUOTA_EXCEEDED', httpStatus: 429, retryAfterMs: 7000 }],
    [
      'SERVICE_UNAVAILABLE',
      { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryAfterMs: 7000 },
    ],
    ['INTERNAL_ERROR', { code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstreamCode: 'INTERNAL_ERROR', httpStatus: 500 }],
  ];

  it.each(cases)('fault %s → %o', async (fault, expected) => {
    const client = await makeClient(sim.url, { maxAttempts: 1 });
    sim.control.set({ fault, retryAfterSeconds: 7 });
    const err = await caught(() => client.queryReportStatus('RC2025031810300000017'));
    await client.close();
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ system: 'social-credit', ...expected });
    expect(sim.control.calls.QueryReportStatus).toBe(1);
  });

  it('a real RECEIPT_NOT_FOUND and INVALID_CODE are rejections with the platform\'s message', async () => {
    const client = await makeClient(sim.url);
    const missing = await caught(() => client.queryReportStatus('RC2099010100000000001'));
    expect(missing).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'RECEIPT_NOT_FOUND' });
    const invalid = await caught(() => client.queryCreditProfile('91440309MA5H2R7W2E'));
    expect(invalid).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_CODE' });
    expect(invalid.message).toContain('91440309MA5H2R7W2E');
    await client.close();
    // Rejections are not repeated.
    expect(sim.control.calls).toEqual({ QueryReportStatus: 1, QueryCreditProfile: 1 });
  });

  it('SUBJECT_NOT_FOUND is not an error for profile queries: null', async () => {
    const client = await makeClient(sim.url);
    await expect(client.queryCreditProfile('43052419920718402X')).resolves.toBeNull();
    sim.control.set({ fault: 'SUBJECT_NOT_FOUND' });
    await expect(client.queryCreditProfile('91440300MA5DTB8661')).resolves.toBeNull();
    await client.close();
    expect(client.policy.breaker.current).toBe('CLOSED');
  });

  it('retries queries on INTERNAL_ERROR (backoff through the clock) but attempts a report exactly once', async () => {
    const clock = fakeClock();
    const client = await makeClient(sim.url, { clock, maxAttempts: 3 });
    sim.control.set({ errorRate: 1 });

    const report = await caught(() => client.reportAdministrativePenalty(exampleRecord({ decisionNo: '深龙华观湖罚决〔2026〕901号' })));
    expect(report).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL_ERROR' });
    expect(sim.control.calls.ReportAdministrativePenalty).toBe(1);
    expect(clock.sleeps).toEqual([]);

    const query = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(query).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL_ERROR' });
    expect(sim.control.calls.QueryCreditProfile).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0]);

    // A transient failure followed by success: the query succeeds on the second attempt.
    sim.control.reset();
    let n = 0;
    const flaky = await startRawStub(() => {
      n += 1;
      return n === 1 ? { status: 500, body: faultBody('Server', 'INTERNAL_ERROR') } : { status: 200, body: example('QueryCreditProfile.response.xml') };
    });
    const client2 = await makeClient(flaky.url, { clock });
    await expect(client2.queryCreditProfile('91440300MA5DTB8661')).resolves.toMatchObject({ creditRating: 'D' });
    expect(flaky.requests).toHaveLength(2);
    await client2.close();
    await flaky.close();
    await client.close();
  });

  it('never retries AUTH_FAILED, and stops calling before the account would be locked', async () => {
    const clock = fakeClock();
    const client = await makeClient(sim.url, { password: 'wrong-password', clock, authFailureLimit: 3 });
    const first = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(first).toMatchObject({ code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: 'AUTH_FAILED' });
    expect(first.message).not.toContain('wrong-password');
    expect(sim.control.calls.QueryCreditProfile).toBe(1);
    expect(clock.sleeps).toEqual([]);

    await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    await caught(() => client.batchQueryCreditProfile(['91440300MA5DTB8661']));
    expect(sim.control.totalCalls()).toBe(3);
    // Suspended: the fourth call never leaves the hub, so the platform never sees five failures.
    const suspended = await caught(() => client.queryReportStatus('RC2025031810300000017'));
    expect(suspended).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'AUTH_FAILED' });
    expect(sim.control.totalCalls()).toBe(3);
    expect(client.authSuspended).toBe(true);
    await client.close();

    // The account is not locked: the right password still works.
    const good = await makeClient(sim.url);
    await expect(good.queryCreditProfile('91440300MA5DTB8661')).resolves.not.toBeNull();
    await good.close();

    // After the suspension the client tries again.
    clock.advance(30 * 60_000);
    expect(client.authSuspended).toBe(false);
  });

  it('honours Retry-After of 429 QUOTA_EXCEEDED and 503 SERVICE_UNAVAILABLE', async () => {
    const clock = fakeClock();
    const client = await makeClient(sim.url, { clock, maxAttempts: 3 });

    sim.control.set({ rateLimited: true, retryAfterSeconds: 2 });
    const quota = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(quota).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'QUOTA_EXCEEDED', httpStatus: 429, retryAfterMs: 2000 });
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(sim.control.calls.QueryCreditProfile).toBe(3);

    sim.control.reset();
    clock.sleeps.length = 0;
    sim.control.set({ maintenance: true, retryAfterSeconds: 3 });
    const maintenance = await caught(() => client.batchQueryCreditProfile(['91440300MA5DTB8661']));
    expect(maintenance).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryAfterMs: 3000 });
    expect(clock.sleeps).toEqual([3000, 3000]);

    // Longer than maxRetryAfterMs: not waited for inside the request; the hint travels with the error.
    sim.control.reset();
    clock.sleeps.length = 0;
    sim.control.set({ rateLimited: true, retryAfterSeconds: 3600 });
    const long = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(long).toMatchObject({ upstreamCode: 'QUOTA_EXCEEDED', retryAfterMs: 3_600_000 });
    expect(clock.sleeps).toEqual([]);
    expect(sim.control.calls.QueryCreditProfile).toBe(1);
    await client.close();
  });

  it('takes Retry-After from the header, else from the fault\'s retryAfterSeconds', async () => {
    const clock = fakeClock();
    const stub = await startRawStub((_req, i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '4' }, body: faultBody('Client', 'QUOTA_EXCEEDED', '<cs:retryAfterSeconds>1</cs:retryAfterSeconds>') }
        : i === 1
          ? { status: 429, body: faultBody('Client', 'QUOTA_EXCEEDED', '<cs:retryAfterSeconds>2</cs:retryAfterSeconds>') }
          : { status: 200, body: example('QueryCreditProfile.response.xml') },
    );
    const client = await makeClient(stub.url, { clock });
    await expect(client.queryCreditProfile('91440300MA5DTB8661')).resolves.toMatchObject({ subjectName: '深圳市鹏安燃气供应有限公司' });
    expect(clock.sleeps).toEqual([4000, 2000]);
    await client.close();
    await stub.close();
  });

  it('opens the circuit after repeated failures and closes it after a successful trial (injected clock)', async () => {
    const clock = fakeClock();
    const client = await makeClient(sim.url, { clock, maxAttempts: 1, breaker: { failureThreshold: 2, openMs: 10_000 } });
    sim.control.set({ errorRate: 1 });
    await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(client.policy.breaker.current).toBe('OPEN');

    const open = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(open).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'CIRCUIT_OPEN', retryAfterMs: 10_000 });
    expect(sim.control.calls.QueryCreditProfile).toBe(2); // failed fast, nothing sent

    clock.advance(10_000);
    expect(client.policy.breaker.current).toBe('HALF_OPEN');
    sim.control.set({ errorRate: 0 });
    await expect(client.queryCreditProfile('91440300MA5DTB8661')).resolves.not.toBeNull();
    expect(client.policy.breaker.current).toBe('CLOSED');
    expect(sim.control.calls.QueryCreditProfile).toBe(3);

    // Rejections of our own input do not open it.
    sim.control.set({ fault: 'INVALID_CODE' });
    for (let i = 0; i < 3; i += 1) await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(client.policy.breaker.current).toBe('CLOSED');
    await client.close();
  });

  it('maps a gateway\'s HTML 503 like SERVICE_UNAVAILABLE, without the page in the message', async () => {
    const clock = fakeClock();
    const client = await makeClient(sim.url, { clock });
    sim.control.set({ gatewayError: true });
    const err = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryable: true });
    expect(err.message).not.toMatch(/nginx|<html|Temporarily/);
    expect(sim.control.calls.QueryCreditProfile).toBe(3); // retried like any transient failure
    await client.close();

    for (const status of [502, 504]) {
      const stub = await startRawStub(() => ({ status, headers: { 'content-type': 'text/html', 'retry-after': '9' }, body: '<html><body>Bad Gateway<br></body></html>' }));
      const c = await makeClient(stub.url, { maxAttempts: 1 });
      const e = await caught(() => c.queryReportStatus('RC1'));
      expect(e).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: status, retryAfterMs: 9000 });
      await c.close();
      await stub.close();
    }
  });

  it('malformed XML → UPSTREAM_BAD_RESPONSE, not retried, without the body anywhere in the error', async () => {
    const lines: string[] = [];
    const logger: ConnectorLogger = {
      info: (o, m) => lines.push(JSON.stringify([o, m])),
      warn: (o, m) => lines.push(JSON.stringify([o, m])),
      error: (o, m) => lines.push(JSON.stringify([o, m])),
    };
    const client = await makeClient(sim.url, { logger });
    sim.control.set({ malformed: true });
    const err = await caught(() => client.queryCreditProfile('91440309MA5H2R7W2D'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false, httpStatus: 200 });
    expect(sim.control.calls.QueryCreditProfile).toBe(1);
    const everything = `${err.message} ${JSON.stringify(err)} ${String(err.cause ?? '')} ${lines.join('\n')}`;
    expect(everything).not.toMatch(/观澜湖畔|Envelope|<cs:|subjectName/);
    expect(everything).not.toContain(PASSWORD);
    await client.close();
  });

  it('a response missing required elements, or with a dateTime without offset, is UPSTREAM_BAD_RESPONSE', async () => {
    const good = example('QueryCreditProfile.response.xml');
    const bodies = [
      good.replace(/<cs:updatedAt>[^<]*<\/cs:updatedAt>/, ''),
      good.replace(/<cs:profile>[\s\S]*<\/cs:profile>/, ''),
      good.replace('<cs:updatedAt>2025-03-18T02:00:00+08:00</cs:updatedAt>', '<cs:updatedAt>2025-03-18T02:00:00</cs:updatedAt>'),
      good.replace('<cs:creditRating>D</cs:creditRating>', '<cs:creditRating>E</cs:creditRating>'),
      good.replace('<cs:subjectCode>91440300MA5DTB8661</cs:subjectCode>', '<cs:subjectCode>91440309MA5H2R7W2D</cs:subjectCode>'),
      '',
    ];
    for (const body of bodies) {
      const stub = await startRawStub(() => ({ status: 200, body }));
      const client = await makeClient(stub.url);
      const err = await caught(() => client.queryCreditProfile('91440300MA5DTB8661'));
      expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false });
      expect(err.message).not.toContain('鹏安');
      expect(stub.requests).toHaveLength(1);
      await client.close();
      await stub.close();
    }
  });

  it('other non-SOAP answers: 5xx is transient, 4xx is a bad response', async () => {
    const s500 = await startRawStub(() => ({ status: 500, headers: { 'content-type': 'text/plain' }, body: 'java.lang.NullPointerException at …' }));
    const c1 = await makeClient(s500.url, { maxAttempts: 1 });
    const e1 = await caught(() => c1.queryReportStatus('RC1'));
    expect(e1).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, httpStatus: 500 });
    expect(e1.message).not.toContain('NullPointer');
    await c1.close();
    await s500.close();

    const s404 = await startRawStub(() => ({ status: 404, headers: { 'content-type': 'text/html' }, body: '<html>Not Found</html>' }));
    const c2 = await makeClient(s404.url);
    const e2 = await caught(() => c2.queryReportStatus('RC1'));
    expect(e2).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false, httpStatus: 404 });
    expect(s404.requests).toHaveLength(1);
    await c2.close();
    await s404.close();

    // Unknown fault codes follow faultcode: soap:Server = transient, soap:Client = rejected.
    const s = await startRawStub((_r, i) => ({ status: 500, body: faultBody(i === 0 ? 'Server' : 'Client', 'SOMETHING_NEW') }));
    const c3 = await makeClient(s.url, { maxAttempts: 1 });
    await expect(caught(() => c3.queryReportStatus('RC1'))).resolves.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    await expect(caught(() => c3.queryReportStatus('RC1'))).resolves.toMatchObject({ code: 'UPSTREAM_REJECTED', retryable: false });
    await c3.close();
    await s.close();
  });

  it('an unreachable endpoint is UPSTREAM_UNAVAILABLE', async () => {
    const stub = await startRawStub(() => null);
    const deadUrl = stub.url;
    await stub.close();
    const client = await makeClient(deadUrl, { maxAttempts: 1 });
    const err = await caught(() => client.queryReportStatus('RC1'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, upstreamCode: 'ECONNREFUSED' });
    expect(JSON.stringify(err)).not.toContain(PASSWORD);
    await client.close();
  });

  it('times out per attempt (UPSTREAM_TIMEOUT); a report that timed out is not sent again', async () => {
    const stub = await startRawStub(() => null);
    const client = await makeClient(stub.url, { timeoutMs: 150, maxAttempts: 1 });
    const query = await caught(() => client.queryReportStatus('RC1'));
    expect(query).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true });
    const report = await caught(() => client.reportAdministrativePenalty(exampleRecord()));
    expect(report).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(stub.requests.filter((r) => r.headers.soapaction === `"${NS}/ReportAdministrativePenalty"`)).toHaveLength(1);
    await client.close();
    await stub.close();
  });

  it('DUPLICATE_REPORT is a success carrying the original receiptId', async () => {
    const client = await makeClient(sim.url);
    const record = exampleRecord({ decisionNo: '深龙华观湖罚决〔2026〕777号', decisionDate: '2026-11-02', validUntil: '2026-11-17', publicUntil: '2027-02-02' });
    const first = await client.reportAdministrativePenalty(record);
    expect(first).toMatchObject({ duplicate: false });
    expect(first.receiptId).toMatch(/^RC\d{19}$/);
    expect(first.acceptedAt).toBeInstanceOf(Date);
    // A retry after a timeout:
    const again = await client.reportAdministrativePenalty(record);
    expect(again).toEqual({ receiptId: first.receiptId, acceptedAt: null, duplicate: true });
    expect(sim.control.calls.ReportAdministrativePenalty).toBe(2);
    expect(client.policy.metrics.lastErrorCode).toBeNull();
    await client.close();

    // The contract's own example fault.
    const stub = await startRawStub(() => ({ status: 500, body: example('fault.DUPLICATE_REPORT.xml') }));
    const c2 = await makeClient(stub.url);
    await expect(c2.reportAdministrativePenalty(exampleRecord())).resolves.toEqual({
      receiptId: 'RC2025031810300000017',
      acceptedAt: null,
      duplicate: true,
    });
    await c2.close();
    await stub.close();
  });

  it('chunks batches longer than 50 and merges results and notFound', async () => {
    const client = await makeClient(sim.url);
    const codes = ['91440309MA5G8H3L1D', ...validCodes(119)];
    const result = await client.batchQueryCreditProfile([...codes, codes[1]]);
    expect(sim.control.calls.BatchQueryCreditProfile).toBe(3);
    expect(sim.control.items.BatchQueryCreditProfile).toBe(120);
    expect(result.profiles.length + result.notFound.length).toBe(120);
    expect(result.notFound).toContain('91440309MA5G8H3L1D');
    await client.close();
  });
});
