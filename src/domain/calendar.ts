// Working-day calendar in Asia/Shanghai (UTC+8 all year, no DST), built from calendar data
// (holidays.ts). Pure offset arithmetic: an instant is shifted by +8 h and read with the UTC
// getters; no timezone library and no dependence on the process's TZ.
//
// Working day: Monday–Friday unless listed HOLIDAY; Saturday/Sunday only if listed WORKDAY (调休).
// Working hours: 09:00–12:00 and 14:00–18:00 on working days.
// Years missing from the data fall back to plain Monday–Friday (see coveredYears()).
import { STATUTORY_CALENDAR, type CalendarEntry } from './holidays';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OFFSET_MS = 8 * HOUR_MS;

/** Working periods of a working day, as [start, end) milliseconds since Shanghai midnight. */
const WORKING_PERIODS: ReadonlyArray<readonly [number, number]> = [
  [9 * HOUR_MS, 12 * HOUR_MS],
  [14 * HOUR_MS, 18 * HOUR_MS],
];

/** Days since 1970-01-01 of the Shanghai calendar date of an instant. */
function shanghaiDayNumber(date: Date): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return Math.floor((t + OFFSET_MS) / DAY_MS);
}

function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of 00:00 Shanghai time on the given day number. */
function startOfDay(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}

/** 23:59:59.999 Shanghai time on the given day number. */
function endOfDay(day: number): Date {
  return new Date(startOfDay(day + 1) - 1);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkIsoDate(s: string): void {
  const m = ISO_DATE.exec(s);
  const t = m ? Date.parse(`${s}T00:00:00Z`) : NaN;
  if (!m || !Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== s) {
    throw new RangeError(`calendar entry date "${s}" is not a real YYYY-MM-DD date`);
  }
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(date: Date): string {
  return dayNumberToIso(shanghaiDayNumber(date));
}

export interface CalendarDaysOptions {
  /**
   * When the last day of the period is not a working day (法定节假日, 休息日), the period ends on
   * the next working day instead (行政诉讼法 / 民事诉讼法 期间 rule). Default true.
   */
  extendPastHolidays?: boolean;
}

export class WorkingDayCalendar {
  private readonly entries = new Map<string, CalendarEntry>();
  private readonly years = new Set<number>();

  /** Later entries override earlier ones for the same date. */
  constructor(entries: ReadonlyArray<CalendarEntry> = STATUTORY_CALENDAR) {
    for (const e of entries) {
      checkIsoDate(e.date);
      if (e.kind !== 'HOLIDAY' && e.kind !== 'WORKDAY') {
        throw new RangeError(`calendar entry ${e.date} has unknown kind "${String(e.kind)}"`);
      }
      this.entries.set(e.date, { date: e.date, kind: e.kind, name: e.name });
      this.years.add(Number(e.date.slice(0, 4)));
    }
  }

  /** Years for which the data holds at least one exception (others are plain Mon–Fri). */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The calendar entry for the Shanghai date of an instant, if any. */
  entryFor(date: Date): CalendarEntry | null {
    return this.entries.get(shanghaiDate(date)) ?? null;
  }

  isWorkingDay(date: Date): boolean {
    return this.isWorkingDayNumber(shanghaiDayNumber(date));
  }

  /**
   * 23:59:59.999 Shanghai time of the n-th working day after the date of `start` (the day of
   * `start` itself is not counted): 行政处罚法 Art. 85, "二日/三日/五日/七日" are working days.
   * n = 0 gives the end of start's own date.
   */
  endOfWorkingDaysAfter(start: Date, n: number): Date {
    checkCount(n, 'n');
    let day = shanghaiDayNumber(start);
    let counted = 0;
    while (counted < n) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return endOfDay(day);
  }

  /**
   * 23:59:59.999 Shanghai time of the date n calendar days after start's date (start's date not
   * counted). With extendPastHolidays (default), a last day that is not a working day moves to
   * the next working day.
   */
  endOfCalendarDaysAfter(start: Date, n: number, options: CalendarDaysOptions = {}): Date {
    checkCount(n, 'n');
    const extend = options.extendPastHolidays ?? true;
    let day = shanghaiDayNumber(start) + n;
    if (extend) {
      while (!this.isWorkingDayNumber(day)) day += 1;
    }
    return endOfDay(day);
  }

  /**
   * `start` plus `hours` working hours (09:00–12:00, 14:00–18:00 on working days). Time outside
   * working hours does not count: a start outside them runs from the next opening. A result that
   * lands exactly on a closing time stays there (10:00 + 2 h = 12:00, not 14:00).
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
    }
    let remaining = Math.round(hours * HOUR_MS);
    let day = shanghaiDayNumber(start);
    let timeOfDay = start.getTime() - startOfDay(day);
    // Bounded: the data never holds a year without working days, but stay safe on bad input.
    for (let guard = 0; guard < 3660; guard += 1) {
      if (this.isWorkingDayNumber(day)) {
        for (const [open, close] of WORKING_PERIODS) {
          if (timeOfDay >= close) continue;
          const from = Math.max(timeOfDay, open);
          const available = close - from;
          if (remaining <= available) return new Date(startOfDay(day) + from + remaining);
          remaining -= available;
          timeOfDay = close;
        }
      }
      day += 1;
      timeOfDay = 0;
    }
    throw new RangeError('no working time found within ten years');
  }

  /** Working days after a's date up to and including b's date; 0 if b's date ≤ a's date. */
  workingDaysBetween(a: Date, b: Date): number {
    const from = shanghaiDayNumber(a);
    const to = shanghaiDayNumber(b);
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) {
      if (this.isWorkingDayNumber(day)) count += 1;
    }
    return count;
  }

  private isWorkingDayNumber(day: number): boolean {
    const entry = this.entries.get(dayNumberToIso(day));
    if (entry) return entry.kind === 'WORKDAY';
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  }
}

function checkCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be an integer ≥ 0, got ${n}`);
}
