// `npm run bench:stats`: 网上监督 statistics over 100,000 cases on PostgreSQL (a database of its own,
// hub_bench_stats, dropped and recreated): supervisionStats through the real hub over HTTP (a
// supervisor's token) side by side with the same figures from ONE hand-written SQL query per
// grouping (straight pg), runs interleaved; p50/p99 of both and their ratio (goal ≤ 1.5); checks
// that both give the same figures; EXPLAIN (ANALYZE, BUFFERS) of the hub's statement, with the
// scans it makes (one scan of the cases for the whole statement, none per group).
//   BENCH_CASES (default 100000), BENCH_RUNS (default 30), BENCH_WARMUP (default 5),
//   BENCH_DATABASE_URL / DATABASE_URL (admin connection), BENCH_PLANS=all prints every full plan.
//
// Data: the demo seed (departments, power list, 240 cases), then BENCH_CASES cases made by
// INSERT … SELECT generate_series from 2025-01-02 to 2026-11-19: 7 % declined, the rest filed after
// a skewed delay (a tail files late), 1.5 % transferred, 3 % closed without a decision, decisions
// after 7–102 days (a tail past 90), service after a skewed delay, 75 % fines of 200–30,000 yuan paid
// after 1–20 days; a case stops where the clock (2026-11-20 12:00 +08:00) cuts its timeline. 12345
// work orders: one per case from the hotline plus 25 % standalone orders, 70 % evaluated.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { signToken } from '../src/auth/jwt';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';
import { seedDemoData } from '../src/db/seed';
import { syncCalendar } from '../src/db/seed-calendar';
import { STATUTORY_CALENDAR } from '../src/domain/holidays';
import { CATEGORY_NAMES } from '../src/db/seed-data/power-items';
import { SOURCE_NAMES, STATS_DEADLINE_KINDS, supervisionStatsQuery } from '../src/modules/supervision/supervision-stats.service';
import { StatsGroupBy } from '../src/modules/supervision/supervision-stats.type';
import { createHub } from '../src/server/create-hub';

const SECRET = 'bench-secret-of-at-least-thirty-two-characters!';
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const DB_NAME = 'hub_bench_stats';
const NOW = new Date('2026-11-20T12:00:00+08:00');
/** This year so far, as a supervisor would ask: it runs past now, so open deadlines are judged at now. */
const PERIOD = { from: new Date('2026-01-01T00:00:00+08:00'), to: new Date('2026-12-01T00:00:00+08:00') };
const GROUPINGS = [StatsGroupBy.STREET, StatsGroupBy.DEPARTMENT, StatsGroupBy.CATEGORY, StatsGroupBy.SOURCE];

const QUERY = `query Stats($period: StatsPeriodInput!, $groupBy: StatsGroupBy!) {
  supervisionStats(period: $period, groupBy: $groupBy) {
    rows { ...F }
    total { ...F }
  }
}
fragment F on StatsRow {
  key label received filed decided closed transferred overdue averageHandlingDays finesDecided
  onTime { kind due met metOnTime overdueOpen rate }
  satisfaction { evaluated satisfied basicallySatisfied dissatisfied rate }
  fileReviews { reviewed averageScore failed }
}`;

// ───────────────────────────── data ─────────────────────────────

