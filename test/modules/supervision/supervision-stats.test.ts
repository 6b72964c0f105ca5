// 网上监督 statistics through the real HTTP server, every figure held against values computed here
// in TypeScript from the Prisma rows and src/domain/case-deadlines.ts (not from the hub's SQL).
//
// This file runs on a database of its own (created, migrated and seeded like the run's database,
// plus a fixed set of evaluated 12345 work orders) and on a fixed clock: other test files register
// cases and work orders "now" in the shared database, which would move the figures mid-test.
import { Client } from 'pg';
import { openDatabase, type Database } from '../../../src/db/database';
import { applyMigrations } from '../../../src/db/migrator';
import { seedDemoData } from '../../../src/db/seed';
import { seedCalendar, syncCalendar } from '../../../src/db/seed-calendar';
import { CATEGORY_NAMES } from '../../../src/db/seed-data/power-items';
import { STREET_TEAMS } from '../../../src/db/seed-data/departments';
import { WorkingDayCalendar, shanghaiDate } from '../../../src/domain/calendar';
import { caseDeadlines, type CaseDeadline } from '../../../src/domain/case-deadlines';
import { STATUTORY_CALENDAR } from '../../../src/domain/holidays';
import { CaseSource as CaseSources, PowerCategory as PowerCategories } from '../../../src/generated/prisma/enums';
import { caseDeadlineDaysQuery } from '../../../src/modules/supervision/supervision-stats.service';
import { SupervisionStatsDocument, type StatsRowFieldsFragment, type SupervisionStatsQuery } from '../../generated/graphql';
import type { CaseDeadlineKind, StatsGroupBy } from '../../generated/schema-types';
import { startTestHub, type GraphQLResponse, type TestHub } from '../../support/test-hub';

/** The hub's clock: a Friday afternoon after the last seeded registration (2026-11-18). */
const NOW = new Date('2026-11-20T15:30:00+08:00');
const DAY_MS = 86_400_000;
const KINDS: CaseDeadlineKind[] = ['FILING', 'DECISION', 'SERVICE', 'PAYMENT'];
const GROUPINGS: StatsGroupBy[] = ['STREET', 'DEPARTMENT', 'CATEGORY', 'SOURCE'];
const SOURCE_LABELS: Record<string, string> = {
  PATROL: '巡查',
  CITIZEN_REPORT: '市民举报',
  DIGITAL_CITY: '数字城管',
  HOTLINE_12345: '12345',
  DEPT_TRANSFER: '部门移交',
  VIDEO_DETECTION: '视频识别',
};

interface Period {
  name: string;
  from: string;
  to: string;
}
const PERIODS: Period[] = [
  // Runs past NOW: open deadlines are judged at NOW.
  { name: '2026-01-01..2026-12-01 (ends after now)', from: '2026-01-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' },
  // Ends before NOW: judged at its end; spans 清明 and 劳动节.
  { name: '2026-03-01..2026-06-01', from: '2026-03-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' },
  // 春节 2026 (02-15..02-23, make-up workdays 02-14 and 02-28), odd hours.
  { name: '2026-02-10 08:30..2026-03-09 17:45', from: '2026-02-10T08:30:00+08:00', to: '2026-03-09T17:45:00+08:00' },
];

let adminUrl: URL;
let dbName: string;
let dbUrl: string;
let t: TestHub;
let supervisor: string;

