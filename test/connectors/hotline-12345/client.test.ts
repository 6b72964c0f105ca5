// HotlineClient against an msw fake of the hotline, for the answers a well-behaved simulator does
// not give: broken or incomplete bodies, odd statuses, gateway pages, timeouts, network failures —
// and to see exactly what goes over the wire (headers, query, body bytes) and into the logs.
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { HotlineClient } from '../../../connectors/hotline-12345/client';
import { HotlineError } from '../../../connectors/hotline-12345/errors';
import type { ReplyRequest, WorkOrder, WorkOrderPage } from '../../../connectors/hotline-12345/types';
import { ConnectorError } from '../../../connectors/core/connector-error';
import { API_KEY, ASSIGNEE, captureLogger, everythingIn, example, exampleBytes, failure, fakeClock, testConfig, type FakeClock } from './helpers';

const BASE = 'http://hotline.test';
const START = Date.parse('2025-03-18T15:20:00+08:00');
const ORDER = example<WorkOrder>('getWorkOrder.200.json');
const SIGNED = example<WorkOrder>('signWorkOrder.200.json');
const PAGE = example<WorkOrderPage>('listWorkOrders.200.json');
const NO = ORDER.orderNo;
const UPSTREAM_MESSAGE = '上游说明：周晓梅 13923456781 内部细节不应外泄';
const PERSONAL = ['周晓梅', '13923456781'];

interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  apiKey: string | null;
  contentType: string | null;
  body: Buffer;
}

let calls: Call[] = [];
let clock: FakeClock;
let clients: HotlineClient[] = [];
const server = setupServer();

type Resolver = (call: Call, n: number) => Response | Promise<Response>;

/** Records every call; a wrong key gets 401 like the hotline. */
function api(method: 'get' | 'post', path: string, resolver: Resolver) {
  return http[method](`${BASE}${path}`, async ({ request }) => {
    const url = new URL(request.url);
    const call: Call = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      apiKey: request.headers.get('x-api-key'),
      contentType: request.headers.get('content-type'),
      body: Buffer.from(await request.arrayBuffer()),
    };
    calls.push(call);
    if (call.apiKey !== API_KEY) return error('UNAUTHORIZED', 401);
    return resolver(call, calls.length);
  });
}

function error(code: string, status: number, headers: Record<string, string> = {}) {
  return HttpResponse.json({ code, message: UPSTREAM_MESSAGE }, { status, headers });
}

function client(overrides: Parameters<typeof testConfig>[0] = {}, logger = captureLogger()): HotlineClient {
  const c = new HotlineClient({ baseUrl: BASE, config: testConfig(overrides), clock, logger });
  clients.push(c);
  return c;
}

const REPLY: ReplyRequest = example<ReplyRequest>('replyWorkOrder.request.json');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  calls = [];
  clock = fakeClock(START);
});
afterEach(() => {
  server.resetHandlers();
  clients.forEach((c) => c.close());
  clients = [];
});
afterAll(() => server.close());

