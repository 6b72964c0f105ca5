// PublicSecurityClient against a real node-soap server (the simulator) and against raw HTTP stubs
// for answers the simulator does not give (foreign bodies, missing elements, hostile faults).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../../../connectors/core';
import {
  createPublicSecurityConnector,
  parsePublicSecurityConfig,
  PSB_FAULT_CODES,
  PublicSecurityClient,
  PublicSecurityError,
  simulatedNameFor,
  simulatedVerification,
  startPublicSecuritySimulator,
  type EnforcementSupportRequest,
  type PsbFaultCode,
  type PublicSecuritySimulator,
} from '../../../connectors/public-security';
import {
  APP_ID,
  capturingLogger,
  CASE_NO,
  CHEN,
  clientConfig,
  errorText,
  LI,
  PURPOSE,
  rejectionOf,
  testClock,
  TOKEN,
  validIdNumber,
  WANG,
  withBadCheck,
} from './helpers';

const NS = 'urn:gov:psb:lawenforcement:v1';

function supportRequest(serial: string, overrides: Partial<EnforcementSupportRequest> = {}): EnforcementSupportRequest {
  return {
    requestSerial: serial,
    caseNo: 'GH-ZF-2025-000131',
    requestingUnit: { name: '深圳市龙华区观湖街道办事处', uscc: '11440309MB2C17843E', contactName: '刘振华', contactPhone: '13712345678' },
    location: { address: '深圳市龙华区观湖街道松元厦社区环观南路88号旁空地', lng: 114.059832, lat: 22.713604 },
    scheduledAt: new Date(Date.now() + 2 * 86_400_000),
    expectedRisk: 'HIGH',
    officersNeeded: 6,
    reason: '依法强制拆除违法建设，需公安机关到场维持秩序',
    ...overrides,
  };
}

let sim: PublicSecuritySimulator;

beforeAll(async () => {
  sim = await startPublicSecuritySimulator({ appId: APP_ID, token: TOKEN, recordRequests: true });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.control.reset();
  sim.requests.length = 0;
});

async function newClient(overrides: Parameters<typeof clientConfig>[1] = {}, deps: Parameters<typeof PublicSecurityClient.create>[1] = {}) {
  return PublicSecurityClient.create(clientConfig(sim.url, overrides), deps);
}

describe('envelope on the wire', () => {
  it('carries the AppCredential header with unqualified appId/token attributes, text/xml and the quoted SOAPAction on every operation', async () => {
    const client = await newClient();
    await client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO });
    await client.batchVerifyIdentity([LI, WANG], PURPOSE, CASE_NO);
    const receipt = await client.requestEnforcementSupport(supportRequest('WIRE-TEST-0001'));
    await client.querySupportRequest(receipt.supportRequestId);
    await client.close();

    const ops = ['VerifyIdentity', 'BatchVerifyIdentity', 'RequestEnforcementSupport', 'QuerySupportRequest'];
    expect(sim.requests.map((r) => r.operation)).toEqual(ops);
    for (const [i, r] of sim.requests.entries()) {
      expect(r.soapAction).toBe(`"${NS}/${ops[i]}"`);
      expect(r.contentType).toBe('text/xml; charset=utf-8');
      const header = /<(\w+):Header>([\s\S]*?)<\/\1:Header>/.exec(r.body)?.[2] ?? '';
      const m = /^<(\w+):AppCredential xmlns:\1="([^"]+)" appId="([^"]*)" token="([^"]*)"\/>$/.exec(header.trim());
      expect(m).not.toBeNull();
      expect(m?.[2]).toBe(NS);
      expect(m?.[3]).toBe(APP_ID);
      expect(m?.[4]).toBe(TOKEN);
      expect(header).not.toMatch(/:appId=|:token=/);
    }
  });

  it('sends the requestSerial; a repeat with the same serial returns the same supportRequestId', async () => {
    const client = await newClient();
    const first = await client.requestEnforcementSupport(supportRequest('GH-ZF-2025-000131-01'));
    const again = await client.requestEnforcementSupport(supportRequest('GH-ZF-2025-000131-01'));
    const other = await client.requestEnforcementSupport(supportRequest('GH-ZF-2025-000131-02'));
    await client.close();
    expect(sim.requests[0].body).toMatch(/<(\w+:)?requestSerial>GH-ZF-2025-000131-01<\/(\w+:)?requestSerial>/);
    expect(again.supportRequestId).toBe(first.supportRequestId);
    expect(other.supportRequestId).not.toBe(first.supportRequestId);
    expect(first.status).toBe('SUBMITTED');
    expect(first.submittedAt).toBeInstanceOf(Date);
  });

  it('sends scheduledAt with its +08:00 offset, not an empty element', async () => {
    const client = await newClient();
    await client.requestEnforcementSupport(supportRequest('WIRE-TEST-0002', { scheduledAt: new Date('2099-03-20T01:00:00Z') }));
    await client.close();
    expect(sim.requests[0].body).toMatch(/<(\w+:)?scheduledAt>2099-03-20T09:00:00\+08:00<\/(\w+:)?scheduledAt>/);
  });
});