// ───────────────────────────── an own database ─────────────────────────────

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Evaluated (and some unevaluated) 12345 orders: routed to teams, a functional department or nobody; linked to cases or not. */
async function insertWorkOrders(db: Database): Promise<void> {
  const teams = await db.prisma.department.findMany({ where: { code: { in: STREET_TEAMS.map((s) => s.departmentCode) } }, orderBy: { code: 'asc' } });
  const functional = await db.prisma.department.findFirstOrThrow({ where: { kind: 'FUNCTIONAL_DEPT' }, orderBy: { code: 'asc' } });
  const cases = await db.prisma.enforcementCase.findMany({ select: { id: true }, orderBy: { caseNo: 'asc' } });
  const evaluations = ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', null] as const;
  const start = Date.parse('2025-12-20T10:00:00+08:00');
  const rows = Array.from({ length: 72 }, (_, i) => {
    const dispatchedAt = new Date(start + i * 5 * DAY_MS + (i % 9) * 3_600_000);
    const evaluation = evaluations[i % evaluations.length];
    const departmentId = i % 13 === 0 ? functional.id : i % 7 === 6 ? null : teams[i % teams.length].id;
    return {
      orderNo: `STATS-${String(i).padStart(3, '0')}`,
      version: 1,
      category: '城市管理',
      urgency: 'NORMAL',
      status: evaluation ? ('CLOSED' as const) : ('REPLIED' as const),
      title: `统计测试工单 ${i}`,
      content: '占道经营',
      address: '深圳市龙华区',
      departmentId,
      caseId: i % 3 === 0 ? null : cases[(i * 7) % cases.length].id,
      dispatchedAt,
      signDeadline: new Date(dispatchedAt.getTime() + 2 * 3_600_000),
      replyDeadline: new Date(dispatchedAt.getTime() + 5 * DAY_MS),
      evaluation,
      evaluatedAt: evaluation ? new Date(dispatchedAt.getTime() + 4 * DAY_MS + (i % 5) * 3_600_000) : null,
      raw: {},
    };
  });
  await db.prisma.workOrder.createMany({ data: rows });
}

/** 23:59:59.999 Shanghai of the FILING due day of a registration (15 working days). */
function filingDue(registeredAt: Date): Date {
  return new WorkingDayCalendar().endOfWorkingDaysAfter(registeredAt, 15);
}

/**
 * Cases the seed does not have, one per rule of case-deadlines.ts that the seed leaves unused or
 * per boundary: transferred before filing, a decline recorded in filedAt only, closed without a
 * decision (撤销立案), met exactly at and 1 ms after the due time, a registration late at night and
 * on a holiday, a payment due on a Sunday after a make-up working Saturday, a decision without a fine.
 */
