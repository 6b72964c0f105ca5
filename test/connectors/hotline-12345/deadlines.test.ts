// The hotline's deadline rules as the simulator applies them, on the statutory working-day
// calendar: per category and urgency, across lunch, evenings, weekends, 清明 and a make-up
// working Sunday — and the README example.
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { replyDeadlineFor, returnDeadlineFor, signDeadlineFor, autoCloseAt } from '../../../connectors/hotline-12345/simulator/deadlines';
import { startHotlineSimulator, type HotlineSimulator } from '../../../connectors/hotline-12345/simulator/server';
import { formatShanghai, parseDateTime } from '../../../connectors/hotline-12345/time';
import type { Category, Urgency, WorkOrder } from '../../../connectors/hotline-12345/types';
import { API_KEY, ASSIGNEE, WEBHOOK_SECRET, example, seeded } from './helpers';

const calendar = new WorkingDayCalendar();
const at = (iso: string) => parseDateTime(iso) as number;
const sign = (iso: string, urgency: Urgency = 'NORMAL') => formatShanghai(signDeadlineFor(calendar, at(iso), urgency));
const reply = (iso: string, category: Category, urgency: Urgency = 'NORMAL') => formatShanghai(replyDeadlineFor(calendar, at(iso), category, urgency));

describe('deadlines — the README example', () => {
  it('COMPLAINT dispatched Tue 2025-03-18 09:42:10 → sign by 11:42:10, reply by 2025-04-09 18:00 (清明 4 April skipped)', () => {
    expect(sign('2025-03-18T09:42:10+08:00')).toBe('2025-03-18T11:42:10+08:00');
    expect(reply('2025-03-18T09:42:10+08:00', 'COMPLAINT')).toBe('2025-04-09T18:00:00+08:00');
  });

  it('matches the deadlines of the contract examples (dispatched, signed and the EMERGENCY order)', () => {
    const signed = example<WorkOrder>('signWorkOrder.200.json');
    expect(sign(signed.dispatchedAt)).toBe(signed.signDeadline);
    expect(reply(signed.dispatchedAt, signed.category)).toBe(signed.replyDeadline);
    expect(formatShanghai(returnDeadlineFor(calendar, at(signed.signedAt as string)))).toBe(signed.returnDeadline);
    const emergency = example<{ items: WorkOrder[] }>('listWorkOrders.200.json').items[1];
    expect(emergency.urgency).toBe('EMERGENCY');
    expect(sign(emergency.dispatchedAt, 'EMERGENCY')).toBe(emergency.signDeadline);
    expect(reply(emergency.dispatchedAt, emergency.category, 'EMERGENCY')).toBe(emergency.replyDeadline);
  });
});

describe('deadlines — replyDeadline by category and urgency', () => {
  const TUE = '2025-03-18T09:42:10+08:00';

  it.each([
    ['CONSULTATION', 'NORMAL', '2025-03-20T18:00:00+08:00'],
    ['HELP', 'NORMAL', '2025-04-01T18:00:00+08:00'],
    ['SUGGESTION', 'NORMAL', '2025-04-01T18:00:00+08:00'],
    ['COMPLAINT', 'NORMAL', '2025-04-09T18:00:00+08:00'],
    ['REPORT', 'NORMAL', '2025-04-09T18:00:00+08:00'],
    ['COMPLAINT', 'URGENT', '2025-03-19T18:00:00+08:00'],
    ['CONSULTATION', 'URGENT', '2025-03-19T18:00:00+08:00'],
    ['REPORT', 'EMERGENCY', '2025-03-18T11:42:10+08:00'],
  ] as Array<[Category, Urgency, string]>)('%s / %s dispatched Tue 09:42:10 → %s', (category, urgency, expected) => {
    expect(reply(TUE, category, urgency)).toBe(expected);
  });

  it('counts working days after the dispatch day, whatever the hour (also after 18:00 and on a weekend)', () => {
    expect(reply('2025-03-18T23:30:00+08:00', 'CONSULTATION')).toBe('2025-03-20T18:00:00+08:00');
    expect(reply('2025-03-22T10:00:00+08:00', 'CONSULTATION')).toBe('2025-03-25T18:00:00+08:00');
    expect(reply('2025-04-03T10:00:00+08:00', 'CONSULTATION')).toBe('2025-04-08T18:00:00+08:00');
    expect(reply('2025-04-03T10:00:00+08:00', 'HELP', 'URGENT')).toBe('2025-04-07T18:00:00+08:00');
  });

  it('EMERGENCY runs on calendar time, also at night and on holidays', () => {
    expect(sign('2025-04-04T23:50:00+08:00', 'EMERGENCY')).toBe('2025-04-05T00:20:00+08:00');
    expect(reply('2025-04-04T23:50:00+08:00', 'COMPLAINT', 'EMERGENCY')).toBe('2025-04-05T01:50:00+08:00');
  });
});

