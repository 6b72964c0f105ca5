// Writes the working-day calendar (法定节假日 and 调休 workdays, src/domain/holidays.ts, plus what
// a deployment adds with CALENDAR_EXTRA) into the CalendarDay table, so SQL computes working-day
// deadlines from the same data as WorkingDayCalendar (the supervision statistics do).
//
// Two idempotent steps, each one statement, safe to run from several processes at once:
// - seedCalendar (the demo seed): adds the dates that are missing and leaves existing rows alone,
//   so a seed run never undoes what a running hub synchronised.
// - syncCalendar (the hub, before its first statistics query, and the benchmark): makes the table
//   equal to the hub's calendar: inserts, updates rows whose kind or name changed, deletes dates
//   the data no longer lists. A table already in step is not written at all.
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { STATUTORY_CALENDAR, type CalendarEntry } from '../domain/holidays';

export interface CalendarSeedSummary {
  /** Entries in the data (after later entries override earlier ones for the same date). */
  entries: number;
  /** Rows inserted or changed by this run. */
  written: number;
  /** Rows removed because the data no longer lists their date. */
  deleted: number;
}

type RawClient = Pick<PrismaClient, '$queryRaw'>;

/** The entries as WorkingDayCalendar reads them: a later entry for the same date wins. */
function effectiveEntries(entries: ReadonlyArray<CalendarEntry>): CalendarEntry[] {
  const byDate = new Map<string, CalendarEntry>();
  for (const e of entries) byDate.set(e.date, e);
  if (byDate.size === 0) throw new Error('the working-day calendar has no entries');
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function valuesOf(rows: CalendarEntry[]): Prisma.Sql {
  return Prisma.join(rows.map((e) => Prisma.sql`(${e.date}::date, ${e.kind}::"CalendarDayKind", ${e.name}::text)`));
}

/** Adds the calendar dates CalendarDay lacks; existing rows are kept as they are. */
export async function seedCalendar(prisma: RawClient, entries: ReadonlyArray<CalendarEntry> = STATUTORY_CALENDAR): Promise<CalendarSeedSummary> {
  const rows = effectiveEntries(entries);
  const [result] = await prisma.$queryRaw<Array<{ written: number }>>`
    WITH written AS (
      INSERT INTO "CalendarDay" (date, kind, name)
      SELECT * FROM (VALUES ${valuesOf(rows)}) AS data(date, kind, name)
      ON CONFLICT (date) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS written FROM written`;
  return { entries: rows.length, written: result.written, deleted: 0 };
}

/** Makes CalendarDay hold exactly `entries` (the hub's calendar). */
export async function syncCalendar(prisma: RawClient, entries: ReadonlyArray<CalendarEntry>): Promise<CalendarSeedSummary> {
  const rows = effectiveEntries(entries);
  const [result] = await prisma.$queryRaw<Array<{ written: number; deleted: number }>>`
    WITH data(date, kind, name) AS (VALUES ${valuesOf(rows)}),
    removed AS (
      DELETE FROM "CalendarDay" c WHERE NOT EXISTS (SELECT 1 FROM data d WHERE d.date = c.date) RETURNING 1
    ),
    written AS (
      INSERT INTO "CalendarDay" (date, kind, name)
      SELECT date, kind, name FROM data
      ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
        WHERE ("CalendarDay".kind, "CalendarDay".name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM written)::int AS written, (SELECT count(*) FROM removed)::int AS deleted`;
  return { entries: rows.length, written: result.written, deleted: result.deleted };
}