async function generate(client: Client): Promise<void> {
  const now = NOW.toISOString();
  await client.query(`SELECT setseed(0.42)`);
  await client.query(
    `CREATE TEMP TABLE gen AS
     WITH teams AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(street ORDER BY code) AS streets FROM "Department" WHERE kind = 'STREET_TEAM'),
     others AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM "Department" WHERE kind = 'FUNCTIONAL_DEPT'),
     items AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM "PowerItem"),
     r AS (
       SELECT i, gen_random_uuid() AS id,
         timestamptz '2025-01-02 09:00:00+08' + floor(random() * 687) * interval '1 day' + random() * interval '9 hours' AS reg,
         -- Busier streets get more cases.
         1 + floor(power(random(), 1.3) * 6)::int AS team,
         random() AS u_src, random() AS u_item, random() AS u_dept, random() AS u_path, random() AS u_fine,
         random() AS d_file, random() AS d_dec, random() AS d_srv, random() AS d_pay, random() AS d_close, random() AS d_misc
       FROM generate_series(1, $1::int) AS i
     ),
     t AS (
       SELECT r.*,
         r.u_path < 0.07 AS declined,
         r.u_path >= 0.07 AND r.u_path < 0.085 AS transferring,
         r.u_path >= 0.085 AND r.u_path < 0.115 AS revoking,
         r.u_fine < 0.75 AS has_fine,
         (100 * (2 + floor(r.d_misc * 299)))::numeric(14, 2) AS fine,
         r.reg + (0.5 + r.d_file * 12) * interval '1 day' AS declined_at,
         r.reg + (0.1 + r.d_file * r.d_file * 24) * interval '1 day' AS filed_at
       FROM r
     ),
     u AS (
       SELECT t.*,
         t.filed_at + (3 + t.d_misc * 40) * interval '1 day' AS transferred_at,
         t.filed_at + (10 + t.d_misc * 60) * interval '1 day' AS revoked_at,
         t.filed_at + (7 + power(t.d_dec, 1.6) * 95) * interval '1 day' AS decided_at
       FROM t
     ),
     v AS (
       SELECT u.*, u.decided_at + (0.2 + u.d_srv * u.d_srv * 10) * interval '1 day' AS served_at FROM u
     ),
     w AS (
       SELECT v.*,
         CASE WHEN v.has_fine THEN v.served_at + (1 + v.d_pay * v.d_pay * 19) * interval '1 day' END AS paid_at,
         CASE WHEN v.has_fine THEN v.served_at + (1 + v.d_pay * v.d_pay * 19 + v.d_close * 3) * interval '1 day'
              ELSE v.served_at + (1 + v.d_close * 5) * interval '1 day' END AS finished_at
       FROM v
     )
     SELECT w.i, w.id, w.reg, w.has_fine, w.fine,
       teams.streets[w.team] AS street,
       CASE WHEN w.u_dept < 0.02 THEN others.ids[1 + floor(w.d_close * others.n)::int] ELSE teams.ids[w.team] END AS department_id,
       items.ids[1 + floor(w.u_item * items.n)::int] AS power_item_id,
       (CASE WHEN w.u_src < 0.35 THEN 'PATROL' WHEN w.u_src < 0.55 THEN 'CITIZEN_REPORT' WHEN w.u_src < 0.70 THEN 'DIGITAL_CITY'
             WHEN w.u_src < 0.90 THEN 'HOTLINE_12345' WHEN w.u_src < 0.95 THEN 'DEPT_TRANSFER' ELSE 'VIDEO_DETECTION' END)::"CaseSource" AS source,
       (CASE
         WHEN w.declined THEN CASE WHEN w.declined_at <= $2 THEN 'NOT_FILED' ELSE 'RECEIVED' END
         WHEN w.filed_at > $2 THEN 'RECEIVED'
         WHEN w.transferring THEN CASE WHEN w.transferred_at <= $2 THEN 'TRANSFERRED' ELSE 'INVESTIGATING' END
         WHEN w.revoking THEN CASE WHEN w.revoked_at <= $2 THEN 'CLOSED' ELSE 'INVESTIGATING' END
         WHEN w.decided_at > $2 THEN 'INVESTIGATING'
         WHEN w.served_at > $2 THEN 'DECIDED'
         WHEN w.has_fine AND w.paid_at > $2 THEN 'SERVED'
         WHEN w.finished_at > $2 THEN 'EXECUTING'
         ELSE 'CLOSED' END)::"CaseStage" AS stage,
       CASE WHEN NOT w.declined AND w.filed_at <= $2 THEN w.filed_at END AS filed_at,
       CASE WHEN w.transferring AND w.transferred_at <= $2 THEN w.transferred_at END AS transferred_at,
       CASE WHEN NOT (w.declined OR w.transferring OR w.revoking) AND w.decided_at <= $2 THEN w.decided_at END AS decided_at,
       CASE WHEN NOT (w.declined OR w.transferring OR w.revoking) AND w.served_at <= $2 THEN w.served_at END AS served_at,
       CASE WHEN NOT (w.declined OR w.transferring OR w.revoking) THEN
         CASE WHEN w.has_fine AND w.paid_at <= $2 THEN w.paid_at WHEN NOT w.has_fine AND w.finished_at <= $2 THEN w.finished_at END
       END AS executed_at,
       CASE
         WHEN w.declined THEN CASE WHEN w.declined_at <= $2 THEN w.declined_at END
         WHEN w.transferring THEN NULL
         WHEN w.revoking THEN CASE WHEN w.revoked_at <= $2 THEN w.revoked_at END
         ELSE CASE WHEN w.finished_at <= $2 THEN w.finished_at END
       END AS closed_at
     FROM w, teams, others, items`,
    [CASES, now],
  );
  await client.query(
    `INSERT INTO "EnforcementCase" (id, "caseNo", source, "powerItemId", "departmentId", stage, summary, address, street,
       "discoveredAt", "registeredAt", "filedAt", "decidedAt", "servedAt", "executedAt", "closedAt", "transferredAt", "updatedAt")
     SELECT id, 'BX-' || lpad(i::text, 7, '0'), source, power_item_id, department_id, stage, '压测案件', '深圳市龙华区', street,
       reg - interval '2 hours', reg, filed_at, decided_at, served_at, executed_at, closed_at, transferred_at,
       greatest(reg, filed_at, decided_at, served_at, executed_at, closed_at, transferred_at)
     FROM gen`,
  );
  await client.query(
    `INSERT INTO "PenaltyDecision" (id, "caseId", "decisionNo", kind, "fineAmount", basis, reasoning, "decidedAt", "decidedBy", "servedAt")
     SELECT gen_random_uuid(), id, 'BXD-' || lpad(i::text, 7, '0'), (CASE WHEN has_fine THEN 'FINE' ELSE 'WARNING' END)::"PenaltyKind",
       CASE WHEN has_fine THEN fine ELSE 0 END, '压测', '压测', decided_at, 'bench', served_at
     FROM gen WHERE decided_at IS NOT NULL`,
  );
  // 12345 work orders: one per hotline case, and standalone orders (no case) for a quarter of the cases.
  await client.query(
    `WITH teams AS (SELECT array_agg(id ORDER BY code) AS ids FROM "Department" WHERE kind = 'STREET_TEAM'),
     orders AS (
       SELECT g.i, g.id AS case_id, g.department_id, g.reg - random() * interval '2 days' AS dispatched_at, random() AS u_eval, random() AS d_eval
       FROM gen g WHERE g.source = 'HOTLINE_12345'
       UNION ALL
       SELECT $1::int + s, NULL,
         CASE WHEN random() < 0.03 THEN NULL ELSE (SELECT ids FROM teams)[1 + floor(random() * 6)::int] END,
         timestamptz '2025-01-02 09:00:00+08' + random() * interval '686 days', random(), random()
       FROM generate_series(1, ($1::int / 4)) AS s
     ),
     e AS (
       SELECT o.*, o.dispatched_at + (2 + o.d_eval * 12) * interval '1 day' AS evaluated_at FROM orders o
     )
     INSERT INTO "WorkOrder" (id, "orderNo", version, category, urgency, status, title, content, address, "departmentId", "caseId",
       "dispatchedAt", "signDeadline", "replyDeadline", evaluation, "evaluatedAt", raw, "updatedAt")
     SELECT gen_random_uuid(), 'BXW-' || lpad(i::text, 7, '0'), 1, '城市管理', 'NORMAL',
       (CASE WHEN u_eval < 0.7 AND evaluated_at <= $2 THEN 'CLOSED' ELSE 'REPLIED' END)::"WorkOrderStatus",
       '压测工单', '压测工单', '深圳市龙华区', department_id, case_id, dispatched_at, dispatched_at + interval '2 hours', dispatched_at + interval '5 days',
       CASE WHEN u_eval < 0.7 AND evaluated_at <= $2 THEN
         CASE WHEN u_eval < 0.525 THEN 'SATISFIED' WHEN u_eval < 0.63 THEN 'BASICALLY_SATISFIED' ELSE 'DISSATISFIED' END END,
       CASE WHEN u_eval < 0.7 AND evaluated_at <= $2 THEN evaluated_at END,
       '{}'::jsonb, least(evaluated_at, $2)
     FROM e`,
    [CASES, now],
  );
  await client.query('DROP TABLE gen');
  // 案卷评查: one closed case in ten reviewed a few weeks after closing, scores 35–100.
  await client.query(
    `INSERT INTO "CaseReview" (id, "caseId", reviewer, findings, score, "reviewedAt")
     SELECT gen_random_uuid(), c.id, 'bench-reviewer', '[]'::jsonb, 35 + floor(random() * 66)::int, least(c."closedAt" + random() * interval '40 days', $1)
     FROM "EnforcementCase" c WHERE c.stage = 'CLOSED' AND random() < 0.1`,
    [now],
  );
  await client.query('ANALYZE');
}

