// 协办 through the real server: one department asks another for help on a case; the asked
// department accepts, replies or declines, the requester may withdraw; every refused step leaves
// the request as it was. On-site police support goes to public security (its simulator) through
// the outbox and comes back by polling. Workers are off: the tests drive the outbox and the poller.
import {
  AcceptAssistRequestDocument,
  AssistRequestByIdDocument,
  AssistRequestListDocument,
  CaseAssistRequestsDocument,
  DeclineAssistRequestDocument,
  RegisterCaseDocument,
  ReplyAssistRequestDocument,
  RequestAssistanceDocument,
  WithdrawAssistRequestDocument,
  type AssistFieldsFragment,
} from '../../generated/graphql';
import type { AssistStatus, RequestAssistanceInput } from '../../generated/schema-types';
import { ASSIST_REQUEST_UPDATED, increasing, subscribe, subscriptionsOpen, waitFor, wsUrl, type Subscriber } from '../../events/support';
import { startTestHub, type TestHub } from '../../support/test-hub';

type AssistUpdate = { sequence: string; assistRequestId: string; caseId: string; fromDepartmentCode: string; toDepartmentCode: string; status: string; kind: string };
type Res = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

const DAY = 86_400_000;
const SUPPORT_TOPIC = 'public-security.support-request';

let t: TestHub;
let gh: string; // LH-GH OFFICER: the handling street team, the requester
let gtzyPartner: string; // 规划 PARTNER: the department asked
let gtzyOfficer: string; // 规划 OFFICER: the department asked
let scjgOfficer: string; // 市场监管 OFFICER: a third department
let scjgPartner: string; // 市场监管 PARTNER: reads CITY_APPEARANCE cases under its data-sharing agreement
let mz: string; // LH-MZ OFFICER: another street team
let gaj: string; // 公安 OFFICER
let badges: string[];
const POWER_ITEM = 'LH-QZ-0101-001'; // CITY_APPEARANCE: shared with 市场监管 by DSA-LH-2026-001
const open: Subscriber<unknown>[] = [];

function ext(res: Res): Record<string, unknown> {
  return res.errors?.[0]?.extensions ?? {};
}

const simulator = () => {
  const sim = t.hub.services.upstream.publicSecurity.simulator;
  if (!sim) throw new Error('the public-security connector runs without its simulator');
  return sim;
};
const supportCalls = () => simulator().control.calls.RequestEnforcementSupport ?? 0;

beforeAll(async () => {
  t = await startTestHub({ env: { WORKERS_ENABLED: '0', PSB_SIMULATOR_ADVANCE_MS: '0' } });
  gh = await t.token('LH-GH', 'OFFICER', 'gh-assist-officer');
  gtzyPartner = await t.token('LH-GTZY', 'PARTNER', 'gtzy-partner');
  gtzyOfficer = await t.token('LH-GTZY', 'OFFICER', 'gtzy-officer');
  scjgOfficer = await t.token('LH-SCJG', 'OFFICER', 'scjg-officer');
  scjgPartner = await t.token('LH-SCJG', 'PARTNER', 'scjg-partner');
  mz = await t.token('LH-MZ', 'OFFICER', 'mz-assist-officer');
  gaj = await t.token('LH-GAJ', 'OFFICER', 'gaj-officer');
  const officers = await t.db.prisma.officer.findMany({ where: { department: { code: 'LH-GH' }, active: true }, orderBy: { badgeNo: 'asc' } });
  badges = officers.slice(0, 2).map((o) => o.badgeNo);
  expect(badges).toHaveLength(2);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});

afterAll(async () => {
  await t?.stop();
});

