// The 12345 hotline simulator over real HTTP, driven by the real client (and by raw requests where
// the exact statuses matter), with webhooks delivered to a local receiver that verifies every
// X-Hotline-Signature. The simulator's clock is a variable the tests move; the client's policy
// sleeps are recorded, not waited.
import { HotlineClient } from '../../../connectors/hotline-12345/client';
import { startHotlineSimulator, type HotlineSimulator, type HotlineSimulatorOptions } from '../../../connectors/hotline-12345/simulator/server';
import { DEMO_STREETS } from '../../../connectors/hotline-12345/simulator/fixtures';
import { parseDateTime } from '../../../connectors/hotline-12345/time';
import { readWorkOrder } from '../../../connectors/hotline-12345/validate';
import { parseWorkOrderEvent } from '../../../connectors/hotline-12345/webhooks';
import { ORDER_NO_PATTERN, PHONE_PATTERN, type ReplyRequest, type WorkOrder } from '../../../connectors/hotline-12345/types';
import type { PolicyClock } from '../../../connectors/core/call-policy';
import {
  API_KEY,
  ASSIGNEE,
  WEBHOOK_SECRET,
  captureLogger,
  example,
  failure,
  seeded,
  startReceiver,
  testConfig,
  until,
  type WebhookReceiver,
} from './helpers';

const T0 = Date.parse('2025-03-18T09:42:10+08:00');
const MINUTE = 60_000;
const REPLY = example<ReplyRequest>('replyWorkOrder.request.json');
const RETURN = { reasonCode: 'NOT_OUR_JURISDICTION' as const, reasonText: '该地址位于观澜街道辖区，建议改派' };
const EXTENSION = { reason: '需会同交警、市场监管部门开展联合整治', requestedDeadline: '2025-04-18T18:00:00+08:00' };

let now = T0;
/** The simulator's clock; tests may swap it to move time at a precise moment. */
let simNow: () => number = () => now;
let sleeps: number[] = [];
let onSleep: (() => void) | null = null;
let sim: HotlineSimulator;
let receiver: WebhookReceiver;
let receiverSecrets: string[];
let webhookUrl: string | null;
let client: HotlineClient;
const extra: Array<{ close(): unknown }> = [];

const sharedClock: PolicyClock = {
  now: () => now,
  sleep: async (ms) => {
    sleeps.push(ms);
    onSleep?.();
  },
  random: () => 0,
};

async function startSim(options: Partial<HotlineSimulatorOptions> = {}): Promise<HotlineSimulator> {
  const s = await startHotlineSimulator({
    apiKey: API_KEY,
    assignee: ASSIGNEE,
    webhookSecret: WEBHOOK_SECRET,
    now: () => simNow(),
    random: seeded(12345),
    webhookUrl: () => webhookUrl,
    webhookRetryDelaysMs: [15, 15, 15, 15, 15],
    ...options,
  });
  extra.push(s);
  return s;
}

function clientFor(s: HotlineSimulator, overrides: Parameters<typeof testConfig>[0] = {}, logger = captureLogger()): HotlineClient {
  const c = new HotlineClient({ baseUrl: s.url, config: testConfig(overrides), clock: sharedClock, logger });
  extra.push(c);
  return c;
}

