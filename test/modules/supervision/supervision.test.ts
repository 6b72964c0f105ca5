// 网上监督 through the real server: the deadline scheduler raising REMINDER / YELLOW / RED once
// (also with two hub instances on one database), closing what was met, pushing alerts to the
// department; 督办 issued, answered and closed; 案卷评查 scored, on the case and its history.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { startTestHub, type TestHub } from '../../support/test-hub';

const calendar = new WorkingDayCalendar();
let now = new Date();
let t: TestHub;
let second: TestHub;
let gh: string;
let mz: string;
let supervisor: string;
let reviewer: string;

const REGISTER = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo registeredAt } }`;
const FILE = `mutation ($caseId: ID!) { fileCase(caseId: $caseId) { id stage } }`;
const ITEMS = `query ($filter: SupervisionItemFilter) { supervisionItems(filter: $filter, first: 200) { totalCount edges { node { id targetId deadlineKind level status reason dueAt response issuedBy } } } }`;
const ISSUE = `mutation ($input: IssueSupervisionInput!) { issueSupervision(input: $input) { id status level reason dueAt } }`;
const RESPOND = `mutation ($id: ID!, $response: String!) { respondToSupervision(id: $id, response: $response) { id status response } }`;
const CLOSE = `mutation ($id: ID!, $note: String) { closeSupervision(id: $id, note: $note) { id status closedAt } }`;
const SCAN = `mutation { scanDeadlines { ran openDeadlines raised closed } }`;
const REVIEW = `mutation ($caseId: ID!, $checklist: CaseFileChecklistInput!) { reviewCaseFile(caseId: $caseId, checklist: $checklist) { id score grade findings { item maxPoints deduction finding } } }`;

interface Item {
  id: string;
  targetId: string;
  deadlineKind: string | null;
  level: string;
  status: string;
  reason: string;
  response: string | null;
  issuedBy: string;
}

async function items(filter: Record<string, unknown>, token = supervisor): Promise<Item[]> {
  const r = await t.gql<{ supervisionItems: { edges: Array<{ node: Item }> } }>(ITEMS, { filter }, token);
  expect(r.errors).toBeUndefined();
  return r.data!.supervisionItems.edges.map((e) => e.node);
}

async function registerCase(): Promise<{ id: string; caseNo: string }> {
  const item = await t.db.prisma.powerItem.findFirstOrThrow({ where: { active: true }, orderBy: { code: 'asc' } });
  const officers = await t.db.prisma.officer.findMany({ where: { active: true, department: { is: { code: 'LH-GH' } } }, orderBy: { badgeNo: 'asc' }, take: 2 });
  const r = await t.gql<{ registerCase: { id: string; caseNo: string } }>(
    REGISTER,
    { input: { source: 'PATROL', powerItemCode: item.code, summary: '观湖大道占道经营', address: '深圳市龙华区观湖街道观湖大道18号', officerBadgeNos: officers.map((o) => o.badgeNo) } },
    gh,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.registerCase;
}

beforeAll(async () => {
  // Both instances read the same (movable) clock, as two hosts synchronised by NTP would.
  t = await startTestHub({ clock: () => now });
  second = await startTestHub({ clock: () => now });
  gh = await t.token('LH-GH', 'OFFICER', 'gh-officer-sv');
  mz = await t.token('LH-MZ', 'OFFICER', 'mz-officer-sv');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-supervisor-sv');
  reviewer = await t.token('LH-CGJ', 'OFFICER', 'cgj-reviewer');
});
afterAll(async () => {
  await second.stop();
  await t.stop();
});

describe('the deadline scheduler', () => {
  it('raises a REMINDER, then YELLOW, then RED for the filing deadline, once each even with two instances, and pushes them to the team', async () => {
    now = new Date();
    const c = await registerCase();
    const due = calendar.endOfWorkingDaysAfter(new Date(now), 15); // 立案 within 15 working days

    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${gh}` }, lazy: true, retryAttempts: 0 });
    const alerts: Array<{ reference: string; level: string; change: string; deadlineKind: string | null }> = [];
    const stop = client.subscribe<{ supervisionAlert: { reference: string; level: string; change: string; deadlineKind: string | null } }>(
      { query: 'subscription { supervisionAlert(departmentCode: "LH-GH") { reference level change deadlineKind targetType } }' },
      { next: (m) => alerts.push(m.data!.supervisionAlert), error: () => undefined, complete: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 200));

    now = new Date(due.getTime() - 3 * 3_600_000); // three hours before
    const [a, b] = await Promise.all([t.hub.services.supervisionScheduler.runOnce(), second.hub.services.supervisionScheduler.runOnce()]);
    expect([a.ran, b.ran].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    let mine = await items({ targetId: c.id });
    expect(mine.map((i) => [i.deadlineKind, i.level, i.status])).toEqual([['FILING', 'REMINDER', 'OPEN']]);

    now = new Date(due.getTime() + 3_600_000); // an hour late
    await Promise.all([t.hub.services.supervisionScheduler.runOnce(), second.hub.services.supervisionScheduler.runOnce()]);
    await t.hub.services.supervisionScheduler.runOnce(); // and again: nothing new
    mine = await items({ targetId: c.id });
    expect(mine.map((i) => i.level).sort()).toEqual(['REMINDER', 'YELLOW']);

    now = calendar.endOfWorkingDaysAfter(due, 4); // more than 3 working days late
    const scan = await t.gql<{ scanDeadlines: { ran: boolean; raised: number } }>(SCAN, {}, supervisor);
    expect(scan.data!.scanDeadlines.ran).toBe(true);
    mine = await items({ targetId: c.id });
    expect(mine.map((i) => i.level).sort()).toEqual(['RED', 'REMINDER', 'YELLOW']);
    expect(mine.every((i) => i.reason === 'OVERDUE' && i.issuedBy === 'deadline-scheduler')).toBe(true);
    expect(await t.db.prisma.supervisionItem.count({ where: { targetId: c.id, deadlineKind: 'FILING' } })).toBe(3);

    // The team files the case: the scheduler closes what it raised.
    expect((await t.gql(FILE, { caseId: c.id }, gh)).errors).toBeUndefined();
    await t.hub.services.supervisionScheduler.runOnce();
    mine = await items({ targetId: c.id });
    expect(mine.every((i) => i.status === 'CLOSED')).toBe(true);

    await new Promise((r) => setTimeout(r, 300));
    stop();
    await client.dispose();
    const forCase = alerts.filter((x) => x.reference === c.caseNo);
    expect(forCase.filter((x) => x.change === 'RAISED').map((x) => x.level)).toEqual(['REMINDER', 'YELLOW', 'RED']);
    expect(forCase.filter((x) => x.change === 'CLOSED')).toHaveLength(3);

    // Only the seeing-all roles may run a scan.
    expect((await t.gql(SCAN, {}, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('督办', () => {
  it('is issued by a supervisor, answered by the department, closed by the supervisor', async () => {
    now = new Date();
    const c = await registerCase();
    const dueAt = new Date(now.getTime() + 3 * 86_400_000).toISOString();
    expect((await t.gql(ISSUE, { input: { targetType: 'CASE', targetId: c.id, reason: 'COMPLAINT', level: 'YELLOW', dueAt } }, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const past = await t.gql(ISSUE, { input: { targetType: 'CASE', targetId: c.id, reason: 'COMPLAINT', level: 'YELLOW', dueAt: new Date(now.getTime() - 1000).toISOString() } }, supervisor);
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
    const issued = await t.gql<{ issueSupervision: { id: string; status: string } }>(
      ISSUE,
      { input: { targetType: 'CASE', targetId: c.id, reason: 'COMPLAINT', level: 'YELLOW', dueAt, note: '群众多次投诉，限期查处' } },
      supervisor,
    );
    expect(issued.errors).toBeUndefined();
    const id = issued.data!.issueSupervision.id;
    expect(issued.data!.issueSupervision.status).toBe('OPEN');

    // Another team neither sees nor answers it; the team sees it among its own.
    expect((await items({ targetId: c.id }, mz))).toHaveLength(0);
    expect((await t.gql(RESPOND, { id, response: '不是我们的案件' }, mz)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await items({ targetId: c.id, automatic: false }, gh)).map((i) => i.id)).toEqual([id]);

    const answered = await t.gql<{ respondToSupervision: { status: string } }>(RESPOND, { id, response: '已立案调查，当事人已停止违法行为' }, gh);
    expect(answered.data!.respondToSupervision.status).toBe('RESPONDED');
    expect((await t.gql(RESPOND, { id, response: '再次答复' }, gh)).errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect((await t.gql(CLOSE, { id }, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const closed = await t.gql<{ closeSupervision: { status: string; closedAt: string } }>(CLOSE, { id, note: '整改到位' }, supervisor);
    expect(closed.data!.closeSupervision.status).toBe('CLOSED');
    expect((await t.gql(CLOSE, { id }, supervisor)).errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('案卷评查', () => {
  const checklist = (deductions: Partial<Record<string, number>> = {}) => ({
    items: ['FACTS', 'EVIDENCE', 'LEGAL_BASIS', 'PROCEDURE', 'DECISION', 'EXECUTION', 'FILE_ORDER'].map((item) => ({
      item,
      deduction: deductions[item] ?? 0,
      finding: deductions[item] ? `${item} 存在问题` : null,
    })),
  });

  it('scores a closed case file, shows it on the case and in its history, and raises 督办 for a failing file', async () => {
    now = new Date();
    const closedCases = await t.db.prisma.enforcementCase.findMany({ where: { stage: 'CLOSED', department: { is: { code: 'LH-GH' } }, reviews: { none: {} } }, orderBy: { caseNo: 'asc' }, take: 2 });
    expect(closedCases).toHaveLength(2);
    const [good, bad] = closedCases;

    const incomplete = await t.gql(REVIEW, { caseId: good.id, checklist: { items: checklist().items.slice(1) } }, reviewer);
    expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'COMPLETE' });
    const tooMuch = await t.gql(REVIEW, { caseId: good.id, checklist: checklist({ FILE_ORDER: 8 }) }, reviewer);
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'RANGE' });
    expect((await t.gql(REVIEW, { caseId: good.id, checklist: checklist() }, gh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const scored = await t.gql<{ reviewCaseFile: { score: number; grade: string } }>(REVIEW, { caseId: good.id, checklist: checklist({ EVIDENCE: 5, FILE_ORDER: 2 }) }, reviewer);
    expect(scored.errors).toBeUndefined();
    expect(scored.data!.reviewCaseFile).toMatchObject({ score: 93, grade: 'EXCELLENT' });
    const onCase = await t.gql<{ case: { reviews: Array<{ score: number; findings: Array<{ item: string; deduction: number }> }> }; caseHistory: Array<{ type: string }> }>(
      `query ($id: ID!) { case(id: $id) { reviews { score findings { item deduction } } } caseHistory(caseId: $id) { type } }`,
      { id: good.id },
      supervisor,
    );
    expect(onCase.errors).toBeUndefined();
    expect(onCase.data!.case.reviews[0].score).toBe(93);
    expect(onCase.data!.case.reviews[0].findings.find((f) => f.item === 'EVIDENCE')!.deduction).toBe(5);
    expect(onCase.data!.caseHistory.at(-1)!.type).toBe('REVIEWED');

    const failing = await t.gql<{ reviewCaseFile: { score: number; grade: string } }>(
      REVIEW,
      { caseId: bad.id, checklist: checklist({ FACTS: 15, EVIDENCE: 15, PROCEDURE: 12 }) },
      reviewer,
    );
    expect(failing.data!.reviewCaseFile).toMatchObject({ score: 58, grade: 'FAIL' });
    const raised = await items({ targetId: bad.id, automatic: false });
    expect(raised).toEqual([expect.objectContaining({ reason: 'REVIEW_FINDING', level: 'YELLOW', status: 'OPEN' })]);
  });
});
