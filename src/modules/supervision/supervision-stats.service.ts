// 网上监督 statistics, computed in SQL in one statement (one round trip, one scan of the cases).
//
// Definitions (period [from, to); asOf = min(to, now)):
// - received / filed / decided / closed / transferred: cases whose registeredAt / filedAt /
//   decidedAt / closedAt / transferredAt lies in the period. filed leaves out 不予立案 cases (their
//   filedAt, if any, records the decline); closed counts stage CLOSED only (a decline is not 结案).
// - Deadlines are those of src/domain/case-deadlines.ts, recomputed in SQL from the same case
//   timestamps and the working-day calendar in CalendarDay (synchronised with the hub's calendar:
//   src/domain/holidays.ts plus CALENDAR_EXTRA, before the first query), with the same metAt
//   rules. HEARING_REQUEST is left out: it is the party's window, never overdue.
// - onTime per kind: a deadline is counted (due) when dueAt or metAt lies in the period; met when
//   metAt < to; metOnTime when also metAt ≤ dueAt; overdueOpen when not met before to and
//   dueAt < asOf; rate = metOnTime / (met + overdueOpen).
// - overdue: deadlines of any kind and due date that are open at asOf (no metAt before asOf) and
//   past due at asOf.
// - averageHandlingDays: mean closedAt − registeredAt (calendar days, 1 decimal) of `closed`.
// - finesDecided: sum of PenaltyDecision.fineAmount with the decision's decidedAt in the period.
// - satisfaction: 12345 work orders with evaluatedAt in the period, grouped by the routed team
//   (STREET: its street, DEPARTMENT: the team) or by the linked case (CATEGORY, SOURCE).
// A case belongs to the group of its current street, handling department, category and source.
// Rows: every group with a case registered before `to` or a work order evaluated in the period
// (work orders no group claims: key UNASSIGNED); the total is a grouping set of the same statement.
//
// Working days in SQL: a calendar CTE over the span of the data gives two arrays: cum[i], the
// number of working days from the first day up to day i, and workday[k], the k-th working day.
// The n-th working day after day d is workday[cum[d] + n]; n calendar days after d, moved to the
// next working day, is workday[cum[d + n − 1] + 1]. Deadline dates are compared as Asia/Shanghai
// dates: dueAt is 23:59:59.999 of the due day, so metAt ≤ dueAt ⇔ date(metAt) ≤ dueDay and
// from ≤ dueAt < to ⇔ date(from) ≤ dueDay < date(to).
import type { PrismaClient } from '../../generated/prisma/client';
import { Prisma } from '../../generated/prisma/client';
import type { CaseSource } from '../../generated/prisma/enums';
import { assertMaySeeStatistics } from '../../auth/access-policy';
import type { RequestScope } from '../../context';
import { shanghaiDate } from '../../domain/calendar';
import { STATUTORY_CALENDAR, type CalendarEntry } from '../../domain/holidays';
import {
  DECISION_CALENDAR_DAYS,
  FILING_WORKING_DAYS,
  PAYMENT_CALENDAR_DAYS,
  SERVICE_WORKING_DAYS,
  type CaseDeadlineKind,
} from '../../domain/case-deadlines';
import { syncCalendar } from '../../db/seed-calendar';
import { CATEGORY_NAMES } from '../../db/seed-data/power-items';
import { ValidationError } from '../../errors/domain-errors';
import { CaseDeadlineKindEnum } from '../case/case.type';
import { MAX_STATS_PERIOD_DAYS, type StatsPeriodInput } from './supervision-stats.input';
import {
  StatsGroupBy,
  UNASSIGNED_KEY,
  type DeadlineOnTimeStats,
  type StatsRow,
  type SupervisionStats,
} from './supervision-stats.type';

const DAY_MS = 86_400_000;

export const SOURCE_NAMES: Readonly<Record<CaseSource, string>> = {
  PATROL: '巡查',
  CITIZEN_REPORT: '市民举报',
  DIGITAL_CITY: '数字城管',
  HOTLINE_12345: '12345',
  DEPT_TRANSFER: '部门移交',
  VIDEO_DETECTION: '视频识别',
};