async function registerCase(): Promise<string> {
  const res = await t.gql(
    RegisterCaseDocument,
    {
      input: {
        source: 'PATROL',
        powerItemCode: POWER_ITEM,
        summary: '巡查发现沿街电箱张贴小广告',
        address: '深圳市龙华区观湖街道环观南路12号',
        lng: 114.05,
        lat: 22.71,
        officerBadgeNos: badges,
      },
    },
    gh,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.registerCase.id;
}

function input(overrides: Partial<RequestAssistanceInput> = {}): RequestAssistanceInput {
  return {
    toDepartmentCode: 'LH-GTZY',
    kind: 'EXPERT_DETERMINATION',
    question: '请认定该处构筑物是否属于违法建设',
    dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
    ...overrides,
  };
}

/** Asks for assistance as the LH-GH officer; the request must be accepted. */
async function ask(caseId: string, overrides: Partial<RequestAssistanceInput> = {}): Promise<AssistFieldsFragment> {
  const res = await t.gql(RequestAssistanceDocument, { caseId, input: input(overrides) }, gh);
  expect(res.errors).toBeUndefined();
  return res.data!.requestAssistance;
}

/** The request as stored, and how many events it has: what a refused step must not change. */
async function stored(id: string) {
  const row = await t.db.prisma.assistRequest.findUniqueOrThrow({ where: { id } });
  const events = await t.db.prisma.hubEvent.count({ where: { topic: 'ASSIST_REQUEST_UPDATED', assistRequestId: id } });
  return { row, events };
}

/** Statuses of the ASSIST_REQUEST_UPDATED events of one request, in order. */
async function eventStatuses(id: string): Promise<string[]> {
  const rows = await t.db.prisma.hubEvent.findMany({ where: { topic: 'ASSIST_REQUEST_UPDATED', assistRequestId: id }, orderBy: { seq: 'asc' } });
  return rows.map((r) => (r.payload as { status: string }).status);
}

type Step = 'accept' | 'reply' | 'decline' | 'withdraw';

function step(kind: Step, id: string, token: string): Promise<Res> {
  switch (kind) {
    case 'accept':
      return t.gql(AcceptAssistRequestDocument, { id }, token);
    case 'reply':
      return t.gql(ReplyAssistRequestDocument, { id, reply: '经核查，该构筑物未取得规划许可' }, token);
    case 'decline':
      return t.gql(DeclineAssistRequestDocument, { id, reason: '不属于本单位职责范围' }, token);
    case 'withdraw':
      return t.gql(WithdrawAssistRequestDocument, { id }, token);
  }
}

/** The outbox message of an on-site support request. */
function supportMessage(assistId: string) {
  return t.db.prisma.outboxMessage.findFirstOrThrow({ where: { topic: SUPPORT_TOPIC, aggregateType: 'AssistRequest', aggregateId: assistId } });
}

/**
 * Runs the outbox until the request's message is delivered (other test files share the database,
 * so a run may also pick up their messages first).
 */
async function deliver(assistId: string) {
  for (let i = 0; i < 20; i += 1) {
    const m = await supportMessage(assistId);
    if (m.status === 'DELIVERED' || m.status === 'DEAD') return m;
    await t.hub.services.outbox.runOnce({ topics: Object.keys(t.hub.services.supportFollowUp.handlers()) });
  }
  return supportMessage(assistId);
}

describe('the lifecycle of a request', () => {
  it('规划 sees the request as incoming, accepts and replies; the requester reads the reply', async () => {
    const caseId = await registerCase();
    const dueAt = new Date(Date.now() + 3 * DAY).toISOString();
    const asked = await ask(caseId, { kind: 'EXPERT_DETERMINATION', dueAt });
    expect(asked).toMatchObject({
      caseId,
      kind: 'EXPERT_DETERMINATION',
      status: 'REQUESTED',
      dueAt,
      requestedBy: 'gh-assist-officer',
      acceptedAt: null,
      reply: null,
      overdue: false,
      externalRef: null,
      fromDepartment: { code: 'LH-GH' },
      toDepartment: { code: 'LH-GTZY' },
    });

    // 规划 sees it among its incoming requests, not among its outgoing ones; LH-GH the other way round.
    const ids = async (token: string, direction: 'INCOMING' | 'OUTGOING', status?: AssistStatus[]) => {
      const res = await t.gql(AssistRequestListDocument, { direction, status }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.assistRequests.map((a) => a.id);
    };
    expect(await ids(gtzyPartner, 'INCOMING')).toContain(asked.id);
    expect(await ids(gtzyPartner, 'OUTGOING')).not.toContain(asked.id);
    expect(await ids(gh, 'OUTGOING')).toContain(asked.id);
    expect(await ids(gh, 'INCOMING')).not.toContain(asked.id);
    expect(await ids(gtzyPartner, 'INCOMING', ['REQUESTED'])).toContain(asked.id);
    expect(await ids(gtzyPartner, 'INCOMING', ['ACCEPTED', 'REPLIED'])).not.toContain(asked.id);

    const accepted = await t.gql(AcceptAssistRequestDocument, { id: asked.id }, gtzyPartner);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptAssistRequest).toMatchObject({ status: 'ACCEPTED', reply: null, closedAt: null });
    expect(accepted.data!.acceptAssistRequest.acceptedAt).not.toBeNull();
    expect(await ids(gtzyPartner, 'INCOMING', ['ACCEPTED'])).toContain(asked.id);

    const reply = '经核查，该构筑物未取得建设工程规划许可证，属违法建设';
    const replied = await t.gql(ReplyAssistRequestDocument, { id: asked.id, reply }, gtzyOfficer);
    expect(replied.errors).toBeUndefined();
    expect(replied.data!.replyAssistRequest).toMatchObject({ status: 'REPLIED', reply, overdue: false });
    expect(replied.data!.replyAssistRequest.repliedAt).not.toBeNull();
    expect(replied.data!.replyAssistRequest.closedAt).not.toBeNull();

    const seen = await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.assistRequest).toMatchObject({ id: asked.id, status: 'REPLIED', reply, fromDepartment: { code: 'LH-GH' } });
    const onCase = await t.gql(CaseAssistRequestsDocument, { id: caseId }, gh);
    expect(onCase.data!.case.assistRequests).toEqual([{ id: asked.id, status: 'REPLIED', question: asked.question, reply }]);

    expect(await eventStatuses(asked.id)).toEqual(['REQUESTED', 'ACCEPTED', 'REPLIED']);
  });

  it('records a decline with its reason, and refuses a decline without one', async () => {
    const caseId = await registerCase();
    const asked = await ask(caseId, { kind: 'DATA_REQUEST', question: '请提供该地块的规划用途数据' });
    const before = await stored(asked.id);

    const blank = await t.gql(DeclineAssistRequestDocument, { id: asked.id, reason: '  ' }, gtzyOfficer);
    expect(ext(blank)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await stored(asked.id)).toEqual(before);

    const reason = '该地块不在本局管辖范围，建议向市规划和自然资源局查询';
    const declined = await t.gql(DeclineAssistRequestDocument, { id: asked.id, reason }, gtzyOfficer);
    expect(declined.errors).toBeUndefined();
    expect(declined.data!.declineAssistRequest).toMatchObject({ status: 'DECLINED', declineReason: reason, reply: null, acceptedAt: null });
    expect(declined.data!.declineAssistRequest.closedAt).not.toBeNull();

    const seen = await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh);
    expect(seen.data!.assistRequest).toMatchObject({ status: 'DECLINED', declineReason: reason });
    expect(await eventStatuses(asked.id)).toEqual(['REQUESTED', 'DECLINED']);
  });

  it('lets the requester withdraw an open request, requested or accepted, and nobody else', async () => {
    const caseId = await registerCase();
    const requested = await ask(caseId);
    const accepted = await ask(caseId, { kind: 'DATA_REQUEST' });
    expect((await t.gql(AcceptAssistRequestDocument, { id: accepted.id }, gtzyOfficer)).errors).toBeUndefined();

    // The department asked cannot withdraw it.
    const before = await stored(requested.id);
    const byAsked = await t.gql(WithdrawAssistRequestDocument, { id: requested.id }, gtzyOfficer);
    expect(ext(byAsked)).toMatchObject({ code: 'FORBIDDEN', rule: 'REQUESTING_DEPARTMENT' });
    expect(await stored(requested.id)).toEqual(before);

    for (const a of [requested, accepted]) {
      const res = await t.gql(WithdrawAssistRequestDocument, { id: a.id }, gh);
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawAssistRequest.status).toBe('WITHDRAWN');
      expect(res.data!.withdrawAssistRequest.closedAt).not.toBeNull();
    }
    expect(await eventStatuses(requested.id)).toEqual(['REQUESTED', 'WITHDRAWN']);
    expect(await eventStatuses(accepted.id)).toEqual(['REQUESTED', 'ACCEPTED', 'WITHDRAWN']);
  });

  it('refuses every step a status does not allow with ILLEGAL_TRANSITION, changing nothing', async () => {
    const caseId = await registerCase();
    // One request in each status from which some step is illegal.
    const accepted = await ask(caseId);
    await step('accept', accepted.id, gtzyOfficer);
    const replied = await ask(caseId);
    await step('accept', replied.id, gtzyOfficer);
    await step('reply', replied.id, gtzyOfficer);
    const declined = await ask(caseId);
    await step('decline', declined.id, gtzyOfficer);
    const withdrawn = await ask(caseId);
    await step('withdraw', withdrawn.id, gh);

    const cases: Array<[AssistFieldsFragment, AssistStatus, Step[]]> = [
      [accepted, 'ACCEPTED', ['accept']],
      [replied, 'REPLIED', ['accept', 'reply', 'decline', 'withdraw']],
      [declined, 'DECLINED', ['accept', 'reply', 'decline', 'withdraw']],
      [withdrawn, 'WITHDRAWN', ['accept', 'reply', 'decline', 'withdraw']],
    ];
    for (const [a, status, steps] of cases) {
      const before = await stored(a.id);
      expect(before.row.status).toBe(status);
      for (const s of steps) {
        const res = await step(s, a.id, s === 'withdraw' ? gh : gtzyOfficer);
        expect({ status, step: s, ...ext(res) }).toMatchObject({ status, step: s, code: 'ILLEGAL_TRANSITION', stage: status });
        expect(await stored(a.id)).toEqual(before);
      }
    }
  });
});

