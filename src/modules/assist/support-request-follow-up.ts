// On-site police support (公安保障) for a 协办 request: submitted through the outbox with the
// assist request's id as requestSerial (so a redelivery returns the original request), then
// followed by polling, since public security sends no callbacks.
import type { PrismaClient } from '../../generated/prisma/client';
import type { PublicSecurityConnector } from '../../../connectors/public-security';
import type { OutboxHandler } from '../../outbox/outbox';
import { PermanentOutboxError } from '../../outbox/outbox';
import { SUPPORT_REQUEST_TOPIC, type AssistService } from './assist.service';
import { PeriodicTask } from '../../workers/periodic-task';

const FINAL = ['COMPLETED', 'DECLINED'];

interface Logger {
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export class SupportRequestFollowUp {
  private readonly task: PeriodicTask;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly psb: PublicSecurityConnector,
    private readonly assist: AssistService,
    private readonly logger?: Logger,
  ) {
    this.task = new PeriodicTask('support-request polling', () => this.pollOnce(), logger);
  }

  handlers(): Record<string, OutboxHandler> {
    return { [SUPPORT_REQUEST_TOPIC]: (m) => this.submit(m.payload as unknown as SupportPayload) };
  }

  private async submit(payload: SupportPayload) {
    const a = await this.prisma.assistRequest.findUniqueOrThrow({
      where: { id: payload.assistRequestId },
      include: { case: true, fromDepartment: true },
    });
    if (a.status === 'WITHDRAWN') return { skipped: 'withdrawn before submission' };
    if (!a.fromDepartment.uscc) throw new PermanentOutboxError('the requesting department has no 统一社会信用代码 configured');
    if (a.case.lng === null || a.case.lat === null) throw new PermanentOutboxError('the case has no location');
    const accepted = await this.psb.client.requestEnforcementSupport({
      requestSerial: a.id,
      caseNo: a.case.caseNo,
      requestingUnit: {
        name: a.fromDepartment.name,
        uscc: a.fromDepartment.uscc,
        contactName: a.requestedBy,
        contactPhone: process.env.PSB_CONTACT_PHONE ?? '0755-23336110',
      },
      location: { address: payload.location, lng: Number(a.case.lng), lat: Number(a.case.lat) },
      scheduledAt: new Date(payload.scheduledAt),
      expectedRisk: 'MEDIUM',
      officersNeeded: 2,
      reason: a.question.slice(0, 500),
    });
    await this.assist.applySupportStatus(a.id, { supportRequestId: accepted.supportRequestId, status: accepted.status });
    return { supportRequestId: accepted.supportRequestId, status: accepted.status };
  }

  /** Asks public security for the state of every open on-site support request, page by page. */
  async pollOnce(): Promise<number> {
    let changed = 0;
    let after: string | undefined;
    for (;;) {
      const open = await this.prisma.assistRequest.findMany({
        where: { kind: 'ONSITE_SUPPORT', externalRef: { not: null }, NOT: { externalStatus: { in: FINAL } }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: 200,
      });
      if (open.length === 0) return changed;
      for (const a of open) {
        try {
          const state = await this.psb.client.querySupportRequest(a.externalRef as string);
          if (state.status !== a.externalStatus) changed += 1;
          await this.assist.applySupportStatus(a.id, state);
        } catch (err) {
          this.logger?.warn({ assistRequestId: a.id, err: err instanceof Error ? err.message : String(err) }, 'support request poll failed');
        }
      }
      after = open[open.length - 1].id;
    }
  }

  start(intervalMs: number): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}

interface SupportPayload {
  assistRequestId: string;
  scheduledAt: string;
  location: string;
}