async function insertEdgeCases(db: Database): Promise<void> {
  const team = await db.prisma.department.findUniqueOrThrow({ where: { code: 'LH-GH' } });
  const item = await db.prisma.powerItem.findFirstOrThrow({ where: { category: 'ROAD_OCCUPATION' }, orderBy: { code: 'asc' } });
  const at = (iso: string) => new Date(`${iso}+08:00`);
  const onTimeReg = at('2026-03-16T10:00:00');
  const lateReg = at('2026-04-13T10:00:00');
  const edge: Array<{ stage: CaseRow['stage']; registeredAt: Date; fine?: string } & Partial<Record<'filedAt' | 'decidedAt' | 'servedAt' | 'executedAt' | 'closedAt' | 'transferredAt', Date>>> = [
    { stage: 'TRANSFERRED', registeredAt: at('2026-03-02T10:00:00'), transferredAt: at('2026-03-05T16:00:00') },
    { stage: 'TRANSFERRED', registeredAt: at('2026-01-05T09:00:00'), transferredAt: at('2026-02-10T11:00:00') },
    { stage: 'NOT_FILED', registeredAt: at('2026-04-28T11:00:00'), filedAt: at('2026-05-20T10:00:00') },
    { stage: 'CLOSED', registeredAt: at('2026-02-02T09:30:00'), filedAt: at('2026-02-05T10:00:00'), closedAt: at('2026-03-20T15:00:00') },
    { stage: 'CLOSED', registeredAt: at('2025-10-09T09:30:00'), filedAt: at('2025-10-10T10:00:00'), closedAt: at('2026-03-02T15:00:00') },
    { stage: 'RECEIVED', registeredAt: at('2026-04-30T23:30:00') },
    { stage: 'RECEIVED', registeredAt: at('2026-10-03T10:00:00') },
    { stage: 'RECEIVED', registeredAt: at('2026-11-20T00:10:00') },
    { stage: 'FILED', registeredAt: onTimeReg, filedAt: filingDue(onTimeReg) },
    { stage: 'FILED', registeredAt: lateReg, filedAt: new Date(filingDue(lateReg).getTime() + 1) },
    {
      stage: 'CLOSED',
      registeredAt: at('2026-05-06T09:00:00'),
      filedAt: at('2026-05-07T09:00:00'),
      decidedAt: at('2026-06-15T10:00:00'),
      servedAt: at('2026-06-30T10:00:00'),
      executedAt: at('2026-08-01T10:00:00'),
      closedAt: at('2026-08-02T10:00:00'),
      fine: '3000.00',
    },
    {
      stage: 'SERVED',
      registeredAt: at('2025-12-15T09:00:00'),
      filedAt: at('2025-12-16T09:00:00'),
      decidedAt: at('2026-02-06T10:00:00'),
      servedAt: at('2026-02-14T10:00:00'),
      fine: '500.50',
    },
    {
      stage: 'CLOSED',
      registeredAt: at('2026-06-01T09:00:00'),
      filedAt: at('2026-06-02T09:00:00'),
      decidedAt: at('2026-07-01T10:00:00'),
      servedAt: at('2026-07-02T10:00:00'),
      closedAt: at('2026-07-03T10:00:00'),
      fine: '0.00',
    },
  ];
  for (const [i, e] of edge.entries()) {
    const { fine, ...times } = e;
    const c = await db.prisma.enforcementCase.create({
      data: {
        ...times,
        caseNo: `EDGE-${String(i).padStart(2, '0')}`,
        source: i % 2 === 0 ? 'PATROL' : 'HOTLINE_12345',
        powerItemId: item.id,
        departmentId: team.id,
        summary: `统计边界案件 ${i}`,
        address: '深圳市龙华区观湖街道',
        street: '观湖',
        discoveredAt: e.registeredAt,
      },
    });
    if (fine !== undefined) {
      await db.prisma.penaltyDecision.create({
        data: {
          caseId: c.id,
          decisionNo: `EDGE-D-${i}`,
          kind: fine === '0.00' ? 'WARNING' : 'FINE',
          fineAmount: fine,
          basis: '测试',
          reasoning: '测试',
          decidedAt: e.decidedAt!,
          decidedBy: 'test',
        },
      });
    }
  }
}

/** A hub on this file's database (startTestHub reads the database URL before its first await). */
function startOwnHub(env: Record<string, string> = {}): Promise<TestHub> {
  const shared = process.env.HUB_TEST_DATABASE_URL;
  process.env.HUB_TEST_DATABASE_URL = dbUrl;
  try {
    return startTestHub({ clock: () => NOW, env });
  } finally {
    process.env.HUB_TEST_DATABASE_URL = shared;
  }
}

/** 案卷评查 of closed cases at various moments (inside and outside the test periods), some failing. */
async function insertReviews(db: Database): Promise<void> {
  const closed = await db.prisma.enforcementCase.findMany({ where: { stage: 'CLOSED' }, orderBy: { caseNo: 'asc' }, take: 12 });
  const scores = [95, 58, 77, 62, 88, 40, 100, 73, 59, 91, 66, 84];
  await db.prisma.caseReview.createMany({
    data: closed.map((c, i) => ({
      caseId: c.id,
      reviewer: 'stats-reviewer',
      findings: [],
      score: scores[i],
      // Spread over 2026: February (春节 period), spring, and autumn.
      reviewedAt: new Date(Date.parse('2026-02-12T10:00:00+08:00') + i * 23 * DAY_MS),
    })),
  });
}

beforeAll(async () => {
  adminUrl = new URL(process.env.HUB_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  dbName = `${process.env.HUB_TEST_DATABASE_NAME ?? `hub_test_${Date.now()}`}_stats`;
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = new URL(adminUrl.toString());
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  const setup = await openDatabase({ databaseUrl: dbUrl, dataDir: '/nonexistent' });
  try {
    await applyMigrations(setup.adapterFactory);
    await seedDemoData(setup.prisma);
    await insertEdgeCases(setup);
    await insertWorkOrders(setup);
    await insertReviews(setup);
  } finally {
    await setup.close();
  }
  t = await startOwnHub();
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'sup-stats');
}, 120_000);