/** The deadline kinds the statistics report, in procedural order. */
export const STATS_DEADLINE_KINDS = ['FILING', 'DECISION', 'SERVICE', 'PAYMENT'] as const satisfies ReadonlyArray<CaseDeadlineKind>;
type StatsDeadlineKind = (typeof STATS_DEADLINE_KINDS)[number];

export interface StatsQueryParams {
  from: Date;
  to: Date;
  now: Date;
  groupBy: StatsGroupBy;
}

type PerKindColumn = `${Lowercase<StatsDeadlineKind>}_${'due' | 'met' | 'on_time' | 'overdue_open'}`;

/** One row of the statement: a group (is_total false) or the total; counts per kind are flattened. */
export type RawStatsRow = { [column in PerKindColumn]: number } & {
  is_total: boolean;
  /** Group key as grouped ('' = unassigned; NULL on the total row) */
  g: string | null;
  key: string | null;
  label: string | null;
  received: number;
  filed: number;
  decided: number;
  closed: number;
  transferred: number;
  handling_seconds: number;
  fines: string;
  overdue: number;
  calendar_gaps: number;
  evaluated: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  reviewed: number;
  review_score_sum: number;
  review_failed: number;
};

// ───────────────────────────── SQL ─────────────────────────────

const raw = Prisma.raw;

function int(n: number): Prisma.Sql {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return raw(String(n));
}

/** The Asia/Shanghai calendar date of a timestamptz expression (UTC+8, as src/domain/calendar.ts). */
function shanghaiDay(expr: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${expr} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
}

/** The due day of n working days after start's date (calendar.endOfWorkingDaysAfter ends at 23:59:59.999 of it). */
function workingDaysAfter(start: Prisma.Sql, n: number): Prisma.Sql {
  return Prisma.sql`cal.workday[cal.cum[${shanghaiDay(start)} - cal.lo + 1] + ${int(n)}]`;
}

/** The due day of n calendar days after start's date, moved to the next working day (calendar.endOfCalendarDaysAfter). */
function calendarDaysAfter(start: Prisma.Sql, n: number): Prisma.Sql {
  return Prisma.sql`cal.workday[cal.cum[${shanghaiDay(start)} + ${int(n)} - cal.lo] + 1]`;
}

interface KindSql {
  /** The deadline applies to the case */
  applies: Prisma.Sql;
  /** Due date (Shanghai) */
  dueDay: Prisma.Sql;
  /** When it was met, as src/domain/case-deadlines.ts decides */
  metAt: Prisma.Sql;
}

/** Per kind, over `ec` (EnforcementCase) and `pd` (its PenaltyDecision, left-joined). */
const KIND_SQL: Readonly<Record<StatsDeadlineKind, KindSql>> = {
  FILING: {
    applies: raw('true'),
    dueDay: workingDaysAfter(raw('ec."registeredAt"'), FILING_WORKING_DAYS),
    metAt: raw(`CASE WHEN ec.stage = 'NOT_FILED' THEN coalesce(ec."closedAt", ec."filedAt")
      ELSE coalesce(ec."filedAt", CASE WHEN ec.stage = 'TRANSFERRED' THEN ec."transferredAt" END) END`),
  },
  DECISION: {
    applies: raw(`ec."filedAt" IS NOT NULL AND ec.stage <> 'NOT_FILED'`),
    dueDay: calendarDaysAfter(raw('ec."filedAt"'), DECISION_CALENDAR_DAYS),
    metAt: raw(`coalesce(ec."decidedAt", CASE ec.stage WHEN 'TRANSFERRED' THEN ec."transferredAt" WHEN 'CLOSED' THEN ec."closedAt" END)`),
  },
  SERVICE: {
    applies: raw(`ec."decidedAt" IS NOT NULL`),
    dueDay: workingDaysAfter(raw('ec."decidedAt"'), SERVICE_WORKING_DAYS),
    metAt: raw('ec."servedAt"'),
  },
  PAYMENT: {
    applies: raw(`ec."servedAt" IS NOT NULL AND pd."fineAmount" > 0`),
    dueDay: calendarDaysAfter(raw('ec."servedAt"'), PAYMENT_CALENDAR_DAYS),
    metAt: raw('ec."executedAt"'),
  },
};

