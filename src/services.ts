// The services, built once per hub instance; resolvers reach them through the context.
import type { Config } from './config';
import type { Database } from './db/database';
import { WorkingDayCalendar } from './domain/calendar';
import { STATUTORY_CALENDAR } from './domain/holidays';
import { DeadlineEngine } from './modules/supervision/deadline-engine';
import { SupervisionScheduler } from './modules/supervision/supervision-scheduler';
import { SupervisionService } from './modules/supervision/supervision.service';
import { CaseReviewService } from './modules/case-review/case-review.service';
import { AuditLog } from './audit/audit-log';
import { CaseService } from './modules/case/case.service';
import { DepartmentService } from './modules/department/department.service';
import { PartyService } from './modules/party/party.service';
import { PowerItemService } from './modules/power-item/power-item.service';
import { PermitService } from './modules/permit/permit.service';
import { IdentityService } from './modules/identity/identity.service';
import { ConnectorHealthService } from './modules/connector-health/connector-health.service';
import { CreditService } from './modules/credit/credit.service';
import { SupervisionStatsService } from './modules/supervision/supervision-stats.service';
import type { Upstream } from './upstream/upstream';
import { EventBus, InMemoryTransport } from './events/event-bus';
import { EventSubscriptionService } from './modules/events/events.service';
import { TransferService } from './modules/transfer/transfer.service';
import { TransferDelivery } from './modules/transfer/transfer-delivery';
import { AssistService } from './modules/assist/assist.service';
import { SupportRequestFollowUp } from './modules/assist/support-request-follow-up';
import { OutboxWorker } from './outbox/outbox';
import { OutboxService } from './modules/outbox/outbox.service';
import { WorkOrderService } from './modules/work-order/work-order.service';
import { WorkOrderSync } from './modules/work-order/work-order-sync';
import { DataSharingService } from './modules/data-sharing/data-sharing.service';
import { PenaltyPublicationService } from './modules/penalty-publication/penalty-publication.service';
import { PublicationDelivery } from './modules/penalty-publication/publication-delivery';
import type { Logger } from 'pino';

export function createServices(
  config: Config,
  db: Database,
  upstream: Upstream,
  clock: () => Date = () => new Date(),
  /** Subscriptions: the hub builds it from config (REDIS_URL) and closes it on stop. */
  events: EventBus = new EventBus(db.prisma, new InMemoryTransport()),
  logger?: Logger,
) {
  // 法定节假日 and 调休 of 2025–2027, plus what the deployment adds (CALENDAR_EXTRA).
  const calendar = new WorkingDayCalendar([...STATUTORY_CALENDAR, ...config.calendarExtra]);
  const cases = new CaseService(db.prisma, calendar, config.graphql.maxPageSize, events, clock);
  // Services wake the outbox worker after a commit that enqueued something.
  let outbox: OutboxWorker | null = null;
  const wake = () => outbox?.notify();
  const transfers = new TransferService(db.prisma, cases, events, calendar, config.transfers, wake, clock);
  const transferDelivery = new TransferDelivery(
    db.prisma,
    upstream.caseTransfer,
    transfers,
    cases,
    events,
    calendar,
    logger?.child({ component: 'case-transfer' }) ?? { info: () => undefined, warn: () => undefined },
    clock,
  );
  const assist = new AssistService(db.prisma, cases, events, wake, clock);
  const workOrders = new WorkOrderService(db.prisma, cases, events, wake, clock);
  const workOrderSync = new WorkOrderSync(
    db.prisma,
    upstream.hotline,
    workOrders,
    events,
    calendar,
    logger?.child({ component: 'hotline-12345' }) ?? { info: () => undefined, warn: () => undefined },
    clock,
  );
  const supportFollowUp = new SupportRequestFollowUp(db.prisma, upstream.publicSecurity, assist, logger?.child({ component: 'support-requests' }));
  // 双公示: registers its hook on the decision step; reports go through the outbox, statuses by polling.
  const penaltyPublications = new PenaltyPublicationService(db.prisma, cases, calendar, config.graphql.maxPageSize, wake, clock);
  const publicationDelivery = new PublicationDelivery(db.prisma, upstream.socialCredit, penaltyPublications, logger?.child({ component: 'penalty-publication' }), clock);
  outbox = new OutboxWorker(
    db.prisma,
    { ...transferDelivery.handlers(), ...supportFollowUp.handlers(), ...workOrderSync.handlers(), ...publicationDelivery.handlers() },
    { pollMs: config.workers.outboxPollMs, leaseMs: config.workers.outboxLeaseMs, logger: logger?.child({ component: 'outbox' }) },
  );
  const deadlineEngine = new DeadlineEngine(db.prisma, calendar, transfers, {
    reminderBeforeMs: config.supervision.reminderHours * 3_600_000,
    shortReminderBeforeMs: config.supervision.shortReminderMinutes * 60_000,
    redAfterWorkingDays: config.supervision.redAfterWorkingDays,
  });
  const supervision = new SupervisionService(db.prisma, events, calendar, clock);
  const supervisionScheduler = new SupervisionScheduler(
    db.prisma,
    deadlineEngine,
    supervision,
    events,
    logger?.child({ component: 'supervision' }) ?? { warn: () => undefined },
    clock,
  );
  supervision.scheduler = supervisionScheduler;
  return {
    calendar,
    deadlineEngine,
    supervision,
    supervisionScheduler,
    caseReviews: new CaseReviewService(db.prisma, cases, supervision, events, calendar, clock),
    audit: new AuditLog(db.prisma),
    upstream,
    cases,
    permits: new PermitService(cases),
    identity: new IdentityService(cases, clock),
    connectorHealth: new ConnectorHealthService(upstream),
    credit: new CreditService(),
    supervisionStats: new SupervisionStatsService(db.prisma, clock, config.calendarExtra),
    parties: new PartyService(db.prisma, clock),
    departments: new DepartmentService(db.prisma),
    powerItems: new PowerItemService(db.prisma),
    dataSharing: new DataSharingService(db.prisma, clock),
    events,
    eventSubscriptions: new EventSubscriptionService(db.prisma, events),
    transfers,
    transferDelivery,
    assist,
    supportFollowUp,
    penaltyPublications,
    publicationDelivery,
    outbox: outbox as OutboxWorker,
    outboxAdmin: new OutboxService(db.prisma, wake),
    workOrders,
    workOrderSync,
  };
}

export type Services = ReturnType<typeof createServices>;
