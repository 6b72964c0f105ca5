// The platform side of 网上移送: outbox handlers that upload materials and push transfers with
// idempotency keys, signed status callbacks, and a reconciliation poller for missed callbacks.
// A status only moves forward: an event is applied when its sequence is above the stored one.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, Transfer, TransferMaterial, TransferStatus } from '../../generated/prisma/client';
import type { CaseTransferConnector, Material, StatusDetail, TransferRequest } from '../../../connectors/case-transfer';
import { CaseTransferError, IDEMPOTENCY_KEY_PATTERN, formatShanghai, parseStatusCallback, verifyCallbackSignature } from '../../../connectors/case-transfer';
import type { Principal } from '../../auth/principal';
import type { RequestScope } from '../../context';
import type { WorkingDayCalendar } from '../../domain/calendar';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import { PermanentOutboxError, type OutboxHandler } from '../../outbox/outbox';
import type { CaseService } from '../case/case.service';
import { FINAL_PLATFORM, TRANSFER_TOPICS, type TransferService } from './transfer.service';
import { PeriodicTask } from '../../workers/periodic-task';
import { receiveOnce } from '../../events/receive-once';

type Tx = Prisma.TransactionClient;

export interface PlatformStatus {
  platformTransferId: string;
  transferNo?: string;
  status: TransferStatus;
  sequence: number;
  occurredAt: Date;
  detail: StatusDetail & Record<string, unknown>;
  eventId?: string | null;
}

export interface CallbackAnswer {
  status: number;
  body: Record<string, unknown>;
}

interface Logger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

const PARTY_ROLE = 'SUSPECT' as const;