/**
 * How a grouping keys cases (ec) and 12345 work orders. STREET and DEPARTMENT group an order by the
 * team it is routed to (orderKey over wo and its team); CATEGORY and SOURCE by its linked case, so
 * the orders are counted per case inside the one scan of the cases (no second pass over them).
 */
type GroupSql =
  | { caseKey: Prisma.Sql; caseJoin: Prisma.Sql; ordersBy: 'team'; orderKey: Prisma.Sql; orderJoin: Prisma.Sql }
  | { caseKey: Prisma.Sql; caseJoin: Prisma.Sql; ordersBy: 'case' };

const GROUP_SQL: Readonly<Record<StatsGroupBy, GroupSql>> = {
  STREET: {
    caseKey: raw('ec.street'),
    caseJoin: raw(''),
    ordersBy: 'team',
    orderKey: raw('team.street'),
    orderJoin: raw(`LEFT JOIN "Department" team ON team.id = wo."departmentId"`),
  },
  DEPARTMENT: {
    caseKey: raw('ec."departmentId"::text'),
    caseJoin: raw(''),
    ordersBy: 'team',
    orderKey: raw('wo."departmentId"::text'),
    orderJoin: raw(''),
  },
  CATEGORY: {
    caseKey: raw('pi.category::text'),
    caseJoin: raw(`JOIN "PowerItem" pi ON pi.id = ec."powerItemId"`),
    ordersBy: 'case',
  },
  SOURCE: {
    caseKey: raw('ec.source::text'),
    caseJoin: raw(''),
    ordersBy: 'case',
  },
};

function ts(d: Date): Prisma.Sql {
  return Prisma.sql`${d.toISOString()}::timestamptz`;
}

function day(d: Date): Prisma.Sql {
  return Prisma.sql`${shanghaiDate(d)}::date`;
}

/** bounds, days, cal: the working-day calendar over the span of the data, for `cal.` lookups. */
function calendarCtes(p: { from: Date; to: Date; now: Date }): Prisma.Sql {
  return Prisma.sql`bounds AS (
  -- The calendar spans the data: every start and due date of a deadline falls inside it.
  SELECT coalesce(${shanghaiDay(raw('m.first_registered'))}, ${day(p.from)}) - 400 AS lo,
         greatest(${shanghaiDay(raw('m.last_registered'))}, ${day(p.to)}, ${day(p.now)}) + 800 AS hi
  FROM (SELECT min("registeredAt") AS first_registered, max("registeredAt") AS last_registered FROM "EnforcementCase") m
),
days AS (
  -- Working day: Mon–Fri unless listed HOLIDAY; Sat/Sun only when listed WORKDAY (调休).
  SELECT d::date AS day, coalesce(cd.kind = 'WORKDAY', extract(isodow FROM d) < 6) AS working
  FROM bounds, generate_series(bounds.lo::timestamp, bounds.hi::timestamp, interval '1 day') AS d
  LEFT JOIN "CalendarDay" cd ON cd.date = d::date
),
cal AS (
  SELECT min(day) AS lo,
         array_agg(cum ORDER BY day) AS cum,
         array_agg(day ORDER BY day) FILTER (WHERE working) AS workday
  FROM (SELECT day, working, (count(*) FILTER (WHERE working) OVER (ORDER BY day))::int AS cum FROM days) x
)`;
}

/** Per case (ec, pd, cal in scope): <kind>_applies, <kind>_due_day (NULL when it does not apply), <kind>_met_at. */
function deadlineColumns(): Prisma.Sql {
  return Prisma.join(
    STATS_DEADLINE_KINDS.map((kind) => {
      const k = KIND_SQL[kind];
      const name = kind.toLowerCase();
      return Prisma.sql`(${k.applies}) AS ${raw(`${name}_applies`)},
      CASE WHEN ${k.applies} THEN ${k.dueDay} END AS ${raw(`${name}_due_day`)},
      ${k.metAt} AS ${raw(`${name}_met_at`)}`;
    }),
    ',\n      ',
  );
}