// ───────────────────────────── the hand-written query ─────────────────────────────

const KIND_LETTERS = ['f', 'd', 's', 'p'] as const;

/**
 * The figures written by hand as one statement, with the same techniques as the hub's (calendar
 * arrays, one scan of the cases, each deadline's standing worked out once per case), so the ratio
 * measures what the hub adds. $1 from, $2 to, $3 asOf; $4..$6 the Shanghai dates of from, to, asOf.
 * wd[i] = working days from the first calendar day up to day i; nth[k] = the k-th working day;
 * due after n working days = nth[wd[d] + n]; after n calendar days, past holidays = nth[wd[d + n − 1] + 1].
 * Standing of a deadline: 0 not in the period, 1 met on time, 2 met late, 3 open past due, 4 open.
 */
function handQuery(groupBy: StatsGroupBy): string {
  const viaCase = groupBy === 'CATEGORY' || groupBy === 'SOURCE';
  const caseKey = { STREET: 'c.street', DEPARTMENT: 'c."departmentId"::text', CATEGORY: 'p.category::text', SOURCE: 'c.source::text' }[groupBy];
  const day = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
  const standing = (k: string) => `CASE
      WHEN ${k}_due IS NULL OR NOT (${k}_due >= $4 AND ${k}_due < $5 OR coalesce(${k}_met >= $1 AND ${k}_met < $2, false)) THEN 0
      WHEN ${k}_met < $2 THEN CASE WHEN ${day(`${k}_met`)} <= ${k}_due THEN 1 ELSE 2 END
      WHEN ${k}_due < $6 THEN 3 ELSE 4 END AS ${k}_st,
    ${k}_due < $6 AND (${k}_met IS NULL OR ${k}_met >= $3) AS ${k}_late`;
  const sums = [
    'received',
    'filed',
    'decided',
    'closed',
    'transferred',
    ...KIND_LETTERS.flatMap((k) => [`${k}_counted`, `${k}_met`, `${k}_on_time`, `${k}_late_open`, `${k}_overdue`]),
    'evaluated',
    'satisfied',
    'basically',
    'dissatisfied',
    'reviewed',
    'review_score_sum',
    'review_failed',
  ];
  return `
WITH span AS (
  SELECT ${day('min("registeredAt")')} - 400 AS first_day, greatest(${day('max("registeredAt")')}, $5::date) + 800 AS last_day
  FROM "EnforcementCase"
),
cal AS (
  SELECT min(d) AS first_day, array_agg(n ORDER BY d) AS wd, array_agg(d ORDER BY d) FILTER (WHERE working) AS nth
  FROM (
    SELECT d, working, (count(*) FILTER (WHERE working) OVER (ORDER BY d))::int AS n
    FROM (
      SELECT s::date AS d, CASE x.kind WHEN 'HOLIDAY' THEN false WHEN 'WORKDAY' THEN true ELSE extract(dow FROM s) NOT IN (0, 6) END AS working
      FROM span, generate_series(span.first_day, span.last_day, interval '1 day') s
      LEFT JOIN "CalendarDay" x ON x.date = s::date
    ) days
  ) numbered
),
evaluated AS (
  SELECT o."caseId" AS case_id, ${viaCase ? '' : `${groupBy === 'STREET' ? 't.street' : 'o."departmentId"::text'} AS g,`}
    count(*) AS evaluated,
    count(*) FILTER (WHERE o.evaluation = 'SATISFIED') AS satisfied,
    count(*) FILTER (WHERE o.evaluation = 'BASICALLY_SATISFIED') AS basically,
    count(*) FILTER (WHERE o.evaluation = 'DISSATISFIED') AS dissatisfied
  FROM "WorkOrder" o ${groupBy === 'STREET' ? 'LEFT JOIN "Department" t ON t.id = o."departmentId"' : ''}
  WHERE o."evaluatedAt" >= $1 AND o."evaluatedAt" < $2 AND o.evaluation IS NOT NULL
  GROUP BY ${viaCase ? '1' : '1, 2'}
),
reviews AS (
  SELECT "caseId" AS case_id, count(*) AS reviewed, sum(score) AS review_score_sum, count(*) FILTER (WHERE score < 60) AS review_failed
  FROM "CaseReview" WHERE "reviewedAt" >= $1 AND "reviewedAt" < $2 GROUP BY 1
),
dl AS (
  SELECT ${caseKey} AS g, rv.reviewed, rv.review_score_sum, rv.review_failed, c.stage, c."registeredAt" AS reg, c."filedAt" AS filed, c."decidedAt" AS decided, c."closedAt" AS closed,
    c."transferredAt" AS transferred, d."fineAmount" AS fine, d."decidedAt" AS fine_decided,
    ${viaCase ? 'e.evaluated, e.satisfied, e.basically, e.dissatisfied,' : ''}
    -- FILING: 15 working days from registration
    cal.nth[cal.wd[${day('c."registeredAt"')} - cal.first_day + 1] + 15] AS f_due,
    CASE WHEN c.stage = 'NOT_FILED' THEN coalesce(c."closedAt", c."filedAt")
         WHEN c."filedAt" IS NOT NULL THEN c."filedAt"
         WHEN c.stage = 'TRANSFERRED' THEN c."transferredAt" END AS f_met,
    -- DECISION: 90 calendar days from filing, past holidays; filed cases only
    CASE WHEN c."filedAt" IS NOT NULL AND c.stage <> 'NOT_FILED' THEN cal.nth[cal.wd[${day('c."filedAt"')} + 89 - cal.first_day + 1] + 1] END AS d_due,
    coalesce(c."decidedAt", CASE WHEN c.stage = 'TRANSFERRED' THEN c."transferredAt" WHEN c.stage = 'CLOSED' THEN c."closedAt" END) AS d_met,
    -- SERVICE: 7 working days from the decision
    cal.nth[cal.wd[${day('c."decidedAt"')} - cal.first_day + 1] + 7] AS s_due,
    c."servedAt" AS s_met,
    -- PAYMENT: 15 calendar days from service, past holidays, when fined
    CASE WHEN d."fineAmount" > 0 THEN cal.nth[cal.wd[${day('c."servedAt"')} + 14 - cal.first_day + 1] + 1] END AS p_due,
    c."executedAt" AS p_met
  FROM "EnforcementCase" c
  ${groupBy === 'CATEGORY' ? 'JOIN "PowerItem" p ON p.id = c."powerItemId"' : ''}
  LEFT JOIN "PenaltyDecision" d ON d."caseId" = c.id
  LEFT JOIN reviews rv ON rv.case_id = c.id
  ${viaCase ? 'LEFT JOIN evaluated e ON e.case_id = c.id' : ''}
  CROSS JOIN cal
  WHERE c."registeredAt" < $2 ${viaCase ? 'OR e.case_id IS NOT NULL' : ''}
  OFFSET 0
),
st AS (
  SELECT dl.*, ${KIND_LETTERS.map(standing).join(',\n    ')}
  FROM dl
  OFFSET 0
),
cases AS (
  SELECT coalesce(g, '') AS g,
    count(*) FILTER (WHERE reg >= $1 AND reg < $2) AS received,
    count(*) FILTER (WHERE filed >= $1 AND filed < $2 AND stage <> 'NOT_FILED') AS filed,
    count(*) FILTER (WHERE decided >= $1 AND decided < $2) AS decided,
    count(*) FILTER (WHERE closed >= $1 AND closed < $2 AND stage = 'CLOSED') AS closed,
    count(*) FILTER (WHERE transferred >= $1 AND transferred < $2) AS transferred,
    sum(extract(epoch FROM closed - reg)) FILTER (WHERE closed >= $1 AND closed < $2 AND stage = 'CLOSED') AS handling_seconds,
    sum(fine) FILTER (WHERE fine_decided >= $1 AND fine_decided < $2) AS fines,
    ${KIND_LETTERS.map(
      (k) =>
        `count(*) FILTER (WHERE ${k}_st > 0) AS ${k}_counted, count(*) FILTER (WHERE ${k}_st IN (1, 2)) AS ${k}_met, ` +
        `count(*) FILTER (WHERE ${k}_st = 1) AS ${k}_on_time, count(*) FILTER (WHERE ${k}_st = 3) AS ${k}_late_open, count(*) FILTER (WHERE ${k}_late) AS ${k}_overdue`,
    ).join(',\n    ')},
    sum(reviewed) AS reviewed, sum(review_score_sum) AS review_score_sum, sum(review_failed) AS review_failed
    ${viaCase ? ', sum(evaluated) AS evaluated, sum(satisfied) AS satisfied, sum(basically) AS basically, sum(dissatisfied) AS dissatisfied' : ''}
  FROM st GROUP BY 1
),
orders AS (
  ${
    viaCase
      ? `SELECT '' AS g, evaluated, satisfied, basically, dissatisfied FROM evaluated WHERE case_id IS NULL`
      : `SELECT coalesce(g, '') AS g, sum(evaluated) AS evaluated, sum(satisfied) AS satisfied, sum(basically) AS basically, sum(dissatisfied) AS dissatisfied
  FROM evaluated GROUP BY 1`
  }
),
r AS (
  SELECT GROUPING(g) = 1 AS total, g,
    ${sums
      .map((c) =>
        ['evaluated', 'satisfied', 'basically', 'dissatisfied'].includes(c) && viaCase
          ? `(coalesce(sum(cases.${c}), 0) + coalesce(sum(orders.${c}), 0))::int AS ${c}`
          : `coalesce(sum(${['evaluated', 'satisfied', 'basically', 'dissatisfied'].includes(c) ? 'orders.' : 'cases.'}${c}), 0)::int AS ${c}`,
      )
      .join(', ')},
    coalesce(sum(handling_seconds), 0)::float8 AS handling_seconds,
    to_char(coalesce(sum(fines), 0), 'FM999999999999990.00') AS fines
  FROM cases FULL JOIN orders USING (g)
  GROUP BY GROUPING SETS ((g), ())
)
SELECT r.*, ${groupBy === 'DEPARTMENT' ? 'dep.code AS key, dep.name AS label FROM r LEFT JOIN "Department" dep ON dep.id::text = r.g' : 'r.g AS key, NULL AS label FROM r'}`;
}