afterAll(async () => {
  await t?.stop();
  if (dbName) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
});

// ───────────────────────────── the independent computation ─────────────────────────────

async function loadData() {
  const cases = await t.db.prisma.enforcementCase.findMany({
    include: { decision: true, department: true, powerItem: true, reviews: true },
    orderBy: { caseNo: 'asc' },
  });
  const orders = await t.db.prisma.workOrder.findMany({ include: { department: true, case: { include: { powerItem: true } } } });
  return { cases, orders };
}
type Data = Awaited<ReturnType<typeof loadData>>;
type CaseRow = Data['cases'][number];

const calendar = new WorkingDayCalendar();

function deadlinesOf(c: CaseRow, cal: WorkingDayCalendar = calendar): CaseDeadline[] {
  const hasFine = c.decision ? Number(c.decision.fineAmount) > 0 : false;
  return caseDeadlines({ ...c, hasFine }, NOW, cal).filter((d) => d.kind !== 'HEARING_REQUEST');
}

interface Acc {
  key: string;
  label: string;
  received: number;
  filed: number;
  decided: number;
  closed: number;
  transferred: number;
  handlingMs: number;
  finesCents: number;
  overdue: number;
  kinds: Record<string, { due: number; met: number; metOnTime: number; overdueOpen: number }>;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  reviewed: number;
  reviewScoreSum: number;
  reviewFailed: number;
}

function newAcc(key: string, label: string): Acc {
  return {
    key,
    label,
    received: 0,
    filed: 0,
    decided: 0,
    closed: 0,
    transferred: 0,
    handlingMs: 0,
    finesCents: 0,
    overdue: 0,
    kinds: Object.fromEntries(KINDS.map((k) => [k, { due: 0, met: 0, metOnTime: 0, overdueOpen: 0 }])),
    evaluated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    reviewed: 0,
    reviewScoreSum: 0,
    reviewFailed: 0,
  };
}

function rounded(n: number, d: number, decimals: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10 ** decimals) / 10 ** decimals;
}

function finish(a: Acc): StatsRowFieldsFragment {
  return {
    key: a.key,
    label: a.label,
    received: a.received,
    filed: a.filed,
    decided: a.decided,
    closed: a.closed,
    transferred: a.transferred,
    onTime: KINDS.map((kind) => {
      const k = a.kinds[kind];
      return { kind, ...k, rate: rounded(k.metOnTime, k.met + k.overdueOpen, 4) };
    }),
    overdue: a.overdue,
    averageHandlingDays: rounded(a.handlingMs / DAY_MS, a.closed, 1),
    finesDecided: `${Math.floor(a.finesCents / 100)}.${String(a.finesCents % 100).padStart(2, '0')}`,
    satisfaction: {
      evaluated: a.evaluated,
      satisfied: a.satisfied,
      basicallySatisfied: a.basicallySatisfied,
      dissatisfied: a.dissatisfied,
      rate: rounded(a.satisfied + a.basicallySatisfied, a.evaluated, 4),
    },
    fileReviews: { reviewed: a.reviewed, averageScore: rounded(a.reviewScoreSum, a.reviewed, 1), failed: a.reviewFailed },
  };
}

const UNASSIGNED = { key: 'UNASSIGNED', label: '未归属' };

function caseGroup(groupBy: StatsGroupBy, c: CaseRow): { key: string; label: string } {
  switch (groupBy) {
    case 'STREET':
      return { key: c.street, label: c.street };
    case 'DEPARTMENT':
      return { key: c.department.code, label: c.department.name };
    case 'CATEGORY':
      return { key: c.powerItem.category, label: CATEGORY_NAMES[c.powerItem.category] };
    case 'SOURCE':
      return { key: c.source, label: SOURCE_LABELS[c.source] };
  }
}