describe('HotlineClient — requests on the wire', () => {
  it('sends X-Api-Key and JSON on every call, the unit as assignee, and bodies built from the contract fields only', async () => {
    server.use(
      api('get', '/api/v1/work-orders/:no', () => HttpResponse.json(ORDER)),
      api('get', '/api/v1/work-orders', () => HttpResponse.json({ items: [] })),
      api('post', '/api/v1/work-orders/:no/sign', () => HttpResponse.json(SIGNED)),
      api('post', '/api/v1/work-orders/:no/reply', () => HttpResponse.json({ ...ORDER, status: 'REPLIED' })),
      api('post', '/api/v1/work-orders/:no/return', () => HttpResponse.json({ ...ORDER, status: 'RETURNED' })),
      api('post', '/api/v1/work-orders/:no/extension', () => HttpResponse.json(example('requestExtension.202.json'), { status: 202 })),
    );
    const c = client();
    expect(await c.getWorkOrder(NO)).toEqual(ORDER);
    expect(await c.listWorkOrders({ status: 'SIGNED', updatedSince: '2025-03-18T00:00:00+08:00', pageSize: 2 })).toEqual({ items: [] });
    expect(await c.signWorkOrder(NO, { signedBy: '刘振华', extra: 'dropped' } as never)).toEqual(SIGNED);
    await c.replyWorkOrder(NO, { ...REPLY, internalNote: 'never sent' } as never);
    await c.returnWorkOrder(NO, example('returnWorkOrder.request.json'));
    expect(await c.requestExtension(NO, example('requestExtension.request.json'))).toEqual(example('requestExtension.202.json'));

    expect(calls.map((x) => `${x.method} ${x.path}`)).toEqual([
      `GET /api/v1/work-orders/${NO}`,
      'GET /api/v1/work-orders',
      `POST /api/v1/work-orders/${NO}/sign`,
      `POST /api/v1/work-orders/${NO}/reply`,
      `POST /api/v1/work-orders/${NO}/return`,
      `POST /api/v1/work-orders/${NO}/extension`,
    ]);
    expect(calls.every((x) => x.apiKey === API_KEY)).toBe(true);
    expect(Object.fromEntries(calls[1].query)).toEqual({ assignee: ASSIGNEE, status: 'SIGNED', updatedSince: '2025-03-18T00:00:00+08:00', pageSize: '2' });
    expect(calls[0].contentType).toBeNull();
    expect(calls.slice(2).every((x) => x.contentType === 'application/json; charset=utf-8')).toBe(true);
    expect(calls[2].body.toString('utf8')).toBe('{"signedBy":"刘振华"}');
    expect(JSON.parse(calls[3].body.toString('utf8'))).toEqual(REPLY);
    expect(Object.keys(JSON.parse(calls[3].body.toString('utf8')))).toEqual(['result', 'handledBy', 'handledAt', 'linkedCaseNo', 'attachments']);
    expect(JSON.parse(calls[4].body.toString('utf8'))).toEqual(example('returnWorkOrder.request.json'));
    expect(JSON.parse(calls[5].body.toString('utf8'))).toEqual(example('requestExtension.request.json'));
  });

  it('uses the configured page size by default', async () => {
    server.use(api('get', '/api/v1/work-orders', () => HttpResponse.json({ items: [] })));
    await client({ pageSize: 17 }).listWorkOrders();
    expect(Object.fromEntries(calls[0].query)).toEqual({ assignee: ASSIGNEE, pageSize: '17' });
  });

  it.each([
    ['a malformed orderNo', (c: HotlineClient) => c.getWorkOrder('SZ12345/../x'), 'INVALID_ARGUMENT'],
    ['an orderNo of the wrong length', (c: HotlineClient) => c.signWorkOrder('SZ123452025031800041', { signedBy: '刘振华' }), 'INVALID_ARGUMENT'],
    ['an empty signedBy', (c: HotlineClient) => c.signWorkOrder(NO, { signedBy: '' }), 'INVALID_ARGUMENT'],
    ['a reply result under 10 characters', (c: HotlineClient) => c.replyWorkOrder(NO, { ...REPLY, result: '已处理' }), 'INVALID_ARGUMENT'],
    ['a reply result over 2000 characters', (c: HotlineClient) => c.replyWorkOrder(NO, { ...REPLY, result: '处'.repeat(2001) }), 'INVALID_ARGUMENT'],
    ['a handledAt without offset', (c: HotlineClient) => c.replyWorkOrder(NO, { ...REPLY, handledAt: '2025-04-02T15:50:00' }), 'INVALID_ARGUMENT'],
    ['ten attachments', (c: HotlineClient) => c.replyWorkOrder(NO, { ...REPLY, attachments: Array(10).fill(REPLY.attachments![0]) }), 'INVALID_ARGUMENT'],
    [
      'an attachment of another type',
      (c: HotlineClient) => c.replyWorkOrder(NO, { ...REPLY, attachments: [{ ...REPLY.attachments![0], contentType: 'image/gif' as never }] }),
      'INVALID_ARGUMENT',
    ],
    [
      'an attachment over 5 MiB',
      (c: HotlineClient) =>
        c.replyWorkOrder(NO, { ...REPLY, attachments: [{ fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64') }] }),
      'PAYLOAD_TOO_LARGE',
    ],
    ['a DUPLICATE return without duplicateOfOrderNo', (c: HotlineClient) => c.returnWorkOrder(NO, { reasonCode: 'DUPLICATE', reasonText: '与另一工单重复' }), 'INVALID_ARGUMENT'],
    ['a short return reason', (c: HotlineClient) => c.returnWorkOrder(NO, { reasonCode: 'INSUFFICIENT_INFO', reasonText: '信息不全' }), 'INVALID_ARGUMENT'],
    ['an extension without a date-time', (c: HotlineClient) => c.requestExtension(NO, { reason: '需联合整治，增加工作日', requestedDeadline: '2025-04-18' }), 'INVALID_ARGUMENT'],
    ['a pageSize of 101', (c: HotlineClient) => c.listWorkOrders({ pageSize: 101 }), 'INVALID_ARGUMENT'],
    ['an updatedSince without offset', (c: HotlineClient) => c.listWorkOrders({ updatedSince: '2025-03-18T00:00:00' }), 'INVALID_ARGUMENT'],
    ['an unknown status', (c: HotlineClient) => c.listWorkOrders({ status: 'OPEN' as never }), 'INVALID_ARGUMENT'],
  ])('refuses %s before sending anything', async (_what, call, code) => {
    const err = await failure(call(client()));
    expect(err).toBeInstanceOf(HotlineError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', system: 'hotline-12345', upstreamCode: code, retryable: false });
    expect(calls).toHaveLength(0);
  });
});

describe('HotlineClient — answers that do not match the contract', () => {
  it('a body that is not JSON is UPSTREAM_BAD_RESPONSE, not retried', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => new HttpResponse('{"orderNo":"SZ12345', { status: 200, headers: { 'content-type': 'application/json' } })));
    const err = await failure(client().getWorkOrder(NO));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', httpStatus: 200, retryable: false });
    expect(err.message).toBe('hotline-12345 getWorkOrder answered 200 with a body that is not JSON');
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['signDeadline', (o: Record<string, unknown>) => delete o.signDeadline, 'order.signDeadline is missing or not a date-time with an offset'],
    ['requester', (o: Record<string, unknown>) => delete o.requester, 'order.requester is missing or not an object'],
    ['a phone of the wrong format', (o: Record<string, unknown>) => (o.requester = { name: '周晓梅', phone: '1392345678', anonymous: false, wantsReply: true }), "order.requester.phone is not in the contract's format"],
    ['a status outside the enum', (o: Record<string, unknown>) => (o.status = 'OPEN'), "order.status is missing or not one of the contract's values"],
    ['a version 0', (o: Record<string, unknown>) => (o.version = 0), 'order.version is missing or not an integer ≥ 1'],
    ['a lat out of range', (o: Record<string, unknown>) => (o.location = { address: '深圳', street: '观湖街道', lat: 90 }), 'order.location.lat is not a number in 3–54'],
    ['an assignee without deptCode', (o: Record<string, unknown>) => (o.assignee = { deptName: '观湖执法队' }), 'order.assignee.deptCode is missing or not a string'],
    ['an evaluation without evaluatedAt', (o: Record<string, unknown>) => (o.evaluation = { result: 'SATISFIED' }), 'order.evaluation.evaluatedAt is missing or not a date-time with an offset'],
    ['a title over 200 characters', (o: Record<string, unknown>) => (o.title = '占'.repeat(201)), 'order.title must have 0–200 characters'],
  ])('an order with %s is UPSTREAM_BAD_RESPONSE naming the field, never a value', async (_what, mutate, problem) => {
    const body = structuredClone(ORDER) as unknown as Record<string, unknown>;
    mutate(body);
    server.use(api('get', '/api/v1/work-orders/:no', () => HttpResponse.json(body)));
    const err = await failure(client().getWorkOrder(NO));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', httpStatus: 200 });
    expect(err.message).toBe(`hotline-12345 getWorkOrder answer does not match the contract: ${problem}`);
    for (const value of PERSONAL) expect(everythingIn(err)).not.toContain(value);
  });

  it('an answer about another order is UPSTREAM_BAD_RESPONSE', async () => {
    server.use(api('post', '/api/v1/work-orders/:no/sign', () => HttpResponse.json({ ...SIGNED, orderNo: 'SZ1234520250318000533' })));
    const err = await failure(client().signWorkOrder(NO, { signedBy: '刘振华' }));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', message: 'hotline-12345 signWorkOrder answered with a different order' });
  });

  it('keeps optional fields only when present and drops unknown ones', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => HttpResponse.json({ ...ORDER, powerItemCode: null, internalFlag: true })));
    const order = await client().getWorkOrder(NO);
    expect(order).not.toHaveProperty('powerItemCode');
    expect(order).not.toHaveProperty('internalFlag');
  });

  it('a page with a broken item, or an extension answer that is not PENDING, is UPSTREAM_BAD_RESPONSE', async () => {
    const broken = structuredClone(PAGE) as unknown as { items: Array<Record<string, unknown>> };
    delete broken.items[1].urgeCount;
    server.use(
      api('get', '/api/v1/work-orders', () => HttpResponse.json(broken)),
      api('post', '/api/v1/work-orders/:no/extension', () => HttpResponse.json({ extensionId: 'EXT2025032100031', status: 'APPROVED', requestedAt: '2025-03-21T09:10:00+08:00' }, { status: 202 })),
    );
    expect((await failure(client().listWorkOrders())).message).toBe('hotline-12345 listWorkOrders answer does not match the contract: page.items[1].urgeCount is missing or not an integer ≥ 0');
    expect((await failure(client().requestExtension(NO, example('requestExtension.request.json')))).message).toBe(
      'hotline-12345 requestExtension answer does not match the contract: extension.status is not PENDING',
    );
  });

  it('an unexpected status (a redirect, 200 instead of 202) is UPSTREAM_BAD_RESPONSE', async () => {
    server.use(
      api('get', '/api/v1/work-orders/:no', () => new HttpResponse(null, { status: 302, headers: { location: 'http://elsewhere.test/' } })),
      api('post', '/api/v1/work-orders/:no/extension', () => HttpResponse.json(example('requestExtension.202.json'))),
    );
    expect(await failure(client().getWorkOrder(NO))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', httpStatus: 302 });
    expect(await failure(client().requestExtension(NO, example('requestExtension.request.json')))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', httpStatus: 200 });
  });
});

describe('HotlineClient — errors of the hotline', () => {
  it.each([
    [400, 'INVALID_ARGUMENT'],
    [400, 'INVALID_PAGE_TOKEN'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'INVALID_STATE'],
    [409, 'DEADLINE_PASSED'],
    [413, 'PAYLOAD_TOO_LARGE'],
  ])('%i %s is UPSTREAM_REJECTED with the code, not retried, without the upstream message', async (status, code) => {
    server.use(api('get', '/api/v1/work-orders/:no', () => error(code, status)));
    const err = await failure(client().getWorkOrder(NO));
    expect(err).toBeInstanceOf(HotlineError);
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: code, httpStatus: status, retryable: false });
    expect(err.message).toBe(`hotline-12345 getWorkOrder answered HTTP ${status} ${code}`);
    expect(everythingIn(err)).not.toContain('上游说明');
    expect(calls).toHaveLength(1);
  });

  it('reads the contract example of 409 DEADLINE_PASSED', async () => {
    server.use(api('post', '/api/v1/work-orders/:no/return', () => new HttpResponse(exampleBytes('error.409.DEADLINE_PASSED.json'), { status: 409 })));
    const err = await failure(client().returnWorkOrder(NO, example('returnWorkOrder.request.json')));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DEADLINE_PASSED', httpStatus: 409 });
  });

  it('a 4xx without the contract body keeps the status as HTTP_<status>', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => new HttpResponse('<html>Forbidden</html>', { status: 403 })));
    expect(await failure(client().getWorkOrder(NO))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'HTTP_403', httpStatus: 403 });
  });

  it('a wrong key answers 401 UNAUTHORIZED', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => HttpResponse.json(ORDER)));
    const err = await failure(client({ apiKey: 'hk_wrong_key_0000' }).getWorkOrder(NO));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'UNAUTHORIZED', httpStatus: 401 });
  });

  it('429 with Retry-After: a read waits as told and tries again', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', (_c, n) => (n === 1 ? error('RATE_LIMITED', 429, { 'Retry-After': '2' }) : HttpResponse.json(ORDER))));
    expect(await client().getWorkOrder(NO)).toEqual(ORDER);
    expect(calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('429 with a Retry-After longer than allowed fails at once with the hint in seconds', async () => {
    server.use(api('get', '/api/v1/work-orders', () => error('RATE_LIMITED', 429, { 'Retry-After': '120' })));
    const err = await failure(client().listWorkOrders());
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'RATE_LIMITED', httpStatus: 429, retryable: true, retryAfterMs: 120_000, retryAfterSeconds: 120 });
    expect(calls).toHaveLength(1);
  });

  it('503 maintenance: sign (idempotent) is retried after Retry-After and succeeds', async () => {
    server.use(api('post', '/api/v1/work-orders/:no/sign', (_c, n) => (n === 1 ? error('SERVICE_UNAVAILABLE', 503, { 'Retry-After': '1' }) : HttpResponse.json(SIGNED))));
    expect(await client().signWorkOrder(NO, { signedBy: '刘振华' })).toEqual(SIGNED);
    expect(calls).toHaveLength(2);
    expect(calls[0].body.equals(calls[1].body)).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
  });

  it.each([
    ['replyWorkOrder', 'reply', (c: HotlineClient) => c.replyWorkOrder(NO, REPLY)],
    ['returnWorkOrder', 'return', (c: HotlineClient) => c.returnWorkOrder(NO, example('returnWorkOrder.request.json'))],
    ['requestExtension', 'extension', (c: HotlineClient) => c.requestExtension(NO, example('requestExtension.request.json'))],
  ])('503: %s is not retried (not idempotent: the outbox GETs the order first)', async (_op, verb, call) => {
    server.use(api('post', `/api/v1/work-orders/:no/${verb}`, () => error('SERVICE_UNAVAILABLE', 503, { 'Retry-After': '1' })));
    const err = await failure(call(client()));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryable: true, retryAfterSeconds: 1 });
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('500 is retried with backoff for reads, up to maxAttempts', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => error('INTERNAL', 500)));
    const err = await failure(client().getWorkOrder(NO));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL', httpStatus: 500 });
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('a gateway page (502/504 without the contract body) is UPSTREAM_UNAVAILABLE GATEWAY_ERROR', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })));
    expect(await failure(client({ maxAttempts: 1 }).getWorkOrder(NO))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'GATEWAY_ERROR', httpStatus: 502 });
  });

  it('a timeout is UPSTREAM_TIMEOUT; a reply that timed out is not repeated', async () => {
    server.use(
      api('post', '/api/v1/work-orders/:no/reply', async () => {
        await delay(400);
        return HttpResponse.json({ ...ORDER, status: 'REPLIED' });
      }),
    );
    const err = await failure(client({ timeoutMs: 50 }).replyWorkOrder(NO, REPLY));
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', system: 'hotline-12345', retryable: true });
    expect(calls).toHaveLength(1);
  });

  it('a network failure is UPSTREAM_UNAVAILABLE and carries neither the key nor the request', async () => {
    server.use(api('post', '/api/v1/work-orders/:no/reply', () => HttpResponse.error()));
    const err = await failure(client().replyWorkOrder(NO, REPLY));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    const all = everythingIn(err);
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(REPLY.handledBy);
  });

  it('opens the circuit after repeated failures and then fails fast without calling', async () => {
    server.use(api('get', '/api/v1/work-orders/:no', () => error('INTERNAL', 500)));
    const c = client({ maxAttempts: 1, breakerFailureThreshold: 2 });
    await failure(c.getWorkOrder(NO));
    await failure(c.getWorkOrder(NO));
    const err = await failure(c.getWorkOrder(NO));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'CIRCUIT_OPEN' });
    expect(calls).toHaveLength(2);
  });
});

