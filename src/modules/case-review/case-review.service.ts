// 案卷评查: a bureau reviewer or supervisor scores a closed case file against the checklist. The
// review is recorded on the case (a REVIEWED event in its hash-chained history) and a failing file
// raises a 督办 item (REVIEW_FINDING) for the handling team.
import type { CaseReview as CaseReviewRow, PrismaClient } from '../../generated/prisma/client';
import { assertMayReview } from '../../auth/access-policy';
import type { RequestScope } from '../../context';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { ForbiddenError, ValidationError } from '../../errors/domain-errors';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import type { CaseService } from '../case/case.service';
import type { SupervisionService } from '../supervision/supervision.service';
import type { CaseFileChecklistInput } from './case-review.input';
import { CaseFileGrade, CaseFileItem, type CaseFileFinding, type CaseReview } from './case-review.type';

export const CASE_FILE_POINTS: Readonly<Record<CaseFileItem, number>> = {
  FACTS: 20,
  EVIDENCE: 20,
  LEGAL_BASIS: 15,
  PROCEDURE: 20,
  DECISION: 10,
  EXECUTION: 10,
  FILE_ORDER: 5,
};

/** Files are reviewed once the case has ended. */
const REVIEWABLE = ['CLOSED', 'NOT_FILED', 'TRANSFERRED'] as const;
/** A failing file must be answered within this many working days. */
const FINDING_ANSWER_WORKING_DAYS = 10;

export function gradeOf(score: number): CaseFileGrade {
  if (score >= 90) return CaseFileGrade.EXCELLENT;
  if (score >= 75) return CaseFileGrade.GOOD;
  if (score >= 60) return CaseFileGrade.PASS;
  return CaseFileGrade.FAIL;
}

export class CaseReviewService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: CaseService,
    private readonly supervision: SupervisionService,
    private readonly events: EventBus,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async review(scope: RequestScope, caseId: string, checklist: CaseFileChecklistInput): Promise<CaseReview> {
    assertMayReview(scope.principal);
    const c = await this.cases.getCase(scope, { id: caseId });
    if (c.departmentId === scope.principal.departmentId) {
      throw new ForbiddenError('a case file is reviewed by someone outside the handling team', { rule: 'INDEPENDENT_REVIEWER' });
    }
    const findings = checkChecklist(checklist);
    const score = 100 - findings.reduce((sum, f) => sum + f.deduction, 0);
    const grade = gradeOf(score);
    const now = this.clock();
    let recorded: StoredHubEvent[] = [];
    const row = await this.prisma.$transaction(async (tx) => {
      const events = await this.cases.transitionInTransaction(
        tx,
        scope,
        c.id,
        'reviewCaseFile',
        REVIEWABLE,
        { stageAfter: c.stage, type: 'REVIEWED', payload: { score, grade, findings: findings.filter((f) => f.deduction > 0) } },
        { skipHandlerCheck: true },
      );
      const created = await tx.caseReview.create({
        data: { caseId: c.id, reviewer: scope.principal.sub, findings: findings as never, score, reviewedAt: now },
      });
      recorded = events;
      if (grade === CaseFileGrade.FAIL) {
        const item = await tx.supervisionItem.create({
          data: {
            targetType: 'CASE',
            targetId: c.id,
            reason: 'REVIEW_FINDING',
            level: 'YELLOW',
            note: `案卷评查 ${score} 分（不合格）`,
            departmentId: c.departmentId,
            issuedBy: scope.principal.sub,
            issuedAt: now,
            dueAt: this.calendar.endOfWorkingDaysAfter(now, FINDING_ANSWER_WORKING_DAYS),
          },
        });
        const target = await this.supervision.target(tx, 'CASE', c.id);
        recorded = [...recorded, await this.supervision.recordAlert(tx, item, target, 'ISSUED')];
      }
      return created;
    });
    await this.events.broadcast(recorded);
    return toView(row);
  }

  async byCase(caseId: string): Promise<CaseReview[]> {
    const rows = await this.prisma.caseReview.findMany({ where: { caseId }, orderBy: { reviewedAt: 'asc' } });
    return rows.map(toView);
  }
}

function checkChecklist(checklist: CaseFileChecklistInput): CaseFileFinding[] {
  const seen = new Set<CaseFileItem>();
  const out: CaseFileFinding[] = [];
  checklist.items.forEach((entry, i) => {
    if (seen.has(entry.item)) throw new ValidationError(`checklist.items[${i}].item`, 'UNIQUE', `lists ${entry.item} twice`);
    seen.add(entry.item);
    const max = CASE_FILE_POINTS[entry.item];
    if (!Number.isInteger(entry.deduction) || entry.deduction < 0 || entry.deduction > max) {
      throw new ValidationError(`checklist.items[${i}].deduction`, 'RANGE', `must be 0–${max} for ${entry.item}`);
    }
    const finding = entry.finding?.trim() || null;
    if (entry.deduction > 0 && !finding) throw new ValidationError(`checklist.items[${i}].finding`, 'REQUIRED', 'must say what was found when points are deducted');
    out.push({ item: entry.item, maxPoints: max, deduction: entry.deduction, finding });
  });
  const missing = (Object.keys(CASE_FILE_POINTS) as CaseFileItem[]).filter((k) => !seen.has(k));
  if (missing.length) throw new ValidationError('checklist.items', 'COMPLETE', `must cover every item; missing ${missing.join(', ')}`);
  return out;
}

function toView(row: CaseReviewRow): CaseReview {
  return { id: row.id, caseId: row.caseId, reviewer: row.reviewer, score: row.score, grade: gradeOf(row.score), findings: row.findings as unknown as CaseFileFinding[], reviewedAt: row.reviewedAt };
}