function orderGroup(groupBy: StatsGroupBy, o: Data['orders'][number]): { key: string; label: string } {
  switch (groupBy) {
    case 'STREET':
      return o.department?.street ? { key: o.department.street, label: o.department.street } : UNASSIGNED;
    case 'DEPARTMENT':
      return o.department ? { key: o.department.code, label: o.department.name } : UNASSIGNED;
    case 'CATEGORY':
      return o.case ? { key: o.case.powerItem.category, label: CATEGORY_NAMES[o.case.powerItem.category] } : UNASSIGNED;
    case 'SOURCE':
      return o.case ? { key: o.case.source, label: SOURCE_LABELS[o.case.source] } : UNASSIGNED;
  }
}

function expected(
  data: Data,
  groupBy: StatsGroupBy,
  period: Period,
  cal: WorkingDayCalendar = calendar,
): { rows: StatsRowFieldsFragment[]; total: StatsRowFieldsFragment } {
  const from = new Date(period.from).getTime();
  const to = new Date(period.to).getTime();
  const asOf = Math.min(to, NOW.getTime());
  const inPeriod = (d: Date | null | undefined) => d != null && d.getTime() >= from && d.getTime() < to;
  const groups = new Map<string, Acc>();
  const total = newAcc('TOTAL', '合计');
  const accsFor = (g: { key: string; label: string }) => {
    let acc = groups.get(g.key);
    if (!acc) groups.set(g.key, (acc = newAcc(g.key, g.label)));
    return [acc, total];
  };

  for (const c of data.cases) {
    if (c.registeredAt.getTime() >= to) continue; // a case takes part from its registration on
    for (const a of accsFor(caseGroup(groupBy, c))) {
      if (inPeriod(c.registeredAt)) a.received += 1;
      if (inPeriod(c.filedAt) && c.stage !== 'NOT_FILED') a.filed += 1;
      if (inPeriod(c.decidedAt)) a.decided += 1;
      if (inPeriod(c.closedAt) && c.stage === 'CLOSED') {
        a.closed += 1;
        a.handlingMs += c.closedAt!.getTime() - c.registeredAt.getTime();
      }
      if (inPeriod(c.transferredAt)) a.transferred += 1;
      if (c.decision && inPeriod(c.decision.decidedAt)) a.finesCents += Math.round(Number(c.decision.fineAmount) * 100);
      for (const r of c.reviews.filter((x) => inPeriod(x.reviewedAt))) {
        a.reviewed += 1;
        a.reviewScoreSum += r.score;
        if (r.score < 60) a.reviewFailed += 1;
      }
      for (const d of deadlinesOf(c, cal)) {
        const due = d.dueAt.getTime();
        const met = d.metAt?.getTime() ?? null;
        if (due < asOf && (met === null || met >= asOf)) a.overdue += 1;
        if (!(inPeriod(d.dueAt) || inPeriod(d.metAt))) continue;
        const k = a.kinds[d.kind];
        k.due += 1;
        if (met !== null && met < to) {
          k.met += 1;
          if (met <= due) k.metOnTime += 1;
        } else if (due < asOf) {
          k.overdueOpen += 1;
        }
      }
    }
  }
  for (const o of data.orders) {
    if (!o.evaluation || !inPeriod(o.evaluatedAt)) continue;
    for (const a of accsFor(orderGroup(groupBy, o))) {
      a.evaluated += 1;
      if (o.evaluation === 'SATISFIED') a.satisfied += 1;
      if (o.evaluation === 'BASICALLY_SATISFIED') a.basicallySatisfied += 1;
      if (o.evaluation === 'DISSATISFIED') a.dissatisfied += 1;
    }
  }
  const enumOrder: string[] | null =
    groupBy === 'CATEGORY' ? Object.values(PowerCategories) : groupBy === 'SOURCE' ? Object.values(CaseSources) : null;
  const rank = (k: string) => (k === 'UNASSIGNED' ? Infinity : enumOrder ? enumOrder.indexOf(k) : 0);
  const rows = [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows: rows.map(finish), total: finish(total) };
}

async function stats(period: Period, groupBy: StatsGroupBy, token = supervisor, hub = t): Promise<GraphQLResponse<SupervisionStatsQuery>> {
  return hub.gql(SupervisionStatsDocument, { period: { from: period.from, to: period.to }, groupBy }, token);
}

