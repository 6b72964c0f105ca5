// Every open deadline of the hub in one place (网上监督): case deadlines (行政处罚法), 协办 replies,
// 移送 steps (国务院令第310号), 12345 sign/reply deadlines and 双公示 reports. Each module keeps
// computing its own deadlines; the engine only collects the open ones and grades them against the
// warning thresholds, so the scheduler, statistics and screens agree on what is due and overdue.
import type { PrismaClient, SupervisionLevel, SupervisionTargetType } from '../../generated/prisma/client';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { caseDeadlines } from '../../domain/case-deadlines';
import type { TransferService } from '../transfer/transfer.service';

export interface OpenDeadline {
  targetType: SupervisionTargetType;
  targetId: string;
  /** e.g. FILING, DECISION, ASSIST_REPLY, APPROVAL, WORK_ORDER_SIGN, PUBLICATION */
  kind: string;
  dueAt: Date;
  /** The department that must act. */
  departmentId: string;
  /** Human reference: case number, transfer number, order number. */
  reference: string;
  caseId: string | null;
}

export interface DeadlineThresholds {
  /** Remind this long before the deadline. */
  reminderBeforeMs: number;
  /** Deadlines counted in hours (12345 signing, hand-over) are reminded this long before instead. */
  shortReminderBeforeMs: number;
  /** Past due by more than this many working days → RED (红牌). */
  redAfterWorkingDays: number;
}

export const DEFAULT_THRESHOLDS: DeadlineThresholds = {
  reminderBeforeMs: 24 * 3_600_000,
  shortReminderBeforeMs: 30 * 60_000,
  redAfterWorkingDays: 3,
};

/** Kinds whose period is a few hours: a 24 h reminder would come before the period even starts. */
const SHORT_KINDS = new Set(['WORK_ORDER_SIGN', 'HANDOVER']);

const OPEN_CASE_STAGES = ['RECEIVED', 'FILED', 'INVESTIGATING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'SERVED', 'EXECUTING'] as const;
const OPEN_TRANSFER_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'SUBMITTED', 'RECEIVED', 'UNDER_REVIEW', 'NOT_FILED'] as const;
const BATCH = 500;

export class DeadlineEngine {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly calendar: WorkingDayCalendar,
    private readonly transfers: TransferService,
    readonly thresholds: DeadlineThresholds = DEFAULT_THRESHOLDS,
  ) {}

  /** The level a deadline has reached at `now`, or null while it is not yet near. */
  level(d: Pick<OpenDeadline, 'kind' | 'dueAt'>, now: Date): SupervisionLevel | null {
    const due = d.dueAt.getTime();
    const t = now.getTime();
    if (t > due) {
      return this.calendar.workingDaysBetween(d.dueAt, now) > this.thresholds.redAfterWorkingDays ? 'RED' : 'YELLOW';
    }
    const before = SHORT_KINDS.has(d.kind) ? this.thresholds.shortReminderBeforeMs : this.thresholds.reminderBeforeMs;
    return t >= due - before ? 'REMINDER' : null;
  }

  /** Every unmet deadline, oldest due first. */
  async open(now: Date): Promise<OpenDeadline[]> {
    const out = [...(await this.caseDeadlines(now)), ...(await this.assistDeadlines()), ...(await this.transferDeadlines()), ...(await this.workOrderDeadlines()), ...(await this.publicationDeadlines())];
    return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  private async caseDeadlines(now: Date): Promise<OpenDeadline[]> {
    const out: OpenDeadline[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = await this.prisma.enforcementCase.findMany({
        where: { stage: { in: [...OPEN_CASE_STAGES] }, ...(after ? { id: { gt: after } } : {}) },
        select: {
          id: true,
          caseNo: true,
          departmentId: true,
          stage: true,
          registeredAt: true,
          filedAt: true,
          notifiedAt: true,
          decidedAt: true,
          servedAt: true,
          executedAt: true,
          closedAt: true,
          transferredAt: true,
          reviewedAt: true,
          decision: { select: { fineAmount: true } },
        },
        orderBy: { id: 'asc' },
        take: BATCH,
      });
      for (const c of rows) {
        const hasFine = c.decision !== null && Number(c.decision.fineAmount) > 0;
        for (const d of caseDeadlines({ ...c, hasFine }, now, this.calendar)) {
          // The hearing request is the party's window, not the team's.
          if (d.metAt !== null || d.kind === 'HEARING_REQUEST') continue;
          out.push({ targetType: 'CASE', targetId: c.id, kind: d.kind, dueAt: d.dueAt, departmentId: c.departmentId, reference: c.caseNo, caseId: c.id });
        }
      }
      if (rows.length < BATCH) return out;
      after = rows[rows.length - 1].id;
    }
  }

  private async assistDeadlines(): Promise<OpenDeadline[]> {
    const rows = await this.prisma.assistRequest.findMany({
      where: { status: { in: ['REQUESTED', 'ACCEPTED'] } },
      select: { id: true, dueAt: true, toDepartmentId: true, caseId: true, case: { select: { caseNo: true } } },
    });
    return rows.map((a) => ({ targetType: 'ASSIST_REQUEST', targetId: a.id, kind: 'ASSIST_REPLY', dueAt: a.dueAt, departmentId: a.toDepartmentId, reference: a.case.caseNo, caseId: a.caseId }));
  }

  private async transferDeadlines(): Promise<OpenDeadline[]> {
    const rows = await this.prisma.transfer.findMany({ where: { kind: 'JUDICIAL', status: { in: [...OPEN_TRANSFER_STATUSES] } } });
    const out: OpenDeadline[] = [];
    for (const t of rows) {
      for (const d of this.transfers.deadlines(t)) {
        if (d.metAt !== null) continue;
        // The police decision is public security's to meet; the rest are the sending team's.
        const departmentId = d.kind === 'POLICE_DECISION' && t.toDepartmentId ? t.toDepartmentId : t.fromDepartmentId;
        out.push({ targetType: 'TRANSFER', targetId: t.id, kind: d.kind, dueAt: d.dueAt, departmentId, reference: t.transferNo, caseId: t.caseId });
      }
    }
    return out;
  }

  private async workOrderDeadlines(): Promise<OpenDeadline[]> {
    const rows = await this.prisma.workOrder.findMany({
      where: { status: { in: ['DISPATCHED', 'SIGNED'] }, departmentId: { not: null } },
      select: { id: true, orderNo: true, status: true, signDeadline: true, replyDeadline: true, departmentId: true, caseId: true },
    });
    const out: OpenDeadline[] = [];
    for (const o of rows) {
      const base = { targetType: 'WORK_ORDER' as const, targetId: o.id, departmentId: o.departmentId as string, reference: o.orderNo, caseId: o.caseId };
      if (o.status === 'DISPATCHED') out.push({ ...base, kind: 'WORK_ORDER_SIGN', dueAt: o.signDeadline });
      out.push({ ...base, kind: 'WORK_ORDER_REPLY', dueAt: o.replyDeadline });
    }
    return out;
  }

  private async publicationDeadlines(): Promise<OpenDeadline[]> {
    const rows = await this.prisma.penaltyPublication.findMany({
      where: { status: 'PENDING' },
      select: { id: true, dueAt: true, decision: { select: { case: { select: { id: true, caseNo: true, departmentId: true } } } } },
    });
    return rows.map((p) => ({
      targetType: 'PENALTY_PUBLICATION',
      targetId: p.id,
      kind: 'PUBLICATION',
      dueAt: p.dueAt,
      departmentId: p.decision.case.departmentId,
      reference: p.decision.case.caseNo,
      caseId: p.decision.case.id,
    }));
  }
}
