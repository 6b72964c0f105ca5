// Statutory deadlines of an enforcement case (行政处罚法 2021), computed from the case's stage
// timestamps. Pure: no I/O; `now` and the calendar are passed in.
//
// Choices (documented here because supervisors read these flags):
// - overdue = (metAt is null and now > dueAt) or (metAt > dueAt): work done late stays overdue,
//   so a supervisor still sees it after the fact. HEARING_REQUEST is never overdue: it is the
//   party's window, not the officer's.
// - FILING of a NOT_FILED case: the decline is the filing decision; the hub records no separate
//   "declined at" time, so metAt = closedAt ?? filedAt (the service stamps one of them when the
//   case leaves RECEIVED as NOT_FILED). A case TRANSFERRED before filing met the filing
//   deadline by the transfer (transferredAt).
// - DECISION: only for filed cases (omitted for NOT_FILED); met by decidedAt, for a TRANSFERRED
//   case by transferredAt, and for a case CLOSED without a decision (e.g. 撤销立案) by closedAt.
// - HEARING_REQUEST: met at the earlier of the end of the 5-working-day window and the moment the
//   case moved past NOTIFIED (earliest later timestamp known; `now` when the stage is past
//   NOTIFIED but no timestamp records the move).
// - Working-day periods end 23:59:59.999 Shanghai of the n-th working day after the start's date;
//   calendar-day periods (90 / 15 days) move to the next working day when they end on a holiday.
import type { WorkingDayCalendar } from './calendar';

export type CaseDeadlineKind = 'FILING' | 'HEARING_REQUEST' | 'DECISION' | 'SERVICE' | 'PAYMENT';

export interface CaseTimestamps {
  stage: string;
  registeredAt: Date;
  filedAt: Date | null;
  notifiedAt: Date | null;
  decidedAt: Date | null;
  servedAt: Date | null;
  executedAt: Date | null;
  closedAt: Date | null;
  transferredAt: Date | null;
  hasFine: boolean;
  /** 法制审核 completed; optional, only sharpens when the hearing window counts as closed. */
  reviewedAt?: Date | null;
}

export interface CaseDeadline {
  kind: CaseDeadlineKind;
  startsAt: Date;
  dueAt: Date;
  metAt: Date | null;
  overdue: boolean;
  legalBasis: string;
}

/** Working days to decide whether to file (立案). */
export const FILING_WORKING_DAYS = 15;
/** Working days for the party to ask for a hearing after notification (Art. 64). */
export const HEARING_REQUEST_WORKING_DAYS = 5;
/** Calendar days from filing to decision (Art. 60). */
export const DECISION_CALENDAR_DAYS = 90;
/** Working days from decision to service (Art. 61). */
export const SERVICE_WORKING_DAYS = 7;
/** Calendar days from service to payment of a fine (Art. 67). */
export const PAYMENT_CALENDAR_DAYS = 15;

export const LEGAL_BASIS: Readonly<Record<CaseDeadlineKind, string>> = Object.freeze({
  FILING:
    '参照《市场监督管理行政处罚程序规定》第十八条、《住房和城乡建设行政处罚程序规定》：自发现线索或者收到材料之日起十五个工作日内决定是否立案',
  HEARING_REQUEST: '《中华人民共和国行政处罚法》第六十四条',
  DECISION: '《中华人民共和国行政处罚法》第六十条',
  SERVICE: '《中华人民共和国行政处罚法》第六十一条',
  PAYMENT: '《中华人民共和国行政处罚法》第六十七条',
});

/** Stages that come after NOTIFIED (the hearing-request window is then over). */
const PAST_NOTIFIED = new Set(['LEGAL_REVIEW', 'DECIDED', 'SERVED', 'EXECUTING', 'CLOSED', 'TRANSFERRED']);

function earliest(dates: ReadonlyArray<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) {
    if (d && (best === null || d.getTime() < best.getTime())) best = d;
  }
  return best;
}

function deadline(
  kind: CaseDeadlineKind,
  startsAt: Date,
  dueAt: Date,
  metAt: Date | null,
  now: Date,
): CaseDeadline {
  const overdue =
    kind === 'HEARING_REQUEST'
      ? false
      : metAt === null
        ? now.getTime() > dueAt.getTime()
        : metAt.getTime() > dueAt.getTime();
  return { kind, startsAt, dueAt, metAt, overdue, legalBasis: LEGAL_BASIS[kind] };
}

/** The deadlines that apply to a case so far, in procedural order. */
export function caseDeadlines(c: CaseTimestamps, now: Date, calendar: WorkingDayCalendar): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const notFiled = c.stage === 'NOT_FILED';
  const transferred = c.stage === 'TRANSFERRED';

  // FILING (立案): 15 working days from registration.
  {
    const metAt = notFiled ? (c.closedAt ?? c.filedAt) : (c.filedAt ?? (transferred ? c.transferredAt : null));
    const dueAt = calendar.endOfWorkingDaysAfter(c.registeredAt, FILING_WORKING_DAYS);
    out.push(deadline('FILING', c.registeredAt, dueAt, metAt, now));
  }

  // HEARING_REQUEST (听证申请): the party's 5 working days after notification; informational.
  if (c.notifiedAt) {
    const startsAt = c.notifiedAt;
    const dueAt = calendar.endOfWorkingDaysAfter(startsAt, HEARING_REQUEST_WORKING_DAYS);
    let movedOn: Date | null = null;
    if (PAST_NOTIFIED.has(c.stage)) {
      const later = [c.reviewedAt, c.decidedAt, c.transferredAt, c.closedAt, c.servedAt, c.executedAt].filter(
        (d): d is Date => d != null && d.getTime() >= startsAt.getTime(),
      );
      movedOn = earliest(later) ?? (now.getTime() >= startsAt.getTime() ? now : startsAt);
    }
    const windowClosed = now.getTime() > dueAt.getTime() ? dueAt : null;
    out.push(deadline('HEARING_REQUEST', startsAt, dueAt, earliest([movedOn, windowClosed]), now));
  }

  // DECISION (作出决定): 90 calendar days from filing; filed cases only.
  if (c.filedAt && !notFiled) {
    const metAt =
      c.decidedAt ??
      (transferred ? c.transferredAt : null) ??
      (c.stage === 'CLOSED' ? c.closedAt : null);
    const dueAt = calendar.endOfCalendarDaysAfter(c.filedAt, DECISION_CALENDAR_DAYS);
    out.push(deadline('DECISION', c.filedAt, dueAt, metAt, now));
  }

  // SERVICE (送达): 7 working days from the decision.
  if (c.decidedAt) {
    const dueAt = calendar.endOfWorkingDaysAfter(c.decidedAt, SERVICE_WORKING_DAYS);
    out.push(deadline('SERVICE', c.decidedAt, dueAt, c.servedAt, now));
  }

  // PAYMENT (缴纳罚款): 15 days from service, when there is a fine.
  if (c.servedAt && c.hasFine) {
    const dueAt = calendar.endOfCalendarDaysAfter(c.servedAt, PAYMENT_CALENDAR_DAYS);
    out.push(deadline('PAYMENT', c.servedAt, dueAt, c.executedAt, now));
  }

  return out;
}
