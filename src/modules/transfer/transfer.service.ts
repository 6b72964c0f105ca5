// 网上移送 and 移交. Judicial transfers follow 国务院令第310号: the head approves within 3 working
// days, the four mandatory materials go with it, and it is handed over within 24 hours. Nothing
// is sent from the user's request: submitting commits the transfer, the case's new stage and an
// outbox message in one transaction; src/modules/transfer/transfer-delivery.ts delivers it.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, Transfer, TransferStatus } from '../../generated/prisma/client';
import type { MaterialKind } from '../../generated/prisma/enums';
import type { RequestScope } from '../../context';
import { hasRole } from '../../auth/principal';
import type { WorkingDayCalendar } from '../../domain/calendar';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import {
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '../../errors/domain-errors';
import { enqueueOutbox } from '../../outbox/outbox';
import type { CaseService } from '../case/case.service';
import type { CreateTransferInput, HandOverInput, TransferMaterialInput } from './transfer.input';
import { TransferDeadlineKind, type TransferDeadline } from './transfer.type';

type Tx = Prisma.TransactionClient;

export const MANDATORY_MATERIALS: readonly MaterialKind[] = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT'];
export const TRANSFER_TOPICS = {
  submit: 'case-transfer.submit',
  withdraw: 'case-transfer.withdraw',
  reconsider: 'case-transfer.reconsider',
  supplement: 'case-transfer.supplement',
} as const;

/** Stages in which a crime may be found and the case transferred (行政处罚法 Art. 27, 57). */
const TRANSFERABLE_STAGES = ['FILED', 'INVESTIGATING', 'NOTIFIED', 'LEGAL_REVIEW'] as const;
/** Transfers that still bind the case: a second judicial transfer is refused meanwhile. */
const ACTIVE: TransferStatus[] = [
  'PENDING_APPROVAL',
  'APPROVED',
  'SUBMITTED',
  'RECEIVED',
  'UNDER_REVIEW',
  'RETURNED',
  'NOT_FILED',
  'RECONSIDERATION_REQUESTED',
];
/** Statuses after which the platform will not move a transfer any more. */
export const FINAL_PLATFORM: TransferStatus[] = ['FILED', 'RECONSIDERED_FILED', 'RECONSIDERED_UPHELD', 'WITHDRAWN'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransferServiceOptions {
  maxMaterialBytes: number;
}

export interface TransferFilter {
  caseId?: string | null;
  status?: TransferStatus[] | null;
  overdue?: boolean | null;
}

export class TransferService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: CaseService,
    private readonly events: EventBus,
    private readonly calendar: WorkingDayCalendar,
    private readonly options: TransferServiceOptions,
    private readonly onOutbox: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  // ───────────── reads ─────────────

  async get(scope: RequestScope, id: string): Promise<Transfer> {
    if (!UUID.test(id)) throw new ValidationError('id', 'UUID', 'must be a UUID');
    const t = await this.prisma.transfer.findUnique({ where: { id } });
    if (!t) throw new NotFoundError('Transfer', id);
    await this.cases.getCase(scope, { id: t.caseId });
    return t;
  }

  async list(scope: RequestScope, filter: TransferFilter): Promise<Transfer[]> {
    if (filter.caseId) {
      const c = await this.cases.getCase(scope, { id: filter.caseId });
      return this.applyFilter(await this.prisma.transfer.findMany({ where: { caseId: c.id }, orderBy: { requestedAt: 'asc' } }), filter);
    }
    const visible = await this.prisma.transfer.findMany({
      where: {
        case: { is: this.cases.readScope(scope) },
        ...(filter.status?.length ? { status: { in: filter.status } } : {}),
      },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      take: 500,
    });
    for (const t of visible) scope.audit.caseIds.add(t.caseId);
    return this.applyFilter(visible, filter);
  }

  private applyFilter(list: Transfer[], filter: TransferFilter): Transfer[] {
    return filter.overdue ? list.filter((t) => this.deadlines(t).some((d) => d.overdue && d.metAt === null)) : list;
  }

  /** The outbox messages of a transfer: what was sent, what waits, what died. */
  deliveries(transferId: string) {
    return this.prisma.outboxMessage.findMany({ where: { aggregateType: 'Transfer', aggregateId: transferId }, orderBy: { seq: 'asc' } });
  }

  missingMaterials(materials: { kind: MaterialKind }[]): MaterialKind[] {
    const present = new Set(materials.map((m) => m.kind));
    return MANDATORY_MATERIALS.filter((k) => !present.has(k));
  }

  /** Deadlines of 国务院令第310号, on the working-day calendar. */
  deadlines(t: Transfer): TransferDeadline[] {
    const now = this.clock();
    const out: TransferDeadline[] = [];
    const push = (kind: TransferDeadlineKind, dueAt: Date, metAt: Date | null) => {
      out.push({ kind, dueAt, metAt, overdue: metAt ? metAt.getTime() > dueAt.getTime() : now.getTime() > dueAt.getTime() });
    };
    if (t.kind !== 'JUDICIAL') return out;
    const decidedApproval = t.approvedAt ?? (t.status === 'REJECTED' ? t.updatedAt : null);
    push(TransferDeadlineKind.APPROVAL, this.calendar.endOfWorkingDaysAfter(t.requestedAt, 3), decidedApproval);
    if (t.approvedAt) push(TransferDeadlineKind.HANDOVER, new Date(t.approvedAt.getTime() + 24 * 3600_000), t.submittedAt);
    if (t.receivedAt) push(TransferDeadlineKind.POLICE_DECISION, t.decisionDueAt ?? this.calendar.endOfWorkingDaysAfter(t.receivedAt, 3), t.decidedAt);
    if (t.status === 'NOT_FILED' && t.reconsiderationDeadline) push(TransferDeadlineKind.RECONSIDERATION, t.reconsiderationDeadline, null);
    return out;
  }

  // ───────────── judicial transfer steps ─────────────

  /** 移送 request: drafted by the transfer officer, waiting for the head's approval. */
  async createTransfer(scope: RequestScope, caseId: string, input: CreateTransferInput): Promise<Transfer> {
    if (!hasRole(scope.principal, 'TRANSFER_OFFICER')) {
      throw new ForbiddenError('transfers to judicial organs are prepared by a TRANSFER_OFFICER', { requiredRole: 'TRANSFER_OFFICER' });
    }
    const c = await this.cases.getCase(scope, { id: caseId });
    if (c.departmentId !== scope.principal.departmentId) {
      throw new ForbiddenError('only the handling department may transfer this case', { rule: 'HANDLING_DEPARTMENT' });
    }
    if (!(TRANSFERABLE_STAGES as readonly string[]).includes(c.stage)) {
      throw new IllegalTransitionError('createTransfer', c.stage, TRANSFERABLE_STAGES);
    }
    const receiving = await this.prisma.department.findUnique({ where: { code: input.receivingDepartmentCode } });
    if (!receiving || (receiving.kind !== 'PUBLIC_SECURITY' && receiving.kind !== 'PROCURATORATE')) {
      throw new ValidationError('receivingDepartmentCode', 'JUDICIAL_ORGAN', 'must be a public-security or procuratorate department');
    }
    const now = this.clock();
    const { transfer, events } = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `transfer:case:${c.id}`);
      const active = await tx.transfer.findFirst({ where: { caseId: c.id, kind: 'JUDICIAL', status: { in: ACTIVE } } });
      if (active) {
        throw new PreconditionError('TRANSFER_IN_PROGRESS', `the case already has transfer ${active.transferNo} in progress`, {
          transferId: active.id,
        });
      }
      const from = await tx.department.findUniqueOrThrow({ where: { id: c.departmentId } });
      const transferNo = await nextTransferNo(tx, from.street ?? from.code, now);
      const transfer = await tx.transfer.create({
        data: {
          caseId: c.id,
          kind: 'JUDICIAL',
          transferNo,
          fromDepartmentId: c.departmentId,
          toDepartmentId: receiving.id,
          receivingUnit: receiving.name,
          suspectedCharges: input.suspectedCharges,
          facts: input.facts,
          amountInvolved: input.amountInvolved ?? null,
          status: 'PENDING_APPROVAL',
          requestedBy: scope.principal.sub,
          requestedAt: now,
        },
      });
      return { transfer, events: await this.afterChange(tx, scope, transfer, 'PENDING_APPROVAL', now, { step: 'REQUESTED' }) };
    });
    await this.events.broadcast(events);
    return transfer;
  }

  /** A file for the transfer: content stored once by its SHA-256, size limited. */
  async attachMaterial(scope: RequestScope, transferId: string, input: TransferMaterialInput) {
    const t = await this.get(scope, transferId);
    this.assertTransferOfficer(scope, t);
    const allowed: TransferStatus[] = ['DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'RETURNED', 'NOT_FILED'];
    if (!allowed.includes(t.status)) throw new IllegalTransitionError('attachTransferMaterial', t.status, allowed);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64) || input.contentBase64.length % 4 !== 0) {
      throw new ValidationError('contentBase64', 'BASE64', 'is not base64');
    }
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new ValidationError('contentBase64', 'NOT_EMPTY', 'the file is empty');
    if (content.length > this.options.maxMaterialBytes) {
      throw new ValidationError('contentBase64', 'MAX_SIZE', `the file has ${content.length} bytes; the limit is ${this.options.maxMaterialBytes}`);
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (input.sha256 && input.sha256 !== sha256) {
      throw new ValidationError('sha256', 'CONTENT_HASH', `the content hashes to ${sha256}, not ${input.sha256}`);
    }
    const now = this.clock();
    const { material, events } = await this.prisma.$transaction(async (tx) => {
      await tx.storedFile.upsert({ where: { sha256 }, update: {}, create: { sha256, size: content.length, contentType: input.contentType, content } });
      const material = await tx.transferMaterial.create({
        data: {
          transferId: t.id,
          kind: input.kind,
          fileName: input.fileName,
          contentType: input.contentType,
          sha256,
          size: content.length,
          storagePath: `db:StoredFile/${sha256}`,
          createdAt: now,
        },
      });
      const events = await this.caseStep(tx, scope, t.caseId, { step: 'MATERIAL_ATTACHED', transferId: t.id, kind: input.kind, sha256, size: content.length });
      return { material, events };
    });
    await this.events.broadcast(events);
    return material;
  }

  /** 负责人审批: within 3 working days of the request; approval or refusal with reasons. */
  async approveTransfer(scope: RequestScope, transferId: string, approve: boolean, comment: string | null): Promise<Transfer> {
    if (!hasRole(scope.principal, 'SUPERVISOR')) {
      throw new ForbiddenError('a transfer is approved by the head (SUPERVISOR)', { requiredRole: 'SUPERVISOR' });
    }
    if (!approve && (!comment || comment.trim().length < 5)) {
      throw new ValidationError('comment', 'REASON_REQUIRED', 'a refusal needs its reasons (at least 5 characters)');
    }
    const t = await this.get(scope, transferId);
    const now = this.clock();
    const status: TransferStatus = approve ? 'APPROVED' : 'REJECTED';
    return this.change(scope, t, 'approveTransfer', ['PENDING_APPROVAL'], now, {
      data: approve ? { status, approvedBy: scope.principal.sub, approvedAt: now } : { status, returnReason: comment },
      detail: { step: approve ? 'APPROVED' : 'NOT_APPROVED', comment },
    });
  }

  /** 移送: refused while a mandatory material is missing; otherwise committed with its outbox message. */
  async submitTransfer(scope: RequestScope, transferId: string): Promise<Transfer> {
    const t = await this.get(scope, transferId);
    this.assertTransferOfficer(scope, t);
    if (t.status !== 'APPROVED') throw new IllegalTransitionError('submitTransfer', t.status, ['APPROVED']);
    const materials = await this.prisma.transferMaterial.findMany({ where: { transferId: t.id } });
    const missing = this.missingMaterials(materials);
    if (missing.length) {
      throw new PreconditionError('MATERIALS_MISSING', `mandatory materials are missing: ${missing.join(', ')} (国务院令第310号 Art. 6)`, {
        missingKinds: missing,
      });
    }
    const now = this.clock();
    const result = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.transfer.updateMany({ where: { id: t.id, status: 'APPROVED' }, data: { status: 'SUBMITTED', submittedAt: now } });
      if (moved.count === 0) throw new IllegalTransitionError('submitTransfer', (await tx.transfer.findUniqueOrThrow({ where: { id: t.id } })).status, ['APPROVED']);
      const updated = await tx.transfer.findUniqueOrThrow({ where: { id: t.id } });
      await enqueueOutbox(tx, {
        topic: TRANSFER_TOPICS.submit,
        aggregateType: 'Transfer',
        aggregateId: t.id,
        idempotencyKey: `transfer:${t.id}:submit`,
        payload: { transferId: t.id },
      });
      await tx.transferStatusChange.create({ data: { transferId: t.id, status: 'SUBMITTED', occurredAt: now, detail: { step: 'SUBMITTED' } } });
      const caseEvents = await this.cases.transitionInTransaction(tx, scope, t.caseId, 'submitTransfer', TRANSFERABLE_STAGES, {
        stageAfter: 'TRANSFERRED',
        type: 'TRANSFERRED',
        payload: { step: 'SUBMITTED', transferId: t.id, transferNo: t.transferNo, receivingUnit: t.receivingUnit, materials: materials.length },
        data: { transferredAt: now },
      }, { skipHandlerCheck: true });
      const transferEvent = await this.recordTransferEvent(tx, updated, now, { step: 'SUBMITTED' });
      return { updated, events: [...caseEvents, transferEvent] };
    });
    await this.events.broadcast(result.events);
    this.onOutbox();
    return result.updated;
  }

  /** 撤回: before approval it is local; once submitted the platform is asked (it allows RECEIVED only). */
  async withdrawTransfer(scope: RequestScope, transferId: string, reason: string): Promise<Transfer> {
    if (reason.trim().length < 5) throw new ValidationError('reason', 'MIN_LENGTH', 'must give a reason of at least 5 characters');
    const t = await this.get(scope, transferId);
    this.assertTransferOfficer(scope, t);
    const now = this.clock();
    if (t.status === 'PENDING_APPROVAL' || t.status === 'APPROVED') {
      return this.change(scope, t, 'withdrawTransfer', ['PENDING_APPROVAL', 'APPROVED'], now, {
        data: { status: 'WITHDRAWN' },
        detail: { step: 'WITHDRAWN', reason },
      });
    }
    return this.enqueuePlatformStep(scope, t, 'withdrawTransfer', ['SUBMITTED', 'RECEIVED'], TRANSFER_TOPICS.withdraw, { reason });
  }

  /** 复议: after NOT_FILED, before the platform's deadline (3 working days). */
  async requestReconsideration(scope: RequestScope, transferId: string, reason: string): Promise<Transfer> {
    if (reason.trim().length < 10) throw new ValidationError('reason', 'MIN_LENGTH', 'must give the grounds (at least 10 characters)');
    const t = await this.get(scope, transferId);
    this.assertTransferOfficer(scope, t);
    const now = this.clock();
    if (t.status === 'NOT_FILED' && t.reconsiderationDeadline && now.getTime() > t.reconsiderationDeadline.getTime()) {
      throw new PreconditionError('RECONSIDERATION_DEADLINE_PASSED', `reconsideration could be requested until ${t.reconsiderationDeadline.toISOString()}`, {
        deadline: t.reconsiderationDeadline.toISOString(),
      });
    }
    const extra = await this.newMaterialIds(t);
    return this.enqueuePlatformStep(scope, t, 'requestReconsideration', ['NOT_FILED'], TRANSFER_TOPICS.reconsider, { reason, materialIds: extra });
  }

  /** 补充材料 after RETURNED: the materials attached since the return go with it. */
  async supplementTransfer(scope: RequestScope, transferId: string, note: string | null): Promise<Transfer> {
    const t = await this.get(scope, transferId);
    this.assertTransferOfficer(scope, t);
    const extra = await this.newMaterialIds(t);
    if (t.status === 'RETURNED' && extra.length === 0) {
      throw new PreconditionError('NO_NEW_MATERIALS', 'attach the missing materials before sending the supplement');
    }
    return this.enqueuePlatformStep(scope, t, 'supplementTransfer', ['RETURNED'], TRANSFER_TOPICS.supplement, { note, materialIds: extra });
  }

  // ───────────── internal hand-over (移交) ─────────────

  async handOverCase(scope: RequestScope, caseId: string, input: HandOverInput): Promise<Transfer> {
    const c = await this.cases.getCase(scope, { id: caseId });
    this.cases.assertMayHandle(scope, c);
    const to = await this.prisma.department.findUnique({ where: { code: input.toDepartmentCode } });
    if (!to) throw new ValidationError('toDepartmentCode', 'UNKNOWN_DEPARTMENT', `no department ${input.toDepartmentCode}`);
    if (to.id === c.departmentId) throw new ValidationError('toDepartmentCode', 'OTHER_DEPARTMENT', 'the case is already handled there');
    if (to.kind === 'PUBLIC_SECURITY' || to.kind === 'PROCURATORATE') {
      throw new ValidationError('toDepartmentCode', 'NOT_JUDICIAL', 'suspected crimes go through createTransfer (两法衔接)');
    }
    const handOverStages = ['RECEIVED', 'FILED', 'INVESTIGATING'];
    if (!handOverStages.includes(c.stage)) throw new IllegalTransitionError('handOverCase', c.stage, handOverStages);
    const now = this.clock();
    const { transfer, events } = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `transfer:case:${c.id}`);
      const pending = await tx.transfer.findFirst({ where: { caseId: c.id, kind: 'INTERNAL', status: 'SUBMITTED' } });
      if (pending) throw new PreconditionError('HANDOVER_IN_PROGRESS', `the case is already being handed to another department`, { transferId: pending.id });
      const from = await tx.department.findUniqueOrThrow({ where: { id: c.departmentId } });
      const transfer = await tx.transfer.create({
        data: {
          caseId: c.id,
          kind: 'INTERNAL',
          transferNo: await nextHandOverNo(tx, from.code, now),
          fromDepartmentId: c.departmentId,
          toDepartmentId: to.id,
          receivingUnit: to.name,
          suspectedCharges: [],
          facts: input.reason,
          status: 'SUBMITTED',
          requestedBy: scope.principal.sub,
          requestedAt: now,
          submittedAt: now,
        },
      });
      return { transfer, events: await this.afterChange(tx, scope, transfer, 'SUBMITTED', now, { step: 'HANDOVER_REQUESTED', toDepartmentCode: to.code, reason: input.reason }) };
    });
    await this.events.broadcast(events);
    return transfer;
  }

  /** The receiving department accepts: it becomes the handling department. */
  async acceptHandOver(scope: RequestScope, transferId: string): Promise<Transfer> {
    const t = await this.internalForReceiver(scope, transferId);
    const now = this.clock();
    if (t.status !== 'SUBMITTED') throw new IllegalTransitionError('acceptHandOver', t.status, ['SUBMITTED']);
    const result = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.transfer.updateMany({ where: { id: t.id, status: 'SUBMITTED' }, data: { status: 'ACCEPTED', decidedAt: now } });
      if (moved.count === 0) throw new IllegalTransitionError('acceptHandOver', 'changed', ['SUBMITTED']);
      const updated = await tx.transfer.findUniqueOrThrow({ where: { id: t.id } });
      await tx.transferStatusChange.create({ data: { transferId: t.id, status: 'ACCEPTED', occurredAt: now } });
      const c = await tx.enforcementCase.findUniqueOrThrow({ where: { id: t.caseId } });
      const caseEvents = await this.cases.transitionInTransaction(
        tx,
        scope,
        t.caseId,
        'acceptHandOver',
        [c.stage],
        { stageAfter: c.stage, type: 'HANDED_OVER', payload: { transferId: t.id, fromDepartmentId: t.fromDepartmentId, toDepartmentId: t.toDepartmentId }, data: { departmentId: t.toDepartmentId as string } },
        { skipHandlerCheck: true },
      );
      return { updated, events: [...caseEvents, await this.recordTransferEvent(tx, updated, now, { step: 'HANDOVER_ACCEPTED' })] };
    });
    await this.events.broadcast(result.events);
    return result.updated;
  }

  /** The receiving department returns it with reasons; the case stays where it was. */
  async returnHandOver(scope: RequestScope, transferId: string, reason: string): Promise<Transfer> {
    if (reason.trim().length < 5) throw new ValidationError('reason', 'MIN_LENGTH', 'must give reasons (at least 5 characters)');
    const t = await this.internalForReceiver(scope, transferId);
    return this.change(scope, t, 'returnHandOver', ['SUBMITTED'], this.clock(), {
      data: { status: 'REJECTED', returnReason: reason, decidedAt: this.clock() },
      detail: { step: 'HANDOVER_RETURNED', reason },
    });
  }

  // ───────────── helpers ─────────────

  private async internalForReceiver(scope: RequestScope, transferId: string): Promise<Transfer> {
    if (!UUID.test(transferId)) throw new ValidationError('transferId', 'UUID', 'must be a UUID');
    const t = await this.prisma.transfer.findUnique({ where: { id: transferId } });
    if (!t || t.kind !== 'INTERNAL') throw new NotFoundError('HandOver', transferId);
    if (t.toDepartmentId !== scope.principal.departmentId || !hasRole(scope.principal, 'OFFICER', 'PARTNER')) {
      throw new ForbiddenError('only the receiving department answers a hand-over', { rule: 'RECEIVING_DEPARTMENT' });
    }
    scope.audit.caseIds.add(t.caseId);
    return t;
  }

  private assertTransferOfficer(scope: RequestScope, t: Transfer): void {
    if (!hasRole(scope.principal, 'TRANSFER_OFFICER') || scope.principal.departmentId !== t.fromDepartmentId) {
      throw new ForbiddenError('a TRANSFER_OFFICER of the transferring department takes this step', { requiredRole: 'TRANSFER_OFFICER' });
    }
  }

  /** Materials attached since the transfer was last submitted or returned (for supplement and reconsideration). */
  private async newMaterialIds(t: Transfer): Promise<string[]> {
    const since = await this.prisma.transferStatusChange.findFirst({
      where: { transferId: t.id, status: { in: ['RETURNED', 'NOT_FILED', 'SUBMITTED'] } },
      orderBy: { recordedAt: 'desc' },
    });
    const materials = await this.prisma.transferMaterial.findMany({
      where: { transferId: t.id, ...(since ? { createdAt: { gt: since.recordedAt } } : {}) },
      orderBy: { createdAt: 'asc' },
    });
    return materials.map((m) => m.id);
  }

  private async enqueuePlatformStep(
    scope: RequestScope,
    t: Transfer,
    action: string,
    allowedFrom: TransferStatus[],
    topic: string,
    payload: Record<string, unknown>,
  ): Promise<Transfer> {
    if (!allowedFrom.includes(t.status)) throw new IllegalTransitionError(action, t.status, allowedFrom);
    const events = await this.prisma.$transaction(async (tx) => {
      const fresh = await tx.transfer.findUniqueOrThrow({ where: { id: t.id } });
      if (!allowedFrom.includes(fresh.status)) throw new IllegalTransitionError(action, fresh.status, allowedFrom);
      const count = await tx.outboxMessage.count({ where: { aggregateType: 'Transfer', aggregateId: t.id, topic } });
      await enqueueOutbox(tx, {
        topic,
        aggregateType: 'Transfer',
        aggregateId: t.id,
        idempotencyKey: `transfer:${t.id}:${topic.split('.')[1]}:${count + 1}`,
        payload: { transferId: t.id, ...payload } as Prisma.InputJsonValue,
      });
      return this.caseStep(tx, scope, t.caseId, { step: action, transferId: t.id, ...payload });
    });
    await this.events.broadcast(events);
    this.onOutbox();
    return this.prisma.transfer.findUniqueOrThrow({ where: { id: t.id } });
  }

  private async change(
    scope: RequestScope,
    t: Transfer,
    action: string,
    allowedFrom: TransferStatus[],
    now: Date,
    change: { data: Prisma.TransferUpdateManyMutationInput & { status: TransferStatus }; detail: Record<string, unknown> },
  ): Promise<Transfer> {
    if (!allowedFrom.includes(t.status)) throw new IllegalTransitionError(action, t.status, allowedFrom);
    const result = await this.prisma.$transaction(async (tx) => {
      const moved = await tx.transfer.updateMany({ where: { id: t.id, status: { in: allowedFrom } }, data: change.data });
      if (moved.count === 0) {
        throw new IllegalTransitionError(action, (await tx.transfer.findUniqueOrThrow({ where: { id: t.id } })).status, allowedFrom);
      }
      const updated = await tx.transfer.findUniqueOrThrow({ where: { id: t.id } });
      const events = await this.afterChange(tx, scope, updated, change.data.status, now, change.detail);
      return { updated, events };
    });
    await this.events.broadcast(result.events);
    return result.updated;
  }

  /** History row, case event and subscriber event for a transfer's new status. */
  private async afterChange(
    tx: Tx,
    scope: RequestScope,
    t: Transfer,
    status: TransferStatus,
    now: Date,
    detail: Record<string, unknown>,
  ): Promise<StoredHubEvent[]> {
    await tx.transferStatusChange.create({ data: { transferId: t.id, status, occurredAt: now, detail: detail as Prisma.InputJsonValue } });
    const caseEvents = await this.caseStep(tx, scope, t.caseId, { transferId: t.id, transferNo: t.transferNo, status, ...detail });
    return [...caseEvents, await this.recordTransferEvent(tx, t, now, detail)];
  }

  /**
   * Every transfer step is recorded in the case history, without changing the case's stage. Who may
   * take the step was decided by this service (transfer officer, head, receiving department).
   */
  private async caseStep(tx: Tx, scope: RequestScope, caseId: string, payload: Record<string, unknown>) {
    const c = await tx.enforcementCase.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true } });
    return this.cases.transitionInTransaction(tx, scope, caseId, 'transferStep', [c.stage], { stageAfter: c.stage, type: 'TRANSFERRED', payload }, { skipHandlerCheck: true });
  }

  async recordTransferEvent(tx: Tx, t: Transfer, now: Date, detail: Record<string, unknown>): Promise<StoredHubEvent> {
    const [from, to] = await Promise.all([
      tx.department.findUniqueOrThrow({ where: { id: t.fromDepartmentId } }),
      t.toDepartmentId ? tx.department.findUnique({ where: { id: t.toDepartmentId } }) : Promise.resolve(null),
    ]);
    return this.events.record(tx, {
      topic: 'TRANSFER_STATUS_CHANGED',
      caseId: t.caseId,
      transferId: t.id,
      departmentCodes: [from.code, ...(to ? [to.code] : [])],
      payload: {
        transferId: t.id,
        caseId: t.caseId,
        transferNo: t.transferNo,
        status: t.status,
        platformSequence: t.sequence,
        occurredAt: now.toISOString(),
        detail,
      },
    });
  }
}

/** 移送文书号 per street and year, in the platform's example form: 深龙华观湖移〔2026〕3号. */
async function nextTransferNo(tx: Tx, street: string, now: Date): Promise<string> {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const prefix = `深龙华${street}移〔${year}〕`;
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `transferNo:${prefix}`);
  const numbers = await tx.transfer.findMany({ where: { transferNo: { startsWith: prefix } }, select: { transferNo: true } });
  const max = numbers.reduce((m, x) => Math.max(m, Number(x.transferNo.slice(prefix.length).replace('号', '')) || 0), 0);
  return `${prefix}${max + 1}号`;
}

/** 移交函号 per department and year. */
async function nextHandOverNo(tx: Tx, departmentCode: string, now: Date): Promise<string> {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  const prefix = `YJ-${departmentCode}-${year}-`;
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `handOverNo:${prefix}`);
  const last = await tx.transfer.findFirst({ where: { transferNo: { startsWith: prefix } }, orderBy: { transferNo: 'desc' } });
  const n = last ? Number(last.transferNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