type HandRow = Record<string, number | string | boolean | null>;

interface OutRow {
  key: string;
  label: string;
  [figure: string]: unknown;
}

function byKey(a: OutRow, b: OutRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function rate(n: number, d: number, decimals: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10 ** decimals) / 10 ** decimals;
}

/** The hand query's rows in the API's shape, for the equality check. */
function handToApi(groupBy: StatsGroupBy, rows: HandRow[]): { rows: OutRow[]; total: OutRow } {
  const num = (r: HandRow, c: string) => Number(r[c]);
  const shape = (r: HandRow, key: string, label: string): OutRow => ({
    key,
    label,
    received: num(r, 'received'),
    filed: num(r, 'filed'),
    decided: num(r, 'decided'),
    closed: num(r, 'closed'),
    transferred: num(r, 'transferred'),
    overdue: KIND_LETTERS.reduce((s, k) => s + num(r, `${k}_overdue`), 0),
    averageHandlingDays: rate(num(r, 'handling_seconds') / 86_400, num(r, 'closed'), 1),
    finesDecided: String(r.fines),
    onTime: STATS_DEADLINE_KINDS.map((kind, i) => {
      const k = KIND_LETTERS[i];
      const [met, onTime, lateOpen] = [num(r, `${k}_met`), num(r, `${k}_on_time`), num(r, `${k}_late_open`)];
      return { kind, due: num(r, `${k}_counted`), met, metOnTime: onTime, overdueOpen: lateOpen, rate: rate(onTime, met + lateOpen, 4) };
    }),
    satisfaction: {
      evaluated: num(r, 'evaluated'),
      satisfied: num(r, 'satisfied'),
      basicallySatisfied: num(r, 'basically'),
      dissatisfied: num(r, 'dissatisfied'),
      rate: rate(num(r, 'satisfied') + num(r, 'basically'), num(r, 'evaluated'), 4),
    },
    fileReviews: { reviewed: num(r, 'reviewed'), averageScore: rate(num(r, 'review_score_sum'), num(r, 'reviewed'), 1), failed: num(r, 'review_failed') },
  });
  const labelOf = (key: string, sqlLabel: string | null) =>
    groupBy === 'CATEGORY' ? CATEGORY_NAMES[key as keyof typeof CATEGORY_NAMES] : groupBy === 'SOURCE' ? SOURCE_NAMES[key as keyof typeof SOURCE_NAMES] : (sqlLabel ?? key);
  const groups = rows
    .filter((r) => !r.total)
    .map((r) => (r.g === '' ? shape(r, 'UNASSIGNED', '未归属') : shape(r, String(r.key), labelOf(String(r.key), r.label as string | null))));
  return { rows: groups.sort(byKey), total: shape(rows.find((r) => r.total)!, 'TOTAL', '合计') };
}