async function statsOk(period: Period, groupBy: StatsGroupBy) {
  const res = await stats(period, groupBy);
  expect(res.errors).toBeUndefined();
  return res.data!.supervisionStats;
}

// ───────────────────────────── tests ─────────────────────────────

describe('the working-day calendar in SQL', () => {
  const calendarRows = async () =>
    (await t.db.prisma.calendarDay.findMany({ orderBy: { date: 'asc' } })).map((r) => [r.date.toISOString().slice(0, 10), r.kind, r.name]);
  const data = new Map(STATUTORY_CALENDAR.map((e) => [e.date, e]));
  const statutoryRows = [...data.values()].sort((a, b) => a.date.localeCompare(b.date)).map((e) => [e.date, e.kind, e.name]);

  it('the seed fills CalendarDay from src/domain/holidays.ts and, run again, adds only missing dates', async () => {
    expect(await calendarRows()).toEqual(statutoryRows);
    expect(await seedCalendar(t.db.prisma)).toEqual({ entries: data.size, written: 0, deleted: 0 });
    await t.db.prisma.calendarDay.delete({ where: { date: new Date('2026-10-01T00:00:00Z') } });
    await t.db.prisma.calendarDay.update({ where: { date: new Date('2026-02-16T00:00:00Z') }, data: { kind: 'WORKDAY' } });
    // The seed never undoes what a hub synchronised: the changed row stays, the missing one comes back.
    expect(await seedCalendar(t.db.prisma)).toEqual({ entries: data.size, written: 1, deleted: 0 });
    expect((await calendarRows()).find((r) => r[0] === '2026-02-16')?.[1]).toBe('WORKDAY');
  });

  it('syncCalendar makes CalendarDay equal to the calendar: changed rows restored, stray rows removed, then nothing to write', async () => {
    await t.db.prisma.calendarDay.create({ data: { date: new Date('2026-07-01T00:00:00Z'), kind: 'HOLIDAY', name: 'stray' } });
    expect(await syncCalendar(t.db.prisma, STATUTORY_CALENDAR)).toEqual({ entries: data.size, written: 1, deleted: 1 });
    expect(await calendarRows()).toEqual(statutoryRows);
    expect(await syncCalendar(t.db.prisma, STATUTORY_CALENDAR)).toEqual({ entries: data.size, written: 0, deleted: 0 });
  });

  it('due dates and met times in SQL equal src/domain/case-deadlines.ts for every case', async () => {
    const { cases } = await loadData();
    expect(cases.filter((c) => !c.caseNo.startsWith('EDGE-'))).toHaveLength(240);
    type SqlRow = { id: string } & Record<string, boolean | string | Date | null>;
    const sqlRows = await t.db.prisma.$queryRaw<SqlRow[]>(caseDeadlineDaysQuery(NOW));
    const byId = new Map(sqlRows.map((r) => [r.id, r]));
    const seen: Record<string, number> = {};
    for (const c of cases) {
      const row = byId.get(c.id)!;
      const fromTs = Object.fromEntries(deadlinesOf(c).map((d) => [d.kind, d]));
      for (const kind of KINDS) {
        const name = kind.toLowerCase();
        const d = fromTs[kind];
        const due = row[`${name}_due_day`] as Date | null;
        const met = row[`${name}_met_at`] as Date | null;
        const actual = { applies: row[`${name}_applies`] === true, due: due ? due.toISOString().slice(0, 10) : null, met: d ? met?.getTime() ?? null : null };
        const wanted = { applies: !!d, due: d ? shanghaiDate(d.dueAt) : null, met: d ? d.metAt?.getTime() ?? null : null };
        expect({ caseNo: c.caseNo, kind, ...actual }).toEqual({ caseNo: c.caseNo, kind, ...wanted });
        if (d) seen[kind] = (seen[kind] ?? 0) + 1;
      }
    }
    // The seeded cases exercise every kind, holidays included.
    for (const kind of KINDS) expect(seen[kind]).toBeGreaterThan(50);
  });
});

