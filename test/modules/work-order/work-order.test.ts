// 12345 work orders end to end through the real server and the hotline's simulator over HTTP:
// signed webhooks (forged, stale, duplicated, out of order), reconciliation, the team's actions
// through the outbox, a case opened from an order and the reply offered when it closes, masking.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signWebhook, type WorkOrder as HotlineOrder } from '../../../connectors/hotline-12345';
import { WORK_ORDER_ACTION_TOPIC } from '../../../src/modules/work-order/work-order.service';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
let gh: string; // 观湖 street team officer
let mz: string; // 民治 street team officer
let hotline: string;
let supervisor: string;

const ORDER = `query ($orderNo: String!) {
  workOrder(orderNo: $orderNo) {
    id orderNo version dispatchRound status category urgency title address street assigneeCode
    signedAt signedBy returnDeadline replyDeadline repliedAt urgeCount lastUrgeReason recallReason evaluation evaluationComment
    pendingAction lastActionError replyResult returnReasonCode overdue
    requester { name phone anonymous wantsReply masked }
    deadlines { kind dueAt metAt overdue }
    extension { extensionId status reason requestedDeadline comment }
    replyOffer { result linkedCaseNo }
    department { code }
    case { id caseNo source }
  }
}`;
const LIST = `query ($filter: WorkOrderFilter, $first: Int) { workOrders(filter: $filter, first: $first) { totalCount edges { node { orderNo department { code } } } } }`;
const SIGN = `mutation ($orderNo: String!) { signWorkOrder(orderNo: $orderNo) { orderNo status pendingAction } }`;
const REPLY = `mutation ($orderNo: String!, $input: ReplyWorkOrderInput!) { replyWorkOrder(orderNo: $orderNo, input: $input) { orderNo pendingAction } }`;
const RETURN = `mutation ($orderNo: String!, $input: ReturnWorkOrderInput!) { returnWorkOrder(orderNo: $orderNo, input: $input) { orderNo pendingAction } }`;
const EXTEND = `mutation ($orderNo: String!, $input: WorkOrderExtensionInput!) { requestWorkOrderExtension(orderNo: $orderNo, input: $input) { orderNo pendingAction } }`;
const CREATE_CASE = `mutation ($orderNo: String!, $input: CreateCaseFromWorkOrderInput!) {
  createCaseFromWorkOrder(orderNo: $orderNo, input: $input) { id caseNo source stage workOrders { orderNo } }
}`;
const EXECUTE = `mutation ($caseId: ID!, $input: RecordExecutionInput!) { recordExecution(caseId: $caseId, input: $input) { id stage } }`;
const CLOSE = `mutation ($caseId: ID!, $input: CloseCaseInput!) { closeCase(caseId: $caseId, input: $input) { id stage } }`;

interface OrderView {
  id: string;
  orderNo: string;
  version: number;
  dispatchRound: number;
  status: string;
  street: string;
  signedAt: string | null;
  signedBy: string | null;
  returnDeadline: string | null;
  replyDeadline: string;
  urgeCount: number;
  lastUrgeReason: string | null;
  recallReason: string | null;
  evaluation: string | null;
  pendingAction: string | null;
  lastActionError: string | null;
  returnReasonCode: string | null;
  overdue: boolean;
  requester: { name: string | null; phone: string | null; anonymous: boolean; masked: boolean };
  deadlines: Array<{ kind: string; dueAt: string; metAt: string | null; overdue: boolean }>;
  extension: { extensionId: string | null; status: string | null; requestedDeadline: string | null; comment: string | null } | null;
  replyOffer: { result: string; linkedCaseNo: string | null } | null;
  department: { code: string } | null;
  case: { id: string; caseNo: string; source: string } | null;
}

const sim = () => t.hub.services.upstream.hotline.simulator!;
const sync = () => t.hub.services.workOrderSync;

async function view(orderNo: string, token = gh) {
  const r = await t.gql<{ workOrder: OrderView }>(ORDER, { orderNo }, token);
  return r;
}