describe('results', () => {
  it('returns only match and verificationId (minimum necessary)', async () => {
    const client = await newClient();
    const match = await client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO });
    const mismatch = await client.verifyIdentity({ name: '陈建民', idNumber: CHEN.idNumber, purpose: PURPOSE, caseNo: CASE_NO });
    await client.close();
    expect(Object.keys(match).sort()).toEqual(['match', 'verificationId']);
    expect(match.match).toBe('MATCH');
    expect(match.verificationId).toMatch(/^HY/);
    expect(mismatch.match).toBe('MISMATCH');
  });

  it('batches in request order and splits lists longer than 20 into calls of ≤20', async () => {
    const persons = Array.from({ length: 25 }, (_, i) => {
      const idNumber = validIdNumber(i);
      return { idNumber, name: i % 3 === 0 ? simulatedNameFor(idNumber) : '某某某' };
    });
    const client = await newClient();
    const outcomes = await client.batchVerifyIdentity(persons, PURPOSE, CASE_NO);
    await client.close();
    expect(outcomes.map((o) => o.match)).toEqual(persons.map((p) => simulatedVerification(p.idNumber, p.name)));
    expect(outcomes.filter((o) => o.match === 'MATCH')).toHaveLength(9);
    expect(sim.control.calls.BatchVerifyIdentity).toBe(2);
    expect(sim.control.items.BatchVerifyIdentity).toBe(25);
  });

  it('refuses an invalid ID number locally, naming its 1-based position and not the number', async () => {
    const bad = withBadCheck(WANG.idNumber);
    const client = await newClient();
    const err = await rejectionOf(client.batchVerifyIdentity([CHEN, LI, { name: WANG.name, idNumber: bad }], PURPOSE, CASE_NO));
    await client.close();
    expect(err).toBeInstanceOf(PublicSecurityError);
    const e = err as PublicSecurityError;
    expect([e.code, e.upstreamCode, e.itemIndex]).toEqual(['UPSTREAM_REJECTED', 'INVALID_ID_NUMBER', 3]);
    expect(e.message).toContain('#3');
    expect(errorText(e)).not.toContain(bad);
    expect(sim.control.totalCalls()).toBe(0);
  });
});

