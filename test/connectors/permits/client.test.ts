// PermitsClient against an msw fake of the permits system. The fake verifies every request's
// signature exactly as the contract specifies, recomputed independently from the raw request
// (method, path + query as sent, X-Timestamp, X-Nonce, SHA-256 of the body bytes), and answers
// 401 INVALID_SIGNATURE otherwise.
import { createHash, createHmac } from 'node:crypto';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ConnectorError } from '../../../connectors/core/connector-error';
import { PermitsClient } from '../../../connectors/permits/client';
import type { Permit } from '../../../connectors/permits/types';
import { APP_ID, APP_SECRET, captureLogger, example, failure, fakeClock, testConfig, type FakeClock } from './helpers';

const BASE = 'http://permits.test';
const START = Date.parse('2026-03-18T09:42:10+08:00');
const PERMIT = example<Permit>('getPermit.200.json');

interface Seen {
  method: string;
  target: string;
  appId: string | null;
  timestamp: string | null;
  nonce: string | null;
  signature: string | null;
  body: Buffer;
  verified: boolean;
}

let seen: Seen[] = [];

async function verify(request: Request): Promise<Seen> {
  const url = new URL(request.url);
  const target = `${url.pathname}${url.search}`;
  const body = Buffer.from(await request.clone().arrayBuffer());
  const timestamp = request.headers.get('x-timestamp');
  const nonce = request.headers.get('x-nonce');
  const signature = request.headers.get('x-signature');
  const appId = request.headers.get('x-app-id');
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const expected = createHmac('sha256', APP_SECRET)
    .update(`${request.method}\n${target}\n${timestamp}\n${nonce}\n${bodyHash}`)
    .digest('hex');
  const verified =
    appId === APP_ID && !!timestamp && /^\d+$/.test(timestamp) && !!nonce && /^[A-Za-z0-9-]{16,64}$/.test(nonce) && signature === expected;
  const entry = { method: request.method, target, appId, timestamp, nonce, signature, body, verified };
  seen.push(entry);
  return entry;
}

type Resolver = (request: Request, entry: Seen) => Response | Promise<Response>;

/** Wraps a resolver: only correctly signed requests reach it. */
function signed(resolver: Resolver) {
  return async ({ request }: { request: Request }) => {
    const entry = await verify(request);
    if (!entry.verified) {
      return HttpResponse.json({ code: 'INVALID_SIGNATURE', message: '签名校验失败', requestId: 'req-7d1f0c3a9b2e4d58' }, { status: 401 });
    }
    return resolver(request, entry);
  };
}

function errorBody(code: string, status: number, headers: Record<string, string> = {}) {
  return HttpResponse.json({ code, message: `上游说明：${code}`, requestId: 'req-2a8e6b4c1d9f7e30' }, { status, headers });
}

function permitNo(i: number): string {
  return `440309HWGG2025${String(i).padStart(6, '0')}`;
}

function permitWith(no: string): Permit {
  return { ...PERMIT, permitNo: no };
}

const server = setupServer();
let clock: FakeClock;
let clients: PermitsClient[] = [];

function client(overrides: Parameters<typeof testConfig>[0] = {}, logger = captureLogger()): PermitsClient {
  const c = new PermitsClient({ baseUrl: BASE, config: testConfig(overrides), clock, logger });
  clients.push(c);
  return c;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen = [];
  clock = fakeClock(START);
});
afterEach(() => {
  server.resetHandlers();
  clients.forEach((c) => c.close());
  clients = [];
});
afterAll(() => server.close());

