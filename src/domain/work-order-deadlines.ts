// 12345 work-order deadlines (hotline-12345.openapi.yaml, "Working time and deadlines"). The
// hotline delivers each order's deadlines and its values are authoritative; the hub computes the
// same rule to notice a delivered deadline that disagrees (logged, never applied), and the hotline
// simulator dispatches with it.
import type { WorkingDayCalendar } from './calendar';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type WorkOrderCategory = 'CONSULTATION' | 'HELP' | 'COMPLAINT' | 'REPORT' | 'SUGGESTION';
export type WorkOrderUrgency = 'NORMAL' | 'URGENT' | 'EMERGENCY';

/** 办结时限 in working days by category (NORMAL urgency). */
export const REPLY_WORKING_DAYS: Readonly<Record<WorkOrderCategory, number>> = {
  CONSULTATION: 2,
  HELP: 10,
  SUGGESTION: 10,
  COMPLAINT: 15,
  REPORT: 15,
};

/** 18:00 Asia/Shanghai on the n-th working day after the date of `start`. */
export function closingTimeOfWorkingDay(calendar: WorkingDayCalendar, start: Date, n: number): Date {
  const endOfDay = calendar.endOfWorkingDaysAfter(start, n).getTime() + 1; // next midnight
  return new Date(endOfDay - 6 * HOUR_MS);
}

/** 签收时限: 2 working hours after dispatch; EMERGENCY 30 minutes. */
export function signDeadline(calendar: WorkingDayCalendar, dispatchedAt: Date, urgency: WorkOrderUrgency): Date {
  if (urgency === 'EMERGENCY') return new Date(dispatchedAt.getTime() + 30 * MINUTE_MS);
  return calendar.addWorkingHours(dispatchedAt, 2);
}

/** 办结时限: by category, overridden by urgency (URGENT 1 working day, EMERGENCY 2 calendar hours). */
export function replyDeadline(calendar: WorkingDayCalendar, dispatchedAt: Date, category: WorkOrderCategory, urgency: WorkOrderUrgency): Date {
  if (urgency === 'EMERGENCY') return new Date(dispatchedAt.getTime() + 2 * HOUR_MS);
  const days = urgency === 'URGENT' ? 1 : REPLY_WORKING_DAYS[category];
  return closingTimeOfWorkingDay(calendar, dispatchedAt, days);
}

/** 退单时限: 18:00 of the first working day after the signing day. */
export function returnDeadline(calendar: WorkingDayCalendar, signedAt: Date): Date {
  return closingTimeOfWorkingDay(calendar, signedAt, 1);
}
