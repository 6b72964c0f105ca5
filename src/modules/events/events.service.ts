// Who may follow which events. Decided at subscribe time and again for every event, always with
// the subscriber's own principal (the one its WebSocket connection authenticated) and
// caseReadScope, the one rule for case visibility.
import type { PrismaClient } from '../../generated/prisma/client';
import { caseReadScope, seesEveryDepartment, workOrderReadScope } from '../../auth/access-policy';
import { hasRole, type Principal } from '../../auth/principal';
import type { RequestScope } from '../../context';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors/domain-errors';
import { parseSequence, type EventBus, type HubEventTopic, type StoredHubEvent } from '../../events/event-bus';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUuid(field: string, value: string): void {
  if (!UUID.test(value)) throw new ValidationError(field, 'UUID', 'must be a UUID');
}

/** How long a per-event answer is shared by subscribers with the same scope (it is about that one event). */
const VISIBILITY_TTL_MS = 10_000;
const VISIBILITY_MAX_ENTRIES = 20_000;

export class EventSubscriptionService {
  /** (scope, case, event) → may read: one query per event and scope, however many subscribers ask. */
  private readonly visibility = new Map<string, { at: number; answer: Promise<boolean> }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
  ) {}

  /** caseUpdated: the steps of one case the caller may read. */
  async caseUpdated(scope: RequestScope, caseId: string, since: string | null | undefined): Promise<AsyncIterable<StoredHubEvent>> {
    requireUuid('caseId', caseId);
    parseSequence(since);
    await this.assertMayReadCase(scope.principal, caseId);
    scope.audit.caseIds.add(caseId);
    const { principal } = scope;
    return this.bus.subscribe({ topic: 'CASE_UPDATED', caseId }, { since, visible: (e) => this.mayReadCase(principal, e) });
  }

  /** transferStatusChanged: by transfer, by case, or both; visible while the caller may read the case. */
  async transferStatusChanged(
    scope: RequestScope,
    transferId: string | null | undefined,
    caseId: string | null | undefined,
    since: string | null | undefined,
  ): Promise<AsyncIterable<StoredHubEvent>> {
    if (!transferId && !caseId) throw new ValidationError('transferId', 'TRANSFER_OR_CASE', 'give transferId, caseId or both');
    if (transferId) requireUuid('transferId', transferId);
    if (caseId) requireUuid('caseId', caseId);
    parseSequence(since);
    let watchedCase = caseId ?? null;
    if (transferId) {
      const transfer = await this.prisma.transfer.findUnique({ where: { id: transferId }, select: { caseId: true } });
      if (!transfer) throw new NotFoundError('Transfer', transferId);
      if (caseId && transfer.caseId !== caseId) throw new ValidationError('transferId', 'TRANSFER_OF_CASE', 'is not a transfer of caseId');
      watchedCase = transfer.caseId;
    }
    await this.assertMayReadCase(scope.principal, watchedCase as string);
    scope.audit.caseIds.add(watchedCase as string);
    const { principal } = scope;
    return this.bus.subscribe(
      { topic: 'TRANSFER_STATUS_CHANGED', ...(transferId ? { transferId } : {}), ...(caseId ? { caseId } : {}) },
      { since, visible: (e) => this.mayReadCase(principal, e) },
    );
  }

  /** assistRequestUpdated: a department's own requests (asked or asking); supervisors and admins any. */
  assistRequestUpdated(scope: RequestScope, departmentCode: string, since: string | null | undefined): Promise<AsyncIterable<StoredHubEvent>> {
    const anyDepartment = hasRole(scope.principal, 'SUPERVISOR', 'ADMIN');
    return this.departmentStream(scope, 'ASSIST_REQUEST_UPDATED', departmentCode, since, anyDepartment, 'the assistance requests of your own department');
  }

  /**
   * workOrderUpdated: the orders routed to a street team. The team itself; supervisors, admins,
   * auditors, bureaus and the hotline centre any team. An order moved to another team stops
   * reaching the old team's subscribers (each event names the team it is routed to then).
   */
  workOrderUpdated(scope: RequestScope, departmentCode: string, since: string | null | undefined): Promise<AsyncIterable<StoredHubEvent>> {
    const anyTeam = Object.keys(workOrderReadScope(scope.principal)).length === 0;
    return this.departmentStream(scope, 'WORK_ORDER_UPDATED', departmentCode, since, anyTeam, 'the work orders of your own street team');
  }

  /** supervisionAlert: a department's own alerts; supervisors, auditors, admins and bureaus any department's. */
  supervisionAlert(scope: RequestScope, departmentCode: string, since: string | null | undefined): Promise<AsyncIterable<StoredHubEvent>> {
    return this.departmentStream(scope, 'SUPERVISION_ALERT', departmentCode, since, seesEveryDepartment(scope.principal), 'the supervision alerts of your own department');
  }

  /**
   * A department's events of one topic: its own department for everyone, any existing department
   * for those who watch every department; each event is handed out only if it names the department.
   */
  private async departmentStream(
    scope: RequestScope,
    topic: HubEventTopic,
    departmentCode: string,
    since: string | null | undefined,
    anyDepartment: boolean,
    what: string,
  ): Promise<AsyncIterable<StoredHubEvent>> {
    parseSequence(since);
    if (!anyDepartment && scope.principal.dept !== departmentCode) {
      throw new ForbiddenError(`you may follow ${what} only`, { rule: 'OWN_DEPARTMENT' });
    }
    if (anyDepartment) {
      const department = await this.prisma.department.findUnique({ where: { code: departmentCode }, select: { id: true } });
      if (!department) throw new NotFoundError('Department', departmentCode);
    }
    return this.bus.subscribe({ topic, departmentCode }, { since, visible: (e) => e.departmentCodes.includes(departmentCode) });
  }

  private async assertMayReadCase(principal: Principal, caseId: string): Promise<void> {
    const readable = await this.prisma.enforcementCase.findFirst({ where: { AND: [{ id: caseId }, caseReadScope(principal)] }, select: { id: true } });
    if (readable) return;
    const exists = await this.prisma.enforcementCase.count({ where: { id: caseId } });
    if (!exists) throw new NotFoundError('Case', caseId);
    throw new ForbiddenError('this case is outside your department’s scope', { rule: 'CASE_SCOPE' });
  }

  /** Asked for every event: may this principal read the event's case now? */
  private mayReadCase(principal: Principal, event: StoredHubEvent): Promise<boolean> | boolean {
    if (!event.caseId) return false;
    const where = caseReadScope(principal);
    if (Object.keys(where).length === 0) return true; // sees every case (supervision, audit, bureaus)
    const key = `${JSON.stringify(where)}|${event.caseId}|${event.seq}`;
    const now = Date.now();
    const cached = this.visibility.get(key);
    if (cached && now - cached.at < VISIBILITY_TTL_MS) return cached.answer;
    const answer = this.prisma.enforcementCase.count({ where: { AND: [{ id: event.caseId }, where] } }).then((n) => n > 0);
    answer.catch(() => this.visibility.delete(key));
    this.visibility.set(key, { at: now, answer });
    if (this.visibility.size > VISIBILITY_MAX_ENTRIES) {
      // Oldest first (insertion order): keep the newer half.
      for (const k of this.visibility.keys()) {
        if (this.visibility.size <= VISIBILITY_MAX_ENTRIES / 2) break;
        this.visibility.delete(k);
      }
    }
    return answer;
  }
}
