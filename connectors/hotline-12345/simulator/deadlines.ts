// The hotline's deadline rules as the simulated centre applies them, on epoch milliseconds. The
// rules themselves live in src/domain/work-order-deadlines.ts (the hub checks delivered deadlines
// against the same code); only the auto-close of unevaluated replies is the simulator's own.
//
//   signDeadline   (签收时限) dispatchedAt + 2 working hours; EMERGENCY dispatchedAt + 30 min
//   replyDeadline  (办结时限) 18:00 of the N-th working day after the dispatch day
//   returnDeadline (退单时限) 18:00 of the 1st working day after the signing day
//   auto-close     REPLIED without an evaluation: 18:00 of the 5th working day after the reply day
import type { WorkingDayCalendar } from '../../../src/domain/calendar';
import { closingTimeOfWorkingDay, replyDeadline, returnDeadline, signDeadline } from '../../../src/domain/work-order-deadlines';
import type { Category, Urgency } from '../types';

export { REPLY_WORKING_DAYS } from '../../../src/domain/work-order-deadlines';

/** Working days after a reply without evaluation until the order closes by itself. */
export const AUTO_CLOSE_WORKING_DAYS = 5;

/** 18:00 of the n-th working day after the day of `from`. */
export function sixPmAfterWorkingDays(calendar: WorkingDayCalendar, from: number, n: number): number {
  return closingTimeOfWorkingDay(calendar, new Date(from), n).getTime();
}

export function signDeadlineFor(calendar: WorkingDayCalendar, dispatchedAt: number, urgency: Urgency): number {
  return signDeadline(calendar, new Date(dispatchedAt), urgency).getTime();
}

export function replyDeadlineFor(calendar: WorkingDayCalendar, dispatchedAt: number, category: Category, urgency: Urgency): number {
  return replyDeadline(calendar, new Date(dispatchedAt), category, urgency).getTime();
}

export function returnDeadlineFor(calendar: WorkingDayCalendar, signedAt: number): number {
  return returnDeadline(calendar, new Date(signedAt)).getTime();
}

export function autoCloseAt(calendar: WorkingDayCalendar, repliedAt: number): number {
  return sixPmAfterWorkingDays(calendar, repliedAt, AUTO_CLOSE_WORKING_DAYS);
}