/**
 * Every case with the due day (Asia/Shanghai date) and metAt of its deadlines as the statistics
 * compute them in SQL, so tests can hold them against src/domain/case-deadlines.ts case by case.
 */
export function caseDeadlineDaysQuery(now: Date): Prisma.Sql {
  return Prisma.sql`
WITH ${calendarCtes({ from: now, to: now, now })}
SELECT ec.id, ${deadlineColumns()}
FROM "EnforcementCase" ec
LEFT JOIN "PenaltyDecision" pd ON pd."caseId" = ec.id
CROSS JOIN cal
ORDER BY ec."caseNo"`;
}

/** Deadline states (<kind>_state): how a deadline stands in the period. */
const STATE = { NOT_COUNTED: 0, ON_TIME: 1, LATE: 2, OVERDUE_OPEN: 3, OPEN_NOT_DUE: 4 } as const;

const SATISFACTION_COUNTS = raw(`count(*)::int AS evaluated,
      count(*) FILTER (WHERE wo.evaluation = 'SATISFIED')::int AS satisfied,
      count(*) FILTER (WHERE wo.evaluation = 'BASICALLY_SATISFIED')::int AS basically_satisfied,
      count(*) FILTER (WHERE wo.evaluation = 'DISSATISFIED')::int AS dissatisfied`);

/**
 * The one statement behind supervisionStats: a row per group and a total row (is_total). Exported
 * so the benchmark can EXPLAIN exactly what the hub runs.
 *
 * per_case (one scan of the cases, joined to their decision and, for CATEGORY/SOURCE, to their
 * evaluated work orders): due day and metAt of each deadline. per_case_state: each deadline's
 * state in the period, computed once. case_groups: counts per group. order_groups: evaluated
 * work orders per routed team (STREET/DEPARTMENT) or those without a case (CATEGORY/SOURCE).
 * r: both joined, with the total as a grouping set. OFFSET 0 keeps each level's expressions
 * computed once per case (a flattened subquery would repeat them in every aggregate).
 */