describe('who may read and answer', () => {
  it('refuses a third department (FORBIDDEN) to read or answer, and the requester to answer its own request', async () => {
    const caseId = await registerCase();
    const asked = await ask(caseId);
    const before = await stored(asked.id);

    const read = await t.gql(AssistRequestByIdDocument, { id: asked.id }, scjgOfficer);
    expect(read.data ?? null).toBeNull();
    expect(ext(read)).toMatchObject({ code: 'FORBIDDEN', rule: 'ASSIST_PARTIES' });
    for (const token of [scjgOfficer, scjgPartner]) {
      for (const s of ['accept', 'reply', 'decline', 'withdraw'] as Step[]) {
        expect(ext(await step(s, asked.id, token)).code).toBe('FORBIDDEN');
      }
    }
    // Not in its lists, and it may not list 规划's.
    const own = await t.gql(AssistRequestListDocument, {}, scjgOfficer);
    expect(own.data!.assistRequests.map((a) => a.id)).not.toContain(asked.id);
    const others = await t.gql(AssistRequestListDocument, { departmentCode: 'LH-GTZY' }, scjgOfficer);
    expect(ext(others)).toMatchObject({ code: 'FORBIDDEN', rule: 'OWN_DEPARTMENT' });

    // The requester cannot answer its own request.
    for (const s of ['accept', 'reply', 'decline'] as Step[]) {
      expect(ext(await step(s, asked.id, gh))).toMatchObject({ code: 'FORBIDDEN', rule: 'ASSISTING_DEPARTMENT' });
    }
    expect(await stored(asked.id)).toEqual(before);
  });

  it('does not show a third department the request through the case it may read', async () => {
    const caseId = await registerCase();
    const asked = await ask(caseId);
    // 市场监管's partner may read this CITY_APPEARANCE case under its data-sharing agreement …
    const viaCase = await t.gql(CaseAssistRequestsDocument, { id: caseId }, scjgPartner);
    expect(viaCase.errors).toBeUndefined();
    expect(viaCase.data!.case.id).toBe(caseId);
    // … but not the request between 观湖 and 规划, which assistRequest(id) refuses it.
    expect(viaCase.data!.case.assistRequests.map((a) => a.id)).not.toContain(asked.id);
    expect(ext(await t.gql(AssistRequestByIdDocument, { id: asked.id }, scjgPartner)).code).toBe('FORBIDDEN');
    // The parties still see it on the case.
    const byRequester = await t.gql(CaseAssistRequestsDocument, { id: caseId }, gh);
    expect(byRequester.data!.case.assistRequests.map((a) => a.id)).toEqual([asked.id]);
  });

  it('refuses a request from a team that does not handle the case', async () => {
    const caseId = await registerCase();
    const res = await t.gql(RequestAssistanceDocument, { caseId, input: input() }, mz);
    expect(ext(res).code).toBe('FORBIDDEN');
    expect(await t.db.prisma.assistRequest.count({ where: { caseId } })).toBe(0);
  });
});

