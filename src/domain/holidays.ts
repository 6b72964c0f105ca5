// Official calendar exceptions (Asia/Shanghai calendar dates) from the State Council General
// Office's annual notices 国务院办公厅关于XXXX年部分节假日安排的通知:
//   2025: 国办发明电〔2024〕12号 (2024-11-12), the first notice under the 2024-11 revision of
//         《全国年节及纪念日放假办法》: 春节 and 劳动节 gain one day each, 除夕 becomes a statutory
//         holiday; principles: 春节 8 days from 除夕, 国庆 7 days from 1 October, 劳动节 5 days,
//         元旦/清明/端午/中秋 3 days (only the day itself when it falls on a Wednesday), and
//         normally no more than 6 consecutive working days around a holiday.
//   2026: 国办发明电〔2025〕7号 (2025-11-04).
//   2027: not yet published when this was written (expected around November 2026); the rows
//         below are derived from the principles above and must be checked against the notice.
//
// HOLIDAY = a day off (statutory holiday or 调休放假 day; weekend days inside a holiday block are
// listed too, which changes nothing for weekday arithmetic but gives them the festival's name).
// WORKDAY = a make-up working weekend day (调休上班).
// Add a year by appending its rows; WorkingDayCalendar lets later entries override earlier ones.

export type CalendarEntryKind = 'HOLIDAY' | 'WORKDAY';

export interface CalendarEntry {
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string;
  kind: CalendarEntryKind;
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 */
  name: string;
}

/** Every date from `from` to `to` inclusive as HOLIDAY rows. */
function off(name: string, from: string, to: string = from): CalendarEntry[] {
  const rows: CalendarEntry[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    rows.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'HOLIDAY', name });
  }
  return rows;
}

function work(name: string, ...dates: string[]): CalendarEntry[] {
  return dates.map((date) => ({ date, kind: 'WORKDAY' as const, name }));
}

const Y2025: CalendarEntry[] = [
  // 国办发明电〔2024〕12号
  ...off('元旦', '2025-01-01'), // 周三，放假1天，不调休
  ...off('春节', '2025-01-28', '2025-02-04'), // 除夕(周二)至正月初七(周二)，共8天
  ...work('春节', '2025-01-26', '2025-02-08'), // 周日、周六上班
  ...off('清明节', '2025-04-04', '2025-04-06'), // 周五至周日，共3天
  ...off('劳动节', '2025-05-01', '2025-05-05'), // 周四至周一，共5天
  ...work('劳动节', '2025-04-27'), // 周日上班
  ...off('端午节', '2025-05-31', '2025-06-02'), // 周六至周一，共3天
  ...off('国庆节', '2025-10-01', '2025-10-08'), // 国庆节、中秋节 周三至周三，共8天
  ...work('国庆节', '2025-09-28', '2025-10-11'), // 周日、周六上班
];

const Y2026: CalendarEntry[] = [
  // 国办发明电〔2025〕7号
  ...off('元旦', '2026-01-01', '2026-01-03'), // 周四至周六，共3天
  ...work('元旦', '2026-01-04'), // 周日上班
  ...off('春节', '2026-02-15', '2026-02-23'), // 腊月二十八(周日)至正月初七(周一)，共9天
  ...work('春节', '2026-02-14', '2026-02-28'), // 周六、周六上班
  ...off('清明节', '2026-04-04', '2026-04-06'), // 周六至周一，共3天
  ...off('劳动节', '2026-05-01', '2026-05-05'), // 周五至周二，共5天
  ...work('劳动节', '2026-05-09'), // 周六上班
  ...off('端午节', '2026-06-19', '2026-06-21'), // 周五至周日，共3天
  ...off('中秋节', '2026-09-25', '2026-09-27'), // 周五至周日，共3天
  ...off('国庆节', '2026-10-01', '2026-10-07'), // 周四至周三，共7天
  ...work('国庆节', '2026-09-20', '2026-10-10'), // 周日、周六上班
];

// provisional: verify against the 2027 notice
// Derived from the 2025 principles. Festival dates: 除夕 Fri 02-05 (春节 Sat 02-06), 清明 Mon 04-05,
// 端午 Wed 06-09, 中秋 Wed 09-15. Make-up days chosen, like the 2025/2026 notices did, to keep
// the working stretch next to each block short.
const Y2027: CalendarEntry[] = [
  ...off('元旦', '2027-01-01', '2027-01-03'), // 周五至周日连休，共3天（不调休）
  ...off('春节', '2027-02-05', '2027-02-12'), // 除夕(周五)起8天，至周五  [least certain block]
  ...work('春节', '2027-01-31', '2027-02-13'), // 周日、周六上班                  [least certain]
  ...off('清明节', '2027-04-03', '2027-04-05'), // 周六至周一，共3天
  ...off('劳动节', '2027-05-01', '2027-05-05'), // 周六至周三，共5天
  ...work('劳动节', '2027-05-08'), // 周六上班 (or 周日 04-25)               [uncertain]
  ...off('端午节', '2027-06-09'), // 逢周三只在当日放假
  ...off('中秋节', '2027-09-15'), // 逢周三只在当日放假
  ...off('国庆节', '2027-10-01', '2027-10-07'), // 周五至周四，共7天
  ...work('国庆节', '2027-09-26', '2027-10-09'), // 周日、周六上班 (as in 2021, same weekdays)
];

export const STATUTORY_CALENDAR: ReadonlyArray<CalendarEntry> = Object.freeze(
  [...Y2025, ...Y2026, ...Y2027].map((e) => Object.freeze(e)),
);