export function supervisionStatsQuery(p: StatsQueryParams): Prisma.Sql {
  const asOf = new Date(Math.min(p.to.getTime(), p.now.getTime()));
  const g = GROUP_SQL[p.groupBy];
  const inPeriod = (col: string) => Prisma.sql`${raw(col)} >= ${ts(p.from)} AND ${raw(col)} < ${ts(p.to)}`;
  const names = STATS_DEADLINE_KINDS.map((kind) => kind.toLowerCase());

  const states = Prisma.join(
    names.map((name) => {
      const due = raw(`${name}_due_day`);
      const met = raw(`${name}_met_at`);
      return Prisma.sql`CASE
        WHEN ${due} IS NULL THEN ${int(STATE.NOT_COUNTED)}
        WHEN NOT ((${due} >= ${day(p.from)} AND ${due} < ${day(p.to)}) OR coalesce(${met} >= ${ts(p.from)} AND ${met} < ${ts(p.to)}, false))
          THEN ${int(STATE.NOT_COUNTED)}
        WHEN ${met} < ${ts(p.to)} THEN CASE WHEN ${shanghaiDay(met)} <= ${due} THEN ${int(STATE.ON_TIME)} ELSE ${int(STATE.LATE)} END
        WHEN ${due} < ${day(asOf)} THEN ${int(STATE.OVERDUE_OPEN)}
        ELSE ${int(STATE.OPEN_NOT_DUE)} END AS ${raw(`${name}_state`)},
      (${due} < ${day(asOf)} AND (${met} IS NULL OR ${met} >= ${ts(asOf)})) AS ${raw(`${name}_overdue`)},
      (${raw(`${name}_applies`)} AND ${due} IS NULL) AS ${raw(`${name}_gap`)}`;
    }),
    ',\n      ',
  );
  const kindCounts = Prisma.join(
    names.map((name) =>
      raw(`count(*) FILTER (WHERE ${name}_state <> ${STATE.NOT_COUNTED})::int AS ${name}_due,
      count(*) FILTER (WHERE ${name}_state IN (${STATE.ON_TIME}, ${STATE.LATE}))::int AS ${name}_met,
      count(*) FILTER (WHERE ${name}_state = ${STATE.ON_TIME})::int AS ${name}_on_time,
      count(*) FILTER (WHERE ${name}_state = ${STATE.OVERDUE_OPEN})::int AS ${name}_overdue_open`),
    ),
    ',\n      ',
  );
  const overdue = raw(names.map((name) => `count(*) FILTER (WHERE ${name}_overdue)`).join(' + '));
  const gaps = raw(names.map((name) => `${name}_gap`).join(' OR '));
  const sumKinds = raw(
    names.flatMap((name) => ['due', 'met', 'on_time', 'overdue_open'].map((f) => `coalesce(sum(${name}_${f}), 0)::int AS ${name}_${f}`)).join(',\n    '),
  );
  const evaluatedInPeriod = Prisma.sql`wo."evaluatedAt" >= ${ts(p.from)} AND wo."evaluatedAt" < ${ts(p.to)} AND wo.evaluation IS NOT NULL`;
  const byCase = g.ordersBy === 'case';
  const labels =
    p.groupBy === StatsGroupBy.DEPARTMENT
      ? { select: raw('dep.code AS key, dep.name AS label'), join: raw(`LEFT JOIN "Department" dep ON dep.id::text = r.g`) }
      : { select: raw('r.g AS key, NULL::text AS label'), join: raw('') };

  const ordersByCase = byCase
    ? Prisma.sql`orders_by_case AS (
  SELECT wo."caseId" AS case_id, ${SATISFACTION_COUNTS}
  FROM "WorkOrder" wo
  WHERE ${evaluatedInPeriod}
  GROUP BY 1
),`
    : Prisma.empty;
  const orderGroups =
    g.ordersBy === 'case'
      ? raw(`SELECT ''::text AS g, evaluated, satisfied, basically_satisfied, dissatisfied FROM orders_by_case WHERE case_id IS NULL`)
      : Prisma.sql`SELECT coalesce(${g.orderKey}, '') AS g, ${SATISFACTION_COUNTS}
  FROM "WorkOrder" wo
  ${g.orderJoin}
  WHERE ${evaluatedInPeriod}
  GROUP BY 1`;

  return Prisma.sql`
WITH ${calendarCtes(p)},
${ordersByCase}
reviews_by_case AS (
  SELECT cr."caseId" AS case_id, count(*)::int AS reviewed, sum(cr.score)::int AS review_score_sum,
      count(*) FILTER (WHERE cr.score < 60)::int AS review_failed
  FROM "CaseReview" cr
  WHERE ${inPeriod('cr."reviewedAt"')}
  GROUP BY 1
),
per_case AS (
  SELECT ${g.caseKey} AS g,
      ec.stage, ec."registeredAt", ec."filedAt", ec."decidedAt", ec."closedAt", ec."transferredAt",
      pd."fineAmount" AS fine, pd."decidedAt" AS decision_at,
      rbc.reviewed, rbc.review_score_sum, rbc.review_failed,
      ${byCase ? raw('obc.evaluated, obc.satisfied, obc.basically_satisfied, obc.dissatisfied,') : Prisma.empty}
      ${deadlineColumns()}
  FROM "EnforcementCase" ec
  LEFT JOIN "PenaltyDecision" pd ON pd."caseId" = ec.id
  LEFT JOIN reviews_by_case rbc ON rbc.case_id = ec.id
  ${g.caseJoin}
  ${byCase ? raw('LEFT JOIN orders_by_case obc ON obc.case_id = ec.id') : Prisma.empty}
  CROSS JOIN cal
  -- A case takes part from its registration on (and when a work order of the period links to it).
  WHERE ec."registeredAt" < ${ts(p.to)}${byCase ? raw(' OR obc.case_id IS NOT NULL') : Prisma.empty}
  OFFSET 0
),
per_case_state AS (
  SELECT per_case.*,
      ${states}
  FROM per_case
  OFFSET 0
),
case_groups AS (
  SELECT coalesce(g, '') AS g,
      count(*) FILTER (WHERE ${inPeriod('"registeredAt"')})::int AS received,
      count(*) FILTER (WHERE ${inPeriod('"filedAt"')} AND stage <> 'NOT_FILED')::int AS filed,
      count(*) FILTER (WHERE ${inPeriod('"decidedAt"')})::int AS decided,
      count(*) FILTER (WHERE ${inPeriod('"closedAt"')} AND stage = 'CLOSED')::int AS closed,
      count(*) FILTER (WHERE ${inPeriod('"transferredAt"')})::int AS transferred,
      coalesce(sum(extract(epoch FROM "closedAt" - "registeredAt")) FILTER (WHERE ${inPeriod('"closedAt"')} AND stage = 'CLOSED'), 0)::float8 AS handling_seconds,
      coalesce(sum(fine) FILTER (WHERE ${inPeriod('decision_at')}), 0) AS fines,
      ${kindCounts},
      (${overdue})::int AS overdue,
      count(*) FILTER (WHERE ${gaps})::int AS calendar_gaps,
      coalesce(sum(reviewed), 0)::int AS reviewed,
      coalesce(sum(review_score_sum), 0)::int AS review_score_sum,
      coalesce(sum(review_failed), 0)::int AS review_failed
      ${byCase ? raw(`,
      coalesce(sum(evaluated), 0)::int AS evaluated,
      coalesce(sum(satisfied), 0)::int AS satisfied,
      coalesce(sum(basically_satisfied), 0)::int AS basically_satisfied,
      coalesce(sum(dissatisfied), 0)::int AS dissatisfied`) : Prisma.empty}
  FROM per_case_state
  GROUP BY 1
),
order_groups AS (
  ${orderGroups}
),
r AS (
  SELECT GROUPING(g) = 1 AS is_total, g,
    coalesce(sum(received), 0)::int AS received,
    coalesce(sum(filed), 0)::int AS filed,
    coalesce(sum(decided), 0)::int AS decided,
    coalesce(sum(closed), 0)::int AS closed,
    coalesce(sum(transferred), 0)::int AS transferred,
    coalesce(sum(handling_seconds), 0)::float8 AS handling_seconds,
    coalesce(sum(fines), 0)::numeric(16, 2)::text AS fines,
    ${sumKinds},
    coalesce(sum(overdue), 0)::int AS overdue,
    coalesce(sum(calendar_gaps), 0)::int AS calendar_gaps,
    coalesce(sum(c.reviewed), 0)::int AS reviewed,
    coalesce(sum(c.review_score_sum), 0)::int AS review_score_sum,
    coalesce(sum(c.review_failed), 0)::int AS review_failed,
    ${raw(
      ['evaluated', 'satisfied', 'basically_satisfied', 'dissatisfied']
        .map((c) => (byCase ? `(coalesce(sum(c.${c}), 0) + coalesce(sum(o.${c}), 0))::int AS ${c}` : `coalesce(sum(o.${c}), 0)::int AS ${c}`))
        .join(',\n    '),
    )}
  FROM case_groups c FULL JOIN order_groups o USING (g)
  GROUP BY GROUPING SETS ((g), ())
)
SELECT r.*, ${labels.select}
FROM r ${labels.join}`;
}