describe('PermitsClient — signing', () => {
  it('signs a GET over the path as sent; the fake accepts it and the permit comes back typed', async () => {
    server.use(http.get(`${BASE}/api/v1/permits/:permitNo`, signed(() => HttpResponse.json(PERMIT))));
    const permit = await client().getPermit('440309HWGG2025000123');
    expect(permit).toEqual(PERMIT);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', target: '/api/v1/permits/440309HWGG2025000123', appId: APP_ID, verified: true });
    expect(seen[0].timestamp).toBe(String(Math.floor(START / 1000)));
  });

  it('is refused by the fake when signed with another secret (the fake really checks)', async () => {
    server.use(http.get(`${BASE}/api/v1/permits/:permitNo`, signed(() => HttpResponse.json(PERMIT))));
    const err = await failure(client({ appSecret: 'not-the-secret' }).getPermit('440309HWGG2025000123'));
    expect(seen[0].verified).toBe(false);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_SIGNATURE', httpStatus: 401, retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('signs the POST batchGet over the exact body bytes, including the query-less target', async () => {
    server.use(
      http.post(
        `${BASE}/api/v1/permits:batchGet`,
        signed(async (request) => {
          const { permitNos } = (await request.json()) as { permitNos: string[] };
          return HttpResponse.json({ found: [permitWith(permitNos[0])], notFound: permitNos.slice(1) });
        }),
      ),
    );
    const result = await client().batchGetPermits(['440309HWGG2025000123', '440309ZDJY2025000999']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', target: '/api/v1/permits:batchGet', verified: true });
    expect(JSON.parse(seen[0].body.toString('utf8'))).toEqual({ permitNos: ['440309HWGG2025000123', '440309ZDJY2025000999'] });
    expect(result.found.map((p) => p.permitNo)).toEqual(['440309HWGG2025000123']);
    expect(result.notFound).toEqual(['440309ZDJY2025000999']);
  });

  it('signs the query string of paged holder look-ups', async () => {
    server.use(http.get(`${BASE}/api/v1/holders/:code/permits`, signed(() => HttpResponse.json({ items: [PERMIT] }))));
    await client().listHolderPermits('91440309MA5G8H3L1D', { status: 'VALID' });
    expect(seen[0]).toMatchObject({ target: '/api/v1/holders/91440309MA5G8H3L1D/permits?status=VALID&pageSize=100', verified: true });
  });

  it('uses a new nonce and timestamp (hence signature) for every retry', async () => {
    let calls = 0;
    server.use(
      http.get(
        `${BASE}/api/v1/permits/:permitNo`,
        signed(() => {
          calls += 1;
          return calls < 3 ? errorBody('INTERNAL', 500) : HttpResponse.json(PERMIT);
        }),
      ),
    );
    await client().getPermit('440309HWGG2025000123');
    expect(seen).toHaveLength(3);
    expect(seen.every((s) => s.verified)).toBe(true);
    expect(new Set(seen.map((s) => s.nonce)).size).toBe(3);
    expect(new Set(seen.map((s) => s.timestamp)).size).toBe(3);
    expect(new Set(seen.map((s) => s.signature)).size).toBe(3);
  });
});

describe('PermitsClient — answers and errors', () => {
  function answer(response: () => Response | Promise<Response>) {
    let hits = 0;
    server.use(
      http.get(
        `${BASE}/api/v1/permits/:permitNo`,
        signed(() => {
          hits += 1;
          return response();
        }),
      ),
    );
    return () => hits;
  }

  it('returns null for 404 NOT_FOUND on getPermit', async () => {
    const hits = answer(() => errorBody('NOT_FOUND', 404));
    await expect(client().getPermit('440309HWGG2025000999')).resolves.toBeNull();
    expect(hits()).toBe(1);
  });

  it.each([
    [400, 'INVALID_ARGUMENT'],
    [400, 'INVALID_PAGE_TOKEN'],
    [401, 'INVALID_SIGNATURE'],
    [401, 'TIMESTAMP_OUT_OF_RANGE'],
    [401, 'NONCE_REPLAYED'],
  ])('maps %i %s to UPSTREAM_REJECTED, not retried', async (status, code) => {
    const hits = answer(() => errorBody(code, status));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: code, httpStatus: status, retryable: false, system: 'permits' });
    expect(hits()).toBe(1);
  });

  it('maps 500 INTERNAL to UPSTREAM_UNAVAILABLE and retries up to 3 tries with backoff', async () => {
    const hits = answer(() => errorBody('INTERNAL', 500));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL', httpStatus: 500, retryable: true });
    expect(hits()).toBe(3);
    // random() = 1 in the fake clock: the contract's 1 s, then 2 s, each plus the full 25 % jitter.
    expect(clock.sleeps).toEqual([1250, 2500]);
  });

  it('maps 503 UPSTREAM_MAINTENANCE to UPSTREAM_UNAVAILABLE with its Retry-After, retried after that wait', async () => {
    const hits = answer(() => errorBody('UPSTREAM_MAINTENANCE', 503, { 'Retry-After': '2' }));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'UPSTREAM_MAINTENANCE', httpStatus: 503, retryAfterMs: 2000, retryable: true });
    expect(hits()).toBe(3);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('maps 429 RATE_LIMITED to UPSTREAM_UNAVAILABLE with httpStatus 429 and waits Retry-After, not the backoff', async () => {
    let calls = 0;
    const hits = answer(() => {
      calls += 1;
      return calls === 1 ? errorBody('RATE_LIMITED', 429, { 'Retry-After': '3' }) : HttpResponse.json(PERMIT);
    });
    const permit = await client().getPermit('440309HWGG2025000123');
    expect(permit?.permitNo).toBe('440309HWGG2025000123');
    expect(hits()).toBe(2);
    expect(clock.sleeps).toEqual([3000]);

    clock.sleeps.length = 0;
    answer(() => errorBody('RATE_LIMITED', 429, { 'Retry-After': '1' }));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'RATE_LIMITED', httpStatus: 429, retryAfterMs: 1000, retryable: true });
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('does not wait inside a request for a Retry-After beyond the limit; the error carries the hint', async () => {
    const hits = answer(() => errorBody('UPSTREAM_MAINTENANCE', 503, { 'Retry-After': '3600' }));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryAfterMs: 3_600_000 });
    expect(hits()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('treats a 503 gateway page (not the system body) as UPSTREAM_UNAVAILABLE', async () => {
    const hits = answer(() => new HttpResponse('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>', { status: 503, headers: { 'Content-Type': 'text/html' } }));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'GATEWAY_ERROR', httpStatus: 503 });
    expect(hits()).toBe(3);
  });

  it('maps a network error to UPSTREAM_UNAVAILABLE, retried', async () => {
    const hits = answer(() => HttpResponse.error());
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(hits()).toBe(3);
  });

  it('maps a timeout to UPSTREAM_TIMEOUT, retried up to 3 tries', async () => {
    const hits = answer(async () => {
      await delay(400);
      return HttpResponse.json(PERMIT);
    });
    const err = await failure(client({ timeoutMs: 40 }).getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true });
    expect(hits()).toBe(3);
  });

  it('maps 200 with broken JSON to UPSTREAM_BAD_RESPONSE', async () => {
    const hits = answer(() => new HttpResponse('{"permitNo":"440309', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false });
    expect(hits()).toBe(1);
  });

  it.each([
    ['a missing required field', () => {
      const { validTo: _omit, ...rest } = PERMIT;
      return rest;
    }, 'permit.validTo'],
    ['a status outside the enum', () => ({ ...PERMIT, status: 'CANCELLED' }), 'permit.status'],
    ['a type outside the enum', () => ({ ...PERMIT, type: 'FOOD_BUSINESS' }), 'permit.type'],
    ['conditions that are not strings', () => ({ ...PERMIT, conditions: [1] }), 'permit.conditions[0]'],
    ['a date-time without offset', () => ({ ...PERMIT, issuedAt: '2025-01-10T15:20:00' }), 'permit.issuedAt'],
  ])('maps a body with %s to UPSTREAM_BAD_RESPONSE naming the path', async (_what, body, where) => {
    answer(() => HttpResponse.json(body()));
    const err = await failure(client().getPermit('440309HWGG2025000123'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(err.message).toContain(where);
  });

  it('never puts the upstream body, its message or the secret into errors or log lines', async () => {
    const logger = captureLogger();
    answer(() => errorBody('INTERNAL', 500));
    const err = await failure(client({}, logger).getPermit('440309HWGG2025000123'));
    expect(err.message).toContain('INTERNAL');
    expect(err.message).toContain('req-2a8e6b4c1d9f7e30');
    expect(err.message).not.toContain('上游说明');
    const logged = JSON.stringify(logger.lines);
    expect(logger.lines.length).toBe(3);
    expect(logged).not.toContain(APP_SECRET);
    expect(logged).not.toContain('上游说明');
    expect(JSON.stringify(err)).not.toContain(APP_SECRET);
  });
});