async function order(orderNo: string, token = gh): Promise<OrderView> {
  const r = await view(orderNo, token);
  expect(r.errors).toBeUndefined();
  return r.data!.workOrder;
}

/** The hotline dispatches an order to a street; its webhook reaches the hub. */
async function dispatched(overrides: Record<string, unknown> = {}): Promise<HotlineOrder> {
  const o = sim().dispatch({ street: '观湖街道', ...overrides });
  await sim().flushWebhooks();
  await sync().idle();
  return o;
}

/** Delivers the queued work-order actions (only this file's topic: tests share the database). */
async function deliverActions(): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await t.hub.services.outbox.runOnce({ topics: [WORK_ORDER_ACTION_TOPIC] });
    if (n === 0) break;
    total += n;
  }
  await sim().flushWebhooks();
  await sync().idle();
  return total;
}

async function signed(overrides: Record<string, unknown> = {}): Promise<HotlineOrder> {
  const o = await dispatched(overrides);
  expect((await t.gql(SIGN, { orderNo: o.orderNo }, gh)).errors).toBeUndefined();
  await deliverActions();
  expect((await order(o.orderNo)).status).toBe('SIGNED');
  return o;
}

/** Posts a body to the webhook endpoint exactly as given, with the header given. */
async function postWebhook(body: string, signature: string | null): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hotline-signature'] = signature;
  const res = await fetch(t.url.replace('/graphql', '/webhooks/hotline/work-orders'), { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function signed_(body: string, at = Date.now() / 1000): string {
  return signWebhook(body, t.hub.services.upstream.hotline.webhookSecrets, at);
}

function resetSwitches() {
  Object.assign(sim().webhooks, { duplicateRate: 0, dropRate: 0, reorder: false, hold: false });
}

beforeAll(async () => {
  t = await startTestHub({ env: { WORKERS_ENABLED: '0', HOTLINE_SIMULATOR_DISPATCH_MS: '0' } });
  gh = await t.token('LH-GH', 'OFFICER', 'gh-officer-wo');
  mz = await t.token('LH-MZ', 'OFFICER', 'mz-officer-wo');
  hotline = await t.token('LH-12345', 'HOTLINE', 'hotline-agent');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-supervisor');
});
afterEach(() => resetSwitches());
afterAll(() => t.stop());

describe('receiving work orders', () => {
  it('stores a dispatched order, routes it to the street team of its street and masks the requester for others', async () => {
    const o = await dispatched({ street: '观湖街道', requester: { name: '李晓明', phone: '13812348000', anonymous: false, wantsReply: true } });
    const mine = await order(o.orderNo, gh);
    expect(mine).toMatchObject({ status: 'DISPATCHED', version: o.version, street: '观湖街道', department: { code: 'LH-GH' } });
    expect(mine.requester).toEqual({ name: '李晓明', phone: '13812348000', anonymous: false, wantsReply: true, masked: false });
    expect(new Date(mine.deadlines.find((d) => d.kind === 'SIGN')!.dueAt).toISOString()).toBe(new Date(o.signDeadline).toISOString());

    const theHotline = await order(o.orderNo, hotline);
    expect(theHotline.requester).toMatchObject({ name: '李晓明', phone: '13812348000', masked: false });
    const theSupervisor = await order(o.orderNo, supervisor);
    expect(theSupervisor.requester).toMatchObject({ name: '李**', phone: '138****8000', masked: true });

    const other = await view(o.orderNo, mz);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'WORK_ORDER_SCOPE' });
    const otherList = await t.gql<{ workOrders: { edges: Array<{ node: { orderNo: string } }> } }>(LIST, { first: 100 }, mz);
    expect(otherList.data!.workOrders.edges.map((e) => e.node.orderNo)).not.toContain(o.orderNo);

    // The event log never holds the requester.
    const logged = await t.db.prisma.hubEvent.findMany({ where: { topic: 'WORK_ORDER_UPDATED', workOrderId: mine.id } });
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged.map((e) => e.payload))).not.toMatch(/13812348000|李晓明/);
  });

  it('refuses forged, stale, unsigned and malformed webhooks and changes nothing', async () => {
    const o = await dispatched();
    const before = await order(o.orderNo);
    const event = { eventId: randomUUID(), type: 'WORK_ORDER_URGED', occurredAt: new Date().toISOString(), orderNo: o.orderNo, orderVersion: before.version + 1, data: { urgeCount: 1, reason: '群众来电催促' } };
    const body = JSON.stringify(event);

    const forged = await postWebhook(body, signWebhook(body, ['whsec_not_the_secret'], Date.now() / 1000));
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('INVALID_SIGNATURE');
    const stale = await postWebhook(body, signed_(body, Date.now() / 1000 - 301));
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/STALE/);
    expect((await postWebhook(body, null)).status).toBe(401);
    // Signed over other bytes than those sent.
    expect((await postWebhook(body.replace('群众', '市民'), signed_(body))).status).toBe(401);
    const broken = '{"eventId":"x","type":"WORK_ORDER_URGED"}';
    const malformed = await postWebhook(broken, signed_(broken));
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_ARGUMENT');

    expect(await order(o.orderNo)).toMatchObject({ version: before.version, urgeCount: 0 });
    expect(await t.db.prisma.inboundEvent.count({ where: { source: 'hotline-12345', eventId: event.eventId } })).toBe(0);
  });

  it('applies a duplicated event once and never lets an older version overwrite a newer one', async () => {
    const o = await dispatched();
    const v = (await order(o.orderNo)).version;
    const urged = { eventId: randomUUID(), type: 'WORK_ORDER_URGED', occurredAt: new Date().toISOString(), orderNo: o.orderNo, orderVersion: v + 1, data: { urgeCount: 1, reason: '超时未签收' } };
    const body = JSON.stringify(urged);
    const first = await postWebhook(body, signed_(body));
    expect(first).toMatchObject({ status: 200, body: { applied: true } });
    const again = await postWebhook(body, signed_(body));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await order(o.orderNo)).toMatchObject({ version: v + 1, urgeCount: 1, lastUrgeReason: '超时未签收' });

    // A late DISPATCHED (older version) changes nothing.
    const late = JSON.stringify({ eventId: randomUUID(), type: 'WORK_ORDER_DISPATCHED', occurredAt: o.dispatchedAt, orderNo: o.orderNo, orderVersion: v, data: { ...o, version: v } });
    expect(await postWebhook(late, signed_(late))).toMatchObject({ status: 200, body: { applied: false } });
    expect(await order(o.orderNo)).toMatchObject({ version: v + 1, urgeCount: 1 });
  });

  it('fetches the order when an event arrives before its DISPATCHED, then ignores the late DISPATCHED', async () => {
    sim().webhooks.hold = true;
    const o = sim().dispatch({ street: '观湖街道' });
    sim().urge(o.orderNo, '诉求人再次来电');
    const current = sim().order(o.orderNo)!;
    // The URGED event reaches the hub first (its own delivery), the DISPATCHED one later.
    const urged = JSON.stringify({ eventId: randomUUID(), type: 'WORK_ORDER_URGED', occurredAt: current.updatedAt, orderNo: o.orderNo, orderVersion: current.version, data: { urgeCount: 1, reason: '诉求人再次来电' } });
    expect(await postWebhook(urged, signed_(urged))).toMatchObject({ status: 200 });
    await sync().idle();
    expect(await order(o.orderNo)).toMatchObject({ version: current.version, urgeCount: 1, department: { code: 'LH-GH' } });

    sim().webhooks.hold = false;
    await sim().flushWebhooks();
    await sync().idle();
    expect(await order(o.orderNo)).toMatchObject({ version: current.version, urgeCount: 1, status: 'DISPATCHED' });
  });

  it('reconciles orders whose webhooks were dropped, through the pull API', async () => {
    sim().webhooks.dropRate = 1;
    const a = sim().dispatch({ street: '民治街道' });
    const b = sim().dispatch({ street: '观湖街道', category: 'CONSULTATION' });
    await sim().flushWebhooks();
    expect((await view(a.orderNo, supervisor)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const applied = await sync().reconcile();
    expect(applied).toBeGreaterThanOrEqual(2);
    expect(await order(a.orderNo, supervisor)).toMatchObject({ status: 'DISPATCHED', department: { code: 'LH-MZ' } });
    expect(await order(b.orderNo, gh)).toMatchObject({ status: 'DISPATCHED', department: { code: 'LH-GH' } });
    // A second pull applies nothing new (versions are compared).
    expect(await sync().reconcile()).toBe(0);
  });

  it('leaves an order of an unknown street to a bureau or supervisor to route', async () => {
    const o = await dispatched({ street: '坂田街道' });
    expect((await view(o.orderNo, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unrouted = await t.gql<{ workOrders: { edges: Array<{ node: { orderNo: string } }> } }>(LIST, { filter: { unrouted: true }, first: 100 }, supervisor);
    expect(unrouted.data!.workOrders.edges.map((e) => e.node.orderNo)).toContain(o.orderNo);
    const ROUTE = `mutation ($orderNo: String!, $dept: String!) { routeWorkOrder(orderNo: $orderNo, departmentCode: $dept) { department { code } } }`;
    expect((await t.gql(ROUTE, { orderNo: o.orderNo, dept: 'LH-GH' }, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const routed = await t.gql(ROUTE, { orderNo: o.orderNo, dept: 'LH-GH' }, supervisor);
    expect(routed.errors).toBeUndefined();
    expect(await order(o.orderNo, gh)).toMatchObject({ department: { code: 'LH-GH' } });
  });

  it('takes a re-dispatched order as a new round', async () => {
    const o = await dispatched();
    sim().recall(o.orderNo, '重新派单');
    await sim().flushWebhooks();
    expect((await order(o.orderNo)).status).toBe('RECALLED');
    sim().redispatch(o.orderNo);
    await sim().flushWebhooks();
    await sync().idle();
    expect(await order(o.orderNo)).toMatchObject({ status: 'DISPATCHED', dispatchRound: 2, urgeCount: 0 });
  });

  it('flags an order not signed in time as overdue', async () => {
    const o = await dispatched({ dispatchedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const v = await order(o.orderNo);
    expect(v.overdue).toBe(true);
    expect(v.deadlines.find((d) => d.kind === 'SIGN')).toMatchObject({ overdue: true, metAt: null });
    const list = await t.gql<{ workOrders: { edges: Array<{ node: { orderNo: string } }> } }>(LIST, { filter: { overdue: true }, first: 100 }, gh);
    expect(list.data!.workOrders.edges.map((e) => e.node.orderNo)).toContain(o.orderNo);
  });
});

describe('acting on work orders', () => {
  it('signs through the outbox: pending until the hotline answers, then SIGNED with a return deadline', async () => {
    const o = await dispatched();
    const queued = await t.gql<{ signWorkOrder: { status: string; pendingAction: string } }>(SIGN, { orderNo: o.orderNo }, gh);
    expect(queued.data!.signWorkOrder).toEqual({ orderNo: o.orderNo, status: 'DISPATCHED', pendingAction: 'SIGN' });
    // A second action while one is being sent is refused.
    const twice = await t.gql(SIGN, { orderNo: o.orderNo }, gh);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ACTION_PENDING' });
    expect(await deliverActions()).toBe(1);
    const after = await order(o.orderNo);
    expect(after).toMatchObject({ status: 'SIGNED', pendingAction: null, lastActionError: null });
    expect(after.signedAt).not.toBeNull();
    expect(after.returnDeadline).not.toBeNull();
    expect(sim().order(o.orderNo)!.status).toBe('SIGNED');
    // Only the team the order is routed to may act on it.
    const other = await dispatched();
    const refused = await t.gql(SIGN, { orderNo: other.orderNo }, mz);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.outboxMessage.count({ where: { aggregateId: (await order(other.orderNo)).id } })).toBe(0);
  });

  it('shows the hotline’s refusal of an action and the order as it really is', async () => {
    const o = await dispatched();
    sim().webhooks.dropRate = 1; // the hub misses the recall
    sim().recall(o.orderNo, '派错单位');
    await sim().flushWebhooks();
    resetSwitches();
    expect((await t.gql(SIGN, { orderNo: o.orderNo }, gh)).errors).toBeUndefined();
    await deliverActions();
    const after = await order(o.orderNo);
    expect(after.status).toBe('RECALLED');
    expect(after.pendingAction).toBeNull();
    expect(after.lastActionError).toMatch(/^INVALID_STATE/);
  });

  it('does not send a reply twice when the hotline took it but its answer was lost', async () => {
    const o = await signed();
    const result = '经现场核查，已责令商户清理占道物品，现场已恢复通行。';
    expect((await t.gql(REPLY, { orderNo: o.orderNo, input: { result, handledBy: '王建国' } }, gh)).errors).toBeUndefined();
    const message = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { topic: WORK_ORDER_ACTION_TOPIC, payload: { path: ['orderNo'], equals: o.orderNo }, status: 'PENDING' } });
    // The first attempt reached the hotline; the worker died before recording the answer.
    await t.hub.services.upstream.hotline.client.replyWorkOrder(o.orderNo, (message.payload as { request: never }).request);
    await t.db.prisma.outboxMessage.update({ where: { id: message.id }, data: { attempts: 1 } });
    const repliesBefore = sim().calls('replyWorkOrder');
    await deliverActions();
    expect(sim().calls('replyWorkOrder')).toBe(repliesBefore); // read the order, did not reply again
    expect(await order(o.orderNo)).toMatchObject({ status: 'REPLIED', pendingAction: null, lastActionError: null });
    const delivered = await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.result).toMatchObject({ alreadyDone: true });
  });

  it('returns an order inside the window and refuses a return after it with DEADLINE_PASSED', async () => {
    const o = await signed();
    const bad = await t.gql(RETURN, { orderNo: o.orderNo, input: { reasonCode: 'DUPLICATE', reasonText: '与已办工单重复' } }, gh);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOfOrderNo' });
    const ok = await t.gql(RETURN, { orderNo: o.orderNo, input: { reasonCode: 'NOT_OUR_JURISDICTION', reasonText: '属燃气管理部门职责' } }, gh);
    expect(ok.errors).toBeUndefined();
    await deliverActions();
    expect(await order(o.orderNo)).toMatchObject({ status: 'RETURNED', returnReasonCode: 'NOT_OUR_JURISDICTION', pendingAction: null });
    expect(sim().order(o.orderNo)!.status).toBe('RETURNED');

    // Signed long ago: the return deadline (18:00 of the next working day) has passed.
    const late = await signed({ dispatchedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    const row = await t.db.prisma.workOrder.findUniqueOrThrow({ where: { orderNo: late.orderNo } });
    await t.db.prisma.workOrder.update({ where: { id: row.id }, data: { returnDeadline: new Date(Date.now() - 60_000) } });
    const refused = await t.gql(RETURN, { orderNo: late.orderNo, input: { reasonCode: 'INSUFFICIENT_INFO', reasonText: '地址不详无法核查' } }, gh);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'DEADLINE_PASSED' });
    expect(await order(late.orderNo)).toMatchObject({ status: 'SIGNED', pendingAction: null });
    expect(await t.db.prisma.outboxMessage.count({ where: { aggregateId: row.id, payload: { path: ['action'], equals: 'RETURN' } } })).toBe(0);
  });

  it('asks for an extension and takes the hotline’s approval or denial', async () => {
    const a = await signed();
    const current = await order(a.orderNo);
    const early = await t.gql(EXTEND, { orderNo: a.orderNo, input: { reason: '需协调多部门联合处置', requestedDeadline: new Date(Date.parse(current.replyDeadline) - 3_600_000).toISOString() } }, gh);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'AFTER_REPLY_DEADLINE' });
    const wanted = new Date(Date.parse(current.replyDeadline) + 5 * 86_400_000);
    expect((await t.gql(EXTEND, { orderNo: a.orderNo, input: { reason: '需协调多部门联合处置', requestedDeadline: wanted.toISOString() } }, gh)).errors).toBeUndefined();
    await deliverActions();
    const pending = await order(a.orderNo);
    expect(pending.extension).toMatchObject({ status: 'PENDING' });
    expect(pending.extension!.extensionId).toBeTruthy();
    const again = await t.gql(EXTEND, { orderNo: a.orderNo, input: { reason: '再次申请延期处理', requestedDeadline: wanted.toISOString() } }, gh);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ONE_PENDING_EXTENSION' });

    const granted = new Date(Date.parse(current.replyDeadline) + 3 * 86_400_000).toISOString();
    sim().decideExtension(a.orderNo, 'APPROVED', granted, '同意延期3天');
    await sim().flushWebhooks();
    const approved = await order(a.orderNo);
    expect(approved.extension).toMatchObject({ status: 'APPROVED', comment: '同意延期3天' });
    expect(new Date(approved.replyDeadline).toISOString()).toBe(new Date(granted).toISOString());

    const b = await signed();
    const before = await order(b.orderNo);
    expect((await t.gql(EXTEND, { orderNo: b.orderNo, input: { reason: '当事人外出暂无法联系', requestedDeadline: new Date(Date.parse(before.replyDeadline) + 86_400_000).toISOString() } }, gh)).errors).toBeUndefined();
    await deliverActions();
    sim().decideExtension(b.orderNo, 'DENIED', undefined, '不符合延期条件');
    await sim().flushWebhooks();
    const denied = await order(b.orderNo);
    expect(denied.extension).toMatchObject({ status: 'DENIED', comment: '不符合延期条件' });
    expect(denied.replyDeadline).toBe(before.replyDeadline);
  });
});

describe('a case opened from a work order', () => {
  it('registers a 12345 case linked both ways; closing it offers the reply, which is sent and evaluated', async () => {
    const o = await signed();
    const created = await t.gql<{ createCaseFromWorkOrder: { id: string; caseNo: string; source: string; stage: string; workOrders: Array<{ orderNo: string }> } }>(
      CREATE_CASE,
      { orderNo: o.orderNo, input: { powerItemCode: await powerItemCode(), officerBadgeNos: await badges('LH-GH') } },
      gh,
    );
    expect(created.errors).toBeUndefined();
    const c = created.data!.createCaseFromWorkOrder;
    expect(c).toMatchObject({ source: 'HOTLINE_12345', stage: 'RECEIVED', workOrders: [{ orderNo: o.orderNo }] });
    expect((await order(o.orderNo)).case).toMatchObject({ id: c.id, caseNo: c.caseNo });
    const stored = await t.db.prisma.enforcementCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored.sourceRef).toBe(o.orderNo);
    const twice = await t.gql(CREATE_CASE, { orderNo: o.orderNo, input: { powerItemCode: await powerItemCode(), officerBadgeNos: await badges('LH-GH') } }, gh);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_LINKED' });

    // A case near its end (a seeded, served decision stands in for the steps between): paid, then closed.
    const candidates = await t.db.prisma.enforcementCase.findMany({
      where: { stage: { in: ['SERVED', 'EXECUTING'] }, department: { is: { code: 'LH-GH' } }, workOrders: { none: {} } },
      include: { decision: true },
      orderBy: { caseNo: 'asc' },
    });
    const executed = candidates[0];
    expect(executed?.decision).toBeTruthy();
    const outstanding = (Number(executed.decision!.fineAmount) - Number(executed.decision!.paidAmount)).toFixed(2);
    const linked = await signed();
    await t.db.prisma.workOrder.update({ where: { orderNo: linked.orderNo }, data: { caseId: executed.id } });
    const paid = await t.gql(EXECUTE, { caseId: executed.id, input: { amountPaid: outstanding, note: '当事人缴清罚款' } }, gh);
    expect(paid.errors).toBeUndefined();
    expect((await order(linked.orderNo)).replyOffer).toBeNull(); // only the end of the case offers the reply
    expect((await t.gql(CLOSE, { caseId: executed.id, input: { summary: '当事人已履行处罚决定' } }, gh)).errors).toBeUndefined();
    const offered = await order(linked.orderNo);
    expect(offered.replyOffer).toMatchObject({ linkedCaseNo: executed.caseNo });
    expect(offered.replyOffer!.result).toContain(executed.caseNo);

    expect((await t.gql(REPLY, { orderNo: linked.orderNo, input: { useOfferedReply: true, handledBy: '王建国' } }, gh)).errors).toBeUndefined();
    await deliverActions();
    expect(await order(linked.orderNo)).toMatchObject({ status: 'REPLIED', pendingAction: null });
    const atHotline = sim().order(linked.orderNo)!;
    expect(atHotline.status).toBe('REPLIED');
    expect(sim().lastReply(linked.orderNo)).toMatchObject({ linkedCaseNo: executed.caseNo, handledBy: '王建国' });

    sim().evaluate(linked.orderNo, 'SATISFIED', '处理及时');
    await sim().flushWebhooks();
    expect(await order(linked.orderNo)).toMatchObject({ status: 'CLOSED', evaluation: 'SATISFIED' });
  });

  it('refuses a reply shorter than the contract allows and a case for an order not yet signed', async () => {
    const o = await signed();
    const short = await t.gql(REPLY, { orderNo: o.orderNo, input: { result: '已处理', handledBy: '王建国' } }, gh);
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const d = await dispatched();
    const early = await t.gql(CREATE_CASE, { orderNo: d.orderNo, input: { powerItemCode: await powerItemCode(), officerBadgeNos: await badges('LH-GH') } }, gh);
    expect(early.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await t.db.prisma.enforcementCase.count({ where: { sourceRef: d.orderNo } })).toBe(0);
  });
});

describe('workOrderUpdated', () => {
  it('pushes the changes of a team’s orders to that team, and refuses another team', async () => {
    const client: Client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${gh}` }, lazy: true, retryAttempts: 0 });
    const seen: Array<{ orderNo: string; change: string; status: string }> = [];
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    let orderNo = '';
    const unsubscribe = client.subscribe<{ workOrderUpdated: { orderNo: string; change: string; status: string } }>(
      { query: 'subscription { workOrderUpdated(departmentCode: "LH-GH") { orderNo change status action sequence } }' },
      {
        next: (msg) => {
          const u = msg.data!.workOrderUpdated;
          seen.push(u);
          if (u.orderNo === orderNo && u.change === 'ACTION_CONFIRMED') resolveDone();
        },
        error: () => resolveDone(),
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 200)); // let the subscription start
    const o = await dispatched();
    orderNo = o.orderNo;
    await t.gql(SIGN, { orderNo }, gh);
    await deliverActions();
    await done;
    unsubscribe();
    const mine = seen.filter((s) => s.orderNo === orderNo).map((s) => s.change);
    expect(mine).toEqual(expect.arrayContaining(['DISPATCHED', 'ACTION_QUEUED', 'ACTION_CONFIRMED']));

    const other = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${mz}` }, lazy: true, retryAttempts: 0 });
    const refusal = await new Promise<unknown>((resolve) => {
      other.subscribe({ query: 'subscription { workOrderUpdated(departmentCode: "LH-GH") { orderNo } }' }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(refusal)).toContain('FORBIDDEN');
    await client.dispose();
    await other.dispose();
  });
});

async function powerItemCode(): Promise<string> {
  const item = await t.db.prisma.powerItem.findFirstOrThrow({ where: { active: true }, orderBy: { code: 'asc' } });
  return item.code;
}

async function badges(dept: string): Promise<string[]> {
  const officers = await t.db.prisma.officer.findMany({ where: { active: true, department: { is: { code: dept } } }, orderBy: { badgeNo: 'asc' }, take: 2 });
  return officers.map((o) => o.badgeNo);
}