// ───────────────────────────── service ─────────────────────────────

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

function toRow(r: RawStatsRow, key: string, label: string): StatsRow {
  const onTime: DeadlineOnTimeStats[] = STATS_DEADLINE_KINDS.map((kind) => {
    const name = kind.toLowerCase() as Lowercase<StatsDeadlineKind>;
    const met = r[`${name}_met`];
    const metOnTime = r[`${name}_on_time`];
    const overdueOpen = r[`${name}_overdue_open`];
    return { kind: CaseDeadlineKindEnum[kind], due: r[`${name}_due`], met, metOnTime, overdueOpen, rate: ratio(metOnTime, met + overdueOpen) };
  });
  return {
    key,
    label,
    received: r.received,
    filed: r.filed,
    decided: r.decided,
    closed: r.closed,
    transferred: r.transferred,
    onTime,
    overdue: r.overdue,
    averageHandlingDays: r.closed === 0 ? null : Math.round((r.handling_seconds / r.closed / 86_400) * 10) / 10,
    finesDecided: r.fines,
    satisfaction: {
      evaluated: r.evaluated,
      satisfied: r.satisfied,
      basicallySatisfied: r.basically_satisfied,
      dissatisfied: r.dissatisfied,
      rate: ratio(r.satisfied + r.basically_satisfied, r.evaluated),
    },
    fileReviews: {
      reviewed: r.reviewed,
      averageScore: r.reviewed === 0 ? null : Math.round((r.review_score_sum / r.reviewed) * 10) / 10,
      failed: r.review_failed,
    },
  };
}