describe.each(PERIODS)('supervisionStats over $name', (period) => {
  let data: Data;
  beforeAll(async () => {
    data = await loadData();
  });

  it.each(GROUPINGS)('by %s: every figure of every row and of the total equals the hand-computed value', async (groupBy) => {
    const got = await statsOk(period, groupBy);
    const want = expected(data, groupBy, period);
    expect(got.groupBy).toBe(groupBy);
    expect(new Date(got.period.from).getTime()).toBe(new Date(period.from).getTime());
    expect(new Date(got.period.to).getTime()).toBe(new Date(period.to).getTime());
    expect(new Date(got.asOf).getTime()).toBe(Math.min(new Date(period.to).getTime(), NOW.getTime()));
    expect(got.rows.map((r) => r.key)).toEqual(want.rows.map((r) => r.key));
    for (let i = 0; i < want.rows.length; i += 1) expect(got.rows[i]).toEqual(want.rows[i]);
    expect(got.total).toEqual(want.total);
  });

  it('the total is the sum of the rows for every additive figure and the same for every grouping', async () => {
    const results = await Promise.all(GROUPINGS.map((g) => statsOk(period, g)));
    const additive = (r: StatsRowFieldsFragment) => ({
      received: r.received,
      filed: r.filed,
      decided: r.decided,
      closed: r.closed,
      transferred: r.transferred,
      overdue: r.overdue,
      finesCents: Math.round(Number(r.finesDecided) * 100),
      onTime: r.onTime.map(({ kind, due, met, metOnTime, overdueOpen }) => ({ kind, due, met, metOnTime, overdueOpen })),
      satisfaction: { ...r.satisfaction, rate: null },
      fileReviews: { reviewed: r.fileReviews.reviewed, failed: r.fileReviews.failed },
    });
    for (const result of results) {
      const sum = result.rows.map(additive).reduce((acc, r) => ({
        received: acc.received + r.received,
        filed: acc.filed + r.filed,
        decided: acc.decided + r.decided,
        closed: acc.closed + r.closed,
        transferred: acc.transferred + r.transferred,
        overdue: acc.overdue + r.overdue,
        finesCents: acc.finesCents + r.finesCents,
        onTime: acc.onTime.map((k, i) => ({
          kind: k.kind,
          due: k.due + r.onTime[i].due,
          met: k.met + r.onTime[i].met,
          metOnTime: k.metOnTime + r.onTime[i].metOnTime,
          overdueOpen: k.overdueOpen + r.onTime[i].overdueOpen,
        })),
        satisfaction: {
          evaluated: acc.satisfaction.evaluated + r.satisfaction.evaluated,
          satisfied: acc.satisfaction.satisfied + r.satisfaction.satisfied,
          basicallySatisfied: acc.satisfaction.basicallySatisfied + r.satisfaction.basicallySatisfied,
          dissatisfied: acc.satisfaction.dissatisfied + r.satisfaction.dissatisfied,
          rate: null,
        },
        fileReviews: { reviewed: acc.fileReviews.reviewed + r.fileReviews.reviewed, failed: acc.fileReviews.failed + r.fileReviews.failed },
      }));
      expect(sum).toEqual(additive(result.total));
      expect(result.total).toEqual(results[0].total);
    }
    // Something to sum: the period has activity and evaluations in it.
    expect(results[0].total.received).toBeGreaterThan(0);
    expect(results[0].total.satisfaction.evaluated).toBeGreaterThan(0);
    expect(results[0].total.fileReviews.reviewed).toBeGreaterThan(0);
    expect(results[0].total.fileReviews.failed).toBeGreaterThan(0);
  });
});

