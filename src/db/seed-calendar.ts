// Writes the working-day calendar (法定节假日 and 调休 workdays, src/domain/holidays.ts) into the
// CalendarDay table, so SQL can compute working-day deadlines from the same data as
// WorkingDayCalendar (the supervision statistics do).
//
// Idempotent and safe to run from several processes at once: one statement upserts every entry,
// updates rows whose kind or name changed and deletes dates the data no longer lists; a table
// already in step is not written at all.
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

/** The entries as WorkingDayCalendar reads them: a later entry for the same date wins. */
function effectiveEntries(entries: ReadonlyArray<CalendarEntry>): CalendarEntry[] {
  const byDate = new Map<string, CalendarEntry>();
  for (const e of entries) byDate.set(e.date, e);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export async function seedCalendar(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  entries: ReadonlyArray<CalendarEntry> = STATUTORY_CALENDAR,
): Promise<CalendarSeedSummary> {
  const rows = effectiveEntries(entries);
  if (rows.length === 0) throw new Error('the working-day calendar has no entries');
  const values = Prisma.join(rows.map((e) => Prisma.sql`(${e.date}::date, ${e.kind}::"CalendarDayKind", ${e.name}::text)`));
  const [result] = await prisma.$queryRaw<Array<{ written: number; deleted: number }>>`
    WITH data(date, kind, name) AS (VALUES ${values}),
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
