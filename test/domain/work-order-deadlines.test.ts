// 12345 deadlines on the working-day calendar: the contract's own example, a 调休 Saturday and 国庆.
import { WorkingDayCalendar } from '../../src/domain/calendar';
import { STATUTORY_CALENDAR } from '../../src/domain/holidays';
import { replyDeadline, returnDeadline, signDeadline } from '../../src/domain/work-order-deadlines';
import { loadConfig } from '../../src/config';

const calendar = new WorkingDayCalendar();

describe('12345 work-order deadlines', () => {
  it('match the contract example: COMPLAINT dispatched Tue 2025-03-18 09:42:10 → sign 11:42:10, reply 2025-04-09 18:00 (清明 skipped)', () => {
    const dispatched = new Date('2025-03-18T09:42:10+08:00');
    expect(signDeadline(calendar, dispatched, 'NORMAL').toISOString()).toBe(new Date('2025-03-18T11:42:10+08:00').toISOString());
    expect(replyDeadline(calendar, dispatched, 'COMPLAINT', 'NORMAL').toISOString()).toBe(new Date('2025-04-09T18:00:00+08:00').toISOString());
  });

  it('counts only working hours for signing: dispatched Friday 17:00 → Monday 10:00', () => {
    expect(signDeadline(calendar, new Date('2026-11-20T17:00:00+08:00'), 'NORMAL').toISOString()).toBe(new Date('2026-11-23T10:00:00+08:00').toISOString());
    expect(signDeadline(calendar, new Date('2026-11-20T17:00:00+08:00'), 'EMERGENCY').toISOString()).toBe(new Date('2026-11-20T17:30:00+08:00').toISOString());
  });

  it('skips 国庆 2026 for an URGENT order and counts the 调休 Saturday 10 October as a working day', () => {
    // Dispatched Wed 30 Sep: 1 Oct – 7 Oct are holidays, Thu 8 Oct is the first working day after.
    expect(replyDeadline(calendar, new Date('2026-09-30T15:00:00+08:00'), 'HELP', 'URGENT').toISOString()).toBe(new Date('2026-10-08T18:00:00+08:00').toISOString());
    // Signed Fri 9 Oct: the next working day is Sat 10 Oct (调休上班).
    expect(returnDeadline(calendar, new Date('2026-10-09T10:00:00+08:00')).toISOString()).toBe(new Date('2026-10-10T18:00:00+08:00').toISOString());
    // EMERGENCY: two calendar hours, holidays or not.
    expect(replyDeadline(calendar, new Date('2026-10-01T09:00:00+08:00'), 'REPORT', 'EMERGENCY').toISOString()).toBe(new Date('2026-10-01T11:00:00+08:00').toISOString());
  });

  it('takes extra calendar days from configuration (CALENDAR_EXTRA), and refuses a malformed entry naming the variable', () => {
    const config = loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(40), CALENDAR_EXTRA: '2028-01-03:HOLIDAY:元旦补休,2028-01-08:WORKDAY' });
    expect(config.calendarExtra).toEqual([
      { date: '2028-01-03', kind: 'HOLIDAY', name: '元旦补休' },
      { date: '2028-01-08', kind: 'WORKDAY', name: '调休上班' },
    ]);
    const extended = new WorkingDayCalendar([...STATUTORY_CALENDAR, ...config.calendarExtra]);
    expect(extended.isWorkingDay(new Date('2028-01-03T10:00:00+08:00'))).toBe(false); // a Monday made a holiday
    expect(extended.isWorkingDay(new Date('2028-01-08T10:00:00+08:00'))).toBe(true); // a Saturday made a working day
    expect(calendar.isWorkingDay(new Date('2028-01-03T10:00:00+08:00'))).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(40), CALENDAR_EXTRA: '2028-02-30:HOLIDAY' })).toThrow(/CALENDAR_EXTRA/);
    expect(() => loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(40), CALENDAR_EXTRA: '2028-02-01:DAYOFF' })).toThrow(/CALENDAR_EXTRA/);
  });
});
