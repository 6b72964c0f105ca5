import { WorkingDayCalendar } from '../../src/domain/calendar';
import {
  caseDeadlines,
  type CaseDeadline,
  type CaseDeadlineKind,
  type CaseTimestamps,
} from '../../src/domain/case-deadlines';

const sh = (local: string): Date => new Date(`${local}+08:00`);
const endOf = (date: string): number => sh(`${date}T23:59:59.999`).getTime();
const cal = new WorkingDayCalendar();

function kase(over: Partial<CaseTimestamps>): CaseTimestamps {
  return {
    stage: 'RECEIVED',
    registeredAt: sh('2025-03-18T09:00:00'),
    filedAt: null,
    notifiedAt: null,
    decidedAt: null,
    servedAt: null,
    executedAt: null,
    closedAt: null,
    transferredAt: null,
    hasFine: false,
    ...over,
  };
}

function one(c: CaseTimestamps, now: Date, kind: CaseDeadlineKind): CaseDeadline {
  const found = caseDeadlines(c, now, cal).filter((d) => d.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

const kinds = (c: CaseTimestamps, now: Date): CaseDeadlineKind[] => caseDeadlines(c, now, cal).map((d) => d.kind);

describe('FILING (15 working days from registration)', () => {
  // registered Tue 2025-03-18 → 15th working day is Wed 2025-04-09 (清明 4 April skipped)
  const due = endOf('2025-04-09');

  it('open and not yet due', () => {
    const d = one(kase({}), sh('2025-04-01T10:00:00'), 'FILING');
    expect(d.startsAt.getTime()).toBe(sh('2025-03-18T09:00:00').getTime());
    expect(d.dueAt.getTime()).toBe(due);
    expect(d.metAt).toBeNull();
    expect(d.overdue).toBe(false);
    expect(d.legalBasis).toContain('十五个工作日');
  });

  it('open and overdue one millisecond after the due time, not at it', () => {
    expect(one(kase({}), new Date(due), 'FILING').overdue).toBe(false);
    expect(one(kase({}), new Date(due + 1), 'FILING').overdue).toBe(true);
  });

  it('met on time', () => {
    const filedAt = sh('2025-04-09T17:00:00');
    const d = one(kase({ stage: 'FILED', filedAt }), sh('2025-06-01T10:00:00'), 'FILING');
    expect(d.metAt).toBe(filedAt);
    expect(d.overdue).toBe(false);
  });

  it('met late stays overdue', () => {
    const filedAt = sh('2025-04-10T09:00:00');
    const d = one(kase({ stage: 'FILED', filedAt }), sh('2025-04-10T10:00:00'), 'FILING');
    expect(d.metAt).toBe(filedAt);
    expect(d.overdue).toBe(true);
  });
});

describe('NOT_FILED case', () => {
  it('the decline meets FILING (closedAt first, then filedAt) and there is no DECISION', () => {
    const closedAt = sh('2025-03-25T11:00:00');
    const c = kase({ stage: 'NOT_FILED', closedAt, filedAt: sh('2025-03-24T11:00:00') });
    expect(kinds(c, sh('2025-12-01T10:00:00'))).toEqual(['FILING']);
    const d = one(c, sh('2025-12-01T10:00:00'), 'FILING');
    expect(d.metAt).toBe(closedAt);
    expect(d.overdue).toBe(false);

    const withoutClosed = kase({ stage: 'NOT_FILED', filedAt: sh('2025-04-15T11:00:00') });
    const late = one(withoutClosed, sh('2025-12-01T10:00:00'), 'FILING');
    expect(late.metAt?.getTime()).toBe(sh('2025-04-15T11:00:00').getTime());
    expect(late.overdue).toBe(true);
  });
});

describe('HEARING_REQUEST (the party’s 5 working days after notification, Art. 64)', () => {
  // notified Wed 2025-04-30 → 5/6, 5/7, 5/8, 5/9, 5/12 (劳动节 5/1–5/5 skipped) → due 2025-05-12
  const notifiedAt = sh('2025-04-30T10:00:00');
  const base = { filedAt: sh('2025-03-20T10:00:00'), notifiedAt };

  it('is absent until the case is notified', () => {
    expect(kinds(kase({ stage: 'INVESTIGATING', filedAt: base.filedAt }), sh('2025-04-29T10:00:00'))).not.toContain(
      'HEARING_REQUEST',
    );
  });

  it('open while the window runs', () => {
    const d = one(kase({ ...base, stage: 'NOTIFIED' }), sh('2025-05-08T10:00:00'), 'HEARING_REQUEST');
    expect(d.startsAt).toBe(notifiedAt);
    expect(d.dueAt.getTime()).toBe(endOf('2025-05-12'));
    expect(d.metAt).toBeNull();
    expect(d.overdue).toBe(false);
    expect(d.legalBasis).toBe('《中华人民共和国行政处罚法》第六十四条');
  });

  it('met when the window has passed, and never overdue', () => {
    const d = one(kase({ ...base, stage: 'NOTIFIED' }), sh('2025-05-20T10:00:00'), 'HEARING_REQUEST');
    expect(d.metAt?.getTime()).toBe(endOf('2025-05-12'));
    expect(d.overdue).toBe(false);
  });

  it('met when the case moved past NOTIFIED early', () => {
    const reviewedAt = sh('2025-05-07T15:00:00');
    const d = one(kase({ ...base, stage: 'LEGAL_REVIEW', reviewedAt }), sh('2025-05-08T10:00:00'), 'HEARING_REQUEST');
    expect(d.metAt).toBe(reviewedAt);
    const decidedAt = sh('2025-05-09T15:00:00');
    const e = one(kase({ ...base, stage: 'DECIDED', decidedAt }), sh('2025-05-09T16:00:00'), 'HEARING_REQUEST');
    expect(e.metAt).toBe(decidedAt);
    expect(e.overdue).toBe(false);
  });
});

describe('DECISION (90 calendar days from filing, Art. 60)', () => {
  // filed Thu 2025-07-03: day 90 is 2025-10-01 (国庆) → extends to Thu 2025-10-09
  const filedAt = sh('2025-07-03T10:00:00');
  const filed = { stage: 'INVESTIGATING', registeredAt: sh('2025-07-01T10:00:00'), filedAt };

  it('open, with the due date extended past the National Day holiday', () => {
    const d = one(kase(filed), sh('2025-09-01T10:00:00'), 'DECISION');
    expect(d.startsAt).toBe(filedAt);
    expect(d.dueAt.getTime()).toBe(endOf('2025-10-09'));
    expect(d.metAt).toBeNull();
    expect(d.overdue).toBe(false);
    expect(d.legalBasis).toBe('《中华人民共和国行政处罚法》第六十条');
  });

  it('open and overdue', () => {
    expect(one(kase(filed), sh('2025-10-10T00:00:00'), 'DECISION').overdue).toBe(true);
  });

  it('met on time (a decision on day 97 is in time thanks to the holiday extension)', () => {
    const decidedAt = sh('2025-10-09T16:00:00');
    const d = one(kase({ ...filed, stage: 'DECIDED', decidedAt }), sh('2025-10-10T10:00:00'), 'DECISION');
    expect(d.metAt).toBe(decidedAt);
    expect(d.overdue).toBe(false);
  });

  it('met late stays overdue', () => {
    const decidedAt = sh('2025-10-10T09:00:00');
    const d = one(kase({ ...filed, stage: 'DECIDED', decidedAt }), sh('2025-10-10T10:00:00'), 'DECISION');
    expect(d.metAt).toBe(decidedAt);
    expect(d.overdue).toBe(true);
  });

  it('is absent before filing', () => {
    expect(kinds(kase({}), sh('2025-03-19T10:00:00'))).toEqual(['FILING']);
  });
});

describe('TRANSFERRED case', () => {
  it('after filing: the transfer meets DECISION and no later deadline applies', () => {
    const transferredAt = sh('2025-08-01T10:00:00');
    const c = kase({
      stage: 'TRANSFERRED',
      registeredAt: sh('2025-07-01T10:00:00'),
      filedAt: sh('2025-07-03T10:00:00'),
      transferredAt,
    });
    const now = sh('2025-12-31T10:00:00');
    expect(kinds(c, now)).toEqual(['FILING', 'DECISION']);
    const d = one(c, now, 'DECISION');
    expect(d.metAt).toBe(transferredAt);
    expect(d.overdue).toBe(false);
  });

  it('before filing: the transfer meets FILING', () => {
    const transferredAt = sh('2025-03-25T10:00:00');
    const c = kase({ stage: 'TRANSFERRED', transferredAt });
    expect(kinds(c, sh('2025-12-31T10:00:00'))).toEqual(['FILING']);
    const d = one(c, sh('2025-12-31T10:00:00'), 'FILING');
    expect(d.metAt).toBe(transferredAt);
    expect(d.overdue).toBe(false);
  });
});

describe('SERVICE (7 working days from the decision, Art. 61)', () => {
  // decided Fri 2025-09-26 → 9/28 (Sun 上班), 9/29, 9/30, 10/9, 10/10, 10/11 (Sat 上班), 10/13
  const decided = {
    stage: 'DECIDED',
    registeredAt: sh('2025-07-01T10:00:00'),
    filedAt: sh('2025-07-03T10:00:00'),
    decidedAt: sh('2025-09-26T16:00:00'),
  };

  it('open', () => {
    const d = one(kase(decided), sh('2025-10-13T20:00:00'), 'SERVICE');
    expect(d.dueAt.getTime()).toBe(endOf('2025-10-13'));
    expect(d.metAt).toBeNull();
    expect(d.overdue).toBe(false);
    expect(d.legalBasis).toBe('《中华人民共和国行政处罚法》第六十一条');
  });

  it('open and overdue', () => {
    expect(one(kase(decided), sh('2025-10-14T00:00:01'), 'SERVICE').overdue).toBe(true);
  });

  it('met on time on a make-up Saturday', () => {
    const servedAt = sh('2025-10-11T10:00:00');
    const d = one(kase({ ...decided, stage: 'SERVED', servedAt }), sh('2025-10-20T10:00:00'), 'SERVICE');
    expect(d.metAt).toBe(servedAt);
    expect(d.overdue).toBe(false);
  });

  it('met late stays overdue', () => {
    const servedAt = sh('2025-10-14T10:00:00');
    const d = one(kase({ ...decided, stage: 'SERVED', servedAt }), sh('2025-10-20T10:00:00'), 'SERVICE');
    expect(d.overdue).toBe(true);
  });
});

describe('PAYMENT (15 days from service when there is a fine, Art. 67)', () => {
  // served Mon 2025-10-13 → day 15 is Tue 2025-10-28
  const served = {
    stage: 'SERVED',
    registeredAt: sh('2025-07-01T10:00:00'),
    filedAt: sh('2025-07-03T10:00:00'),
    decidedAt: sh('2025-09-26T16:00:00'),
    servedAt: sh('2025-10-13T10:00:00'),
    hasFine: true,
  };

  it('open', () => {
    const d = one(kase(served), sh('2025-10-20T10:00:00'), 'PAYMENT');
    expect(d.startsAt.getTime()).toBe(sh('2025-10-13T10:00:00').getTime());
    expect(d.dueAt.getTime()).toBe(endOf('2025-10-28'));
    expect(d.metAt).toBeNull();
    expect(d.overdue).toBe(false);
    expect(d.legalBasis).toBe('《中华人民共和国行政处罚法》第六十七条');
  });

  it('open and overdue', () => {
    expect(one(kase(served), sh('2025-10-29T08:00:00'), 'PAYMENT').overdue).toBe(true);
  });

  it('met on time', () => {
    const executedAt = sh('2025-10-20T10:00:00');
    const d = one(kase({ ...served, stage: 'EXECUTING', executedAt }), sh('2025-11-20T10:00:00'), 'PAYMENT');
    expect(d.metAt).toBe(executedAt);
    expect(d.overdue).toBe(false);
  });

  it('met late stays overdue', () => {
    const executedAt = sh('2025-10-29T10:00:00');
    const d = one(kase({ ...served, stage: 'EXECUTING', executedAt }), sh('2025-11-20T10:00:00'), 'PAYMENT');
    expect(d.overdue).toBe(true);
  });

  it('is absent without a fine', () => {
    expect(kinds(kase({ ...served, hasFine: false }), sh('2025-10-20T10:00:00'))).not.toContain('PAYMENT');
  });
});

describe('a complete case handled on time', () => {
  it('lists every deadline in procedural order, none overdue', () => {
    const c = kase({
      stage: 'CLOSED',
      registeredAt: sh('2025-03-18T09:00:00'),
      filedAt: sh('2025-03-20T10:00:00'),
      notifiedAt: sh('2025-04-30T10:00:00'),
      reviewedAt: sh('2025-05-13T10:00:00'),
      decidedAt: sh('2025-05-14T10:00:00'),
      servedAt: sh('2025-05-15T10:00:00'),
      executedAt: sh('2025-05-20T10:00:00'),
      closedAt: sh('2025-05-21T10:00:00'),
      hasFine: true,
    });
    const all = caseDeadlines(c, sh('2025-12-31T10:00:00'), cal);
    expect(all.map((d) => d.kind)).toEqual(['FILING', 'HEARING_REQUEST', 'DECISION', 'SERVICE', 'PAYMENT']);
    expect(all.every((d) => d.metAt !== null && !d.overdue)).toBe(true);
    // the hearing window closed (end of 5/12) before the review moved the case on
    expect(all[1].metAt?.getTime()).toBe(endOf('2025-05-12'));
  });
});