describe('deadlines — signDeadline in working hours', () => {
  it.each([
    ['inside the morning', '2025-03-18T09:00:00+08:00', '2025-03-18T11:00:00+08:00'],
    ['ending exactly at noon', '2025-03-18T10:00:00+08:00', '2025-03-18T12:00:00+08:00'],
    ['across lunch', '2025-03-18T11:00:00+08:00', '2025-03-18T15:00:00+08:00'],
    ['dispatched during lunch', '2025-03-18T12:30:00+08:00', '2025-03-18T16:00:00+08:00'],
    ['across the evening', '2025-03-18T17:30:00+08:00', '2025-03-19T10:30:00+08:00'],
    ['at night', '2025-03-18T22:00:00+08:00', '2025-03-19T11:00:00+08:00'],
    ['Friday afternoon → Monday', '2025-03-21T17:00:00+08:00', '2025-03-24T10:00:00+08:00'],
    ['on a Saturday', '2025-03-22T10:00:00+08:00', '2025-03-24T11:00:00+08:00'],
    ['before 清明 (Fri 4 April – Sun 6 April off)', '2025-04-03T17:00:00+08:00', '2025-04-07T10:00:00+08:00'],
    ['into the make-up working Sunday 2025-04-27', '2025-04-26T10:00:00+08:00', '2025-04-27T11:00:00+08:00'],
  ])('%s: %s → %s', (_what, dispatched, expected) => {
    expect(sign(dispatched)).toBe(expected);
  });
});

describe('deadlines — returnDeadline and the auto-close', () => {
  it('returnDeadline is 18:00 of the next working day after signing', () => {
    expect(formatShanghai(returnDeadlineFor(calendar, at('2025-03-18T10:05:31+08:00')))).toBe('2025-03-19T18:00:00+08:00');
    expect(formatShanghai(returnDeadlineFor(calendar, at('2025-03-21T17:59:00+08:00')))).toBe('2025-03-24T18:00:00+08:00');
    expect(formatShanghai(returnDeadlineFor(calendar, at('2025-04-03T09:30:00+08:00')))).toBe('2025-04-07T18:00:00+08:00');
  });

  it('an unevaluated reply closes at 18:00 of the 5th working day after the reply day', () => {
    expect(formatShanghai(autoCloseAt(calendar, at('2025-04-02T16:20:45+08:00')))).toBe('2025-04-10T18:00:00+08:00');
  });
});

describe('deadlines — in dispatched orders', () => {
  let now = at('2025-03-18T09:42:10+08:00');
  let sim: HotlineSimulator;

  beforeAll(async () => {
    sim = await startHotlineSimulator({ apiKey: API_KEY, assignee: ASSIGNEE, webhookSecret: WEBHOOK_SECRET, now: () => now, random: seeded(7) });
  });
  afterAll(() => sim.close());

  it('the simulator delivers the README deadlines for a COMPLAINT dispatched Tue 2025-03-18 09:42:10', () => {
    const o = sim.dispatch({ category: 'COMPLAINT', urgency: 'NORMAL' });
    expect(o).toMatchObject({
      dispatchedAt: '2025-03-18T09:42:10+08:00',
      signDeadline: '2025-03-18T11:42:10+08:00',
      replyDeadline: '2025-04-09T18:00:00+08:00',
    });
    expect(o.orderNo).toMatch(/^SZ1234520250318\d{6}$/);
  });

  it('takes an explicit dispatchedAt for the deadlines and the order number', () => {
    now = at('2025-05-06T08:00:00+08:00');
    const o = sim.dispatch({ category: 'CONSULTATION', urgency: 'NORMAL', dispatchedAt: '2025-04-30T17:00:00+08:00' });
    // 1–5 May off (劳动节), 27 April was the make-up day: the 2nd working day after 30 April is 7 May.
    expect(o).toMatchObject({ dispatchedAt: '2025-04-30T17:00:00+08:00', signDeadline: '2025-05-06T10:00:00+08:00', replyDeadline: '2025-05-07T18:00:00+08:00' });
    expect(o.orderNo).toMatch(/^SZ1234520250430\d{6}$/);
  });
});
