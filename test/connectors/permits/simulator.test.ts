// The permits simulator over real HTTP: requests are signed here by hand (or by the client) and
// the answers checked against the contract.
import { randomUUID } from 'node:crypto';
import { usccCheckChar } from '../../../src/domain/identifiers';
import { PermitsClient } from '../../../connectors/permits/client';
import { signRequest } from '../../../connectors/permits/signing';
import { generatePermits } from '../../../connectors/permits/simulator/fixtures';
import { startPermitsSimulator, type PermitsSimulator } from '../../../connectors/permits/simulator/server';
import type { Permit, PermitPage } from '../../../connectors/permits/types';
import { APP_ID, APP_SECRET, example, exampleBytes, failure, fakeClock, testConfig } from './helpers';

// The contract examples' moment: their statuses are what the system reported then.
const EXAMPLES_AT = Date.parse('2025-03-18T09:42:10+08:00');
const TODAY_AT = Date.parse('2026-11-21T10:00:00+08:00');

let now = EXAMPLES_AT;
let sim: PermitsSimulator;
const others: PermitsSimulator[] = [];

beforeEach(async () => {
  now = EXAMPLES_AT;
  sim = await startPermitsSimulator({ appId: APP_ID, appSecret: APP_SECRET, now: () => now });
});
afterEach(async () => {
  await sim.close();
  await Promise.all(others.splice(0).map((s) => s.close()));
});