describe('what a request must name', () => {
  it('refuses a dueAt in the past, an unknown department and the own department, creating nothing', async () => {
    const caseId = await registerCase();
    const past = await t.gql(RequestAssistanceDocument, { caseId, input: input({ dueAt: new Date(Date.now() - 3_600_000).toISOString() }) }, gh);
    expect(ext(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });

    const unknown = await t.gql(RequestAssistanceDocument, { caseId, input: input({ toDepartmentCode: 'LH-NOPE' }) }, gh);
    expect(ext(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode', rule: 'UNKNOWN_DEPARTMENT' });

    const itself = await t.gql(RequestAssistanceDocument, { caseId, input: input({ toDepartmentCode: 'LH-GH' }) }, gh);
    expect(ext(itself)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode' });

    expect(await t.db.prisma.assistRequest.count({ where: { caseId } })).toBe(0);
    expect(await t.db.prisma.hubEvent.count({ where: { topic: 'ASSIST_REQUEST_UPDATED', caseId } })).toBe(0);
  });
});

describe('overdue', () => {
  it('flags an open request past its due time and lists it under overdue; a replied one is not overdue', async () => {
    const caseId = await registerCase();
    const late = await ask(caseId);
    const answered = await ask(caseId, { kind: 'DATA_REQUEST' });
    const onTime = await ask(caseId, { kind: 'DATA_REQUEST' });
    await step('accept', answered.id, gtzyOfficer);
    expect((await step('reply', answered.id, gtzyOfficer)).errors).toBeUndefined();
    for (const id of [late.id, answered.id]) {
      await t.db.prisma.$executeRawUnsafe(`UPDATE "AssistRequest" SET "dueAt" = now() - interval '2 hours' WHERE "id" = $1::uuid`, id);
    }

    const overdueOf = async (id: string) => (await t.gql(AssistRequestByIdDocument, { id }, gh)).data!.assistRequest.overdue;
    expect(await overdueOf(late.id)).toBe(true);
    expect(await overdueOf(answered.id)).toBe(false);
    expect(await overdueOf(onTime.id)).toBe(false);

    for (const [token, direction] of [
      [gh, 'OUTGOING'],
      [gtzyPartner, 'INCOMING'],
    ] as const) {
      const listed = await t.gql(AssistRequestListDocument, { direction, overdue: true }, token);
      expect(listed.errors).toBeUndefined();
      const ids = listed.data!.assistRequests.map((a) => a.id);
      expect(ids).toContain(late.id);
      expect(ids).not.toContain(answered.id);
      expect(ids).not.toContain(onTime.id);
      expect(listed.data!.assistRequests.every((a) => a.overdue)).toBe(true);
      // Without the filter all three are there.
      const all = (await t.gql(AssistRequestListDocument, { direction }, token)).data!.assistRequests.map((a) => a.id);
      expect(all).toEqual(expect.arrayContaining([late.id, answered.id, onTime.id]));
    }
  });
});

describe('assistRequestUpdated', () => {
  it('delivers REQUESTED, ACCEPTED and REPLIED to a subscriber of the department asked, in order', async () => {
    const caseId = await registerCase();
    const sub = subscribe<AssistUpdate>(wsUrl(t), gtzyPartner, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-GTZY' });
    open.push(sub as Subscriber<unknown>);
    await subscriptionsOpen(t, 1);

    const asked = await ask(caseId, { kind: 'EXPERT_DETERMINATION' });
    await step('accept', asked.id, gtzyPartner);
    await step('reply', asked.id, gtzyPartner);
    const mine = () => sub.events.filter((e) => e.assistRequestId === asked.id);
    await waitFor(() => mine().length >= 3, 'three assist updates');

    expect(sub.errors).toEqual([]);
    expect(mine().map((e) => e.status)).toEqual(['REQUESTED', 'ACCEPTED', 'REPLIED']);
    expect(mine().every((e) => e.caseId === caseId && e.fromDepartmentCode === 'LH-GH' && e.toDepartmentCode === 'LH-GTZY' && e.kind === 'EXPERT_DETERMINATION')).toBe(
      true,
    );
    expect(increasing(mine().map((e) => e.sequence))).toBe(true);
    const log = await t.db.prisma.hubEvent.findMany({ where: { topic: 'ASSIST_REQUEST_UPDATED', assistRequestId: asked.id }, orderBy: { seq: 'asc' } });
    expect(mine().map((e) => e.sequence)).toEqual(log.map((r) => r.seq.toString()));
  });

  it('refuses a subscriber of another department (FORBIDDEN)', async () => {
    const sub = subscribe<AssistUpdate>(wsUrl(t), mz, ASSIST_REQUEST_UPDATED, { departmentCode: 'LH-GTZY' });
    open.push(sub as Subscriber<unknown>);
    await sub.ended;
    expect(sub.events).toEqual([]);
    expect(sub.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('on-site support (公安保障)', () => {
  const onsite = (overrides: Partial<RequestAssistanceInput> = {}) =>
    input({
      toDepartmentCode: 'LH-GAJ',
      kind: 'ONSITE_SUPPORT',
      question: '拆除违法建设现场，当事人情绪激动，请求公安现场保障',
      dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
      location: '深圳市龙华区观湖街道环观南路12号',
      ...overrides,
    });

  it('is asked of public security only', async () => {
    const caseId = await registerCase();
    const messages = await t.db.prisma.outboxMessage.count({ where: { topic: SUPPORT_TOPIC } });
    const res = await t.gql(RequestAssistanceDocument, { caseId, input: onsite({ toDepartmentCode: 'LH-GTZY' }) }, gh);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode', rule: 'PUBLIC_SECURITY_REQUIRED' });
    expect(await t.db.prisma.assistRequest.count({ where: { caseId } })).toBe(0);
    expect(await t.db.prisma.outboxMessage.count({ where: { topic: SUPPORT_TOPIC } })).toBe(messages);
  });

  it('refuses a scheduledAt already past, which public security would refuse after the fact', async () => {
    const caseId = await registerCase();
    const messages = await t.db.prisma.outboxMessage.count({ where: { topic: SUPPORT_TOPIC } });
    const res = await t.gql(RequestAssistanceDocument, { caseId, input: onsite({ scheduledAt: new Date(Date.now() - 3_600_000).toISOString() }) }, gh);
    expect(ext(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scheduledAt' });
    expect(await t.db.prisma.assistRequest.count({ where: { caseId } })).toBe(0);
    expect(await t.db.prisma.outboxMessage.count({ where: { topic: SUPPORT_TOPIC } })).toBe(messages);
  });

  it('goes to public security once, even when the message is delivered twice, and follows it to REPLIED', async () => {
    const caseId = await registerCase();
    const calls = supportCalls();
    const asked = await ask(caseId, onsite());
    expect(asked).toMatchObject({ kind: 'ONSITE_SUPPORT', status: 'REQUESTED', externalRef: null, toDepartment: { code: 'LH-GAJ' } });
    expect(supportCalls()).toBe(calls); // nothing is sent from the user's request

    const first = await deliver(asked.id);
    expect(first.status).toBe('DELIVERED');
    expect(supportCalls()).toBe(calls + 1);
    const submitted = (await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh)).data!.assistRequest;
    expect(submitted).toMatchObject({ status: 'REQUESTED', externalStatus: 'SUBMITTED' });
    const ref = submitted.externalRef as string;
    expect(ref).toBeTruthy();
    expect(simulator().supportRequest(ref)).toMatchObject({ requestSerial: asked.id, status: 'SUBMITTED', officersNeeded: 2 });

    // The same message delivered again (e.g. after a crash before it was marked DELIVERED).
    await t.db.prisma.$executeRawUnsafe(
      `UPDATE "OutboxMessage" SET "status" = 'PENDING', "availableAt" = now(), "deliveredAt" = NULL, "leaseOwner" = NULL, "leaseUntil" = NULL WHERE "id" = $1::uuid`,
      first.id,
    );
    const second = await deliver(asked.id);
    expect(second.status).toBe('DELIVERED');
    expect(supportCalls()).toBe(calls + 2); // asked again …
    expect((await stored(asked.id)).row.externalRef).toBe(ref); // … and answered with the same request
    const n = Number(ref.slice(-5));
    expect(simulator().supportRequest(`${ref.slice(0, -5)}${String(n + 1).padStart(5, '0')}`)).toBeUndefined();

    // SUBMITTED → ACCEPTED at public security: the request is ACCEPTED here.
    simulator().advanceSupportRequests();
    await t.hub.services.supportFollowUp.pollOnce();
    let now = (await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh)).data!.assistRequest;
    expect(now).toMatchObject({ status: 'ACCEPTED', externalStatus: 'ACCEPTED', externalRef: ref, reply: null });
    expect(now.acceptedAt).not.toBeNull();

    // DISPATCHED: still ACCEPTED here.
    simulator().advanceSupportRequests();
    await t.hub.services.supportFollowUp.pollOnce();
    now = (await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh)).data!.assistRequest;
    expect(now).toMatchObject({ status: 'ACCEPTED', externalStatus: 'DISPATCHED' });

    // COMPLETED: REPLIED, with what public security reported.
    simulator().advanceSupportRequests();
    await t.hub.services.supportFollowUp.pollOnce();
    expect(simulator().supportRequest(ref)?.status).toBe('COMPLETED');
    now = (await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh)).data!.assistRequest;
    expect(now).toMatchObject({ status: 'REPLIED', externalStatus: 'COMPLETED', overdue: false });
    expect(now.reply).toContain('出警 2 人');
    expect(now.closedAt).not.toBeNull();
    expect(await eventStatuses(asked.id)).toEqual(['REQUESTED', 'ACCEPTED', 'REPLIED']);

    // Final: polling again changes nothing.
    const before = await stored(asked.id);
    await t.hub.services.supportFollowUp.pollOnce();
    expect(await stored(asked.id)).toEqual(before);
    expect(supportCalls()).toBe(calls + 2);
  });

  it('records a decline by public security with its reason', async () => {
    const caseId = await registerCase();
    const asked = await ask(caseId, onsite());
    expect((await deliver(asked.id)).status).toBe('DELIVERED');
    const ref = (await stored(asked.id)).row.externalRef as string;
    expect(ref).toBeTruthy();

    const reason = '辖区警力已全部投入大型活动安保，无法安排';
    expect(simulator().declineSupportRequest(ref, reason)).toBe(true);
    await t.hub.services.supportFollowUp.pollOnce();
    const now = (await t.gql(AssistRequestByIdDocument, { id: asked.id }, gh)).data!.assistRequest;
    expect(now).toMatchObject({ status: 'DECLINED', externalStatus: 'DECLINED', declineReason: reason, reply: null });
    expect(now.closedAt).not.toBeNull();
    expect(await eventStatuses(asked.id)).toEqual(['REQUESTED', 'DECLINED']);
  });

  it('is not answered by public security through the hub’s mutations (ILLEGAL_TRANSITION)', async () => {
    const caseId = await registerCase();
    const asked = await ask(caseId, onsite());
    expect((await deliver(asked.id)).status).toBe('DELIVERED');
    const before = await stored(asked.id);

    // Public security may read it (it is the department asked) …
    const read = await t.gql(AssistRequestByIdDocument, { id: asked.id }, gaj);
    expect(read.errors).toBeUndefined();
    expect(read.data!.assistRequest.toDepartment.code).toBe('LH-GAJ');
    // … but answers through its own system.
    for (const s of ['accept', 'reply', 'decline'] as Step[]) {
      expect({ step: s, ...ext(await step(s, asked.id, gaj)) }).toMatchObject({ step: s, code: 'ILLEGAL_TRANSITION' });
    }
    expect(await stored(asked.id)).toEqual(before);
  });

  it('is not sent to public security once withdrawn before delivery', async () => {
    const caseId = await registerCase();
    const calls = supportCalls();
    const asked = await ask(caseId, onsite());
    expect((await step('withdraw', asked.id, gh)).errors).toBeUndefined();
    const message = await deliver(asked.id);
    expect(message.status).toBe('DELIVERED');
    expect(supportCalls()).toBe(calls);
    expect((await stored(asked.id)).row).toMatchObject({ status: 'WITHDRAWN', externalRef: null, externalStatus: null });
  });
});