describe('HotlineClient — listWorkOrdersSince', () => {
  const order = (no: string, version: number, updatedAt: string): WorkOrder => ({ ...ORDER, orderNo: no, version, updatedAt });
  const A = 'SZ1234520250318000501';
  const B = 'SZ1234520250318000502';
  const C = 'SZ1234520250318000503';

  it('follows every page with the same parameters and keeps the highest version of an order seen twice', async () => {
    server.use(
      api('get', '/api/v1/work-orders', (call) => {
        const token = call.query.get('pageToken');
        if (token === null) return HttpResponse.json({ items: [order(A, 1, '2025-03-18T10:00:00+08:00'), order(B, 1, '2025-03-18T10:00:00+08:00')], nextPageToken: 't1' });
        if (token === 't1') return HttpResponse.json({ items: [order(C, 2, '2025-03-18T11:00:00+08:00'), order(A, 3, '2025-03-18T12:00:00+08:00')], nextPageToken: 't2' });
        return HttpResponse.json({ items: [] });
      }),
    );
    const all = await client().listWorkOrdersSince('2025-03-18T00:00:00+08:00', { status: 'SIGNED', pageSize: 2 });
    expect(all.map((o) => [o.orderNo, o.version])).toEqual([
      [A, 3],
      [B, 1],
      [C, 2],
    ]);
    expect(calls.map((c) => Object.fromEntries(c.query))).toEqual([
      { assignee: ASSIGNEE, status: 'SIGNED', updatedSince: '2025-03-18T00:00:00+08:00', pageSize: '2' },
      { assignee: ASSIGNEE, status: 'SIGNED', updatedSince: '2025-03-18T00:00:00+08:00', pageToken: 't1', pageSize: '2' },
      { assignee: ASSIGNEE, status: 'SIGNED', updatedSince: '2025-03-18T00:00:00+08:00', pageToken: 't2', pageSize: '2' },
    ]);
  });

  it('without updatedSince lists everything', async () => {
    server.use(api('get', '/api/v1/work-orders', () => HttpResponse.json(PAGE.items.length ? { items: PAGE.items } : { items: [] })));
    expect(await client().listWorkOrdersSince(null)).toHaveLength(2);
    expect(calls[0].query.has('updatedSince')).toBe(false);
  });

  it('restarts from updatedSince once when a page token is refused; a second refusal fails', async () => {
    let refusals = 1;
    server.use(
      api('get', '/api/v1/work-orders', (call) => {
        const token = call.query.get('pageToken');
        if (token === null) return HttpResponse.json({ items: [order(A, 1, '2025-03-18T10:00:00+08:00')], nextPageToken: 'old' });
        if (refusals > 0) {
          refusals -= 1;
          return error('INVALID_PAGE_TOKEN', 400);
        }
        return HttpResponse.json({ items: [order(B, 1, '2025-03-18T10:05:00+08:00')] });
      }),
    );
    const logger = captureLogger();
    const all = await client({}, logger).listWorkOrdersSince('2025-03-18T00:00:00+08:00');
    expect(all.map((o) => o.orderNo)).toEqual([A, B]);
    expect(calls.map((c) => c.query.get('pageToken'))).toEqual([null, 'old', null, 'old']);
    expect(logger.lines.some((l) => l.msg === 'page token refused; restarting from the first page')).toBe(true);

    calls = [];
    refusals = 2;
    const err = await failure(client().listWorkOrdersSince('2025-03-18T00:00:00+08:00'));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_PAGE_TOKEN' });
    expect(calls).toHaveLength(4);
  });

  it('stops a pagination that does not end (a token repeating)', async () => {
    server.use(api('get', '/api/v1/work-orders', () => HttpResponse.json({ items: [], nextPageToken: 'same' })));
    const err = await failure(client().listWorkOrdersSince(null));
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', message: 'hotline-12345 listWorkOrders pagination does not come to an end' });
  });
});