describe('fault mapping', () => {
  const expected: Record<PsbFaultCode, { code: string; retryable: boolean; httpStatus: number; retryAfterMs?: number }> = {
    AUTH_FAILED: { code: 'UPSTREAM_REJECTED', retryable: false, httpStatus: 500 },
    INVALID_REQUEST: { code: 'UPSTREAM_REJECTED', retryable: false, httpStatus: 500 },
    INVALID_ID_NUMBER: { code: 'UPSTREAM_REJECTED', retryable: false, httpStatus: 500 },
    REQUEST_NOT_FOUND: { code: 'UPSTREAM_REJECTED', retryable: false, httpStatus: 500 },
    RATE_LIMITED: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, httpStatus: 429, retryAfterMs: 7000 },
    SERVICE_UNAVAILABLE: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, httpStatus: 503, retryAfterMs: 7000 },
    INTERNAL_ERROR: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, httpStatus: 500 },
  };

  it.each(PSB_FAULT_CODES.map((c) => [c]))('%s', async (fault) => {
    sim.control.set({ fault, retryAfterSeconds: 7 });
    const client = await newClient({ maxAttempts: 1 });
    const err = await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }));
    await client.close();
    expect(err).toBeInstanceOf(ConnectorError);
    const e = err as ConnectorError;
    const want = expected[fault];
    expect({ code: e.code, upstreamCode: e.upstreamCode, retryable: e.retryable, httpStatus: e.httpStatus, retryAfterMs: e.retryAfterMs }).toEqual({
      code: want.code,
      upstreamCode: fault,
      retryable: want.retryable,
      httpStatus: want.httpStatus,
      retryAfterMs: want.retryAfterMs,
    });
    expect(e.system).toBe('public-security');
    if (fault === 'INVALID_ID_NUMBER') {
      expect((e as PublicSecurityError).itemIndex).toBe(1);
      expect(e.message).toContain('#1');
    }
  });

  it('maps a wrong credential to AUTH_FAILED and never retries it', async () => {
    const clock = testClock();
    const client = await newClient({ token: 'tk_wrong_token_123' }, { clock });
    const err = (await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
    await client.close();
    expect([err.code, err.upstreamCode, err.retryable]).toEqual(['UPSTREAM_REJECTED', 'AUTH_FAILED', false]);
    expect(sim.control.calls.VerifyIdentity).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a verification after INTERNAL_ERROR (safe call)', async () => {
    const clock = testClock();
    clock.onSleep = () => sim.control.set({ errorRate: 0 });
    sim.control.set({ errorRate: 1 });
    const client = await newClient({}, { clock });
    const outcome = await client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO });
    await client.close();
    expect(outcome.match).toBe('MATCH');
    expect(sim.control.calls.VerifyIdentity).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('retries RequestEnforcementSupport too (idempotent through requestSerial) and creates one request', async () => {
    const clock = testClock();
    clock.onSleep = () => sim.control.set({ errorRate: 0 });
    sim.control.set({ errorRate: 1 });
    const client = await newClient({}, { clock });
    const receipt = await client.requestEnforcementSupport(supportRequest('RETRY-TEST-0001'));
    const again = await client.requestEnforcementSupport(supportRequest('RETRY-TEST-0001'));
    await client.close();
    expect(sim.control.calls.RequestEnforcementSupport).toBe(3);
    expect(again.supportRequestId).toBe(receipt.supportRequestId);
  });

  it('honours Retry-After of a 429 RATE_LIMITED', async () => {
    const clock = testClock();
    clock.onSleep = () => sim.control.set({ rateLimited: false });
    sim.control.set({ rateLimited: true, retryAfterSeconds: 2 });
    const client = await newClient({}, { clock });
    const outcome = await client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO });
    await client.close();
    expect(outcome.match).toBe('MATCH');
    expect(clock.sleeps).toEqual([2000]);
  });

  it('honours Retry-After of a 503 SERVICE_UNAVAILABLE', async () => {
    const clock = testClock();
    clock.onSleep = () => sim.control.set({ maintenance: false });
    sim.control.set({ maintenance: true, retryAfterSeconds: 3 });
    const client = await newClient({}, { clock });
    const state = await client.batchVerifyIdentity([CHEN], PURPOSE, CASE_NO);
    await client.close();
    expect(state[0].match).toBe('MATCH');
    expect(clock.sleeps).toEqual([3000]);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs and hands the hint back', async () => {
    const clock = testClock();
    sim.control.set({ rateLimited: true, retryAfterSeconds: 52380 });
    const client = await newClient({}, { clock });
    const err = (await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
    await client.close();
    expect([err.code, err.httpStatus, err.retryAfterMs, err.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', 429, 52_380_000, true]);
    expect(clock.sleeps).toEqual([]);
    expect(sim.control.calls.VerifyIdentity).toBe(1);
  });

  it('maps a 503 gateway HTML page like SERVICE_UNAVAILABLE', async () => {
    sim.control.set({ gatewayError: true });
    const client = await newClient({ maxAttempts: 1 });
    const err = (await rejectionOf(client.querySupportRequest('ZC4403092025031800007'))) as ConnectorError;
    await client.close();
    expect([err.code, err.upstreamCode, err.httpStatus, err.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 503, true]);
    expect(err.message).not.toMatch(/nginx|<html/i);
  });

  it('maps REQUEST_NOT_FOUND from the real operation', async () => {
    const client = await newClient();
    const err = (await rejectionOf(client.querySupportRequest('ZC4403090000000099999'))) as ConnectorError;
    await client.close();
    expect([err.code, err.upstreamCode, err.retryable]).toEqual(['UPSTREAM_REJECTED', 'REQUEST_NOT_FOUND', false]);
    expect(sim.control.calls.QuerySupportRequest).toBe(1);
  });

  it('maps malformed XML to UPSTREAM_BAD_RESPONSE without the body, the token or the ID number', async () => {
    sim.control.set({ malformed: true });
    const client = await newClient();
    const err = (await rejectionOf(client.batchVerifyIdentity([LI], PURPOSE, CASE_NO))) as ConnectorError;
    await client.close();
    expect(err.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(sim.control.calls.BatchVerifyIdentity).toBe(1);
    const text = errorText(err);
    expect(text).not.toContain(LI.idNumber);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/Envelope|<le:|MAT</);
    expect(err.cause).toBeUndefined();
  });
});

describe('circuit breaker and health', () => {
  it('opens after consecutive failures, fails fast, and closes after a successful trial', async () => {
    const clock = testClock();
    const connector = await createPublicSecurityConnector(
      { ...parsePublicSecurityConfig({}), maxAttempts: 1, breakerFailureThreshold: 2, breakerOpenMs: 30_000, simulatorAdvanceMs: 0 },
      { clock },
    );
    try {
      const simulator = connector.simulator as PublicSecuritySimulator;
      const check = { ...CHEN, purpose: PURPOSE, caseNo: CASE_NO };
      expect(connector.health()).toMatchObject({ system: 'public-security', mode: 'simulator', circuit: 'CLOSED' });

      simulator.control.set({ errorRate: 1 });
      await rejectionOf(connector.client.verifyIdentity(check));
      await rejectionOf(connector.client.verifyIdentity(check));
      expect(connector.health().circuit).toBe('OPEN');
      expect(connector.health().lastErrorCode).toBe('INTERNAL_ERROR');

      const fast = (await rejectionOf(connector.client.verifyIdentity(check))) as ConnectorError;
      expect([fast.code, fast.upstreamCode]).toEqual(['UPSTREAM_UNAVAILABLE', 'CIRCUIT_OPEN']);
      expect(simulator.control.calls.VerifyIdentity).toBe(2);

      clock.t += 30_000;
      expect(connector.health().circuit).toBe('HALF_OPEN');
      simulator.control.set({ errorRate: 0 });
      expect((await connector.client.verifyIdentity(check)).match).toBe('MATCH');
      expect(connector.health().circuit).toBe('CLOSED');
      expect(simulator.control.calls.VerifyIdentity).toBe(3);
    } finally {
      await connector.close();
    }
  });
});

// ----- raw HTTP stubs for answers the simulator never gives -----

type StubHandler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function withStub(handler: StubHandler, run: (url: string) => Promise<void>): Promise<void> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/services/LawEnforcementSupportService`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:le="${NS}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

describe('answers from a misbehaving system', () => {
  it('maps a 502 gateway page with Retry-After to SERVICE_UNAVAILABLE with the hint', async () => {
    await withStub(
      (_req, _body, res) => {
        res.writeHead(502, { 'content-type': 'text/html', 'retry-after': '5' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url, { maxAttempts: 1 }));
        const err = (await rejectionOf(client.querySupportRequest('ZC1'))) as ConnectorError;
        await client.close();
        expect([err.code, err.upstreamCode, err.httpStatus, err.retryAfterMs]).toEqual(['UPSTREAM_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 502, 5000]);
      },
    );
  });

  it('maps a 200 echoing the request in broken XML to UPSTREAM_BAD_RESPONSE without leaking it', async () => {
    await withStub(
      (_req, body, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(body.slice(0, body.length - 30)); // the request, token and ID number included, cut off
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url));
        const err = (await rejectionOf(client.verifyIdentity({ ...WANG, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
        await client.close();
        expect(err.code).toBe('UPSTREAM_BAD_RESPONSE');
        const text = errorText(err);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(WANG.idNumber);
        expect(text).not.toContain(WANG.name);
        expect(err.cause).toBeUndefined();
      },
    );
  });

  it('reports a refused ID number by its position in the caller’s list when the list was split', async () => {
    const persons = Array.from({ length: 23 }, (_, i) => ({ idNumber: validIdNumber(i), name: '某某' }));
    let calls = 0;
    await withStub(
      (_req, body, res) => {
        calls += 1;
        if (calls === 1) {
          const ids = [...body.matchAll(/<(?:\w+:)?idNumber>([^<]+)</g)].map((m) => m[1]);
          const results = ids.map((id) => `<le:result><le:idNumber>${id}</le:idNumber><le:match>MISMATCH</le:match></le:result>`).join('');
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(envelope(`<le:BatchVerifyIdentityResponse><le:results>${results}</le:results><le:verifiedAt>2025-03-18T09:14:27+08:00</le:verifiedAt><le:verificationId>HY3</le:verificationId></le:BatchVerifyIdentityResponse>`));
          return;
        }
        res.writeHead(500, { 'content-type': 'text/xml' });
        res.end(
          envelope(
            '<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>身份证号码校验失败</faultstring><detail><le:PsbFault>' +
              '<le:code>INVALID_ID_NUMBER</le:code><le:message>第2条：身份证号码校验位错误</le:message></le:PsbFault></detail></soapenv:Fault>',
          ),
        );
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url));
        const err = (await rejectionOf(client.batchVerifyIdentity(persons, PURPOSE, CASE_NO))) as PublicSecurityError;
        await client.close();
        expect(calls).toBe(2);
        expect([err.code, err.upstreamCode, err.itemIndex, err.retryable]).toEqual(['UPSTREAM_REJECTED', 'INVALID_ID_NUMBER', 22, false]);
        expect(err.message).toContain('#22');
        expect(errorText(err)).not.toContain(persons[21].idNumber);
      },
    );
  });

  it('maps a response with missing elements to UPSTREAM_BAD_RESPONSE', async () => {
    await withStub(
      (_req, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(envelope('<le:VerifyIdentityResponse><le:match>MATCH</le:match></le:VerifyIdentityResponse>'));
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url));
        const err = (await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
        await client.close();
        expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_BAD_RESPONSE', 'MALFORMED_RESPONSE']);
        expect(err.message).toContain('verificationId');
      },
    );
  });

  it('refuses a dateTime without an offset and batch results that are not in request order', async () => {
    const answers = [
      envelope('<le:VerifyIdentityResponse><le:match>MATCH</le:match><le:verifiedAt>2025-03-18T09:12:03</le:verifiedAt><le:verificationId>HY1</le:verificationId></le:VerifyIdentityResponse>'),
      envelope(
        `<le:BatchVerifyIdentityResponse><le:results><le:result><le:idNumber>${LI.idNumber}</le:idNumber><le:match>MATCH</le:match></le:result>` +
          `<le:result><le:idNumber>${CHEN.idNumber}</le:idNumber><le:match>MATCH</le:match></le:result></le:results>` +
          '<le:verifiedAt>2025-03-18T09:14:27+08:00</le:verifiedAt><le:verificationId>HY2</le:verificationId></le:BatchVerifyIdentityResponse>',
      ),
    ];
    await withStub(
      (_req, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(answers.shift());
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url));
        const noOffset = (await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
        const swapped = (await rejectionOf(client.batchVerifyIdentity([CHEN, LI], PURPOSE, CASE_NO))) as ConnectorError;
        await client.close();
        expect(noOffset.code).toBe('UPSTREAM_BAD_RESPONSE');
        expect(swapped.code).toBe('UPSTREAM_BAD_RESPONSE');
        expect(errorText(swapped)).not.toContain(LI.idNumber);
      },
    );
  });

  it('redacts the token and ID numbers from a fault message that echoes them', async () => {
    await withStub(
      (_req, _body, res) => {
        res.writeHead(500, { 'content-type': 'text/xml' });
        res.end(
          envelope(
            `<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>请求参数错误 ${TOKEN}</faultstring><detail><le:PsbFault>` +
              `<le:code>INVALID_REQUEST</le:code><le:message>token ${TOKEN} 与 ${CHEN.idNumber} 不匹配（参见 ${LI.idNumber}）</le:message></le:PsbFault></detail></soapenv:Fault>`,
          ),
        );
      },
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url));
        const err = (await rejectionOf(client.verifyIdentity({ ...CHEN, purpose: PURPOSE, caseNo: CASE_NO }))) as ConnectorError;
        await client.close();
        expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_REJECTED', 'INVALID_REQUEST']);
        const text = errorText(err);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(CHEN.idNumber);
        expect(text).not.toContain(LI.idNumber);
        expect(err.message).toContain('不匹配');
      },
    );
  });

  it('maps a system that never answers to UPSTREAM_TIMEOUT', async () => {
    await withStub(
      () => undefined,
      async (url) => {
        const client = await PublicSecurityClient.create(clientConfig(url, { timeoutMs: 100, maxAttempts: 1 }));
        const err = (await rejectionOf(client.querySupportRequest('ZC1'))) as ConnectorError;
        await client.close();
        expect([err.code, err.retryable]).toEqual(['UPSTREAM_TIMEOUT', true]);
      },
    );
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    let url = '';
    await withStub(
      () => undefined,
      async (u) => {
        url = u;
      },
    );
    const client = await PublicSecurityClient.create(clientConfig(url, { maxAttempts: 1 }));
    const err = (await rejectionOf(client.querySupportRequest('ZC1'))) as ConnectorError;
    await client.close();
    expect([err.code, err.upstreamCode, err.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', 'ECONNREFUSED', true]);
  });
});

describe('logs', () => {
  it('never receive the token or an ID number, whatever happens', async () => {
    const logger = capturingLogger();
    const clock = testClock();
    clock.onSleep = () => sim.control.set({ errorRate: 0, rateLimited: false });
    const client = await newClient({}, { logger, clock });
    const wrong = await newClient({ token: 'tk_wrong_token_123' }, { logger, clock });
    const check = { ...CHEN, purpose: PURPOSE, caseNo: CASE_NO };

    await client.verifyIdentity(check);
    await client.batchVerifyIdentity([LI, WANG], PURPOSE, CASE_NO);
    sim.control.set({ errorRate: 1 });
    await client.verifyIdentity(check);
    sim.control.set({ rateLimited: true });
    await client.batchVerifyIdentity([LI], PURPOSE, CASE_NO);
    await rejectionOf(wrong.verifyIdentity(check));
    sim.control.set({ malformed: true });
    await rejectionOf(client.batchVerifyIdentity([WANG], PURPOSE, CASE_NO));
    sim.control.set({ malformed: false, fault: 'INVALID_ID_NUMBER' });
    await rejectionOf(client.verifyIdentity(check));
    await client.close();
    await wrong.close();

    expect(logger.lines.length).toBeGreaterThanOrEqual(8);
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
    const text = logger.text();
    for (const secret of [TOKEN, 'tk_wrong_token_123', CHEN.idNumber, LI.idNumber, WANG.idNumber]) {
      expect(text).not.toContain(secret);
    }
  });
});