interface CallOptions {
  body?: string | Buffer;
  secret?: string;
  appId?: string;
  nonce?: string;
  nowMs?: number;
  /** Sign this target instead of the one sent. */
  signedTarget?: string;
  omit?: string;
  on?: PermitsSimulator;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

async function call(method: 'GET' | 'POST', target: string, options: CallOptions = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string> = {
    ...signRequest({
      appId: options.appId ?? APP_ID,
      appSecret: options.secret ?? APP_SECRET,
      method,
      path: options.signedTarget ?? target,
      body,
      nowMs: options.nowMs ?? now,
      nonce: options.nonce,
    }),
  };
  if (body) headers['Content-Type'] = 'application/json';
  if (options.omit) delete headers[options.omit];
  const res = await fetch(`${(options.on ?? sim).url}${target}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
}

function batchBody(permitNos: unknown[]): string {
  return JSON.stringify({ permitNos });
}

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  const body = answer.json<{ code: string; message: string; requestId: string }>();
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toMatch(/^req-/);
  expect(answer.headers.get('x-request-id')).toBe(body.requestId);
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
}

describe('permits simulator — the contract examples', () => {
  it('answers getPermit exactly as examples/permits/getPermit.200.json, with X-Request-Id', async () => {
    const answer = await call('GET', '/api/v1/permits/440309HWGG2025000123');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toMatch(/^req-/);
    expect(answer.json()).toEqual(example('getPermit.200.json'));
  });

  it('answers the example batchGet body exactly as batchGetPermits.200.json', async () => {
    const answer = await call('POST', '/api/v1/permits:batchGet', { body: exampleBytes('batchGetPermits.request.json') });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(example('batchGetPermits.200.json'));
  });

  it('serves the listHolderPermits example for the restaurant company (SUSPENDED)', async () => {
    const answer = await call('GET', '/api/v1/holders/91440309MA5H2R7W2D/permits?status=SUSPENDED');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual(example('listHolderPermits.200.json'));
  });

  it('serves both listPermits example permits', async () => {
    const expected = example<PermitPage>('listPermits.200.json').items;
    const answer = await call('POST', '/api/v1/permits:batchGet', { body: batchBody(expected.map((p) => p.permitNo)) });
    expect(answer.json<{ found: Permit[] }>().found).toEqual(expected);
  });

  it('answers 404 NOT_FOUND for an unknown well-formed number and 400 for a malformed one', async () => {
    expectError(await call('GET', '/api/v1/permits/440309ZDJY2025000999'), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/v1/permits/440309zdjy2025000999'), 400, 'INVALID_ARGUMENT');
  });
});

describe('permits simulator — authentication', () => {
  it('rejects a wrong signature, a missing header and an unknown app with 401 INVALID_SIGNATURE', async () => {
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { secret: 'wrong' }), 401, 'INVALID_SIGNATURE');
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { omit: 'X-Signature' }), 401, 'INVALID_SIGNATURE');
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { omit: 'X-Nonce' }), 401, 'INVALID_SIGNATURE');
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { appId: 'someone-else' }), 401, 'INVALID_SIGNATURE');
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { nonce: 'short' }), 401, 'INVALID_SIGNATURE');
  });

  it('covers the query string and the body with the signature', async () => {
    expectError(
      await call('GET', '/api/v1/holders/91440309MA5H2R7W2D/permits?status=VALID', { signedTarget: '/api/v1/holders/91440309MA5H2R7W2D/permits' }),
      401,
      'INVALID_SIGNATURE',
    );
    const body = batchBody(['440309HWGG2025000123']);
    const headers = signRequest({ appId: APP_ID, appSecret: APP_SECRET, method: 'POST', path: '/api/v1/permits:batchGet', body, nowMs: now });
    const res = await fetch(`${sim.url}/api/v1/permits:batchGet`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: batchBody(['440309HWGG2025000124']),
    });
    expect(res.status).toBe(401);
  });

  it('rejects a timestamp more than 300 s off with TIMESTAMP_OUT_OF_RANGE', async () => {
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { nowMs: now - 301_000 }), 401, 'TIMESTAMP_OUT_OF_RANGE');
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { nowMs: now + 302_000 }), 401, 'TIMESTAMP_OUT_OF_RANGE');
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123', { nowMs: now - 299_000 })).status).toBe(200);
  });

  it('rejects a nonce seen within 600 s with NONCE_REPLAYED, and accepts it again after', async () => {
    const nonce = randomUUID();
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123', { nonce })).status).toBe(200);
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { nonce }), 401, 'NONCE_REPLAYED');
    now += 599_000;
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123', { nonce }), 401, 'NONCE_REPLAYED');
    now += 2_000;
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123', { nonce })).status).toBe(200);
  });
});

describe('permits simulator — paging', () => {
  const HOLDER = '91440309MA5G8H3L1D'; // 鹭湖广告传媒: the example plus 24 billboards

  async function page(query: string): Promise<Answer> {
    return call('GET', `/api/v1/holders/${HOLDER}/permits${query}`);
  }

  it('pages by permitNo with nextPageToken until the last page, which has none', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const answer = await page(`?pageSize=10${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`);
      expect(answer.status).toBe(200);
      const body = answer.json<PermitPage>();
      sizes.push(body.items.length);
      seen.push(...body.items.map((p) => p.permitNo));
      token = body.nextPageToken;
    } while (token);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(25);
    expect(seen).toContain('440309HWGG2025000123');
  });

  it('defaults to 20 per page and refuses pageSize outside 1–100 (no clamping)', async () => {
    expect((await page('')).json<PermitPage>().items).toHaveLength(20);
    expect((await page('?pageSize=1')).json<PermitPage>().items).toHaveLength(1);
    expect((await page('?pageSize=100')).json<PermitPage>().items).toHaveLength(25);
    expectError(await page('?pageSize=0'), 400, 'INVALID_ARGUMENT');
    expectError(await page('?pageSize=101'), 400, 'INVALID_ARGUMENT');
    expectError(await page('?pageSize=ten'), 400, 'INVALID_ARGUMENT');
  });

  it('binds tokens to the filters and lets them live 15 minutes', async () => {
    const first = (await page('?pageSize=5')).json<PermitPage>();
    const token = encodeURIComponent(first.nextPageToken as string);
    expectError(await page(`?pageSize=5&status=VALID&pageToken=${token}`), 400, 'INVALID_PAGE_TOKEN');
    expectError(await call('GET', `/api/v1/permits?pageSize=5&pageToken=${token}`), 400, 'INVALID_PAGE_TOKEN');
    expectError(await page('?pageToken=eyJrIjoiNDQwMzA5WkRKWTIwMjUwMDA0NTcifQ'), 400, 'INVALID_PAGE_TOKEN');
    // Same filters, another page size: fine.
    expect((await page(`?pageSize=7&pageToken=${token}`)).status).toBe(200);
    now += 14 * 60_000;
    expect((await page(`?pageSize=5&pageToken=${token}`)).status).toBe(200);
    now += 2 * 60_000;
    expectError(await page(`?pageSize=5&pageToken=${token}`), 400, 'INVALID_PAGE_TOKEN');
  });

  it('filters listPermits by type, status, holder and updatedSince, and refuses a timestamp without offset', async () => {
    const answer = await call('GET', '/api/v1/permits?type=STREET_VENDING&status=VALID&pageSize=100');
    const items = answer.json<PermitPage>().items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((p) => p.type === 'STREET_VENDING' && p.status === 'VALID')).toBe(true);
    const since = await call('GET', `/api/v1/permits?holderCode=91440309MA5H2R7W2D&updatedSince=${encodeURIComponent('2025-03-17T17:30:00+08:00')}`);
    expect(since.json<PermitPage>().items.map((p) => p.permitNo)).toEqual(['440309ZYDL2024000311']);
    expectError(await call('GET', '/api/v1/permits?updatedSince=2025-03-17T17:30:00'), 400, 'INVALID_ARGUMENT');
    expectError(await call('GET', '/api/v1/permits?type=FOOD'), 400, 'INVALID_ARGUMENT');
    expectError(await call('GET', '/api/v1/permits?colour=red'), 400, 'INVALID_ARGUMENT');
  });
});

describe('permits simulator — batchGet and holders', () => {
  it('accepts 1–100 numbers, refuses more, none, malformed ones and unknown fields', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `440309HWGG2030${String(i).padStart(6, '0')}`);
    const ok = await call('POST', '/api/v1/permits:batchGet', { body: batchBody(hundred) });
    expect(ok.status).toBe(200);
    expect(ok.json<{ notFound: string[] }>().notFound).toHaveLength(100);
    expectError(await call('POST', '/api/v1/permits:batchGet', { body: batchBody([...hundred, '440309HWGG2030999999']) }), 400, 'INVALID_ARGUMENT');
    expectError(await call('POST', '/api/v1/permits:batchGet', { body: batchBody([]) }), 400, 'INVALID_ARGUMENT');
    expectError(await call('POST', '/api/v1/permits:batchGet', { body: batchBody(['440309HWGG2025000123', '4403']) }), 400, 'INVALID_ARGUMENT');
    expectError(
      await call('POST', '/api/v1/permits:batchGet', { body: JSON.stringify({ permitNos: ['440309HWGG2025000123'], pageSize: 5 }) }),
      400,
      'INVALID_ARGUMENT',
    );
    expectError(await call('POST', '/api/v1/permits:batchGet', { body: '{"permitNos": [' }), 400, 'INVALID_ARGUMENT');
  });

  it('answers duplicate numbers once, found in order of first occurrence', async () => {
    const answer = await call('POST', '/api/v1/permits:batchGet', {
      body: batchBody(['440309RQJY2023000045', '440309ZDJY2025000999', '440309HWGG2025000123', '440309RQJY2023000045', '440309ZDJY2025000999']),
    });
    const body = answer.json<{ found: Permit[]; notFound: string[] }>();
    expect(body.found.map((p) => p.permitNo)).toEqual(['440309RQJY2023000045', '440309HWGG2025000123']);
    expect(body.notFound).toEqual(['440309ZDJY2025000999']);
  });

  it('refuses a holder code failing its checksum with 400 INVALID_ARGUMENT', async () => {
    expectError(await call('GET', '/api/v1/holders/91440309MA5H2R7W2E/permits'), 400, 'INVALID_ARGUMENT');
    expectError(await call('GET', '/api/v1/holders/43052419920718402x/permits'), 400, 'INVALID_ARGUMENT');
    expectError(await call('GET', '/api/v1/holders/440306199002303420/permits'), 400, 'INVALID_ARGUMENT');
  });

  it('answers 200 with empty items for a valid holder without permits', async () => {
    // A valid USCC whose hash gives no permits.
    let code = '';
    for (let i = 0; i < 1000 && !code; i += 1) {
      const first17 = `91440309MA5K${String(i).padStart(4, '0')}0`;
      const candidate = first17 + usccCheckChar(first17);
      if (generatePermits({ code: candidate, name: 'x' }, '2025-03-18').length === 0) code = candidate;
    }
    expect(code).not.toBe('');
    const answer = await call('GET', `/api/v1/holders/${code}/permits`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ items: [] });
  });

  it('generates the same permits for the same holder code and day, findable by number afterwards', async () => {
    // A valid USCC nobody told the simulator about, with some permits.
    let holder = '';
    for (let i = 0; i < 1000 && !holder; i += 1) {
      const first17 = `91440300MA5G${String(i).padStart(4, '0')}1`;
      const candidate = first17 + usccCheckChar(first17);
      if (generatePermits({ code: candidate, name: 'x' }, '2025-03-18').length >= 2) holder = candidate;
    }
    const other = await startPermitsSimulator({ appId: APP_ID, appSecret: APP_SECRET, now: () => now });
    others.push(other);
    const a = await call('GET', `/api/v1/holders/${holder}/permits`);
    const b = await call('GET', `/api/v1/holders/${holder}/permits`, { on: other });
    expect(a.status).toBe(200);
    expect(a.json()).toEqual(b.json());
    expect(a.json<PermitPage>().items.length).toBeGreaterThanOrEqual(2);
    for (const p of a.json<PermitPage>().items) {
      expect(p.holderCode).toBe(holder);
      expect(p.permitNo).toMatch(/^[0-9]{6}[A-Z]{4}[0-9]{10}$/);
      expect((await call('GET', `/api/v1/permits/${p.permitNo}`)).json()).toEqual(p);
    }
  });
});

describe('permits simulator — status at read time and the demo stories', () => {
  it('turns a VALID permit EXPIRED the day after validTo, with updatedAt of the nightly run', async () => {
    now = Date.parse('2027-01-14T23:59:00+08:00');
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123')).json()).toMatchObject({ status: 'VALID' });
    now = Date.parse('2027-01-15T00:01:00+08:00');
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123')).json()).toMatchObject({
      status: 'EXPIRED',
      updatedAt: '2027-01-15T00:00:05+08:00',
    });
  });

  it('tells each demo party its story', async () => {
    const today = await startPermitsSimulator({ appId: APP_ID, appSecret: APP_SECRET, now: () => TODAY_AT });
    others.push(today);
    const client = new PermitsClient({ baseUrl: today.url, config: testConfig(), clock: fakeClock(TODAY_AT) });
    try {
      const hupan = await client.listHolderPermits('91440309MA5H2R7W2D');
      expect(hupan.find((p) => p.type === 'ROAD_OCCUPATION' && p.status === 'VALID')).toMatchObject({ holderName: '深圳市观澜湖畔餐饮管理有限公司' });
      expect(hupan.find((p) => p.type === 'OUTDOOR_AD' && p.status === 'EXPIRED')).toBeDefined();

      const chenji = await client.listHolderPermits('92440309MA5J3Q1E1R');
      const road = chenji.find((p) => p.type === 'ROAD_OCCUPATION');
      expect(road).toMatchObject({ status: 'EXPIRED' });
      expect(road?.validTo.slice(0, 7)).toBe('2026-10');
      // Recorded VALID: the expiry is the read-time evaluation.
      expect(today.store.get(road?.permitNo ?? '')?.status).toBe('VALID');

      const pengan = await client.listHolderPermits('91440300MA5DTB8661');
      expect(pengan.find((p) => p.status === 'REVOKED')).toMatchObject({
        statusReason: '存在重大安全隐患且拒不整改，依法吊销燃气经营许可证',
        statusChangedAt: '2024-11-20T16:00:00+08:00',
      });

      // Every known demo party has something to show.
      for (const code of ['11440309MB2C17843E', '43052419920718402X', '360731199005063429', '440304198812031356', '44148119780925115X']) {
        expect((await client.listHolderPermits(code)).length).toBeGreaterThan(0);
      }
    } finally {
      client.close();
    }
  });
});

describe('permits simulator — switches and counters', () => {
  it('answers 429 RATE_LIMITED with Retry-After when rate limited', async () => {
    sim.control.set({ rateLimited: true, retryAfterSeconds: 7 });
    const answer = await call('GET', '/api/v1/permits/440309HWGG2025000123');
    expectError(answer, 429, 'RATE_LIMITED');
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it('answers 503 UPSTREAM_MAINTENANCE with Retry-After in maintenance', async () => {
    sim.control.set({ maintenance: true, retryAfterSeconds: 120 });
    const answer = await call('POST', '/api/v1/permits:batchGet', { body: batchBody(['440309HWGG2025000123']) });
    expectError(answer, 503, 'UPSTREAM_MAINTENANCE');
    expect(answer.headers.get('retry-after')).toBe('120');
  });

  it('keeps the weekly maintenance window when asked to (Sunday 01:00–05:00)', async () => {
    const sunday = Date.parse('2025-03-23T02:00:00+08:00');
    const weekly = await startPermitsSimulator({ appId: APP_ID, appSecret: APP_SECRET, now: () => sunday, scheduledMaintenance: true });
    others.push(weekly);
    const answer = await call('GET', '/api/v1/permits/440309HWGG2025000123', { on: weekly, nowMs: sunday });
    expectError(answer, 503, 'UPSTREAM_MAINTENANCE');
    expect(answer.headers.get('retry-after')).toBe(String(3 * 3600));
  });

  it('answers 200 with broken JSON when malformed', async () => {
    sim.control.set({ malformed: true });
    const answer = await call('GET', '/api/v1/holders/91440309MA5H2R7W2D/permits');
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('answers a 503 gateway page, a given fault and errorRate 500s', async () => {
    sim.control.set({ gatewayError: true });
    const gateway = await call('GET', '/api/v1/permits/440309HWGG2025000123');
    expect(gateway.status).toBe(503);
    expect(gateway.headers.get('content-type')).toContain('text/html');

    sim.control.set({ gatewayError: false, fault: 'NONCE_REPLAYED' });
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123'), 401, 'NONCE_REPLAYED');

    sim.control.set({ fault: null, errorRate: 1 });
    expectError(await call('GET', '/api/v1/permits/440309HWGG2025000123'), 500, 'INTERNAL');
  });

  it('adds latency: a client with a shorter timeout gives up (UPSTREAM_TIMEOUT)', async () => {
    const client = new PermitsClient({
      baseUrl: sim.url,
      config: testConfig({ timeoutMs: 100, maxAttempts: 1 }),
      clock: { ...fakeClock(now), now: () => now },
    });
    try {
      await expect(client.getPermit('440309HWGG2025000123')).resolves.toMatchObject({ permitNo: '440309HWGG2025000123' });
      sim.control.set({ latencyMs: 500 });
      const err = await failure(client.getPermit('440309HWGG2025000123'));
      expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    } finally {
      client.close();
    }
  });

  it('counts calls and items per operation, before switches apply, and serves them at /__simulator', async () => {
    await call('GET', '/api/v1/permits/440309HWGG2025000123');
    await call('POST', '/api/v1/permits:batchGet', { body: batchBody(['440309HWGG2025000123', '440309RQJY2023000045', '440309ZDJY2025000999']) });
    sim.control.set({ maintenance: true });
    await call('GET', '/api/v1/holders/91440309MA5H2R7W2D/permits');
    await call('GET', '/api/v1/permits?pageSize=5');
    expect(sim.control.calls).toEqual({ getPermit: 1, batchGetPermits: 1, listHolderPermits: 1, listPermits: 1 });
    expect(sim.control.items.batchGetPermits).toBe(3);

    const state = (await (await fetch(`${sim.url}/__simulator`)).json()) as { calls: Record<string, number>; switches: { maintenance: boolean } };
    expect(state.calls.batchGetPermits).toBe(1);
    expect(state.switches.maintenance).toBe(true);

    await fetch(`${sim.url}/__simulator`, { method: 'POST', body: JSON.stringify({ maintenance: false, latencyMs: 0 }) });
    expect(sim.control.switches.maintenance).toBe(false);
    expect((await call('GET', '/api/v1/permits/440309HWGG2025000123')).status).toBe(200);
    await fetch(`${sim.url}/__simulator`, { method: 'DELETE' });
    expect(sim.control.calls).toEqual({});
  });

  it('answers 404 NOT_FOUND for routes outside the contract', async () => {
    expectError(await call('GET', '/api/v1/permits:batchGet'), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/v2/permits'), 404, 'NOT_FOUND');
    expect(sim.control.totalCalls()).toBe(0);
  });
});
