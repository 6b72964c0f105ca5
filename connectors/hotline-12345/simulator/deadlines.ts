// The hotline's deadline rules (contract "Working time and deadlines", Asia/Shanghai), as the
// simulated centre computes them. Only the simulator uses these: the hub takes the deadlines
// delivered in each order as authoritative and never recomputes them.
//
//   signDeadline   (签收时限) dispatchedAt + 2 working hours; EMERGENCY dispatchedAt + 30 min
//   replyDeadline  (办结时限) 18:00 of the N-th working day after the dispatch day:
//                  CONSULTATION 2, HELP / SUGGESTION 10, COMPLAINT / REPORT 15;
//                  URGENT 1 working day; EMERGENCY dispatchedAt + 2 h (calendar time)
//   returnDeadline (退单时限) 18:00 of the 1st working day after the signing day
//   auto-close     REPLIED without an evaluation: 18:00 of the 5th working day after the reply day
import type { WorkingDayCalendar } from '../../../src/domain/calendar';
import { sixPmOn } from '../time';
import type { Category, Urgency } from '../types';

const MINUTE_MS = 60_000;

/** Working days to reply, by category (urgency NORMAL). */
export const REPLY_WORKING_DAYS: Readonly<Record<Category, number>> = {
  CONSULTATION: 2,
  HELP: 10,
  SUGGESTION: 10,
  COMPLAINT: 15,
  REPORT: 15,
};

/** Working days after a reply without evaluation until the order closes by itself. */
export const AUTO_CLOSE_WORKING_DAYS = 5;

/** 18:00 of the n-th working day after the day of `from`. */
export function sixPmAfterWorkingDays(calendar: WorkingDayCalendar, from: number, n: number): number {
  return sixPmOn(calendar.endOfWorkingDaysAfter(new Date(from), n).getTime());
}

export function signDeadlineFor(calendar: WorkingDayCalendar, dispatchedAt: number, urgency: Urgency): number {
  if (urgency === 'EMERGENCY') return dispatchedAt + 30 * MINUTE_MS;
  return calendar.addWorkingHours(new Date(dispatchedAt), 2).getTime();
}

export function replyDeadlineFor(calendar: WorkingDayCalendar, dispatchedAt: number, category: Category, urgency: Urgency): number {
  if (urgency === 'EMERGENCY') return dispatchedAt + 120 * MINUTE_MS;
  const days = urgency === 'URGENT' ? 1 : REPLY_WORKING_DAYS[category];
  return sixPmAfterWorkingDays(calendar, dispatchedAt, days);
}

export function returnDeadlineFor(calendar: WorkingDayCalendar, signedAt: number): number {
  return sixPmAfterWorkingDays(calendar, signedAt, 1);
}

export function autoCloseAt(calendar: WorkingDayCalendar, repliedAt: number): number {
  return sixPmAfterWorkingDays(calendar, repliedAt, AUTO_CLOSE_WORKING_DAYS);
}
