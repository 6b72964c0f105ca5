// State of the simulated platform: uploads, transfers and their status machine, the record of
// created transfers. Every transition adds a history entry with sequence + 1, updates updatedAt
// and hands one StatusEvent to `onEvent` (the callback dispatcher).
//
//   RECEIVED ──auto──▶ UNDER_REVIEW ──▶ FILED | NOT_FILED | RETURNED
//   RETURNED ──supplement──▶ UNDER_REVIEW;   RECEIVED ──withdraw──▶ WITHDRAWN
//   NOT_FILED ──reconsideration (≤ deadline)──▶ RECONSIDERATION_REQUESTED ──▶ RECONSIDERED_FILED | RECONSIDERED_UPHELD
//
// The review outcome is deterministic: forced by advance(id, to), or chosen by `decide`, by
// default from the SHA-256 of the transferNo (and always FILED after a supplement).
// reconsiderationDeadline = 23:59:59+08:00 of the 3rd working day after the NOT_FILED day.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { formatShanghai } from '../time';
import type {
  HistoryEntry,
  Material,
  ReceivingUnit,
  StatusDetail,
  StatusEvent,
  Transfer,
  TransferRequest,
  TransferStatus,
} from '../types';

export const UPLOAD_TTL_MS = 72 * 3600_000;

export type ReviewOutcome = 'FILED' | 'NOT_FILED' | 'RETURNED';
export type ReconsiderationOutcome = 'RECONSIDERED_FILED' | 'RECONSIDERED_UPHELD';

export interface DecisionInput {
  transferId: string;
  transferNo: string;
  caseName: string;
  /** 1 on the first review, 2 after the first supplement … */
  reviewRound: number;
}

export interface SimUpload {
  uploadId: string;
  sha256: string;
  sizeBytes: number;
  fileName: string | null;
  createdAt: number;
  expiresAt: number;
  referenced: boolean;
}

export interface SimTransfer {
  transferId: string;
  transferNo: string;
  /** USCC of the transferring unit: transferNo is unique per unit. */
  transferringUscc: string;
  caseNo: string;
  caseName: string;
  receivingUnit: ReceivingUnit;
  request: TransferRequest;
  status: TransferStatus;
  sequence: number;
  receivedAt: number;
  updatedAt: number;
  filedCaseNo?: string;
  notFiledReason?: string;
  /** Epoch ms of 23:59:59.999+08:00 on the deadline day. */
  reconsiderationDeadline?: number;
  missingItems?: string[];
  upheldReason?: string;
  history: Array<{ status: TransferStatus; at: number; sequence: number; note?: string }>;
  reviewRound: number;
  materials: Material[];
}

export interface CreatedTransferRecord {
  transferId: string;
  transferNo: string;
  idempotencyKey: string;
  at: number;
}

export interface StoreOptions {
  now: () => number;
  calendar?: WorkingDayCalendar;
  decide?: (t: DecisionInput) => ReviewOutcome;
  decideReconsideration?: (t: DecisionInput) => ReconsiderationOutcome;
  onEvent: (event: StatusEvent) => void;
}

export const SIMULATED_MISSING_ITEMS = ['涉案物品检验鉴定意见原件', '当事人询问笔录（补充）'];
export const SIMULATED_NOT_FILED_REASON = '现有证据不足以证明涉嫌犯罪事实达到刑事立案追诉标准';
export const SIMULATED_UPHELD_REASON = '经复议审查，原不予立案决定认定事实清楚，维持原决定';

/** Platform-side moves (not caused by the sender's calls). */
const AUTOMATIC: Partial<Record<TransferStatus, readonly TransferStatus[]>> = {
  RECEIVED: ['UNDER_REVIEW'],
  UNDER_REVIEW: ['FILED', 'NOT_FILED', 'RETURNED'],
  RECONSIDERATION_REQUESTED: ['RECONSIDERED_FILED', 'RECONSIDERED_UPHELD'],
};

function hashByte(text: string, index: number): number {
  return createHash('sha256').update(text, 'utf8').digest()[index];
}

export function defaultDecision(t: DecisionInput): ReviewOutcome {
  if (t.reviewRound > 1) return 'FILED';
  const b = hashByte(t.transferNo, 0) % 10;
  return b < 6 ? 'FILED' : b < 8 ? 'NOT_FILED' : 'RETURNED';
}

export function defaultReconsideration(t: DecisionInput): ReconsiderationOutcome {
  return hashByte(t.transferNo, 1) % 2 === 0 ? 'RECONSIDERED_FILED' : 'RECONSIDERED_UPHELD';
}

