// CaseTransferClient against an msw fake of the platform. The fake issues tokens from
// `POST /oauth/token` (form body checked), refuses API calls without a token it issued, and
// records every request (headers and raw body bytes) for the assertions.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CaseTransferClient } from '../../../connectors/case-transfer/client';
import { CaseTransferError } from '../../../connectors/case-transfer/errors';
import { serializeTransferRequest } from '../../../connectors/case-transfer/serialize';
import type { Transfer, TransferPage, TransferRequest } from '../../../connectors/case-transfer/types';
import { ConnectorError } from '../../../connectors/core/connector-error';
import {
  CALLBACK_SECRET,
  CLIENT_ID,
  CLIENT_SECRET,
  captureLogger,
  everythingIn,
  example,
  exampleBytes,
  exampleTransferRequest,
  failure,
  fakeClock,
  sha256,
  testConfig,
  type FakeClock,
} from './helpers';

const BASE = 'http://lfxj.test';
const START = Date.parse('2025-03-18T15:20:00+08:00');
const TRANSFER = example<Transfer>('getTransfer.200.json');
const ACCEPTED = example<{ transferId: string; status: 'RECEIVED'; receivedAt: string }>('createTransfer.202.json');
const KEY = '6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162';
const UPSTREAM_MESSAGE = '上游说明：内部细节不应外泄';

interface ApiCall {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  idempotencyKey: string | null;
  contentType: string | null;
  headers: Headers;
  body: Buffer;
}

let tokenRequests: Array<{ contentType: string | null; form: URLSearchParams }> = [];
let issued: string[] = [];
let calls: ApiCall[] = [];
let clock: FakeClock;
let clients: CaseTransferClient[] = [];

const server = setupServer();

function tokenEndpoint(answer?: (n: number) => Response | undefined) {
  return http.post(`${BASE}/oauth/token`, async ({ request }) => {
    const text = await request.text();
    tokenRequests.push({ contentType: request.headers.get('content-type'), form: new URLSearchParams(text) });
    const custom = answer?.(tokenRequests.length);
    if (custom) return custom;
    const token = `at_fake_${tokenRequests.length}_2Yx9Kq7LmN3pR8sT`;
    issued.push(token);
    return HttpResponse.json({ access_token: token, token_type: 'Bearer', expires_in: 7200 });
  });
}

function errorBody(code: string, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return HttpResponse.json({ code, message: UPSTREAM_MESSAGE, requestId: 'req-lfxj-4a8b1f06', ...extra }, { status, headers });
}

type Resolver = (call: ApiCall, n: number) => Response | Promise<Response>;

/** Records the call; only tokens the fake issued get through to the resolver (else 401 INVALID_TOKEN). */
function api(method: 'get' | 'post', path: string, resolver: Resolver) {
  return http[method](`${BASE}${path}`, async ({ request }) => {
    const url = new URL(request.url);
    const call: ApiCall = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      authorization: request.headers.get('authorization'),
      idempotencyKey: request.headers.get('idempotency-key'),
      contentType: request.headers.get('content-type'),
      headers: request.headers,
      body: Buffer.from(await request.arrayBuffer()),
    };
    calls.push(call);
    const token = /^Bearer (.+)$/.exec(call.authorization ?? '')?.[1];
    if (!token || !issued.includes(token)) return errorBody('INVALID_TOKEN', 401);
    return resolver(call, calls.length);
  });
}

function client(overrides: Parameters<typeof testConfig>[0] = {}, logger = captureLogger()): CaseTransferClient {
  const c = new CaseTransferClient({ baseUrl: BASE, config: testConfig(overrides), clock, logger });
  clients.push(c);
  return c;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  tokenRequests = [];
  issued = [];
  calls = [];
  clock = fakeClock(START);
});
afterEach(() => {
  server.resetHandlers();
  clients.forEach((c) => c.close());
  clients = [];
});
afterAll(() => server.close());