export class TransferDelivery {
  /** Last platform updatedAt seen by reconciliation (per instance; overlap makes it safe). */
  private reconcileCursor: Date;
  private readonly reconcileTask: PeriodicTask;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly connector: CaseTransferConnector,
    private readonly transfers: TransferService,
    private readonly cases: CaseService,
    private readonly events: EventBus,
    private readonly calendar: WorkingDayCalendar,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.reconcileCursor = new Date(this.clock().getTime() - 24 * 3600_000);
    this.reconcileTask = new PeriodicTask('case-transfer reconciliation', () => this.reconcile(), logger);
  }

  handlers(): Record<string, OutboxHandler> {
    return {
      [TRANSFER_TOPICS.submit]: (m) => this.deliverSubmit((m.payload as { transferId: string }).transferId, platformIdempotencyKey(m.idempotencyKey)),
      [TRANSFER_TOPICS.withdraw]: (m) => this.deliverAction(m.payload as unknown as ActionPayload, platformIdempotencyKey(m.idempotencyKey), 'withdraw'),
      [TRANSFER_TOPICS.reconsider]: (m) => this.deliverAction(m.payload as unknown as ActionPayload, platformIdempotencyKey(m.idempotencyKey), 'reconsider'),
      [TRANSFER_TOPICS.supplement]: (m) => this.deliverAction(m.payload as unknown as ActionPayload, platformIdempotencyKey(m.idempotencyKey), 'supplement'),
    };
  }

  // ───────────── outbox handlers ─────────────

  /** Uploads every material not yet uploaded, then creates the transfer with the message's idempotency key. */
  private async deliverSubmit(transferId: string, idempotencyKey: string): Promise<Prisma.InputJsonValue> {
    const t = await this.prisma.transfer.findUniqueOrThrow({ where: { id: transferId } });
    if (t.platformTransferId) return { transferId: t.platformTransferId, alreadyDelivered: true };
    const materials = await this.uploadAll(await this.prisma.transferMaterial.findMany({ where: { transferId }, orderBy: { createdAt: 'asc' } }));
    const request = await this.buildRequest(t, materials);
    let platformTransferId: string;
    let receivedAt: Date;
    try {
      const accepted = await this.connector.client.createTransfer(request, idempotencyKey);
      platformTransferId = accepted.transferId;
      receivedAt = new Date(accepted.receivedAt);
    } catch (err) {
      // A transfer number already used by an earlier delivery of ours (e.g. after a lost answer) is adopted.
      if (err instanceof CaseTransferError && err.upstreamCode === 'DUPLICATE_TRANSFER_NO' && err.existingTransferId) {
        const existing = await this.connector.client.getTransfer(err.existingTransferId);
        if (!existing) throw err;
        platformTransferId = existing.transferId;
        receivedAt = new Date(existing.receivedAt);
      } else if (err instanceof CaseTransferError && err.upstreamCode && ['MATERIALS_INCOMPLETE', 'MATERIAL_MISMATCH', 'INVALID_ARGUMENT'].includes(err.upstreamCode)) {
        throw new PermanentOutboxError(`platform refused the transfer: ${err.upstreamCode}${err.missingKinds ? ` (${err.missingKinds.join(', ')})` : ''}`);
      } else {
        throw err;
      }
    }
    await this.prisma.transfer.updateMany({ where: { id: t.id, platformTransferId: null }, data: { platformTransferId } });
    await this.applyPlatformStatus({ platformTransferId, status: 'RECEIVED', sequence: 1, occurredAt: receivedAt, detail: {} });
    return { transferId: platformTransferId };
  }

  private async deliverAction(payload: ActionPayload, idempotencyKey: string, action: 'withdraw' | 'reconsider' | 'supplement'): Promise<Prisma.InputJsonValue> {
    const t = await this.prisma.transfer.findUniqueOrThrow({ where: { id: payload.transferId } });
    if (!t.platformTransferId) throw new Error('the transfer has not reached the platform yet');
    const client = this.connector.client;
    const extra = payload.materialIds?.length
      ? await this.uploadAll(await this.prisma.transferMaterial.findMany({ where: { id: { in: payload.materialIds } }, orderBy: { createdAt: 'asc' } }))
      : [];
    const materials: Material[] = extra.map(toMaterial);
    try {
      const outcome =
        action === 'withdraw'
          ? await client.withdrawTransfer(t.platformTransferId, { reason: payload.reason ?? '撤回' }, idempotencyKey)
          : action === 'reconsider'
            ? await client.requestReconsideration(t.platformTransferId, { reason: payload.reason ?? '', ...(materials.length ? { materials } : {}) }, idempotencyKey)
            : await client.supplementMaterials(t.platformTransferId, { materials, ...(payload.note ? { note: payload.note } : {}) }, idempotencyKey);
      await this.applyPlatformStatus({
        platformTransferId: t.platformTransferId,
        status: outcome.status as TransferStatus,
        sequence: outcome.sequence,
        occurredAt: new Date(outcome.at),
        detail: {},
      });
      return { status: outcome.status, sequence: outcome.sequence };
    } catch (err) {
      if (err instanceof CaseTransferError && (err.upstreamCode === 'INVALID_STATE' || err.upstreamCode === 'DEADLINE_PASSED')) {
        throw new PermanentOutboxError(`platform refused ${action}: ${err.upstreamCode}`);
      }
      throw err;
    }
  }

  private async uploadAll(materials: TransferMaterial[]): Promise<TransferMaterial[]> {
    const out: TransferMaterial[] = [];
    for (const m of materials) {
      if (m.uploadId) {
        out.push(m);
        continue;
      }
      const file = await this.prisma.storedFile.findUniqueOrThrow({ where: { sha256: m.sha256 } });
      const upload = await this.connector.client.uploadMaterial({
        fileName: m.fileName,
        contentType: m.contentType,
        content: Buffer.from(file.content),
        sha256: m.sha256,
      });
      // The first recorded upload wins: a worker whose lease ran out may still be uploading the same
      // file while another delivers the message. Both must then send the same uploadId, or the
      // platform refuses the second createTransfer (same Idempotency-Key, other body → 409
      // IDEMPOTENCY_CONFLICT). An upload not recorded is never referenced and expires at the platform.
      await this.prisma.transferMaterial.updateMany({ where: { id: m.id, uploadId: null }, data: { uploadId: upload.uploadId } });
      out.push(await this.prisma.transferMaterial.findUniqueOrThrow({ where: { id: m.id } }));
    }
    return out;
  }

  /** The platform's request body, built only from stored data so a redelivery is byte-identical. */
  private async buildRequest(t: Transfer, materials: TransferMaterial[]): Promise<TransferRequest> {
    const c = await this.prisma.enforcementCase.findUniqueOrThrow({
      where: { id: t.caseId },
      include: { department: true, parties: { include: { party: true }, orderBy: { partyId: 'asc' } } },
    });
    const receiving = t.toDepartmentId ? await this.prisma.department.findUnique({ where: { id: t.toDepartmentId } }) : null;
    if (!receiving?.uscc) throw new PermanentOutboxError('the receiving organ has no 统一社会信用代码 configured');
    if (!c.department.uscc) throw new PermanentOutboxError('the transferring department has no 统一社会信用代码 configured');
    return {
      transferNo: t.transferNo,
      caseNo: c.caseNo,
      caseName: c.summary.slice(0, 200),
      transferringUnit: { name: c.department.name, uscc: c.department.uscc },
      receivingUnit: { name: receiving.name, code: receiving.uscc, kind: receiving.kind === 'PROCURATORATE' ? 'PROCURATORATE' : 'PUBLIC_SECURITY' },
      suspectedCharges: t.suspectedCharges,
      facts: t.facts,
      ...(t.amountInvolved !== null ? { amountInvolved: Number(t.amountInvolved).toFixed(2) } : {}),
      occurredAt: formatShanghai(c.discoveredAt.getTime()),
      location: { address: c.address, ...(c.lng !== null && c.lat !== null ? { lng: Number(c.lng), lat: Number(c.lat) } : {}) },
      parties: c.parties.map((p) =>
        p.party.kind === 'PERSON'
          ? { kind: 'PERSON' as const, name: p.party.name, idNumber: p.party.code, role: PARTY_ROLE }
          : { kind: 'ORGANIZATION' as const, name: p.party.name, uscc: p.party.code, role: PARTY_ROLE },
      ),
      materials: materials.map(toMaterial),
    };
  }

  // ───────────── status from the platform ─────────────

  /**
   * Applies a platform status once: the history keeps every event (deduplicated by eventId), the
   * transfer moves only when the sequence is above the stored one. Returns whether it moved and
   * whether a sequence was skipped (then reconciliation runs).
   */
  async applyPlatformStatus(s: PlatformStatus): Promise<{ applied: boolean; gap: boolean; known: boolean }> {
    const events: StoredHubEvent[] = [];
    const outcome = await this.prisma.$transaction(async (tx) => {
      const found = await tx.transfer.findFirst({ where: { platformTransferId: s.platformTransferId } });
      if (!found) return { applied: false, gap: false, known: false };
      await tx.$queryRawUnsafe('SELECT "id" FROM "Transfer" WHERE "id" = $1::uuid FOR UPDATE', found.id);
      const t = await tx.transfer.findUniqueOrThrow({ where: { id: found.id } });
      const seen = await tx.transferStatusChange.findFirst({ where: { transferId: t.id, sequence: s.sequence } });
      if (!seen) {
        await tx.transferStatusChange.create({
          data: {
            transferId: t.id,
            status: s.status,
            sequence: s.sequence,
            eventId: s.eventId ?? null,
            detail: s.detail as Prisma.InputJsonValue,
            occurredAt: s.occurredAt,
          },
        });
      }
      if (s.sequence <= t.sequence) return { applied: false, gap: false, known: true };
      const gap = s.sequence > t.sequence + 1;
      const data: Prisma.TransferUpdateInput = { status: s.status, sequence: s.sequence, detail: s.detail as Prisma.InputJsonValue };
      if (s.status === 'RECEIVED' && !t.receivedAt) {
        data.receivedAt = s.occurredAt;
        data.decisionDueAt = this.calendar.endOfWorkingDaysAfter(s.occurredAt, 3);
      }
      if (['FILED', 'NOT_FILED', 'RETURNED'].includes(s.status) && !t.decidedAt) data.decidedAt = s.occurredAt;
      if (s.detail.reconsiderationDeadline) data.reconsiderationDeadline = new Date(s.detail.reconsiderationDeadline);
      if (s.status === 'RETURNED') data.returnReason = (s.detail.missingItems ?? []).join('；') || s.detail.note || null;
      const updated = await tx.transfer.update({ where: { id: t.id }, data });
      const actor = await this.platformScope(tx, updated);
      events.push(
        ...(await this.cases.transitionInTransaction(
          tx,
          actor,
          updated.caseId,
          'platformStatus',
          await currentStage(tx, updated.caseId),
          {
            stageAfter: s.status === 'WITHDRAWN' ? 'INVESTIGATING' : await currentStageOne(tx, updated.caseId),
            type: 'TRANSFERRED',
            payload: { step: 'PLATFORM_STATUS', transferId: updated.id, status: s.status, sequence: s.sequence, detail: s.detail },
          },
          { skipHandlerCheck: true },
        )),
      );
      events.push(await this.transfers.recordTransferEvent(tx, updated, s.occurredAt, { ...s.detail, platformSequence: s.sequence }));
      return { applied: true, gap, known: true };
    });
    await this.events.broadcast(events);
    if (outcome.gap) this.kickReconcile();
    return outcome;
  }

  /** POST /callbacks/case-transfer/status: signature and window, dedupe by eventId, then apply. */
  async handleCallback(rawBody: Buffer, signature: string | undefined): Promise<CallbackAnswer> {
    const now = this.clock();
    const verified = verifyCallbackSignature(rawBody, signature, this.connector.callbackSecrets, Math.floor(now.getTime() / 1000));
    if (!verified.ok) {
      this.logger.warn({ reason: verified.reason }, 'case-transfer callback refused');
      return { status: 401, body: { code: 'INVALID_SIGNATURE', message: `callback signature refused: ${verified.reason}` } };
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { status: 400, body: { code: 'INVALID_ARGUMENT', message: 'body is not JSON' } };
    }
    const parsed = parseStatusCallback(json);
    if (!parsed.ok) return { status: 400, body: { code: 'INVALID_ARGUMENT', message: parsed.problem } };
    const e = parsed.event;
    const received = await receiveOnce(this.prisma, { source: 'case-transfer', eventId: e.eventId, payload: json as Prisma.InputJsonValue }, () =>
      this.applyPlatformStatus({
        platformTransferId: e.transferId,
        transferNo: e.transferNo,
        status: e.status as TransferStatus,
        sequence: e.sequence,
        occurredAt: new Date(e.occurredAt),
        detail: e.detail as StatusDetail & Record<string, unknown>,
        eventId: e.eventId,
      }),
    );
    if (received.duplicate) return { status: 200, body: { received: true, duplicate: true } };
    if (!received.result.known) this.kickReconcile();
    return { status: 200, body: { received: true, applied: received.result.applied } };
  }

  // ───────────── reconciliation ─────────────

  /** Fetches transfers changed since the last seen update (minus 5 minutes) and applies their statuses. */
  async reconcile(): Promise<number> {
    const since = new Date(this.reconcileCursor.getTime() - 5 * 60_000);
    const changed = await this.connector.client.listTransfersSince(formatShanghai(since.getTime()));
    let applied = 0;
    for (const item of changed) {
      const result = await this.applyPlatformStatus({
        platformTransferId: item.transferId,
        transferNo: item.transferNo,
        status: item.status as TransferStatus,
        sequence: item.sequence,
        occurredAt: new Date(item.updatedAt),
        detail: {
          ...(item.filedCaseNo ? { filedCaseNo: item.filedCaseNo } : {}),
          ...(item.notFiledReason ? { notFiledReason: item.notFiledReason } : {}),
          ...(item.reconsiderationDeadline ? { reconsiderationDeadline: item.reconsiderationDeadline } : {}),
          ...(item.missingItems ? { missingItems: item.missingItems } : {}),
          ...(item.upheldReason ? { upheldReason: item.upheldReason } : {}),
        },
      });
      if (result.applied) applied += 1;
      const at = new Date(item.updatedAt);
      if (at.getTime() > this.reconcileCursor.getTime()) this.reconcileCursor = at;
    }
    return applied;
  }

  startReconciling(intervalMs: number): void {
    this.reconcileTask.start(intervalMs);
  }

  stopReconciling(): Promise<void> {
    return this.reconcileTask.stop();
  }

  kickReconcile(): void {
    this.reconcileTask.kick();
  }

  /** Transfers still moving at the platform (for operators and the sandbox). */
  openTransfers() {
    return this.prisma.transfer.findMany({ where: { kind: 'JUDICIAL', platformTransferId: { not: null }, status: { notIn: FINAL_PLATFORM } } });
  }

  /** The platform acts as the receiving organ in the case history. */
  private async platformScope(tx: Tx, t: Transfer): Promise<RequestScope> {
    const to = t.toDepartmentId ? await tx.department.findUnique({ where: { id: t.toDepartmentId } }) : null;
    const principal: Principal = {
      sub: 'platform:case-transfer',
      dept: to?.code ?? 'case-transfer',
      departmentId: to?.id ?? t.fromDepartmentId,
      departmentKind: to?.kind ?? 'PUBLIC_SECURITY',
      roles: [],
      sharedCategories: [],
      purpose: null,
    };
    return { principal } as RequestScope;
  }
}

/**
 * The Idempotency-Key sent to the platform for an outbox message. The platform accepts only 8–64
 * characters of [A-Za-z0-9-], while the outbox keys read `transfer:<uuid>:submit` (colons): such a
 * key is replaced by its SHA-256 in hex (64 characters) — the same for every redelivery of the message.
 */
export function platformIdempotencyKey(outboxKey: string): string {
  if (IDEMPOTENCY_KEY_PATTERN.test(outboxKey)) return outboxKey;
  return createHash('sha256').update(outboxKey, 'utf8').digest('hex');
}

interface ActionPayload {
  transferId: string;
  reason?: string;
  note?: string | null;
  materialIds?: string[];
}

function toMaterial(m: TransferMaterial): Material {
  return { kind: m.kind, title: m.fileName, sha256: m.sha256, sizeBytes: m.size, uploadId: m.uploadId as string };
}

async function currentStage(tx: Tx, caseId: string) {
  return [await currentStageOne(tx, caseId)];
}

async function currentStageOne(tx: Tx, caseId: string) {
  return (await tx.enforcementCase.findUniqueOrThrow({ where: { id: caseId }, select: { stage: true } })).stage;
}