describe('figures against the deadline flags of src/domain/case-deadlines.ts', () => {
  it('overdue of a period running past now counts the deadlines case-deadlines.ts flags overdue and still open', async () => {
    const { cases } = await loadData();
    const flagged = cases.flatMap((c) => deadlinesOf(c)).filter((d) => d.overdue && d.metAt === null).length;
    const got = await statsOk(PERIODS[0], 'STREET');
    expect(got.total.overdue).toBe(flagged);
    expect(flagged).toBeGreaterThan(0);
  });

  it('rows cover the six streets, every department with cases, and work orders no team or case claims', async () => {
    const byStreet = await statsOk(PERIODS[0], 'STREET');
    expect(byStreet.rows.map((r) => r.key)).toEqual([...STREET_TEAMS.map((s) => s.street)].sort().concat('UNASSIGNED'));
    const bySource = await statsOk(PERIODS[0], 'SOURCE');
    expect(bySource.rows.find((r) => r.key === 'UNASSIGNED')?.label).toBe('未归属');
    expect(bySource.rows.find((r) => r.key === 'PATROL')?.label).toBe('巡查');
  });
});

describe('access and input', () => {
  const P = PERIODS[1];

  it.each([
    ['a street-team officer', 'LH-GH', 'OFFICER'],
    ['a partner department', 'LH-GTZY', 'PARTNER'],
    ['a street-team transfer officer', 'LH-MZ', 'TRANSFER_OFFICER'],
  ] as const)('refuses %s with FORBIDDEN and the rule', async (_who, dept, role) => {
    const res = await stats(P, 'STREET', await t.token(dept, role));
    expect(res.data?.supervisionStats ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'STATISTICS_READER' });
  });

  it.each([
    ['an auditor', 'LH-GH', 'AUDITOR'],
    ['an administrator', 'LH-CGJ', 'ADMIN'],
    ['an officer of the district bureau', 'LH-CGJ', 'OFFICER'],
    ['an officer of the city bureau', 'SZ-CGJ', 'OFFICER'],
  ] as const)('answers %s', async (_who, dept, role) => {
    const res = await stats(P, 'CATEGORY', await t.token(dept, role));
    expect(res.errors).toBeUndefined();
    expect(res.data!.supervisionStats.total.received).toBeGreaterThan(0);
  });

  it.each([
    ['from after to', '2026-06-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00', 'period.to', 'PERIOD_ORDER'],
    ['an empty period', '2026-03-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00', 'period.to', 'PERIOD_ORDER'],
    ['more than three years', '2023-01-01T00:00:00+08:00', '2026-01-02T00:00:00+08:00', 'period', 'PERIOD_TOO_LONG'],
  ])('refuses %s with BAD_USER_INPUT naming the field and the rule', async (_what, from, to, field, rule) => {
    const res = await stats({ name: 'bad', from, to }, 'STREET');
    expect(res.data?.supervisionStats ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });

  it('accepts exactly three years', async () => {
    const res = await stats({ name: 'three years', from: '2024-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }, 'SOURCE');
    expect(res.errors).toBeUndefined();
    expect(res.data!.supervisionStats.total.received).toBe(await t.db.prisma.enforcementCase.count());
  });
});

// Last: it changes CalendarDay for the hubs on this database, and puts it back.
describe('a deployment calendar (CALENDAR_EXTRA)', () => {
  it('reaches the SQL: the figures follow the extended calendar as the deadlines of the API do', async () => {
    const extra = [
      // Inside the filing window of the case filed 1 ms late (registered 2026-04-13): now on time.
      { date: '2026-04-20', kind: 'HOLIDAY' as const, name: '测试假日' },
      { date: '2026-01-10', kind: 'WORKDAY' as const, name: '测试调休' },
    ];
    const extended = new WorkingDayCalendar([...STATUTORY_CALENDAR, ...extra]);
    const other = await startOwnHub({ CALENDAR_EXTRA: extra.map((e) => `${e.date}:${e.kind}:${e.name}`).join(',') });
    try {
      const data = await loadData();
      const period = PERIODS[1];
      const want = expected(data, 'STREET', period, extended);
      expect(want).not.toEqual(expected(data, 'STREET', period));
      const res = await stats(period, 'STREET', supervisor, other);
      expect(res.errors).toBeUndefined();
      expect(res.data!.supervisionStats.rows).toEqual(want.rows);
      expect(res.data!.supervisionStats.total).toEqual(want.total);
    } finally {
      await other.stop();
      await syncCalendar(t.db.prisma, STATUTORY_CALENDAR);
    }
  });
});