/** Position of a key in the row order: enum order for categories and sources, else by key; UNASSIGNED last. */
function keyOrder(groupBy: StatsGroupBy): (a: string, b: string) => number {
  const enumOrder =
    groupBy === StatsGroupBy.CATEGORY ? Object.keys(CATEGORY_NAMES) : groupBy === StatsGroupBy.SOURCE ? Object.keys(SOURCE_NAMES) : null;
  const rank = (k: string) => (k === UNASSIGNED_KEY ? Number.MAX_SAFE_INTEGER : enumOrder ? enumOrder.indexOf(k) : 0);
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function labelFor(groupBy: StatsGroupBy, key: string, sqlLabel: string | null): string {
  if (key === UNASSIGNED_KEY) return '未归属';
  if (groupBy === StatsGroupBy.CATEGORY) return CATEGORY_NAMES[key as keyof typeof CATEGORY_NAMES] ?? key;
  if (groupBy === StatsGroupBy.SOURCE) return SOURCE_NAMES[key as CaseSource] ?? key;
  return sqlLabel ?? key;
}

export class SupervisionStatsService {
  private calendarReady: Promise<unknown> | null = null;
  /** The hub's working-day calendar data: as services.ts builds WorkingDayCalendar. */
  private readonly calendarEntries: ReadonlyArray<CalendarEntry>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date = () => new Date(),
    /** Entries a deployment adds to the statutory calendar (config.calendarExtra, CALENDAR_EXTRA). */
    calendarExtra: ReadonlyArray<CalendarEntry> = [],
  ) {
    this.calendarEntries = [...STATUTORY_CALENDAR, ...calendarExtra];
  }

  /** Makes CalendarDay equal to the hub's calendar (once per instance; no write when in step). */
  ensureCalendar(): Promise<unknown> {
    this.calendarReady ??= syncCalendar(this.prisma, this.calendarEntries).catch((err: unknown) => {
      this.calendarReady = null;
      throw err;
    });
    return this.calendarReady;
  }

  async stats(scope: RequestScope, period: StatsPeriodInput, groupBy: StatsGroupBy): Promise<SupervisionStats> {
    assertMaySeeStatistics(scope.principal);
    const { from, to } = period;
    if (!(from.getTime() < to.getTime())) throw new ValidationError('period.to', 'PERIOD_ORDER', 'must be after period.from');
    if (to.getTime() - from.getTime() > MAX_STATS_PERIOD_DAYS * DAY_MS) {
      throw new ValidationError('period', 'PERIOD_TOO_LONG', `may span at most ${MAX_STATS_PERIOD_DAYS} days (3 years)`);
    }
    await this.ensureCalendar();
    const now = this.clock();
    const rows = await this.prisma.$queryRaw<RawStatsRow[]>(supervisionStatsQuery({ from, to, now, groupBy }));
    const total = rows.find((r) => r.is_total);
    if (!total) throw new Error('supervision statistics: the statement returned no total row');
    if (total.calendar_gaps > 0) {
      throw new Error(`supervision statistics: ${total.calendar_gaps} case deadline(s) fall outside the SQL working-day calendar`);
    }
    const order = keyOrder(groupBy);
    const groups = rows
      .filter((r) => !r.is_total)
      .map((r) => {
        const key = r.g === '' ? UNASSIGNED_KEY : (r.key ?? r.g ?? UNASSIGNED_KEY);
        return toRow(r, key, labelFor(groupBy, key, r.label));
      })
      .sort((a, b) => order(a.key, b.key));
    return {
      period: { from, to },
      groupBy,
      asOf: new Date(Math.min(to.getTime(), now.getTime())),
      rows: groups,
      total: toRow(total, 'TOTAL', '合计'),
    };
  }
}
