import { WorkingDayCalendar, shanghaiDate } from '../../src/domain/calendar';
import { STATUTORY_CALENDAR, type CalendarEntry } from '../../src/domain/holidays';

/** An instant written in Shanghai local time. */
const sh = (local: string): Date => new Date(`${local}+08:00`);
/** 23:59:59.999 Shanghai on a date. */
const endOf = (date: string): number => sh(`${date}T23:59:59.999`).getTime();

const cal = new WorkingDayCalendar();

describe('STATUTORY_CALENDAR data', () => {
  const FESTIVALS = new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);

  it('has one row per date, real dates, known festival names, and make-up days only on weekends', () => {
    const seen = new Set<string>();
    for (const e of STATUTORY_CALENDAR) {
      expect(seen.has(e.date)).toBe(false);
      seen.add(e.date);
      expect(new Date(`${e.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(e.date);
      expect(FESTIVALS.has(e.name)).toBe(true);
      if (e.kind === 'WORKDAY') {
        expect([0, 6]).toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  // Since 2025 there are 13 statutory days a year (元旦1 春节4 清明1 劳动2 端午1 中秋1 国庆3); every
  // weekday taken off beyond them is paid back by a make-up weekend day, so the net loss of working
  // days per year is exactly 13.
  it.each([2025, 2026, 2027])('%i removes exactly 13 working days net', (year) => {
    const rows = STATUTORY_CALENDAR.filter((e) => e.date.startsWith(`${year}-`));
    const weekdayHolidays = rows.filter(
      (e) => e.kind === 'HOLIDAY' && ![0, 6].includes(new Date(`${e.date}T00:00:00Z`).getUTCDay()),
    ).length;
    const makeUps = rows.filter((e) => e.kind === 'WORKDAY').length;
    expect(weekdayHolidays - makeUps).toBe(13);
  });

  it('matches the 2025 notice (国办发明电〔2024〕12号)', () => {
    const y = STATUTORY_CALENDAR.filter((e) => e.date.startsWith('2025-'));
    expect(y.filter((e) => e.kind === 'HOLIDAY')).toHaveLength(28);
    expect(y.filter((e) => e.kind === 'WORKDAY').map((e) => e.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(cal.entryFor(sh('2025-01-28T12:00:00'))).toEqual({ date: '2025-01-28', kind: 'HOLIDAY', name: '春节' }); // 除夕
    expect(cal.entryFor(sh('2025-04-04T12:00:00'))?.name).toBe('清明节');
  });

  it('matches the 2026 notice (国办发明电〔2025〕7号)', () => {
    const y = STATUTORY_CALENDAR.filter((e) => e.date.startsWith('2026-'));
    expect(y.filter((e) => e.kind === 'HOLIDAY')).toHaveLength(33);
    expect(y.filter((e) => e.kind === 'WORKDAY').map((e) => e.date).sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(cal.isWorkingDay(sh('2026-02-14T10:00:00'))).toBe(true); // 周六上班
    expect(cal.isWorkingDay(sh('2026-02-23T10:00:00'))).toBe(false); // 正月初七，周一
    expect(cal.isWorkingDay(sh('2026-02-24T10:00:00'))).toBe(true);
  });

  it('covers 2025–2027', () => {
    expect(cal.coveredYears()).toEqual([2025, 2026, 2027]);
  });
});

describe('shanghaiDate', () => {
  it('gives the Shanghai calendar date, not the UTC one', () => {
    expect(shanghaiDate(new Date('2025-03-18T23:30:00Z'))).toBe('2025-03-19');
    expect(shanghaiDate(new Date('2025-03-18T15:59:59.999Z'))).toBe('2025-03-18');
    expect(shanghaiDate(new Date('2025-03-18T16:00:00Z'))).toBe('2025-03-19');
    expect(shanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});

describe('isWorkingDay', () => {
  it('treats Monday–Friday as working and weekends as rest', () => {
    expect(cal.isWorkingDay(sh('2025-03-17T10:00:00'))).toBe(true); // Mon
    expect(cal.isWorkingDay(sh('2025-03-21T10:00:00'))).toBe(true); // Fri
    expect(cal.isWorkingDay(sh('2025-03-22T10:00:00'))).toBe(false); // Sat
    expect(cal.isWorkingDay(sh('2025-03-23T10:00:00'))).toBe(false); // Sun
  });

  it('treats a statutory holiday on a weekday as rest', () => {
    expect(cal.isWorkingDay(sh('2025-04-04T10:00:00'))).toBe(false); // 清明, Fri
    expect(cal.isWorkingDay(sh('2025-01-28T10:00:00'))).toBe(false); // 除夕, Tue
    expect(cal.isWorkingDay(sh('2025-10-08T10:00:00'))).toBe(false); // 国庆/中秋 block, Wed
  });

  it('treats a make-up weekend day (调休上班) as working', () => {
    expect(cal.isWorkingDay(sh('2025-01-26T10:00:00'))).toBe(true); // Sun
    expect(cal.isWorkingDay(sh('2025-02-08T10:00:00'))).toBe(true); // Sat
    expect(cal.isWorkingDay(sh('2025-10-11T10:00:00'))).toBe(true); // Sat
  });

  it('decides by the Shanghai date of the instant', () => {
    // 2025-04-03T16:30Z is 00:30 on Fri 4 April in Shanghai (清明), though still Thursday in UTC.
    expect(cal.isWorkingDay(new Date('2025-04-03T16:30:00Z'))).toBe(false);
    expect(cal.isWorkingDay(new Date('2025-04-03T15:59:59.999Z'))).toBe(true);
    // 2025-04-06T16:00Z is 00:00 on Mon 7 April in Shanghai.
    expect(cal.isWorkingDay(new Date('2025-04-06T16:00:00Z'))).toBe(true);
  });
});

describe('endOfWorkingDaysAfter', () => {
  it('contract example: NOT_FILED on Wed 2025-04-02 → reconsideration deadline 2025-04-08 (清明 skipped)', () => {
    const due = cal.endOfWorkingDaysAfter(sh('2025-04-02T15:20:00'), 3);
    expect(due.getTime()).toBe(endOf('2025-04-08'));
    expect(due.toISOString()).toBe('2025-04-08T15:59:59.999Z');
  });

  it('contract example: COMPLAINT dispatched Tue 2025-03-18 → reply by 2025-04-09 (15th working day)', () => {
    const due = cal.endOfWorkingDaysAfter(sh('2025-03-18T09:42:10'), 15);
    expect(shanghaiDate(due)).toBe('2025-04-09');
    expect(due.getTime()).toBe(endOf('2025-04-09'));
  });

  it('does not count the day of start, however early or late in that day', () => {
    expect(cal.endOfWorkingDaysAfter(sh('2025-03-17T00:00:01'), 1).getTime()).toBe(endOf('2025-03-18'));
    expect(cal.endOfWorkingDaysAfter(sh('2025-03-17T23:59:59'), 1).getTime()).toBe(endOf('2025-03-18'));
    // start on a Saturday: the next working day is Monday
    expect(cal.endOfWorkingDaysAfter(sh('2025-03-22T10:00:00'), 1).getTime()).toBe(endOf('2025-03-24'));
  });

  it('counts make-up weekend days and skips holiday blocks', () => {
    expect(cal.endOfWorkingDaysAfter(sh('2025-01-24T10:00:00'), 1).getTime()).toBe(endOf('2025-01-26')); // Sun 上班
    expect(cal.endOfWorkingDaysAfter(sh('2025-01-27T10:00:00'), 1).getTime()).toBe(endOf('2025-02-05'));
    expect(cal.endOfWorkingDaysAfter(sh('2025-02-07T10:00:00'), 1).getTime()).toBe(endOf('2025-02-08')); // Sat 上班
    // 7 working days from Fri 2025-09-26: 9/28 (Sun 上班), 9/29, 9/30, 10/9, 10/10, 10/11 (Sat 上班), 10/13
    expect(cal.endOfWorkingDaysAfter(sh('2025-09-26T16:00:00'), 7).getTime()).toBe(endOf('2025-10-13'));
  });

  it('n = 0 is the end of the start date; negative or fractional n is refused', () => {
    expect(cal.endOfWorkingDaysAfter(sh('2025-03-18T10:00:00'), 0).getTime()).toBe(endOf('2025-03-18'));
    expect(() => cal.endOfWorkingDaysAfter(sh('2025-03-18T10:00:00'), -1)).toThrow(RangeError);
    expect(() => cal.endOfWorkingDaysAfter(sh('2025-03-18T10:00:00'), 1.5)).toThrow(RangeError);
  });
});

describe('endOfCalendarDaysAfter', () => {
  it('counts calendar days from the day after start', () => {
    expect(cal.endOfCalendarDaysAfter(sh('2025-03-18T10:00:00'), 15).getTime()).toBe(endOf('2025-04-02'));
  });

  it('a 90-day period ending on a holiday extends to the next working day', () => {
    // filed Thu 2025-07-03: day 90 is 2025-10-01, inside the 10/1–10/8 block → Thu 2025-10-09
    const filed = sh('2025-07-03T10:00:00');
    expect(cal.endOfCalendarDaysAfter(filed, 90).getTime()).toBe(endOf('2025-10-09'));
    expect(cal.endOfCalendarDaysAfter(filed, 90, { extendPastHolidays: true }).getTime()).toBe(endOf('2025-10-09'));
    expect(cal.endOfCalendarDaysAfter(filed, 90, { extendPastHolidays: false }).getTime()).toBe(endOf('2025-10-01'));
  });

  it('a period ending on an ordinary weekend extends to Monday, one ending on a make-up Saturday does not', () => {
    expect(cal.endOfCalendarDaysAfter(sh('2025-03-07T10:00:00'), 15).getTime()).toBe(endOf('2025-03-24'));
    expect(cal.endOfCalendarDaysAfter(sh('2025-01-24T10:00:00'), 15).getTime()).toBe(endOf('2025-02-08'));
  });
});

describe('addWorkingHours', () => {
  const hm = (d: Date): string => `${shanghaiDate(d)} ${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 19)}`;

  it('contract example: dispatched Tue 2025-03-18 09:42:10 + 2 h → 11:42:10', () => {
    expect(cal.addWorkingHours(sh('2025-03-18T09:42:10'), 2).getTime()).toBe(sh('2025-03-18T11:42:10').getTime());
  });

  it('skips the lunch break', () => {
    expect(hm(cal.addWorkingHours(sh('2025-03-18T11:30:00'), 1))).toBe('2025-03-18 14:30:00');
    expect(hm(cal.addWorkingHours(sh('2025-03-18T11:30:00'), 2))).toBe('2025-03-18 15:30:00');
    expect(hm(cal.addWorkingHours(sh('2025-03-18T12:30:00'), 1))).toBe('2025-03-18 15:00:00');
  });

  it('stops exactly at a closing time rather than jumping to the next opening', () => {
    expect(hm(cal.addWorkingHours(sh('2025-03-18T10:00:00'), 2))).toBe('2025-03-18 12:00:00');
    expect(hm(cal.addWorkingHours(sh('2025-03-18T09:00:00'), 7))).toBe('2025-03-18 18:00:00');
    expect(hm(cal.addWorkingHours(sh('2025-03-18T09:00:00'), 8))).toBe('2025-03-19 10:00:00');
  });

  it('carries over the evening and the weekend', () => {
    expect(hm(cal.addWorkingHours(sh('2025-03-21T17:30:00'), 2))).toBe('2025-03-24 10:30:00'); // Fri → Mon
    expect(hm(cal.addWorkingHours(sh('2025-03-18T20:00:00'), 2))).toBe('2025-03-19 11:00:00'); // evening
    expect(hm(cal.addWorkingHours(sh('2025-03-22T10:00:00'), 2))).toBe('2025-03-24 11:00:00'); // Sat
  });

  it('starts outside hours at the next opening', () => {
    expect(hm(cal.addWorkingHours(sh('2025-03-18T07:00:00'), 0.5))).toBe('2025-03-18 09:30:00');
    expect(hm(cal.addWorkingHours(sh('2025-03-18T13:00:00'), 0.5))).toBe('2025-03-18 14:30:00');
  });

  it('skips a holiday and works on a make-up day', () => {
    expect(hm(cal.addWorkingHours(sh('2025-04-03T17:00:00'), 2))).toBe('2025-04-07 10:00:00'); // 清明 Fri–Sun
    expect(hm(cal.addWorkingHours(sh('2025-01-24T17:00:00'), 2))).toBe('2025-01-26 10:00:00'); // Sun 上班
    expect(hm(cal.addWorkingHours(sh('2025-01-27T17:00:00'), 2))).toBe('2025-02-05 10:00:00'); // 春节
  });

  it('refuses negative hours', () => {
    expect(() => cal.addWorkingHours(sh('2025-03-18T10:00:00'), -1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b', () => {
    expect(cal.workingDaysBetween(sh('2025-03-18T09:42:10'), sh('2025-04-09T18:00:00'))).toBe(15);
    expect(cal.workingDaysBetween(sh('2025-01-24T10:00:00'), sh('2025-02-08T10:00:00'))).toBe(6);
    expect(cal.workingDaysBetween(sh('2025-03-18T09:00:00'), sh('2025-03-19T00:00:00'))).toBe(1);
  });

  it('is 0 when b is on or before a’s date', () => {
    expect(cal.workingDaysBetween(sh('2025-03-18T09:00:00'), sh('2025-03-18T23:00:00'))).toBe(0);
    expect(cal.workingDaysBetween(sh('2025-03-18T09:00:00'), sh('2025-03-10T09:00:00'))).toBe(0);
  });

  it('inverts endOfWorkingDaysAfter', () => {
    const start = sh('2025-01-20T10:00:00');
    for (let n = 0; n <= 40; n += 1) {
      expect(cal.workingDaysBetween(start, cal.endOfWorkingDaysAfter(start, n))).toBe(n);
    }
  });
});

describe('custom calendars', () => {
  it('can be extended, later entries overriding earlier ones', () => {
    const extra: CalendarEntry[] = [
      { date: '2025-03-19', kind: 'HOLIDAY', name: '台风停工' },
      { date: '2025-04-04', kind: 'WORKDAY', name: '测试' },
    ];
    const custom = new WorkingDayCalendar([...STATUTORY_CALENDAR, ...extra]);
    expect(custom.isWorkingDay(sh('2025-03-19T10:00:00'))).toBe(false);
    expect(custom.isWorkingDay(sh('2025-04-04T10:00:00'))).toBe(true);
    expect(custom.endOfWorkingDaysAfter(sh('2025-03-18T10:00:00'), 1).getTime()).toBe(endOf('2025-03-20'));
    // the default calendar is unaffected
    expect(cal.isWorkingDay(sh('2025-03-19T10:00:00'))).toBe(true);
  });

  it('falls back to Monday–Friday without data', () => {
    const plain = new WorkingDayCalendar([]);
    expect(plain.isWorkingDay(sh('2025-04-04T10:00:00'))).toBe(true);
    expect(plain.isWorkingDay(sh('2025-01-26T10:00:00'))).toBe(false);
    expect(plain.coveredYears()).toEqual([]);
  });

  it('refuses malformed entries', () => {
    expect(() => new WorkingDayCalendar([{ date: '2025-02-30', kind: 'HOLIDAY', name: 'x' }])).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([{ date: '2025-4-4', kind: 'HOLIDAY', name: 'x' }])).toThrow(RangeError);
  });
});