describe('CaseTransferClient — OAuth2 token', () => {
  it('fetches a token once with the client-credentials form and reuses it across calls', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => HttpResponse.json(TRANSFER)));
    const c = client();
    await c.getTransfer('LT20250318000127');
    await c.getTransfer('LT20250318000127');
    clock.advance(3600_000);
    await c.getTransfer('LT20250318000127');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0].contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(tokenRequests[0].form)).toEqual({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.authorization === `Bearer ${issued[0]}`)).toBe(true);
  });

  it('shares one token request between concurrent callers (single-flight)', async () => {
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers/:id', () => HttpResponse.json(TRANSFER)),
    );
    server.use(
      http.post(`${BASE}/oauth/token`, async ({ request }) => {
        tokenRequests.push({ contentType: request.headers.get('content-type'), form: new URLSearchParams(await request.text()) });
        await delay(30);
        issued.push('at_fake_shared_2Yx9Kq7LmN3pR8sT');
        return HttpResponse.json({ access_token: 'at_fake_shared_2Yx9Kq7LmN3pR8sT', token_type: 'Bearer', expires_in: 7200 });
      }),
    );
    const c = client();
    const results = await Promise.all(Array.from({ length: 6 }, () => c.getTransfer('LT20250318000127')));
    expect(results.every((t) => t?.transferId === 'LT20250318000127')).toBe(true);
    expect(tokenRequests).toHaveLength(1);
    expect(calls).toHaveLength(6);
  });

  it('renews the token about 300 s before it expires, not earlier', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => HttpResponse.json(TRANSFER)));
    const c = client();
    await c.getTransfer('LT20250318000127');
    clock.advance((7200 - 300) * 1000 - 1);
    await c.getTransfer('LT20250318000127');
    expect(tokenRequests).toHaveLength(1);
    clock.advance(1);
    await c.getTransfer('LT20250318000127');
    expect(tokenRequests).toHaveLength(2);
    expect(calls[2].authorization).toBe(`Bearer ${issued[1]}`);
  });

  it('401 TOKEN_EXPIRED: gets a new token and repeats the call exactly once', async () => {
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers/:id', (call) =>
        call.authorization === `Bearer ${issued[0]}` ? errorBody('TOKEN_EXPIRED', 401) : HttpResponse.json(TRANSFER),
      ),
    );
    const logger = captureLogger();
    const transfer = await client({}, logger).getTransfer('LT20250318000127');
    expect(transfer?.status).toBe('FILED');
    expect(tokenRequests).toHaveLength(2);
    expect(calls.map((c) => c.authorization)).toEqual([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`]);
    expect(logger.lines.some((l) => /expired/.test(l.msg ?? ''))).toBe(true);
  });

  it('401 TOKEN_EXPIRED on createTransfer: the repeat carries the same Idempotency-Key and the same bytes', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers', (call) =>
        call.authorization === `Bearer ${issued[0]}` ? errorBody('TOKEN_EXPIRED', 401) : HttpResponse.json(ACCEPTED, { status: 202 }),
      ),
    );
    const result = await client().createTransfer(exampleTransferRequest(), KEY);
    expect(result).toEqual({ ...ACCEPTED, replayed: false });
    expect(calls).toHaveLength(2);
    expect(calls[0].idempotencyKey).toBe(KEY);
    expect(calls[1].idempotencyKey).toBe(KEY);
    expect(calls[1].body.equals(calls[0].body)).toBe(true);
  });

  it('a second 401 after the renewal stops with UPSTREAM_REJECTED (no loop)', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('TOKEN_EXPIRED', 401)));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'TOKEN_EXPIRED', httpStatus: 401, retryable: false });
    expect(tokenRequests).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it('does not keep a refused token: the next call starts with a new one', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('TOKEN_EXPIRED', 401)));
    const c = client();
    await failure(c.getTransfer('LT20250318000127'));
    await failure(c.getTransfer('LT20250318000127'));
    expect(calls.map((call) => call.authorization)).toEqual(issued.map((t) => `Bearer ${t}`));
    expect(issued).toHaveLength(4);
  });

  it('401 INVALID_TOKEN: no renewal-and-repeat, UPSTREAM_REJECTED at once', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('INVALID_TOKEN', 401)));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_TOKEN', httpStatus: 401 });
    expect(calls).toHaveLength(1);
    expect(tokenRequests).toHaveLength(1);
  });

  it('maps RFC 6749 token errors: invalid_client → REJECTED (no API call), rate_limited → UNAVAILABLE with Retry-After', async () => {
    server.use(
      tokenEndpoint(() => HttpResponse.json({ error: 'invalid_client', error_description: `bad secret ${CLIENT_SECRET}` }, { status: 401 })),
      api('get', '/api/v1/transfers/:id', () => HttpResponse.json(TRANSFER)),
    );
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'invalid_client', httpStatus: 401 });
    expect(calls).toHaveLength(0);
    expect(tokenRequests).toHaveLength(1);
    expect(everythingIn(err)).not.toContain(CLIENT_SECRET);

    server.resetHandlers();
    tokenRequests = [];
    server.use(
      tokenEndpoint(() => HttpResponse.json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '1800' } })),
      api('get', '/api/v1/transfers/:id', () => HttpResponse.json(TRANSFER)),
    );
    const limited = await failure(client().getTransfer('LT20250318000127'));
    expect(limited).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'rate_limited', retryAfterMs: 1_800_000, retryable: true });
    // 30 min is more than the client waits inside a call: it fails with the hint instead.
    expect(clock.sleeps).toEqual([]);
  });

  it('refuses a token answer that is not the contract shape', async () => {
    server.use(tokenEndpoint(() => HttpResponse.json({ access_token: 'at_x_long_enough', token_type: 'mac', expires_in: 7200 })));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});

describe('CaseTransferClient — createTransfer and idempotency', () => {
  it('sends the Idempotency-Key and the byte-stable JSON body; 202 is reported with replayed: false', async () => {
    server.use(tokenEndpoint(), api('post', '/api/v1/transfers', () => HttpResponse.json(ACCEPTED, { status: 202 })));
    const request = exampleTransferRequest();
    const result = await client().createTransfer(request, KEY);
    expect(result).toEqual({ transferId: 'LT20250318000127', status: 'RECEIVED', receivedAt: '2025-03-18T15:20:04+08:00', replayed: false });
    expect(calls[0].idempotencyKey).toBe(KEY);
    expect(calls[0].contentType).toMatch(/^application\/json/);
    // The bytes are the contract example, minified, fields in the contract's order.
    const minified = Buffer.from(JSON.stringify(JSON.parse(exampleBytes('createTransfer.request.json').toString('utf8'))));
    expect(calls[0].body.equals(minified)).toBe(true);
  });

  it('builds the same bytes whatever order the caller built the request in', () => {
    const request = exampleTransferRequest();
    const shuffled = JSON.parse(
      JSON.stringify(request, (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).reverse()) : v,
      ),
    ) as TransferRequest;
    expect(Object.keys(shuffled)[0]).toBe('materials');
    expect(serializeTransferRequest(shuffled).equals(serializeTransferRequest(request))).toBe(true);
    const withUndefined = { ...request, amountInvolved: undefined };
    expect(serializeTransferRequest(withUndefined).toString()).not.toContain('amountInvolved');
  });

  it('retries after 503 + Retry-After with the same key and byte-identical body (sleeps recorded, no real wait)', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers', (_call, n) =>
        n === 1 ? errorBody('SERVICE_UNAVAILABLE', 503, {}, { 'Retry-After': '3' }) : HttpResponse.json(ACCEPTED, { status: 202 }),
      ),
    );
    const result = await client().createTransfer(exampleTransferRequest(), KEY);
    expect(result.replayed).toBe(false);
    expect(calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
    expect(calls.map((c) => c.idempotencyKey)).toEqual([KEY, KEY]);
    expect(calls[1].body.equals(calls[0].body)).toBe(true);
  });

  it('reports 200 + Idempotent-Replayed: true as success with replayed: true', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers', () => HttpResponse.json(ACCEPTED, { status: 200, headers: { 'Idempotent-Replayed': 'true' } })),
    );
    const result = await client().createTransfer(exampleTransferRequest(), KEY);
    expect(result).toEqual({ ...ACCEPTED, replayed: true });
  });

  it('retries a timed-out attempt with the same key and bytes, and takes the replay', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers', async (_call, n) => {
        if (n === 1) await delay(400);
        return n === 1
          ? HttpResponse.json(ACCEPTED, { status: 202 })
          : HttpResponse.json(ACCEPTED, { status: 200, headers: { 'Idempotent-Replayed': 'true' } });
      }),
    );
    const result = await client({ timeoutMs: 100 }).createTransfer(exampleTransferRequest(), KEY);
    expect(result.replayed).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1].body.equals(calls[0].body)).toBe(true);
    expect(calls[1].idempotencyKey).toBe(KEY);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('409 IDEMPOTENCY_IN_PROGRESS is retryable: waits Retry-After, then takes the replay', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers', (_call, n) =>
        n === 1
          ? errorBody('IDEMPOTENCY_IN_PROGRESS', 409, {}, { 'Retry-After': '2' })
          : HttpResponse.json(ACCEPTED, { status: 200, headers: { 'Idempotent-Replayed': 'true' } }),
      ),
    );
    const result = await client().createTransfer(exampleTransferRequest(), KEY);
    expect(result.replayed).toBe(true);
    expect(clock.sleeps).toEqual([2000]);
    expect(calls).toHaveLength(2);
  });

  it('refuses a malformed Idempotency-Key before sending anything', async () => {
    server.use(tokenEndpoint());
    const err = await failure(client().createTransfer(exampleTransferRequest(), 'short'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(tokenRequests).toHaveLength(0);
  });
});

describe('CaseTransferClient — error mapping', () => {
  async function createFails(response: () => Response): Promise<CaseTransferError> {
    server.use(tokenEndpoint(), api('post', '/api/v1/transfers', response));
    const err = await failure(client().createTransfer(exampleTransferRequest(), KEY));
    expect(err).toBeInstanceOf(CaseTransferError);
    return err as unknown as CaseTransferError;
  }

  it('422 MATERIALS_INCOMPLETE → UPSTREAM_REJECTED with missingKinds (from the contract example), not retried', async () => {
    const err = await createFails(() => HttpResponse.json(example('error.422.MATERIALS_INCOMPLETE.json'), { status: 422 }));
    expect(err).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      system: 'case-transfer',
      upstreamCode: 'MATERIALS_INCOMPLETE',
      httpStatus: 422,
      retryable: false,
      missingKinds: ['INSPECTION_REPORT'],
      requestId: 'req-lfxj-9c2d7e41',
    });
    expect(err.message).toContain('MATERIALS_INCOMPLETE');
    expect(err.message).not.toContain('缺少');
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['UPLOAD_NOT_FOUND', '/materials/2/uploadId'],
    ['MATERIAL_MISMATCH', '/materials/0/sha256'],
  ])('422 %s → UPSTREAM_REJECTED with the field pointer', async (code, field) => {
    const err = await createFails(() => errorBody(code, 422, { field }));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: code, field, httpStatus: 422 });
    expect(calls).toHaveLength(1);
  });

  it('409 IDEMPOTENCY_CONFLICT → UPSTREAM_REJECTED, not retried', async () => {
    const err = await createFails(() => HttpResponse.json(example('error.409.IDEMPOTENCY_CONFLICT.json'), { status: 409 }));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'IDEMPOTENCY_CONFLICT', retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('409 DUPLICATE_TRANSFER_NO → UPSTREAM_REJECTED carrying existingTransferId (a malformed one is dropped)', async () => {
    const err = await createFails(() => errorBody('DUPLICATE_TRANSFER_NO', 409, { existingTransferId: 'LT20250318000099' }));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DUPLICATE_TRANSFER_NO', existingTransferId: 'LT20250318000099' });
    server.resetHandlers();
    const odd = await createFails(() => errorBody('DUPLICATE_TRANSFER_NO', 409, { existingTransferId: '<script>' }));
    expect(odd.existingTransferId).toBeUndefined();
  });

  it.each(['INVALID_STATE', 'DEADLINE_PASSED'])('409 %s on an action → UPSTREAM_REJECTED', async (code) => {
    server.use(tokenEndpoint(), api('post', '/api/v1/transfers/:id/reconsideration', () => errorBody(code, 409)));
    const err = await failure(client().requestReconsideration('LT20250325000203', { reason: '请予复议' }, KEY));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: code, httpStatus: 409, retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('429 with Retry-After: waits exactly that long (injected clock) and succeeds', async () => {
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers/:id', (_c, n) =>
        n === 1 ? errorBody('RATE_LIMITED', 429, {}, { 'Retry-After': '4' }) : HttpResponse.json(TRANSFER),
      ),
    );
    const transfer = await client().getTransfer('LT20250318000127');
    expect(transfer?.transferId).toBe('LT20250318000127');
    expect(clock.sleeps).toEqual([4000]);
  });

  it('503 with Retry-After on every attempt: gives up after maxAttempts with UPSTREAM_UNAVAILABLE and the hint', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('SERVICE_UNAVAILABLE', 503, {}, { 'Retry-After': '2' })));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryAfterMs: 2000, retryable: true });
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('a Retry-After longer than maxRetryAfterMs is not waited for inside the call', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('SERVICE_UNAVAILABLE', 503, {}, { 'Retry-After': '21600' })));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfterMs: 21_600_000 });
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('500 INTERNAL → UPSTREAM_UNAVAILABLE, retried with backoff', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('INTERNAL', 500)));
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL', httpStatus: 500, retryable: true });
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('a gateway page (502 HTML) → UPSTREAM_UNAVAILABLE GATEWAY_ERROR', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => new HttpResponse('<html>bad gateway</html>', { status: 502 })));
    const err = await failure(client({ maxAttempts: 1 }).getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'GATEWAY_ERROR', httpStatus: 502 });
  });

  it('broken JSON and a wrong shape → UPSTREAM_BAD_RESPONSE naming the path, not the value', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => new HttpResponse('{"transferId":"LT2025', { status: 200 })));
    expect(await failure(client().getTransfer('LT20250318000127'))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false });
    server.resetHandlers();
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers/:id', () => HttpResponse.json({ ...TRANSFER, filedCaseNo: undefined })),
    );
    const err = await failure(client().getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(err.message).toMatch(/filedCaseNo/);
    expect(err.message).not.toContain('深龙华');
    server.resetHandlers();
    server.use(tokenEndpoint(), api('post', '/api/v1/transfers', () => HttpResponse.json({ ...ACCEPTED, status: 'FILED' }, { status: 202 })));
    expect(await failure(client().createTransfer(exampleTransferRequest(), KEY))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('getTransfer: 404 NOT_FOUND → null; a malformed id is refused before sending', async () => {
    server.use(tokenEndpoint(), api('get', '/api/v1/transfers/:id', () => errorBody('NOT_FOUND', 404)));
    expect(await client().getTransfer('LT20250318000999')).toBeNull();
    const err = await failure(client().getTransfer('../oauth/token'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(calls).toHaveLength(1);
  });

  it('times out an exchange after timeoutMs with UPSTREAM_TIMEOUT', async () => {
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers/:id', async () => {
        await delay(400);
        return HttpResponse.json(TRANSFER);
      }),
    );
    const err = await failure(client({ timeoutMs: 50, maxAttempts: 1 }).getTransfer('LT20250318000127'));
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true });
    expect(err.message).toContain('50 ms');
  });
});

describe('CaseTransferClient — actions, listing, uploads', () => {
  const ACTION = example<{ transferId: string; status: string; sequence: number; at: string }>('requestReconsideration.200.json');

  it('an action without Idempotency-Key is sent once; with one it is retried and carries the header', async () => {
    server.use(tokenEndpoint(), api('post', '/api/v1/transfers/:id/withdraw', () => errorBody('SERVICE_UNAVAILABLE', 503, {}, { 'Retry-After': '1' })));
    await failure(client().withdrawTransfer('LT20250325000203', { reason: '撤回' }));
    expect(calls).toHaveLength(1);
    expect(calls[0].idempotencyKey).toBeNull();
    expect(calls[0].body.toString()).toBe('{"reason":"撤回"}');
    calls = [];
    await failure(client().withdrawTransfer('LT20250325000203', { reason: '撤回' }, KEY));
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.idempotencyKey === KEY)).toBe(true);
  });

  it('requestReconsideration sends the contract body and returns the ActionResult (replayed flag from the header)', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers/:id/reconsideration', (_c, n) =>
        HttpResponse.json(ACTION, { headers: n === 2 ? { 'Idempotent-Replayed': 'true' } : {} }),
      ),
    );
    const request = example<{ reason: string; materials: [] }>('requestReconsideration.request.json');
    const c = client();
    expect(await c.requestReconsideration('LT20250325000203', request, KEY)).toEqual({ ...ACTION, replayed: false });
    expect(await c.requestReconsideration('LT20250325000203', request, KEY)).toEqual({ ...ACTION, replayed: true });
    expect(calls[0].path).toBe('/api/v1/transfers/LT20250325000203/reconsideration');
    expect(JSON.parse(calls[0].body.toString())).toEqual(request);
  });

  it('supplementMaterials posts to …/supplement with materials and note', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/transfers/:id/supplement', () =>
        HttpResponse.json({ transferId: 'LT20250318000127', status: 'UNDER_REVIEW', sequence: 4, at: '2025-03-20T10:02:13+08:00' }),
      ),
    );
    const request = example<{ materials: []; note: string }>('supplementMaterials.request.json');
    const result = await client().supplementMaterials('LT20250318000127', request);
    expect(result).toMatchObject({ status: 'UNDER_REVIEW', sequence: 4, replayed: false });
    expect(Buffer.from(JSON.stringify(request)).equals(calls[0].body)).toBe(true);
  });

  it('listTransfers: first page by updatedSince + pageSize, later pages by pageToken only; listTransfersSince follows them', async () => {
    const page = example<TransferPage>('listTransfers.200.json');
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers', (call) =>
        call.search.includes('pageToken')
          ? HttpResponse.json({ items: [{ ...page.items[1], sequence: 4, status: 'RECONSIDERATION_REQUESTED', history: [...page.items[1].history, { status: 'RECONSIDERATION_REQUESTED', at: '2025-04-03T10:20:11+08:00', sequence: 4 }] }] })
          : HttpResponse.json(page),
      ),
    );
    const all = await client({ pageSize: 2 }).listTransfersSince('2025-03-18T00:00:00+08:00');
    expect(calls.map((c) => new URLSearchParams(c.search))).toHaveLength(2);
    expect(Object.fromEntries(new URLSearchParams(calls[0].search))).toEqual({ updatedSince: '2025-03-18T00:00:00+08:00', pageSize: '2' });
    expect(Object.fromEntries(new URLSearchParams(calls[1].search))).toEqual({ pageToken: page.nextPageToken });
    // The transfer seen twice is kept once, at its higher sequence.
    expect(all.map((t) => [t.transferId, t.sequence])).toEqual([
      ['LT20250318000127', 5],
      ['LT20250325000203', 4],
    ]);
  });

  it('listTransfersSince restarts once from the first page after 400 INVALID_PAGE_TOKEN', async () => {
    const page = example<TransferPage>('listTransfers.200.json');
    let refused = false;
    server.use(
      tokenEndpoint(),
      api('get', '/api/v1/transfers', (call) => {
        if (call.search.includes('pageToken')) {
          if (!refused) {
            refused = true;
            return errorBody('INVALID_PAGE_TOKEN', 400);
          }
          return HttpResponse.json({ items: [] });
        }
        return HttpResponse.json(page);
      }),
    );
    const all = await client().listTransfersSince('2025-03-18T00:00:00+08:00');
    expect(all).toHaveLength(2);
    expect(calls.map((c) => c.search.includes('pageToken'))).toEqual([false, true, false, true]);
  });

  it('listTransfers refuses an updatedSince without offset and a pageSize out of range before sending', async () => {
    server.use(tokenEndpoint());
    expect(await failure(client().listTransfers({ updatedSince: '2025-03-18T00:00:00' }))).toMatchObject({ upstreamCode: 'INVALID_ARGUMENT' });
    expect(await failure(client().listTransfers({ updatedSince: '2025-03-18T00:00:00+08:00', pageSize: 101 }))).toMatchObject({
      upstreamCode: 'INVALID_ARGUMENT',
    });
    expect(tokenRequests).toHaveLength(0);
  });

  it('uploadMaterial sends the raw bytes with X-Content-SHA256 and a percent-encoded X-File-Name; checks the answer', async () => {
    const content = Buffer.from('%PDF-1.7 涉嫌犯罪案件移送书\n');
    const hash = sha256(content);
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/uploads', (call) =>
        HttpResponse.json(
          { uploadId: 'UP20250318151201A7F3K9Q2M8', sha256: call.headers.get('x-content-sha256'), sizeBytes: call.body.length, expiresAt: '2025-03-21T15:12:01+08:00' },
          { status: 201 },
        ),
      ),
    );
    const upload = await client().uploadMaterial({ fileName: '移送书 v1.pdf', contentType: 'application/pdf', content, sha256: hash });
    expect(upload).toEqual({ uploadId: 'UP20250318151201A7F3K9Q2M8', sha256: hash, sizeBytes: content.length, expiresAt: '2025-03-21T15:12:01+08:00' });
    expect(calls[0].body.equals(content)).toBe(true);
    expect(calls[0].headers.get('x-content-sha256')).toBe(hash);
    expect(calls[0].headers.get('x-file-name')).toBe(encodeURIComponent('移送书 v1.pdf'));
    expect(calls[0].contentType).toBe('application/octet-stream');
  });

  it('uploadMaterial refuses a wrong sha256 or an empty/oversized file without sending, and an answer for other bytes', async () => {
    server.use(
      tokenEndpoint(),
      api('post', '/api/v1/uploads', () =>
        HttpResponse.json({ uploadId: 'UP20250318151201A7F3K9Q2M8', sha256: 'a'.repeat(64), sizeBytes: 3, expiresAt: '2025-03-21T15:12:01+08:00' }, { status: 201 }),
      ),
    );
    const c = client();
    const content = Buffer.from('abc');
    expect(await failure(c.uploadMaterial({ fileName: 'a', contentType: 'text/plain', content, sha256: sha256('abd') }))).toMatchObject({
      upstreamCode: 'CHECKSUM_MISMATCH',
    });
    expect(await failure(c.uploadMaterial({ fileName: 'a', contentType: 'text/plain', content: Buffer.alloc(0), sha256: sha256('') }))).toMatchObject({
      upstreamCode: 'INVALID_ARGUMENT',
    });
    const big = Buffer.alloc(52_428_801);
    expect(await failure(c.uploadMaterial({ fileName: 'big', contentType: 'application/pdf', content: big, sha256: 'b'.repeat(64) }))).toMatchObject({
      upstreamCode: 'PAYLOAD_TOO_LARGE',
    });
    expect(calls).toHaveLength(0);
    expect(await failure(c.uploadMaterial({ fileName: 'a', contentType: 'text/plain', content, sha256: sha256(content) }))).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});

describe('CaseTransferClient — nothing secret in errors or logs', () => {
  it('never puts the client secret, callback secret, a token, an upstream message or the request body in an error or log line', async () => {
    const logger = captureLogger();
    const errors: unknown[] = [];
    const c = client({ maxAttempts: 2 }, logger);
    const responses: Array<() => Response> = [
      () => errorBody('MATERIALS_INCOMPLETE', 422, { missingKinds: ['INSPECTION_REPORT'] }),
      () => errorBody('DUPLICATE_TRANSFER_NO', 409, { existingTransferId: 'LT20250318000099' }),
      () => errorBody('TOKEN_EXPIRED', 401),
      () => errorBody('INVALID_TOKEN', 401),
      () => errorBody('SERVICE_UNAVAILABLE', 503, {}, { 'Retry-After': '1' }),
      () => new HttpResponse(`{"oops": "${CLIENT_SECRET}`, { status: 200 }),
      () => HttpResponse.error(),
    ];
    for (const respond of responses) {
      server.resetHandlers();
      server.use(tokenEndpoint(), api('post', '/api/v1/transfers', respond));
      errors.push(await failure(c.createTransfer(exampleTransferRequest(), KEY)));
    }
    server.resetHandlers();
    server.use(tokenEndpoint(() => HttpResponse.json({ error: 'invalid_client', error_description: CLIENT_SECRET }, { status: 401 })));
    c.tokens.clear();
    errors.push(await failure(c.getTransfer('LT20250318000127')));

    expect(errors).toHaveLength(8);
    expect(issued.length).toBeGreaterThan(0);
    const everything = [...errors.map(everythingIn), JSON.stringify(logger.lines)].join('\n');
    for (const secret of [CLIENT_SECRET, CALLBACK_SECRET, ...issued, UPSTREAM_MESSAGE, '鹏安燃气']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/Bearer at_/);
    expect(logger.lines.length).toBeGreaterThan(0);
  });
});
