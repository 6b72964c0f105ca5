// The platform side of 双公示: an outbox handler that builds the record at delivery time and
// reports it with ReportAdministrativePenalty, and a poller that follows each report with
// QueryReportStatus until PUBLISHED or REJECTED (the platform has no callbacks).
//
// ReportAdministrativePenalty is keyed by decisionNo at the platform: a repeat after a lost answer
// gets DUPLICATE_REPORT with the original receipt, which the connector turns into a success
// (`duplicate: true`) — so a redelivered message never creates a second report. A message whose
// report the hub has already recorded is not sent again at all.
//
// Polling (contract: "e.g. 1 min, 5 min, then every 30 min"): the first query 1 min after the
// report, the second 5 min after the first, then every 30 min. Several hub instances may poll at
// once: each claims due rows in one statement (FOR UPDATE SKIP LOCKED, pushing nextPollAt a lease
// ahead), so a report is queried by one instance at a time; status updates are conditional on the
// receipt and the open status, so a late answer never overwrites a newer report or a final state.
import type { PenaltyPublication, Prisma, PrismaClient } from '../../generated/prisma/client';
import type { SocialCreditConnector } from '../../../connectors/social-credit';
import type { PenaltyRecord, ReportReceipt, ReportStatus } from '../../../connectors/social-credit/types';
import { ConnectorError } from '../../../connectors/core/connector-error';
import { describeOutboxError, PermanentOutboxError, type OutboxHandler } from '../../outbox/outbox';
import { RecordBuildError } from './penalty-record';
import { PeriodicTask } from '../../workers/periodic-task';
import { PENALTY_REPORT_TOPIC, type PenaltyPublicationService, type PenaltyReportPayload } from './penalty-publication.service';

const MINUTE = 60_000;
/** First status query after a report. */
export const FIRST_POLL_MS = MINUTE;
/** After the first query. */
export const SECOND_POLL_MS = 5 * MINUTE;
/** From then on. */
export const LATER_POLL_MS = 30 * MINUTE;
/** A claimed row is not claimed again for this long (an instance that dies mid-poll delays it by this much). */
const CLAIM_LEASE_MS = 5 * MINUTE;
const BATCH = 50;

/**
 * Contract faults that can never succeed with the same record: the data (INVALID_CODE: a bad check
 * character; INVALID_REQUEST: a schema violation) or the account (AUTH_FAILED) must be fixed first.
 */
const PERMANENT_FAULTS = ['INVALID_CODE', 'INVALID_REQUEST', 'AUTH_FAILED'];

interface Logger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

const silent: Logger = { info: () => undefined, warn: () => undefined };

/** Delay before the next status query, after `pollCount` queries so far (0 = just reported). */
export function nextPollDelayMs(pollCount: number): number {
  if (pollCount <= 0) return FIRST_POLL_MS;
  return pollCount === 1 ? SECOND_POLL_MS : LATER_POLL_MS;
}