describe('HotlineClient — logs', () => {
  it('one line per attempt, with operation and request id, never the key, a phone or a name', async () => {
    const anonymous = PAGE.items[1];
    server.use(
      api('get', '/api/v1/work-orders/:no', (_c, n) => (n === 1 ? error('INTERNAL', 500) : HttpResponse.json(ORDER))),
      api('get', '/api/v1/work-orders', () => HttpResponse.json({ items: [ORDER, anonymous] })),
      api('post', '/api/v1/work-orders/:no/reply', () => error('INVALID_STATE', 409)),
      api('post', '/api/v1/work-orders/:no/sign', () => HttpResponse.json({ ...SIGNED, requester: { anonymous: false } })),
    );
    const logger = captureLogger();
    const c = client({}, logger);
    await c.getWorkOrder(NO, { requestId: 'outbox-msg-42' });
    await c.listWorkOrders();
    await failure(c.replyWorkOrder(NO, REPLY));
    await failure(c.signWorkOrder(NO, { signedBy: '刘振华' }));

    expect(logger.lines.map((l) => [l.level, l.obj.operation, l.obj.attempt])).toEqual([
      ['warn', 'getWorkOrder', 1],
      ['info', 'getWorkOrder', 2],
      ['info', 'listWorkOrders', 1],
      ['warn', 'replyWorkOrder', 1],
      ['warn', 'signWorkOrder', 1],
    ]);
    expect(logger.lines.slice(0, 2).every((l) => l.obj.requestId === 'outbox-msg-42')).toBe(true);
    expect(logger.lines[3].obj).toMatchObject({ system: 'hotline-12345', code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_STATE', httpStatus: 409 });
    expect(logger.lines[4].obj).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', httpStatus: 200 });
    const text = JSON.stringify(logger.lines);
    for (const secret of [API_KEY, ...PERSONAL, REPLY.handledBy, '刘振华']) expect(text).not.toContain(secret);
  });
});
