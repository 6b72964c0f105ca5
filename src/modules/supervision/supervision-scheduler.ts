// Raises supervision items from the deadline engine: REMINDER before a deadline, YELLOW (黄牌)
// once overdue, RED (红牌) when long overdue; and closes automatic items whose deadline was met.
// Safe with several hub instances: one run at a time holds a transaction-scoped advisory lock,
// and the unique key (target, deadline kind, level) makes each alert exist once whatever happens.
import { randomUUID } from 'node:crypto';
import type { PrismaClient, SupervisionItem } from '../../generated/prisma/client';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import type { DeadlineEngine } from './deadline-engine';
import type { SupervisionService } from './supervision.service';
import { PeriodicTask } from '../../workers/periodic-task';

/** Advisory-lock key of the scheduler (its own key space). */
const SCHEDULER_LOCK = 0x5e_0001;

interface Logger {
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export interface SchedulerRun {
  /** false when another instance was running at the same moment. */
  ran: boolean;
  openDeadlines: number;
  raised: number;
  closed: number;
}

export class SupervisionScheduler {
  private readonly task: PeriodicTask;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly engine: DeadlineEngine,
    private readonly supervision: SupervisionService,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.task = new PeriodicTask('supervision scheduler run', () => this.runOnce(), logger);
  }

  async runOnce(): Promise<SchedulerRun> {
    const now = this.clock();
    let recorded: StoredHubEvent[] = [];
    // Read before the transaction: the engine uses its own connection, and the embedded store has
    // only one (a read waiting for it inside the transaction would wait for ever).
    const open = await this.engine.open(now);
    const result = await this.prisma.$transaction(
      async (tx): Promise<SchedulerRun> => {
        const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SCHEDULER_LOCK}::int8) AS locked`;
        if (!locked) return { ran: false, openDeadlines: 0, raised: 0, closed: 0 };
        const departments = new Map((await tx.department.findMany({ select: { id: true, code: true } })).map((d) => [d.id, d.code]));
        const raised: Array<{ item: SupervisionItem; reference: string; caseId: string | null }> = [];
        for (const d of open) {
          const level = this.engine.level(d, now);
          if (!level) continue;
          const dueAt = level === 'REMINDER' ? d.dueAt : this.supervision.answerBy(now);
          const rows = await tx.$queryRaw<SupervisionItem[]>`
            INSERT INTO "SupervisionItem" ("id", "targetType", "targetId", "deadlineKind", "reason", "level", "departmentId", "issuedBy", "issuedAt", "dueAt", "note")
            VALUES (${randomUUID()}::uuid, ${d.targetType}::"SupervisionTargetType", ${d.targetId}, ${d.kind}, 'OVERDUE'::"SupervisionReason",
                    ${level}::"SupervisionLevel", ${d.departmentId}::uuid, 'deadline-scheduler', ${now}, ${dueAt},
                    ${`${d.kind} of ${d.reference} due ${d.dueAt.toISOString()}`})
            ON CONFLICT ("targetType", "targetId", "deadlineKind", "level") DO NOTHING
            RETURNING *`;
          for (const item of rows) raised.push({ item, reference: d.reference, caseId: d.caseId });
        }
        // Automatic items whose deadline has been met since are closed: nothing is left to chase.
        const stillOpen = new Set(open.map((d) => `${d.targetType}|${d.targetId}|${d.kind}`));
        const automatic = await tx.supervisionItem.findMany({ where: { deadlineKind: { not: null }, issuedBy: 'deadline-scheduler', status: { not: 'CLOSED' } } });
        const met = automatic.filter((i) => !stillOpen.has(`${i.targetType}|${i.targetId}|${i.deadlineKind}`));
        const closed: SupervisionItem[] = [];
        for (const i of met) {
          closed.push(
            await tx.supervisionItem.update({
              where: { id: i.id },
              data: { status: 'CLOSED', closedAt: now, response: i.response ?? 'the deadline has been met (closed by the scheduler)' },
            }),
          );
        }
        // Alerts last: recording takes the event log's lock.
        for (const r of raised) {
          recorded.push(
            await this.supervision.recordAlert(tx, r.item, { departmentId: r.item.departmentId, departmentCode: departments.get(r.item.departmentId) ?? '', reference: r.reference, caseId: r.caseId }, 'RAISED'),
          );
        }
        for (const i of closed) {
          const target = await this.supervision.target(tx, i.targetType, i.targetId).catch(() => null);
          if (target) recorded.push(await this.supervision.recordAlert(tx, i, target, 'CLOSED'));
        }
        return { ran: true, openDeadlines: open.length, raised: raised.length, closed: closed.length };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    await this.events.broadcast(recorded);
    recorded = [];
    return result;
  }

  start(intervalMs: number): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