export class PublicationDelivery {
  private readonly task: PeriodicTask;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly credit: SocialCreditConnector,
    private readonly publications: PenaltyPublicationService,
    private readonly logger: Logger = silent,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.task = new PeriodicTask('双公示 status polling', () => this.pollOnce(), logger);
  }

  handlers(): Record<string, OutboxHandler> {
    return { [PENALTY_REPORT_TOPIC]: (m) => this.report(m.payload as unknown as PenaltyReportPayload, m.idempotencyKey) };
  }

  // ───────────── outbox handler ─────────────

  private async report(payload: PenaltyReportPayload, requestId: string): Promise<Prisma.InputJsonValue> {
    const p = await this.prisma.penaltyPublication.findUnique({ where: { id: payload.publicationId } });
    if (!p) throw new PermanentOutboxError(`penalty publication ${payload.publicationId} does not exist`);
    // Already recorded (a redelivery after the hub stored the answer): nothing is sent again.
    if (p.reportCount >= payload.report) return { receiptId: p.receiptId, report: payload.report, alreadyRecorded: true };

    let record: PenaltyRecord;
    try {
      record = await this.publications.buildRecord(p.decisionId);
    } catch (err) {
      if (err instanceof RecordBuildError) {
        await this.failed(p, `${err.rule}: ${err.message}`);
        throw new PermanentOutboxError(err.message, { cause: err });
      }
      throw err;
    }

    let receipt: ReportReceipt;
    try {
      receipt = await this.credit.client.reportAdministrativePenalty(record, { requestId });
    } catch (err) {
      await this.failed(p, describeOutboxError(err), record);
      if (err instanceof ConnectorError && err.upstreamCode && PERMANENT_FAULTS.includes(err.upstreamCode)) {
        throw new PermanentOutboxError(`the credit platform refused the report (${err.upstreamCode}): ${err.message}`, { cause: err });
      }
      throw err; // transient faults (quota, maintenance, timeouts) are retried by the outbox
    }

    const now = this.clock();
    const stored = await this.prisma.penaltyPublication.updateMany({
      where: { id: p.id, reportCount: { lt: payload.report } },
      data: {
        record: record as unknown as Prisma.InputJsonValue,
        receiptId: receipt.receiptId,
        duplicate: receipt.duplicate,
        // A duplicate answer carries no acceptance time: the hub learns of the report now.
        reportedAt: receipt.acceptedAt ?? now,
        reportCount: payload.report,
        status: 'REPORTED',
        publishedAt: null,
        rejectedAt: null,
        rejections: [],
        pollCount: 0,
        nextPollAt: new Date(now.getTime() + nextPollDelayMs(0)),
        lastError: null,
      },
    });
    if (stored.count === 0) return { receiptId: receipt.receiptId, report: payload.report, alreadyRecorded: true };
    this.logger.info(
      { publicationId: p.id, decisionNo: p.decisionNo, receiptId: receipt.receiptId, duplicate: receipt.duplicate, report: payload.report },
      receipt.duplicate ? '双公示 report already at the platform: original receipt kept' : '双公示 report accepted',
    );
    return { receiptId: receipt.receiptId, duplicate: receipt.duplicate, report: payload.report };
  }

  private async failed(p: PenaltyPublication, lastError: string, record?: PenaltyRecord): Promise<void> {
    await this.prisma.penaltyPublication.updateMany({
      where: { id: p.id, status: 'PENDING' },
      data: { lastError, ...(record ? { record: record as unknown as Prisma.InputJsonValue } : {}) },
    });
  }

  // ───────────── status poller ─────────────

  /** Queries every report whose next poll is due; returns how many were queried. */
  async pollOnce(): Promise<number> {
    let polled = 0;
    for (;;) {
      const now = this.clock();
      const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
      const claimed = await this.prisma.$queryRaw<Array<{ id: string; receiptId: string; pollCount: number }>>`
        UPDATE "PenaltyPublication" p
        SET "nextPollAt" = ${lease.toISOString()}::timestamptz
        FROM (
          SELECT "id" FROM "PenaltyPublication"
          WHERE "status" IN ('REPORTED', 'VALIDATING') AND "receiptId" IS NOT NULL AND "nextPollAt" <= ${now.toISOString()}::timestamptz
          ORDER BY "nextPollAt", "id"
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED
        ) due
        WHERE p."id" = due."id"
        RETURNING p."id", p."receiptId", p."pollCount"`;
      for (const row of claimed) {
        await this.pollOne(row);
        polled += 1;
      }
      if (claimed.length < BATCH) return polled;
    }
  }

  private async pollOne(row: { id: string; receiptId: string; pollCount: number }): Promise<void> {
    let status: ReportStatus;
    try {
      status = await this.credit.client.queryReportStatus(row.receiptId, { requestId: `${PENALTY_REPORT_TOPIC}:poll:${row.id}` });
    } catch (err) {
      // Left claimed: the next attempt comes when the claim's lease runs out.
      const lastError = describeOutboxError(err);
      await this.prisma.penaltyPublication.updateMany({ where: { id: row.id, receiptId: row.receiptId }, data: { lastError } });
      this.logger.warn({ publicationId: row.id, receiptId: row.receiptId, err: lastError }, '双公示 status query failed');
      return;
    }
    const now = this.clock();
    const pollCount = row.pollCount + 1;
    const base = { pollCount, lastPolledAt: now, lastError: null };
    let data: Prisma.PenaltyPublicationUpdateManyMutationInput;
    switch (status.status) {
      case 'PUBLISHED':
        data = { ...base, status: 'PUBLISHED', publishedAt: status.publishedAt ?? status.updatedAt, nextPollAt: null };
        break;
      case 'REJECTED':
        data = {
          ...base,
          status: 'REJECTED',
          rejectedAt: status.updatedAt,
          rejections: status.rejectReasons.map((r) => ({ code: r.code, field: r.field, message: r.message })),
          nextPollAt: null,
        };
        break;
      default:
        data = {
          ...base,
          status: status.status === 'VALIDATING' ? 'VALIDATING' : 'REPORTED',
          nextPollAt: new Date(now.getTime() + nextPollDelayMs(pollCount)),
        };
    }
    await this.prisma.penaltyPublication.updateMany({
      where: { id: row.id, receiptId: row.receiptId, status: { in: ['REPORTED', 'VALIDATING'] } },
      data,
    });
    if (status.status === 'PUBLISHED' || status.status === 'REJECTED') {
      this.logger.info({ publicationId: row.id, receiptId: row.receiptId, status: status.status }, `双公示 report ${status.status}`);
    }
  }

  start(intervalMs: number): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