async function raw(method: string, path: string, options: { body?: string | Buffer; key?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['X-Api-Key'] = options.key ?? API_KEY;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, body: options.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

beforeEach(async () => {
  now = T0;
  simNow = () => now;
  sleeps = [];
  onSleep = null;
  receiverSecrets = [WEBHOOK_SECRET];
  receiver = await startReceiver(() => receiverSecrets, () => Math.floor(now / 1000));
  webhookUrl = receiver.url;
  sim = await startSim();
  client = clientFor(sim);
});

afterEach(async () => {
  await Promise.all(extra.splice(0).map((x) => x.close()));
  await receiver.close();
});

/** A signed order (the clock moves on a few minutes). */
async function signedOrder(overrides: Parameters<HotlineSimulator['dispatch']>[0] = {}): Promise<WorkOrder> {
  const o = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL', ...overrides });
  now += 23 * MINUTE;
  return client.signWorkOrder(o.orderNo, { signedBy: '刘振华' });
}

describe('simulator — dispatch', () => {
  it('creates a contract-valid order for the unit and pushes WORK_ORDER_DISPATCHED with the full order, signed', async () => {
    const o = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL', street: '观湖' });
    expect(readWorkOrder(o, 'order')).toEqual(o);
    expect(o).toMatchObject({
      version: 1,
      dispatchRound: 1,
      status: 'DISPATCHED',
      urgeCount: 0,
      signOverdue: false,
      replyOverdue: false,
      assignee: { deptCode: ASSIGNEE, deptName: '深圳市龙华区观湖街道综合行政执法队' },
      dispatchedAt: '2025-03-18T09:42:10+08:00',
      signDeadline: '2025-03-18T11:42:10+08:00',
      replyDeadline: '2025-04-09T18:00:00+08:00',
      updatedAt: '2025-03-18T09:42:10+08:00',
    });
    expect(o.location.street).toBe('观湖街道');
    expect(o.location.address).toContain('观湖街道');
    expect(o.orderNo).toMatch(/^SZ1234520250318\d{6}$/);
    for (const absent of ['returnDeadline', 'signedAt', 'repliedAt', 'closedAt', 'evaluation']) expect(o).not.toHaveProperty(absent);

    await sim.flushWebhooks();
    const [got] = await receiver.waitFor(1);
    expect(got.verification).toEqual({ ok: true });
    expect(got.header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const parsed = parseWorkOrderEvent(got.raw);
    expect(parsed).toEqual({ ok: true, event: { eventId: expect.any(String), type: 'WORK_ORDER_DISPATCHED', occurredAt: o.dispatchedAt, orderNo: o.orderNo, orderVersion: 1, data: o } });
    expect(Object.keys(got.event)).toEqual(['eventId', 'type', 'occurredAt', 'orderNo', 'orderVersion', 'data']);
    expect(sim.deliveries()).toEqual([{ eventId: got.event.eventId, type: 'WORK_ORDER_DISPATCHED', orderNo: o.orderNo, orderVersion: 1, attempt: 1, outcome: 'DELIVERED', httpStatus: 204 }]);
  });

  it('generates plausible demo orders on the six streets, with fictitious requesters per the contract', () => {
    const streets = new Set(DEMO_STREETS.map((s) => s.street));
    const orders = Array.from({ length: 60 }, () => sim.dispatch());
    for (const o of orders) {
      expect(readWorkOrder(o, 'order')).toEqual(o);
      expect(streets.has(o.location.street)).toBe(true);
      expect(o.location.address.startsWith(`深圳市龙华区${o.location.street}`)).toBe(true);
      expect(o.title.length).toBeGreaterThan(5);
      const r = o.requester;
      if (r.anonymous) expect(r.name).toBeUndefined();
      else expect(r.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      if (r.phone !== undefined) expect(r.phone).toMatch(PHONE_PATTERN);
      else expect(r.anonymous && !r.wantsReply).toBe(true);
    }
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(60);
    expect(new Set(orders.map((o) => o.location.street)).size).toBeGreaterThan(3);
    expect(orders.some((o) => o.requester.anonymous)).toBe(true);
    expect(new Set(orders.map((o) => o.category)).size).toBeGreaterThan(2);
  });

  it('takes the overrides as given', () => {
    const requester = { name: '李晓明', phone: '13812348000', anonymous: false, wantsReply: true };
    const o = sim.dispatch({
      category: 'REPORT',
      urgency: 'URGENT',
      channel: 'WECHAT',
      street: '民治街道',
      requester,
      title: '民治大道夜间施工噪音',
      content: '举报：民治大道某工地夜间施工。',
      address: '深圳市龙华区民治街道民治大道100号',
      powerItemCode: '440309CF0231',
    });
    expect(o).toMatchObject({
      category: 'REPORT',
      urgency: 'URGENT',
      channel: 'WECHAT',
      requester,
      title: '民治大道夜间施工噪音',
      content: '举报：民治大道某工地夜间施工。',
      location: { address: '深圳市龙华区民治街道民治大道100号', street: '民治街道' },
      powerItemCode: '440309CF0231',
      replyDeadline: '2025-03-19T18:00:00+08:00',
    });
  });
});

describe('simulator — reading orders', () => {
  it('getWorkOrder answers the order; 404 for an unknown one; 403 for another unit’s; 401 for a wrong key', async () => {
    const o = sim.dispatch();
    expect(await client.getWorkOrder(o.orderNo)).toEqual(o);
    expect(await failure(client.getWorkOrder('SZ1234520250318999999'))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'NOT_FOUND', httpStatus: 404 });
    const foreign = sim.dispatch({ assignee: '440309-GL-ZHZF' });
    expect(foreign.assignee.deptName).toBe('深圳市龙华区观澜街道综合行政执法队');
    expect(await failure(client.getWorkOrder(foreign.orderNo))).toMatchObject({ upstreamCode: 'FORBIDDEN', httpStatus: 403 });
    const stranger = clientFor(sim, { apiKey: 'hk_not_issued_0000' });
    expect(await failure(stranger.getWorkOrder(o.orderNo))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'UNAUTHORIZED', httpStatus: 401 });
    expect((await raw('GET', `/api/v1/work-orders/${o.orderNo}`, { key: null })).json()).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    expect((await raw('GET', '/api/v1/work-orders/SZ12345-bad')).status).toBe(400);
    expect((await raw('DELETE', `/api/v1/work-orders/${o.orderNo}`)).status).toBe(404);
  });

  it('lists the unit’s orders by (updatedAt, orderNo), updatedSince inclusive, status filter, across pages', async () => {
    const created: WorkOrder[] = [];
    for (let i = 0; i < 7; i += 1) {
      created.push(sim.dispatch());
      if (i % 2 === 1) now += MINUTE; // pairs share an updatedAt: ordered by orderNo then
    }
    sim.dispatch({ assignee: '440309-DL-ZHZF' });
    const all = await client.listWorkOrdersSince(null, { pageSize: 3 });
    expect(all.map((o) => o.orderNo)).toEqual(created.map((o) => o.orderNo));
    expect(sim.calls('listWorkOrders')).toBe(3);

    const since = created[2].updatedAt;
    expect((await client.listWorkOrdersSince(since)).map((o) => o.orderNo)).toEqual(created.filter((o) => o.updatedAt >= since).map((o) => o.orderNo));
    expect(created.filter((o) => o.updatedAt === since)).toHaveLength(2);

    now += MINUTE;
    await client.signWorkOrder(created[0].orderNo, { signedBy: '刘振华' });
    expect((await client.listWorkOrdersSince(null, { status: 'SIGNED' })).map((o) => o.orderNo)).toEqual([created[0].orderNo]);
    // The signed order moved to the end.
    expect((await client.listWorkOrdersSince(null)).map((o) => o.orderNo).at(-1)).toBe(created[0].orderNo);

    const first = await client.listWorkOrders({ pageSize: 7 });
    expect(first.items).toHaveLength(7);
    expect(first.nextPageToken).toBeUndefined();
  });

  it('an order updated while paging comes again later; listWorkOrdersSince keeps its latest version', async () => {
    const a = sim.dispatch();
    const b = sim.dispatch();
    sim.dispatch();
    const page1 = await client.listWorkOrders({ pageSize: 2 });
    expect(page1.items.map((o) => o.orderNo)).toEqual([a.orderNo, b.orderNo]);
    now += MINUTE;
    await client.signWorkOrder(a.orderNo, { signedBy: '刘振华' });
    const page2 = await client.listWorkOrders({ pageSize: 2, pageToken: page1.nextPageToken });
    expect(page2.items.map((o) => [o.orderNo, o.version])).toEqual([
      [expect.any(String), 1],
      [a.orderNo, 2],
    ]);
    const all = await client.listWorkOrdersSince(null, { pageSize: 2 });
    expect(all.find((o) => o.orderNo === a.orderNo)?.status).toBe('SIGNED');
  });

  it('refuses a bad list request: 400 for pageSize / assignee / updatedSince / unknown parameters, 403 for another unit', async () => {
    for (const q of ['pageSize=0', 'pageSize=101', 'pageSize=ten', 'status=OPEN', 'updatedSince=2025-03-18', 'foo=1', `assignee=${ASSIGNEE}&assignee=${ASSIGNEE}`]) {
      const target = q.startsWith('assignee') ? `/api/v1/work-orders?${q}` : `/api/v1/work-orders?assignee=${ASSIGNEE}&${q}`;
      const r = await raw('GET', target);
      expect([q, r.status, r.json().code]).toEqual([q, 400, 'INVALID_ARGUMENT']);
    }
    expect((await raw('GET', '/api/v1/work-orders')).json().code).toBe('INVALID_ARGUMENT');
    expect((await raw('GET', '/api/v1/work-orders?assignee=440309-GL-ZHZF')).status).toBe(403);
    const other = clientFor(sim, { assignee: '440309-GL-ZHZF' });
    expect(await failure(other.listWorkOrders())).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'FORBIDDEN', httpStatus: 403 });
    expect(await failure(client.listWorkOrders({ pageToken: 'forged.token' }))).toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN', httpStatus: 400 });
  });

  it('a page token lives 15 minutes and only with the same other parameters (400 INVALID_PAGE_TOKEN)', async () => {
    for (let i = 0; i < 5; i += 1) sim.dispatch();
    const page1 = await client.listWorkOrders({ pageSize: 2 });
    const token = page1.nextPageToken as string;
    expect(token.length).toBeLessThanOrEqual(512);
    expect(await failure(client.listWorkOrders({ pageSize: 3, pageToken: token }))).toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN' });
    expect(await failure(client.listWorkOrders({ pageSize: 2, status: 'DISPATCHED', pageToken: token }))).toMatchObject({ upstreamCode: 'INVALID_PAGE_TOKEN' });
    now += 14 * MINUTE;
    expect((await client.listWorkOrders({ pageSize: 2, pageToken: token })).items).toHaveLength(2);
    now += 2 * MINUTE;
    const err = await failure(client.listWorkOrders({ pageSize: 2, pageToken: token }));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_PAGE_TOKEN', httpStatus: 400, retryable: false });
  });

  it('listWorkOrdersSince restarts from updatedSince once when a token expires between pages', async () => {
    const created = Array.from({ length: 5 }, () => sim.dispatch());
    let jumped = false;
    simNow = () => {
      // The second list call finds its token 16 minutes old.
      if (!jumped && sim.calls('listWorkOrders') === 2) {
        jumped = true;
        now += 16 * MINUTE;
      }
      return now;
    };
    const all = await client.listWorkOrdersSince('2025-03-18T00:00:00+08:00', { pageSize: 2 });
    expect(jumped).toBe(true);
    expect(all.map((o) => o.orderNo)).toEqual(created.map((o) => o.orderNo));
    expect(sim.calls('listWorkOrders')).toBe(2 + 3);
  });
});