// ───────────────────────────── measuring ─────────────────────────────

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function shanghaiTime(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} +08:00`;
}

interface PlanScan {
  node: string;
  relation: string;
  rows: number;
  loops: number;
}

/** Scan nodes of a text plan: kind, relation, actual rows and loops. */
function scansOf(plan: string[]): PlanScan[] {
  const out: PlanScan[] = [];
  for (const line of plan) {
    const m = /(Parallel Seq Scan|Seq Scan|Bitmap Heap Scan|Bitmap Index Scan|Index Only Scan|Index Scan)(?: Backward)?(?: using \S+)? on "?(\w+)"?.*actual time=\S+ rows=(\d+) loops=(\d+)/.exec(line);
    if (m) out.push({ node: m[1], relation: m[2], rows: Number(m[3]), loops: Number(m[4]) });
  }
  return out;
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;

  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: 10 });
  const pg = new Client({ connectionString: url.toString() });
  let hub: Awaited<ReturnType<typeof createHub>> | null = null;
  try {
    const t0 = performance.now();
    await applyMigrations(db.adapterFactory);
    await seedDemoData(db.prisma);
    // The hub syncs the calendar before its first statistics query; the hand query needs it first.
    await syncCalendar(db.prisma, STATUTORY_CALENDAR);
    await pg.connect();
    await generate(pg);
    const counts = (
      await pg.query<{ cases: number; decisions: number; orders: number; evaluated: number }>(
        `SELECT (SELECT count(*) FROM "EnforcementCase")::int AS cases, (SELECT count(*) FROM "PenaltyDecision")::int AS decisions,
                (SELECT count(*) FROM "WorkOrder")::int AS orders, (SELECT count(*) FROM "WorkOrder" WHERE evaluation IS NOT NULL)::int AS evaluated`,
      )
    ).rows[0];
    const setupSeconds = (performance.now() - t0) / 1000;

    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      // Measured alone: no background workers (deadline scheduler, outbox) and no rate limit.
      WORKERS_ENABLED: '0',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    hub = await createHub(config, db, { clock: () => NOW });
    const endpoint = await hub.listen(0, '127.0.0.1');
    const token = await signToken(SECRET, { sub: 'bench-supervisor', dept: 'LH-CGJ', roles: ['SUPERVISOR'] });

    const viaHub = async (groupBy: StatsGroupBy) => {
      const started = performance.now();
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { period: { from: PERIOD.from.toISOString(), to: PERIOD.to.toISOString() }, groupBy } }),
      });
      const body = (await res.json()) as { data?: { supervisionStats: { rows: OutRow[]; total: OutRow } }; errors?: unknown };
      const ms = performance.now() - started;
      if (body.errors || !body.data) throw new Error(`supervisionStats failed: ${JSON.stringify(body.errors)}`);
      return { ms, result: body.data.supervisionStats };
    };
    const asOf = new Date(Math.min(PERIOD.to.getTime(), NOW.getTime()));
    const handParams = [PERIOD.from, PERIOD.to, asOf, shanghaiDay(PERIOD.from), shanghaiDay(PERIOD.to), shanghaiDay(asOf)];
    const viaSql = async (text: string) => {
      const started = performance.now();
      const res = await pg.query<HandRow>(text, handParams);
      return { ms: performance.now() - started, rows: res.rows };
    };

    const report: string[] = [];
    const plans: Array<{ groupBy: StatsGroupBy; plan: string[] }> = [];
    let allEqual = true;
    let worstRatio = 0;
    for (const groupBy of GROUPINGS) {
      const text = handQuery(groupBy);
      for (let i = 0; i < WARMUP; i += 1) {
        await viaHub(groupBy);
        await viaSql(text);
      }
      const hubMs: number[] = [];
      const sqlMs: number[] = [];
      let last: { hub: unknown; sql: unknown } = { hub: null, sql: null };
      for (let i = 0; i < RUNS; i += 1) {
        // Interleaved, alternating which side goes first.
        let h: Awaited<ReturnType<typeof viaHub>>;
        let s: Awaited<ReturnType<typeof viaSql>>;
        if (i % 2 === 0) {
          h = await viaHub(groupBy);
          s = await viaSql(text);
        } else {
          s = await viaSql(text);
          h = await viaHub(groupBy);
        }
        hubMs.push(h.ms);
        sqlMs.push(s.ms);
        // Compared in key order (the API orders categories and sources by their enum order).
        last = { hub: { ...h.result, rows: [...h.result.rows].sort(byKey) }, sql: handToApi(groupBy, s.rows) };
      }
      const equal = isDeepStrictEqual(last.hub, last.sql);
      allEqual &&= equal;
      if (!equal) {
        process.stderr.write(`${groupBy}: the hub and the hand-written query disagree\nhub: ${JSON.stringify(last.hub)}\nsql: ${JSON.stringify(last.sql)}\n`);
      }
      hubMs.sort((x, y) => x - y);
      sqlMs.sort((x, y) => x - y);
      const [h50, h99, s50, s99] = [quantile(hubMs, 0.5), quantile(hubMs, 0.99), quantile(sqlMs, 0.5), quantile(sqlMs, 0.99)];
      worstRatio = Math.max(worstRatio, h50 / s50);
      const rows = (last.hub as { rows: unknown[] }).rows.length;
      report.push(
        `${groupBy.padEnd(11)} ${String(rows).padStart(4)}  ${h50.toFixed(1).padStart(7)} ${h99.toFixed(1).padStart(7)}   ${s50.toFixed(1).padStart(7)} ${s99.toFixed(1).padStart(7)}   ${(h50 / s50).toFixed(2).padStart(5)} ${(h99 / s99).toFixed(2).padStart(5)}   ${equal ? 'yes' : 'NO'}`,
      );
      const q = supervisionStatsQuery({ from: PERIOD.from, to: PERIOD.to, now: NOW, groupBy });
      const explained = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
      plans.push({ groupBy, plan: explained.rows.map((r) => r['QUERY PLAN']) });
    }

    const out = process.stdout;
    out.write(
      `\nsupervisionStats — ${counts.cases.toLocaleString('en')} cases (${CASES.toLocaleString('en')} generated + the demo seed), ` +
        `${counts.decisions.toLocaleString('en')} decisions, ${counts.orders.toLocaleString('en')} 12345 work orders (${counts.evaluated.toLocaleString('en')} evaluated); ` +
        `setup ${setupSeconds.toFixed(1)} s\nperiod ${shanghaiTime(PERIOD.from)} .. ${shanghaiTime(PERIOD.to)}, now ${shanghaiTime(NOW)}; ` +
        `${RUNS} interleaved runs per side after ${WARMUP} warm-up; hub = HTTP POST through the real server (auth, audit, GraphQL), SQL = one hand-written query over pg\n\n`,
    );
    out.write(`groupBy     rows  hub p50 hub p99   SQL p50 SQL p99   ratio p50/p99   same figures\n`);
    for (const line of report) out.write(`${line}\n`);
    out.write(`\nworst p50 ratio ${worstRatio.toFixed(2)} (goal ≤ 1.5: ${worstRatio <= 1.5 ? 'met' : 'NOT met'}); figures equal on every grouping: ${allEqual ? 'yes' : 'NO'}\n`);

    out.write(`\nScans in the hub's statement (EXPLAIN ANALYZE; relation: node × actual loops, rows):\n`);
    for (const { groupBy, plan } of plans) {
      const scans = scansOf(plan);
      // The two one-row index probes are min/max(registeredAt) for the calendar's span.
      const caseScans = scans.filter((s) => s.relation === 'EnforcementCase' && s.rows > 1);
      const summary = scans.map((s) => `${s.relation}: ${s.node} ×${s.loops} (${s.rows} rows)`).join('; ');
      const time = plan.find((l) => l.startsWith('Execution Time'));
      out.write(`${groupBy.padEnd(11)} ${time ?? ''}; full scans of the cases: ${caseScans.length} — ${summary}\n`);
    }
    const printed = process.env.BENCH_PLANS === 'all' ? plans : plans.slice(0, 1);
    for (const { groupBy, plan } of printed) {
      out.write(`\nEXPLAIN (ANALYZE, BUFFERS) of the hub's statement, groupBy ${groupBy}:\n${plan.join('\n')}\n`);
    }
    process.exitCode = allEqual ? 0 : 1;
  } finally {
    await hub?.stop();
    await pg.end().catch(() => undefined);
    await db.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