describe('PermitsClient — circuit breaker', () => {
  it('opens after N consecutive failures (calls stop reaching the system) and closes after a successful half-open trial', async () => {
    let healthy = false;
    let hits = 0;
    server.use(
      http.get(
        `${BASE}/api/v1/permits/:permitNo`,
        signed(() => {
          hits += 1;
          return healthy ? HttpResponse.json(PERMIT) : errorBody('INTERNAL', 500);
        }),
      ),
    );
    const c = client({ maxAttempts: 1, breakerFailureThreshold: 3, breakerOpenMs: 30_000 });
    for (let i = 0; i < 3; i += 1) await failure(c.getPermit('440309HWGG2025000123'));
    expect(hits).toBe(3);
    expect(c.policy.breaker.current).toBe('OPEN');

    const open = await failure(c.getPermit('440309HWGG2025000123'));
    expect(open).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'CIRCUIT_OPEN' });
    expect(hits).toBe(3);

    // A failed half-open trial opens it again.
    clock.advance(30_000);
    expect(c.policy.breaker.current).toBe('HALF_OPEN');
    await failure(c.getPermit('440309HWGG2025000123'));
    expect(hits).toBe(4);
    expect(c.policy.breaker.current).toBe('OPEN');
    await failure(c.getPermit('440309HWGG2025000123'));
    expect(hits).toBe(4);

    // A successful trial closes it.
    clock.advance(30_000);
    healthy = true;
    await expect(c.getPermit('440309HWGG2025000123')).resolves.toMatchObject({ permitNo: '440309HWGG2025000123' });
    expect(hits).toBe(5);
    expect(c.policy.breaker.current).toBe('CLOSED');
    await c.getPermit('440309HWGG2025000123');
    expect(hits).toBe(6);
  });

  it('does not open on 4xx answers (our request, not the system, is at fault)', async () => {
    let hits = 0;
    server.use(
      http.get(
        `${BASE}/api/v1/permits/:permitNo`,
        signed(() => {
          hits += 1;
          return errorBody('INVALID_ARGUMENT', 400);
        }),
      ),
    );
    const c = client({ maxAttempts: 1, breakerFailureThreshold: 3 });
    for (let i = 0; i < 6; i += 1) await failure(c.getPermit('440309HWGG2025000123'));
    expect(hits).toBe(6);
    expect(c.policy.breaker.current).toBe('CLOSED');
  });

  it('does not open on 429 rate limiting', async () => {
    let hits = 0;
    server.use(
      http.get(
        `${BASE}/api/v1/permits/:permitNo`,
        signed(() => {
          hits += 1;
          return errorBody('RATE_LIMITED', 429, { 'Retry-After': '1' });
        }),
      ),
    );
    const c = client({ maxAttempts: 1, breakerFailureThreshold: 2 });
    for (let i = 0; i < 4; i += 1) await failure(c.getPermit('440309HWGG2025000123'));
    expect(hits).toBe(4);
    expect(c.policy.breaker.current).toBe('CLOSED');
  });
});