describe('simulator — sign', () => {
  it('DISPATCHED → SIGNED with signedAt and returnDeadline; signing again changes nothing (idempotent)', async () => {
    const o = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL' });
    now = Date.parse('2025-03-18T10:05:31+08:00');
    const signed = await client.signWorkOrder(o.orderNo, { signedBy: '刘振华' });
    expect(signed).toMatchObject({ status: 'SIGNED', version: 2, signedAt: '2025-03-18T10:05:31+08:00', returnDeadline: '2025-03-19T18:00:00+08:00', signOverdue: false, updatedAt: '2025-03-18T10:05:31+08:00' });
    now += 5 * MINUTE;
    expect(await client.signWorkOrder(o.orderNo, { signedBy: '另一人' })).toEqual(signed);
    expect(sim.order(o.orderNo)).toEqual(signed);
  });

  it('late signing is accepted and flagged signOverdue', async () => {
    const o = sim.dispatch({ urgency: 'EMERGENCY' });
    now += 31 * MINUTE;
    expect(await client.signWorkOrder(o.orderNo, { signedBy: '刘振华' })).toMatchObject({ status: 'SIGNED', signOverdue: true });
  });

  it('409 INVALID_STATE outside DISPATCHED/SIGNED; 400 for a bad body; 404/403 first', async () => {
    const o = sim.dispatch();
    await client.returnWorkOrder(o.orderNo, RETURN);
    expect(await failure(client.signWorkOrder(o.orderNo, { signedBy: '刘振华' }))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_STATE', httpStatus: 409 });
    const fresh = sim.dispatch();
    for (const body of ['{}', '{"signedBy":""}', '{"signedBy":"刘振华","note":"x"}', '{"signedBy":null}', 'not json']) {
      const r = await raw('POST', `/api/v1/work-orders/${fresh.orderNo}/sign`, { body });
      expect([body, r.status, r.json().code]).toEqual([body, 400, 'INVALID_ARGUMENT']);
    }
    expect((await raw('POST', '/api/v1/work-orders/SZ1234520250318999999/sign', { body: '{}' })).status).toBe(404);
    expect(sim.order(fresh.orderNo)?.status).toBe('DISPATCHED');
  });
});

describe('simulator — reply', () => {
  it('SIGNED → REPLIED, keeping what was sent; late replies are flagged replyOverdue', async () => {
    const s = await signedOrder();
    now += 2 * 24 * 60 * MINUTE;
    const replied = await client.replyWorkOrder(s.orderNo, REPLY);
    expect(replied).toMatchObject({ status: 'REPLIED', version: 3, replyOverdue: false, repliedAt: expect.any(String) });
    expect(sim.lastReply(s.orderNo)).toEqual({
      result: REPLY.result,
      handledBy: '刘振华',
      handledAt: REPLY.handledAt,
      linkedCaseNo: 'GH-ZF-2025-000131',
      attachments: [{ fileName: '整治后现场照片.png', contentType: 'image/png', bytes: 70 }],
    });

    now = T0;
    const late = await signedOrder({ urgency: 'URGENT' });
    expect(late.replyDeadline).toBe('2025-03-19T18:00:00+08:00');
    now = Date.parse('2025-03-20T09:00:00+08:00');
    expect(await client.replyWorkOrder(late.orderNo, { ...REPLY, attachments: undefined })).toMatchObject({ status: 'REPLIED', replyOverdue: true });
  });

  it('409 INVALID_STATE unless SIGNED', async () => {
    const o = sim.dispatch();
    expect(await failure(client.replyWorkOrder(o.orderNo, REPLY))).toMatchObject({ upstreamCode: 'INVALID_STATE', httpStatus: 409 });
  });

  it('400 for a reply outside the schema, 413 for an attachment over 5 MiB', async () => {
    const s = await signedOrder();
    const path = `/api/v1/work-orders/${s.orderNo}/reply`;
    const attachment = REPLY.attachments![0];
    const bad: Array<[string, unknown]> = [
      ['short result', { ...REPLY, result: '已处理完毕' }],
      ['long result', { ...REPLY, result: '办'.repeat(2001) }],
      ['no handledBy', { ...REPLY, handledBy: undefined }],
      ['handledAt without offset', { ...REPLY, handledAt: '2025-04-02 15:50' }],
      ['ten attachments', { ...REPLY, attachments: Array(10).fill(attachment) }],
      ['gif attachment', { ...REPLY, attachments: [{ ...attachment, contentType: 'image/gif' }] }],
      ['not base64', { ...REPLY, attachments: [{ ...attachment, contentBase64: '***' }] }],
      ['unknown field', { ...REPLY, officerId: 'x' }],
      ['linkedCaseNo over 64', { ...REPLY, linkedCaseNo: 'X'.repeat(65) }],
    ];
    for (const [what, body] of bad) {
      const r = await raw('POST', path, { body: JSON.stringify(body) });
      expect([what, r.status, r.json().code]).toEqual([what, 400, 'INVALID_ARGUMENT']);
    }
    const big = { ...REPLY, attachments: [{ fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 3).toString('base64') }] };
    const r = await raw('POST', path, { body: JSON.stringify(big) });
    expect([r.status, r.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // Exactly 5 MiB is allowed.
    const five: ReplyRequest = { ...REPLY, attachments: [{ fileName: 'ok.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(5 * 1024 * 1024).toString('base64') }] };
    expect((await client.replyWorkOrder(s.orderNo, five)).status).toBe('REPLIED');
  });
});

describe('simulator — return', () => {
  it('DISPATCHED → RETURNED any time; SIGNED until returnDeadline, then 409 DEADLINE_PASSED', async () => {
    const a = sim.dispatch();
    now += 30 * 24 * 60 * MINUTE;
    expect(await client.returnWorkOrder(a.orderNo, RETURN)).toMatchObject({ status: 'RETURNED', version: 2 });

    now = T0;
    const b = await signedOrder();
    expect(b.returnDeadline).toBe('2025-03-19T18:00:00+08:00');
    now = Date.parse('2025-03-19T18:00:00+08:00');
    expect(await client.returnWorkOrder(b.orderNo, { reasonCode: 'DUPLICATE', reasonText: '与另一工单反映同一问题', duplicateOfOrderNo: a.orderNo })).toMatchObject({ status: 'RETURNED' });

    now = T0;
    const c = await signedOrder();
    now = Date.parse('2025-03-19T18:00:01+08:00');
    const err = await failure(client.returnWorkOrder(c.orderNo, RETURN));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DEADLINE_PASSED', httpStatus: 409, retryable: false });
    expect(sim.order(c.orderNo)?.status).toBe('SIGNED');
  });

  it('409 INVALID_STATE after the reply; 400 for DUPLICATE without duplicateOfOrderNo or of itself', async () => {
    const s = await signedOrder();
    const path = `/api/v1/work-orders/${s.orderNo}/return`;
    const noDuplicate = await raw('POST', path, { body: JSON.stringify({ reasonCode: 'DUPLICATE', reasonText: '重复工单，已在办理' }) });
    expect([noDuplicate.status, noDuplicate.json().code]).toEqual([400, 'INVALID_ARGUMENT']);
    const self = await failure(client.returnWorkOrder(s.orderNo, { reasonCode: 'DUPLICATE', reasonText: '重复工单，已在办理', duplicateOfOrderNo: s.orderNo }));
    expect(self).toMatchObject({ upstreamCode: 'INVALID_ARGUMENT', httpStatus: 400 });
    await client.replyWorkOrder(s.orderNo, REPLY);
    expect(await failure(client.returnWorkOrder(s.orderNo, RETURN))).toMatchObject({ upstreamCode: 'INVALID_STATE', httpStatus: 409 });
  });
});

describe('simulator — extension', () => {
  it('202 PENDING without changing the order; one pending at a time; decided by EXTENSION_DECIDED', async () => {
    const s = await signedOrder();
    const accepted = await client.requestExtension(s.orderNo, EXTENSION);
    expect(accepted).toEqual({ extensionId: expect.stringMatching(/^EXT20250318\d{5}$/), status: 'PENDING', requestedAt: '2025-03-18T10:05:10+08:00' });
    expect(sim.order(s.orderNo)).toEqual(s);
    expect(await failure(client.requestExtension(s.orderNo, { ...EXTENSION, requestedDeadline: '2025-04-20T18:00:00+08:00' }))).toMatchObject({
      upstreamCode: 'INVALID_STATE',
      httpStatus: 409,
    });

    now += 60 * MINUTE;
    const approved = sim.decideExtension(s.orderNo, 'APPROVED', '2025-04-16T18:00:00+08:00', '同意延期至4月16日');
    expect(approved).toMatchObject({ replyDeadline: '2025-04-16T18:00:00+08:00', version: s.version + 1 });
    await sim.flushWebhooks();
    const last = receiver.received.at(-1);
    expect(last?.event).toEqual({
      eventId: expect.any(String),
      type: 'EXTENSION_DECIDED',
      occurredAt: approved.updatedAt,
      orderNo: s.orderNo,
      orderVersion: approved.version,
      data: { extensionId: accepted.extensionId, decision: 'APPROVED', replyDeadline: '2025-04-16T18:00:00+08:00', comment: '同意延期至4月16日' },
    });

    // A new request after the decision; a denial leaves the deadline and carries no replyDeadline.
    const second = await client.requestExtension(s.orderNo, { ...EXTENSION, requestedDeadline: '2025-04-25T18:00:00+08:00' });
    const denied = sim.decideExtension(s.orderNo, 'DENIED', undefined, '不符合延期条件');
    expect(denied.replyDeadline).toBe('2025-04-16T18:00:00+08:00');
    await sim.flushWebhooks();
    expect(receiver.received.at(-1)?.event.data).toEqual({ extensionId: second.extensionId, decision: 'DENIED', comment: '不符合延期条件' });
    expect(parseWorkOrderEvent(receiver.received.at(-1)?.raw).ok).toBe(true);

    // APPROVED without a date grants the requested one.
    await client.requestExtension(s.orderNo, EXTENSION);
    expect(sim.decideExtension(s.orderNo, 'APPROVED').replyDeadline).toBe(EXTENSION.requestedDeadline);
    expect(() => sim.decideExtension(s.orderNo, 'APPROVED')).toThrow(/no PENDING extension/);
  });

  it('409 INVALID_STATE unless SIGNED, 409 DEADLINE_PASSED after replyDeadline, 400 for a requested deadline not after it', async () => {
    const d = sim.dispatch();
    expect(await failure(client.requestExtension(d.orderNo, EXTENSION))).toMatchObject({ upstreamCode: 'INVALID_STATE', httpStatus: 409 });
    const s = await signedOrder();
    const notLater = await failure(client.requestExtension(s.orderNo, { ...EXTENSION, requestedDeadline: s.replyDeadline }));
    expect(notLater).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT', httpStatus: 400 });
    now = (parseDateTime(s.replyDeadline) as number) + 1000;
    expect(await failure(client.requestExtension(s.orderNo, EXTENSION))).toMatchObject({ upstreamCode: 'DEADLINE_PASSED', httpStatus: 409 });
    const r = await raw('POST', `/api/v1/work-orders/${s.orderNo}/extension`, { body: JSON.stringify({ reason: '短', requestedDeadline: EXTENSION.requestedDeadline }) });
    expect([r.status, r.json().code]).toEqual([400, 'INVALID_ARGUMENT']);
  });
});

describe('simulator — the centre’s moves', () => {
  it('urge and recall: version + 1 each, webhooks with urgeCount and reason; a recalled order cannot be signed', async () => {
    const o = sim.dispatch();
    now += MINUTE;
    expect(sim.urge(o.orderNo, '市民再次来电')).toMatchObject({ urgeCount: 1, version: 2 });
    expect(sim.urge(o.orderNo, '市民第三次来电')).toMatchObject({ urgeCount: 2, version: 3 });
    const recalled = sim.recall(o.orderNo, '派单错误，已改派观澜街道');
    expect(recalled).toMatchObject({ status: 'RECALLED', version: 4 });
    await sim.flushWebhooks();
    expect(receiver.received.map((r) => [r.event.type, r.event.orderVersion, r.event.data])).toEqual([
      ['WORK_ORDER_DISPATCHED', 1, o],
      ['WORK_ORDER_URGED', 2, { urgeCount: 1, reason: '市民再次来电' }],
      ['WORK_ORDER_URGED', 3, { urgeCount: 2, reason: '市民第三次来电' }],
      ['WORK_ORDER_RECALLED', 4, { reason: '派单错误，已改派观澜街道' }],
    ]);
    expect(await failure(client.signWorkOrder(o.orderNo, { signedBy: '刘振华' }))).toMatchObject({ upstreamCode: 'INVALID_STATE' });
    expect(() => sim.urge(o.orderNo, 'x')).toThrow(/RECALLED/);
    expect(() => sim.recall(o.orderNo, 'x')).toThrow(/RECALLED/);
  });

  it('evaluate: REPLIED → CLOSED with the evaluation and EVALUATION_RECEIVED', async () => {
    const s = await signedOrder();
    expect(() => sim.evaluate(s.orderNo, 'SATISFIED')).toThrow(/only REPLIED/);
    await client.replyWorkOrder(s.orderNo, REPLY);
    now += 60 * MINUTE;
    const closed = sim.evaluate(s.orderNo, 'SATISFIED', '摊贩已清理，现在通行顺畅');
    expect(closed).toMatchObject({
      status: 'CLOSED',
      version: 4,
      closedAt: closed.updatedAt,
      evaluation: { result: 'SATISFIED', comment: '摊贩已清理，现在通行顺畅', evaluatedAt: closed.updatedAt },
    });
    await sim.flushWebhooks();
    expect(receiver.received.at(-1)?.event).toMatchObject({ type: 'EVALUATION_RECEIVED', orderVersion: 4, data: { evaluation: 'SATISFIED', comment: '摊贩已清理，现在通行顺畅' } });
    expect(await client.getWorkOrder(s.orderNo)).toEqual(closed);
  });

  it('re-dispatch: the same orderNo, dispatchRound + 1, new deadlines, DISPATCHED, urgeCount 0, a new WORK_ORDER_DISPATCHED', async () => {
    const o = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL' });
    sim.urge(o.orderNo, '市民再次来电');
    now += 10 * MINUTE;
    const signed = await client.signWorkOrder(o.orderNo, { signedBy: '刘振华' });
    const returned = await client.returnWorkOrder(o.orderNo, RETURN);
    now = Date.parse('2025-03-21T16:30:00+08:00');
    const again = sim.redispatch(o.orderNo);
    expect(again).toMatchObject({
      orderNo: o.orderNo,
      dispatchRound: 2,
      version: returned.version + 1,
      status: 'DISPATCHED',
      urgeCount: 0,
      signOverdue: false,
      dispatchedAt: '2025-03-21T16:30:00+08:00',
      signDeadline: '2025-03-24T09:30:00+08:00',
      replyDeadline: '2025-04-14T18:00:00+08:00',
    });
    for (const absent of ['signedAt', 'returnDeadline', 'repliedAt', 'closedAt', 'evaluation']) expect(again).not.toHaveProperty(absent);
    expect(signed.dispatchRound).toBe(1);
    await sim.flushWebhooks();
    const last = receiver.received.at(-1);
    expect(last?.event).toMatchObject({ type: 'WORK_ORDER_DISPATCHED', orderNo: o.orderNo, orderVersion: again.version, data: again });
    // The new round is handled like a new order: sign again.
    expect(await client.signWorkOrder(o.orderNo, { signedBy: '刘振华' })).toMatchObject({ status: 'SIGNED', dispatchRound: 2 });
    expect(() => sim.redispatch('SZ1234520250318999999')).toThrow(/no work order/);
  });

  it('closeUnevaluated: a REPLIED order closes after 5 working days without a webhook', async () => {
    const s = await signedOrder();
    now = Date.parse('2025-04-02T16:20:45+08:00');
    const replied = await client.replyWorkOrder(s.orderNo, REPLY);
    await sim.flushWebhooks();
    const received = receiver.received.length;
    now = Date.parse('2025-04-10T17:59:59+08:00');
    expect(sim.closeUnevaluated()).toEqual([]);
    now = Date.parse('2025-04-10T18:00:00+08:00');
    const [closed] = sim.closeUnevaluated();
    expect(closed).toMatchObject({ orderNo: s.orderNo, status: 'CLOSED', version: replied.version + 1, closedAt: '2025-04-10T18:00:00+08:00' });
    expect(closed).not.toHaveProperty('evaluation');
    await sim.flushWebhooks();
    expect(receiver.received).toHaveLength(received);
    expect((await client.listWorkOrdersSince('2025-04-10T00:00:00+08:00')).map((o) => [o.orderNo, o.status])).toEqual([[s.orderNo, 'CLOSED']]);
  });
});

describe('simulator — automatic behaviour', () => {
  it('urges orders past their deadline at most once an hour, evaluates replies, decides extensions, closes the unevaluated', async () => {
    const late = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL' });
    const wantsReply = await signedOrder({ requester: { name: '李晓明', phone: '13812348000', anonymous: false, wantsReply: true } });
    const silent = await signedOrder({ requester: { anonymous: true, wantsReply: false } });
    const extended = await signedOrder();
    await client.replyWorkOrder(wantsReply.orderNo, REPLY);
    await client.replyWorkOrder(silent.orderNo, REPLY);
    const accepted = await client.requestExtension(extended.orderNo, EXTENSION);

    // 09:42 + 2 working hours = 11:42 for `late`; at 11:43 it is urged once.
    now = Date.parse('2025-03-18T11:43:00+08:00');
    sim.tick();
    sim.tick();
    expect(sim.order(late.orderNo)).toMatchObject({ urgeCount: 1, status: 'DISPATCHED' });
    now += 59 * MINUTE;
    sim.tick();
    expect(sim.order(late.orderNo)?.urgeCount).toBe(1);
    now += MINUTE;
    sim.tick();
    expect(sim.order(late.orderNo)?.urgeCount).toBe(2);

    // The reply with a call-back number was evaluated; the anonymous one without is not.
    expect(sim.order(wantsReply.orderNo)).toMatchObject({ status: 'CLOSED', evaluation: { result: expect.any(String) } });
    expect(sim.order(silent.orderNo)?.status).toBe('REPLIED');
    // The extension was decided, one way or the other.
    const decided = sim.events().find((e) => e.type === 'EXTENSION_DECIDED' && e.orderNo === extended.orderNo);
    expect(decided?.data).toMatchObject({ extensionId: accepted.extensionId, decision: expect.stringMatching(/^(APPROVED|DENIED)$/) });
    const after = sim.order(extended.orderNo) as WorkOrder;
    if (decided?.type === 'EXTENSION_DECIDED' && decided.data.decision === 'APPROVED') {
      expect(after.replyDeadline).toBe(decided.data.replyDeadline);
      expect(Date.parse(after.replyDeadline)).toBeGreaterThan(Date.parse(extended.replyDeadline));
      expect(Date.parse(after.replyDeadline)).toBeLessThanOrEqual(Date.parse(EXTENSION.requestedDeadline));
    } else {
      expect(after.replyDeadline).toBe(extended.replyDeadline);
    }

    // Five working days later the unevaluated reply closes by itself.
    now = Date.parse('2025-03-26T18:00:00+08:00');
    sim.tick();
    expect(sim.order(silent.orderNo)).toMatchObject({ status: 'CLOSED' });
    expect(sim.order(silent.orderNo)).not.toHaveProperty('evaluation');
    // Other units' orders are left alone.
    const foreign = sim.dispatch({ assignee: '440309-GL-ZHZF' });
    now += 24 * 60 * MINUTE;
    sim.tick();
    expect(sim.order(foreign.orderNo)?.urgeCount).toBe(0);
  });

  it('with dispatchEveryMs > 0 the centre dispatches by itself to the demo streets', async () => {
    const auto = await startSim({ dispatchEveryMs: 10, webhookUrl: () => null });
    await until(() => auto.orders().length >= 3, 'three automatic dispatches');
    const streets = DEMO_STREETS.map((s) => s.street);
    for (const o of auto.orders()) {
      expect(readWorkOrder(o, 'order')).toEqual(o);
      expect(streets).toContain(o.location.street);
      expect(o.assignee.deptCode).toBe(ASSIGNEE);
    }
    await auto.close();
  });
});

describe('simulator — switches', () => {
  it('429 with Retry-After: reads are retried after the wait, and fail with the hint when it persists', async () => {
    const o = sim.dispatch();
    sim.control.set({ rateLimited: true, retryAfterSeconds: 3 });
    onSleep = () => sim.control.set({ rateLimited: false });
    expect(await client.getWorkOrder(o.orderNo)).toEqual(o);
    expect(sleeps).toEqual([3000]);
    onSleep = null;
    sim.control.set({ rateLimited: true, retryAfterSeconds: 3 });
    const err = await failure(client.getWorkOrder(o.orderNo));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'RATE_LIMITED', httpStatus: 429, retryAfterSeconds: 3 });
    expect(sim.calls('getWorkOrder')).toBe(2 + 3);
  });

  it('503 maintenance: sign is retried and succeeds; reply is sent once', async () => {
    const o = sim.dispatch();
    sim.control.set({ maintenance: true, retryAfterSeconds: 2 });
    onSleep = () => sim.control.set({ maintenance: false });
    expect(await client.signWorkOrder(o.orderNo, { signedBy: '刘振华' })).toMatchObject({ status: 'SIGNED' });
    expect(sim.calls('signWorkOrder')).toBe(2);
    expect(sleeps).toEqual([2000]);

    sim.control.set({ maintenance: true, retryAfterSeconds: 2 });
    const err = await failure(client.replyWorkOrder(o.orderNo, REPLY));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryable: true, retryAfterSeconds: 2 });
    expect(sim.calls('replyWorkOrder')).toBe(1);
    expect(sim.order(o.orderNo)?.status).toBe('SIGNED');
  });

  it('garbage JSON, internal errors, a gateway page and a forced error code', async () => {
    const o = sim.dispatch();
    const once = clientFor(sim, { maxAttempts: 1 });
    sim.control.set({ malformed: true });
    expect(await failure(once.getWorkOrder(o.orderNo))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    sim.control.set({ malformed: false, errorRate: 1 });
    expect(await failure(once.getWorkOrder(o.orderNo))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'INTERNAL', httpStatus: 500 });
    sim.control.set({ errorRate: 0, gatewayError: true });
    expect(await failure(once.getWorkOrder(o.orderNo))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    sim.control.set({ gatewayError: false, fault: 'DEADLINE_PASSED' });
    expect(await failure(once.returnWorkOrder(o.orderNo, RETURN))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'DEADLINE_PASSED', httpStatus: 409 });
    sim.control.reset();
    expect((await once.getWorkOrder(o.orderNo)).status).toBe('DISPATCHED');
  });
});

describe('simulator — webhook delivery', () => {
  it('retries after non-2xx with the same eventId and bytes, signed afresh, and gives up after 6 attempts', async () => {
    receiver.failNext(500, 503);
    const o = sim.dispatch();
    await until(() => sim.deliveries().some((d) => d.outcome === 'DELIVERED'), 'the third attempt delivered');
    const [a, b, c] = receiver.received;
    expect([a.answered, b.answered, c.answered]).toEqual([500, 503, 204]);
    expect(new Set([a.event.eventId, b.event.eventId, c.event.eventId]).size).toBe(1);
    expect(a.raw.equals(c.raw)).toBe(true);
    expect(sim.deliveries().map((d) => [d.attempt, d.outcome, d.httpStatus])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 503],
      [3, 'DELIVERED', 204],
    ]);

    receiver.failNext(500, 500, 500, 500, 500, 500);
    sim.urge(o.orderNo, '市民再次来电');
    await until(() => sim.deliveries().some((d) => d.outcome === 'GAVE_UP'), 'giving up');
    const urged = sim.deliveries().filter((d) => d.type === 'WORK_ORDER_URGED');
    expect(urged.map((d) => [d.attempt, d.outcome])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'FAILED'],
      [4, 'FAILED'],
      [5, 'FAILED'],
      [6, 'FAILED'],
      [6, 'GAVE_UP'],
    ]);
    expect(sim.pendingWebhooks()).toBe(0);
    // Only the pull API shows the change now.
    expect((await client.getWorkOrder(o.orderNo)).urgeCount).toBe(1);
  });

  it('duplicateRate 1 delivers every event twice with the same eventId; dropRate 1 delivers nothing', async () => {
    sim.webhooks.duplicateRate = 1;
    const a = sim.dispatch();
    await sim.flushWebhooks();
    expect(receiver.received.map((r) => r.event.orderNo)).toEqual([a.orderNo, a.orderNo]);
    expect(receiver.received[0].event.eventId).toBe(receiver.received[1].event.eventId);

    Object.assign(sim.webhooks, { duplicateRate: 0, dropRate: 1 });
    const b = sim.dispatch();
    await sim.flushWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(sim.deliveries().at(-1)).toMatchObject({ orderNo: b.orderNo, outcome: 'DROPPED', attempt: 0 });
    expect((await client.listWorkOrdersSince(null)).map((o) => o.orderNo)).toContain(b.orderNo);
    expect(() => {
      sim.webhooks.dropRate = 2;
    }).toThrow(RangeError);
  });

  it('reorder sends an event after the next one; hold keeps everything until released, in order', async () => {
    sim.webhooks.reorder = true;
    const a = sim.dispatch();
    const b = sim.dispatch();
    await sim.flushWebhooks();
    expect(receiver.received.map((r) => r.event.orderNo)).toEqual([b.orderNo, a.orderNo]);
    sim.webhooks.reorder = false;

    sim.webhooks.hold = true;
    const c = sim.dispatch();
    sim.urge(c.orderNo, '市民再次来电');
    await sim.flushWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(sim.pendingWebhooks()).toBe(2);
    sim.webhooks.hold = false;
    await sim.flushWebhooks();
    expect(receiver.received.slice(2).map((r) => [r.event.type, r.event.orderVersion])).toEqual([
      ['WORK_ORDER_DISPATCHED', 1],
      ['WORK_ORDER_URGED', 2],
    ]);
    expect(sim.pendingWebhooks()).toBe(0);
  });

  it('without a URL the attempt fails as NO_URL; flushWebhooks sends the waiting retry at once', async () => {
    const slow = await startSim({ webhookRetryDelaysMs: [3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000] });
    webhookUrl = null;
    const o = slow.dispatch();
    await slow.flushWebhooks();
    expect(slow.deliveries()).toEqual([expect.objectContaining({ orderNo: o.orderNo, attempt: 1, outcome: 'NO_URL' })]);
    expect(slow.pendingWebhooks()).toBe(1);
    webhookUrl = receiver.url;
    await slow.flushWebhooks();
    expect(slow.deliveries().map((d) => [d.attempt, d.outcome])).toEqual([
      [1, 'NO_URL'],
      [2, 'DELIVERED'],
    ]);
    expect(receiver.received.map((r) => r.event.orderNo)).toEqual([o.orderNo]);
    expect(slow.pendingWebhooks()).toBe(0);
  });

  it('during a secret rotation signs with both secrets (two v1); the hub accepts with either', async () => {
    sim.rotateWebhookSecret('whsec_unit_test_next_0a1b2c');
    sim.dispatch();
    await sim.flushWebhooks();
    const [got] = receiver.received;
    expect(got.header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(got.verification).toEqual({ ok: true });
    receiverSecrets = ['whsec_unit_test_next_0a1b2c'];
    sim.dispatch();
    await sim.flushWebhooks();
    expect(receiver.received[1].verification).toEqual({ ok: true });
    sim.completeWebhookSecretRotation();
    sim.dispatch();
    await sim.flushWebhooks();
    expect(receiver.received[2].verification).toEqual({ ok: true });
    expect(receiver.received[2].header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('pushes nothing for other units’ orders', async () => {
    sim.dispatch({ assignee: '440309-MZ-ZHZF' });
    await sim.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect(sim.events()).toHaveLength(0);
  });
});

describe('simulator — control over HTTP (standalone runs)', () => {
  it('dispatches, moves orders and sets webhook switches through /__simulator', async () => {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${sim.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const dispatched = await post('/__simulator/dispatch', { street: '福城', category: 'CONSULTATION' });
    const order = dispatched.json.order as WorkOrder;
    expect(order.orderNo).toMatch(ORDER_NO_PATTERN);
    expect(order.location.street).toBe('福城街道');
    expect((await post(`/__simulator/orders/${order.orderNo}/urge`, { reason: '再次来电' })).json.order).toMatchObject({ urgeCount: 1 });
    expect((await post(`/__simulator/orders/${order.orderNo}/evaluate`, {})).status).toBe(409);
    expect((await post('/__simulator/webhooks', { hold: true })).json.switches).toMatchObject({ hold: true });
    expect(sim.webhooks.hold).toBe(true);
    const listed = (await (await fetch(`${sim.url}/__simulator/orders`)).json()) as { orders: WorkOrder[] };
    expect(listed.orders.map((o) => o.orderNo)).toEqual([order.orderNo]);
    expect((await post('/__simulator', { latencyMs: 0, errorRate: 0 })).status).toBe(200);
    expect((await post('/__simulator/nowhere', {})).status).toBe(404);
  });
});

describe('simulator — nothing personal or secret in the client’s logs', () => {
  it('a whole life cycle logs operations and codes only', async () => {
    const logger = captureLogger();
    const c = clientFor(sim, {}, logger);
    const requester = { name: '李晓明', phone: '13812348000', anonymous: false, wantsReply: true };
    const o = sim.dispatch({ requester });
    await c.getWorkOrder(o.orderNo);
    await c.listWorkOrdersSince(null);
    await c.signWorkOrder(o.orderNo, { signedBy: '刘振华' });
    await failure(c.returnWorkOrder(o.orderNo, { reasonCode: 'DUPLICATE', reasonText: '重复工单，已在办理', duplicateOfOrderNo: o.orderNo }));
    await c.replyWorkOrder(o.orderNo, REPLY);
    sim.control.set({ malformed: true });
    await failure(c.getWorkOrder(o.orderNo));
    expect(logger.lines.length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify(logger.lines);
    for (const secret of [API_KEY, WEBHOOK_SECRET, requester.name, requester.phone, '刘振华', REPLY.result]) expect(text).not.toContain(secret);
  });
});