function alnum(length: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const bytes = randomBytes(length);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export class TransferStore {
  readonly uploads = new Map<string, SimUpload>();
  readonly transfers = new Map<string, SimTransfer>();
  /** Every transfer created, in order (a replayed createTransfer adds nothing). */
  readonly created: CreatedTransferRecord[] = [];
  private counter = 0;
  private filedCounter = 1560;
  private readonly calendar: WorkingDayCalendar;

  constructor(private readonly options: StoreOptions) {
    this.calendar = options.calendar ?? new WorkingDayCalendar();
  }

  /** The platform's clock, in whole seconds (timestamps are emitted without fractions). */
  private now(): number {
    return Math.floor(this.options.now() / 1000) * 1000;
  }

  addUpload(sha256: string, sizeBytes: number, fileName: string | null): SimUpload {
    const at = this.now();
    const upload: SimUpload = {
      uploadId: `UP${formatShanghai(at).slice(0, 19).replace(/\D/g, '')}${alnum(10)}`,
      sha256,
      sizeBytes,
      fileName,
      createdAt: at,
      expiresAt: at + UPLOAD_TTL_MS,
      referenced: false,
    };
    this.uploads.set(upload.uploadId, upload);
    return upload;
  }

  /** The upload if it exists and is referenced or not yet expired. */
  usableUpload(uploadId: string): SimUpload | null {
    const upload = this.uploads.get(uploadId);
    if (!upload) return null;
    if (!upload.referenced && this.options.now() > upload.expiresAt) return null;
    return upload;
  }

  /** A transfer holding this transferNo for this unit, unless WITHDRAWN. */
  activeWithTransferNo(transferringUscc: string, transferNo: string): SimTransfer | null {
    for (const t of this.transfers.values()) {
      if (t.transferringUscc === transferringUscc && t.transferNo === transferNo && t.status !== 'WITHDRAWN') return t;
    }
    return null;
  }

  create(request: TransferRequest, idempotencyKey: string): SimTransfer {
    const at = this.now();
    this.counter += 1;
    const date = formatShanghai(at).slice(0, 10).replace(/-/g, '');
    const t: SimTransfer = {
      transferId: `LT${date}${String(this.counter).padStart(6, '0')}`,
      transferNo: request.transferNo,
      transferringUscc: request.transferringUnit.uscc,
      caseNo: request.caseNo,
      caseName: request.caseName,
      receivingUnit: { ...request.receivingUnit },
      request,
      status: 'RECEIVED',
      sequence: 1,
      receivedAt: at,
      updatedAt: at,
      history: [{ status: 'RECEIVED', at, sequence: 1 }],
      reviewRound: 0,
      materials: [...request.materials],
    };
    for (const m of request.materials) this.reference(m.uploadId);
    this.transfers.set(t.transferId, t);
    this.created.push({ transferId: t.transferId, transferNo: t.transferNo, idempotencyKey, at });
    this.options.onEvent(this.event(t, {}));
    return t;
  }

  reference(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (upload) upload.referenced = true;
  }

  withdraw(t: SimTransfer, reason: string): void {
    this.transition(t, 'WITHDRAWN', { note: reason });
  }

  requestReconsideration(t: SimTransfer, materials: Material[]): void {
    materials.forEach((m) => this.reference(m.uploadId));
    t.materials.push(...materials);
    this.transition(t, 'RECONSIDERATION_REQUESTED', { note: '移送单位提请复议' });
  }

  supplement(t: SimTransfer, materials: Material[], note: string | undefined): void {
    materials.forEach((m) => this.reference(m.uploadId));
    t.materials.push(...materials);
    this.transition(t, 'UNDER_REVIEW', { note: note ?? '移送单位已补充材料' });
  }

  /**
   * Moves transfers on, platform side. Without `transferId`: every transfer one automatic step.
   * With it: one step, or — with `to` — as many steps as needed to reach `to` (e.g. RECEIVED →
   * UNDER_REVIEW → NOT_FILED). Throws when `to` cannot be reached by the platform alone.
   */
  advance(transferId?: string, to?: TransferStatus): StatusEvent[] {
    this.recent = [];
    if (transferId === undefined) {
      if (to !== undefined) throw new Error('advance(undefined, to): name the transfer to force an outcome');
      for (const t of [...this.transfers.values()]) this.step(t);
    } else {
      const t = this.transfers.get(transferId);
      if (!t) throw new Error(`no transfer ${transferId} in the simulator`);
      if (to === undefined) {
        this.step(t);
      } else {
        const path = this.pathTo(t.status, to);
        if (path === null) throw new Error(`transfer ${transferId} cannot move from ${t.status} to ${to} on the platform's side`);
        for (const next of path) this.step(t, next);
      }
    }
    const events = this.recent;
    this.recent = [];
    return events;
  }

  present(t: SimTransfer): Transfer {
    const out: Transfer = {
      transferId: t.transferId,
      transferNo: t.transferNo,
      caseNo: t.caseNo,
      caseName: t.caseName,
      receivingUnit: { ...t.receivingUnit },
      status: t.status,
      sequence: t.sequence,
      receivedAt: formatShanghai(t.receivedAt),
      updatedAt: formatShanghai(t.updatedAt),
      history: [],
    };
    if (t.filedCaseNo !== undefined) out.filedCaseNo = t.filedCaseNo;
    if (t.notFiledReason !== undefined) out.notFiledReason = t.notFiledReason;
    if (t.reconsiderationDeadline !== undefined) out.reconsiderationDeadline = formatShanghai(t.reconsiderationDeadline);
    if (t.missingItems !== undefined) out.missingItems = [...t.missingItems];
    if (t.upheldReason !== undefined) out.upheldReason = t.upheldReason;
    out.history = t.history.map((h) => {
      const entry: HistoryEntry = { status: h.status, at: formatShanghai(h.at), sequence: h.sequence };
      if (h.note !== undefined) entry.note = h.note;
      return entry;
    });
    return out;
  }

  // ───────────── internals ─────────────

  /** Events emitted during the current advance() (its return value). */
  private recent: StatusEvent[] = [];

  private pathTo(from: TransferStatus, to: TransferStatus): TransferStatus[] | null {
    if (AUTOMATIC[from]?.includes(to)) return [to];
    if (from === 'RECEIVED' && AUTOMATIC.UNDER_REVIEW?.includes(to)) return ['UNDER_REVIEW', to];
    return null;
  }

  /** One automatic step (or the forced one); nothing for statuses that wait for the sender. */
  private step(t: SimTransfer, forced?: TransferStatus): void {
    const input = (): DecisionInput => ({ transferId: t.transferId, transferNo: t.transferNo, caseName: t.caseName, reviewRound: t.reviewRound });
    switch (t.status) {
      case 'RECEIVED':
        this.transition(t, 'UNDER_REVIEW', {});
        return;
      case 'UNDER_REVIEW': {
        const outcome = (forced as ReviewOutcome | undefined) ?? (this.options.decide ?? defaultDecision)(input());
        this.decide(t, outcome);
        return;
      }
      case 'RECONSIDERATION_REQUESTED': {
        const outcome = (forced as ReconsiderationOutcome | undefined) ?? (this.options.decideReconsideration ?? defaultReconsideration)(input());
        if (outcome === 'RECONSIDERED_FILED') this.transition(t, outcome, { filedCaseNo: this.nextFiledCaseNo(), note: '经复议，决定立案侦查' });
        else this.transition(t, outcome, { upheldReason: SIMULATED_UPHELD_REASON, note: '维持不予立案决定' });
        return;
      }
      default:
        return;
    }
  }

  private decide(t: SimTransfer, outcome: ReviewOutcome): void {
    if (outcome === 'FILED') {
      this.transition(t, 'FILED', { filedCaseNo: this.nextFiledCaseNo(), note: '决定立案侦查' });
    } else if (outcome === 'NOT_FILED') {
      const deadline = this.calendar.endOfWorkingDaysAfter(new Date(this.now()), 3).getTime();
      this.transition(t, 'NOT_FILED', {
        notFiledReason: SIMULATED_NOT_FILED_REASON,
        reconsiderationDeadline: formatShanghai(deadline),
        note: '不予立案',
      });
      t.reconsiderationDeadline = deadline;
    } else {
      this.transition(t, 'RETURNED', { missingItems: [...SIMULATED_MISSING_ITEMS], note: '请补充材料后重新提交审查' });
    }
  }

  private nextFiledCaseNo(): string {
    this.filedCounter += 1;
    return `深公立字〔${formatShanghai(this.now()).slice(0, 4)}〕${String(this.filedCounter).padStart(5, '0')}号`;
  }

  private transition(t: SimTransfer, status: TransferStatus, detail: StatusDetail): void {
    const at = this.now();
    t.status = status;
    t.sequence += 1;
    t.updatedAt = at;
    if (status === 'UNDER_REVIEW') t.reviewRound += 1;
    if (detail.filedCaseNo !== undefined) t.filedCaseNo = detail.filedCaseNo;
    if (detail.notFiledReason !== undefined) t.notFiledReason = detail.notFiledReason;
    if (detail.missingItems !== undefined) t.missingItems = [...detail.missingItems];
    if (detail.upheldReason !== undefined) t.upheldReason = detail.upheldReason;
    const entry: SimTransfer['history'][number] = { status, at, sequence: t.sequence };
    if (detail.note !== undefined) entry.note = detail.note;
    t.history.push(entry);
    this.options.onEvent(this.event(t, detail));
  }

  private event(t: SimTransfer, detail: StatusDetail): StatusEvent {
    const event: StatusEvent = {
      eventId: randomUUID(),
      transferId: t.transferId,
      transferNo: t.transferNo,
      status: t.status,
      sequence: t.sequence,
      occurredAt: formatShanghai(t.updatedAt),
      detail: { ...detail },
    };
    this.recent.push(event);
    return event;
  }
}