describe('PermitsClient — paging and batching', () => {
  const HOLDER = '91440309MA5G8H3L1D';
  const ALL = Array.from({ length: 250 }, (_, i) => permitWith(permitNo(i + 1)));

  function pagedHolder(options: { refuseFirstToken?: boolean } = {}) {
    let refused = false;
    server.use(
      http.get(
        `${BASE}/api/v1/holders/:code/permits`,
        signed((request) => {
          const url = new URL(request.url);
          const size = Number(url.searchParams.get('pageSize') ?? '20');
          const token = url.searchParams.get('pageToken');
          if (token && options.refuseFirstToken && !refused) {
            refused = true;
            return errorBody('INVALID_PAGE_TOKEN', 400);
          }
          const start = token ? Number(token.replace('after-', '')) : 0;
          const items = ALL.slice(start, start + size);
          const next = start + size < ALL.length ? `after-${start + size}` : undefined;
          return HttpResponse.json(next ? { items, nextPageToken: next } : { items });
        }),
      ),
    );
  }

  it('follows nextPageToken to the end with pageSize 100', async () => {
    pagedHolder();
    const permits = await client().listHolderPermits(HOLDER);
    expect(permits.map((p) => p.permitNo)).toEqual(ALL.map((p) => p.permitNo));
    expect(seen.map((s) => s.target)).toEqual([
      `/api/v1/holders/${HOLDER}/permits?pageSize=100`,
      `/api/v1/holders/${HOLDER}/permits?pageToken=after-100&pageSize=100`,
      `/api/v1/holders/${HOLDER}/permits?pageToken=after-200&pageSize=100`,
    ]);
  });

  it('restarts from the first page once when a page token is refused (INVALID_PAGE_TOKEN)', async () => {
    pagedHolder({ refuseFirstToken: true });
    const permits = await client().listHolderPermits(HOLDER);
    expect(permits).toHaveLength(250);
    expect(new Set(permits.map((p) => p.permitNo)).size).toBe(250);
    expect(seen).toHaveLength(5);
  });

  it('refuses an endless chain of page tokens as UPSTREAM_BAD_RESPONSE', async () => {
    server.use(http.get(`${BASE}/api/v1/holders/:code/permits`, signed(() => HttpResponse.json({ items: [], nextPageToken: 'same' }))));
    const err = await failure(client().listHolderPermits(HOLDER));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(seen).toHaveLength(2);
  });

  it('chunks batchGet by 100, asks duplicates once and merges found/notFound in order', async () => {
    const known = new Set(ALL.slice(0, 200).map((p) => p.permitNo));
    server.use(
      http.post(
        `${BASE}/api/v1/permits:batchGet`,
        signed(async (request) => {
          const { permitNos } = (await request.json()) as { permitNos: string[] };
          if (permitNos.length > 100) return errorBody('INVALID_ARGUMENT', 400);
          return HttpResponse.json({
            found: permitNos.filter((n) => known.has(n)).map(permitWith),
            notFound: permitNos.filter((n) => !known.has(n)),
          });
        }),
      ),
    );
    const asked = [...ALL.map((p) => p.permitNo), permitNo(1), permitNo(2)];
    const result = await client().batchGetPermits(asked);
    const sizes = seen.map((s) => (JSON.parse(s.body.toString('utf8')) as { permitNos: string[] }).permitNos.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen.every((s) => s.verified)).toBe(true);
    expect(result.found.map((p) => p.permitNo)).toEqual(ALL.slice(0, 200).map((p) => p.permitNo));
    expect(result.notFound).toEqual(ALL.slice(200).map((p) => p.permitNo));
  });

  it('refuses a batchGet answer that does not account for every number asked', async () => {
    server.use(http.post(`${BASE}/api/v1/permits:batchGet`, signed(() => HttpResponse.json({ found: [], notFound: [] }))));
    const err = await failure(client().batchGetPermits([permitNo(1)]));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});

describe('PermitsClient — input checked before sending', () => {
  it.each([
    ['a wrong check character', '91440309MA5H2R7W2E'],
    ['lower case', '91440309ma5h2r7w2d'],
    ['a lower-case x in an ID number', '43052419920718402x'],
    ['a 15-digit ID number', '440306850312231'],
    ['a birth date that does not exist', '440306199002303429'],
    ['full-width characters', '９１440309MA5H2R7W2D'],
  ])('refuses a holder code with %s without calling the system', async (_what, code) => {
    server.use(http.get(`${BASE}/api/v1/holders/:code/permits`, signed(() => HttpResponse.json({ items: [] }))));
    const err = await failure(client().listHolderPermits(code));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT', retryable: false });
    expect(seen).toHaveLength(0);
  });

  it('accepts both kinds of valid holder code', async () => {
    server.use(http.get(`${BASE}/api/v1/holders/:code/permits`, signed(() => HttpResponse.json({ items: [] }))));
    await expect(client().listHolderPermits('43052419920718402X')).resolves.toEqual([]);
    await expect(client().listHolderPermits('92440309MA5J3Q1E1R')).resolves.toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('refuses malformed permit numbers without calling the system', async () => {
    server.use(
      http.get(`${BASE}/api/v1/permits/:permitNo`, signed(() => HttpResponse.json(PERMIT))),
      http.post(`${BASE}/api/v1/permits:batchGet`, signed(() => HttpResponse.json({ found: [], notFound: [] }))),
    );
    await expect(client().getPermit('440309hwgg2025000123')).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    await expect(client().getPermit('../admin')).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED' });
    await expect(client().batchGetPermits(['440309HWGG2025000123', 'HWGG'])).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED' });
    expect(seen).toHaveLength(0);
  });
});

describe('PermitsClient — holder answers', () => {
  it('refuses permits of another holder in a holder look-up as UPSTREAM_BAD_RESPONSE', async () => {
    server.use(http.get(`${BASE}/api/v1/holders/:code/permits`, signed(() => HttpResponse.json({ items: [PERMIT] }))));
    await expect(client().listHolderPermits('91440309MA5G8H3L1D')).resolves.toHaveLength(1);
    const err = await failure(client().listHolderPermits('91440309MA5H2R7W2D'));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('keeps personal data of a refused ID number out of the error message', async () => {
    const err = await failure(client().listHolderPermits('440306199002303429'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(err.message).toContain('BIRTH_DATE');
    expect(err.message).not.toContain('19900230');
  });
});
