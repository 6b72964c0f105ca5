// Transactional outbox (DESIGN.md: "Writes to external systems never happen inside the user's
// request"). A service calls enqueueOutbox() inside the transaction that makes the change, so the
// change and the message commit (or roll back) together; OutboxWorker delivers committed messages
// afterwards through a handler per topic.
//
// What the engine guarantees
// - At-least-once: a message stays PENDING/IN_FLIGHT until a handler resolves for it; a crash of a
//   worker only delays it until its lease expires, then another worker takes it over.
// - No concurrent double delivery: a message is claimed with `FOR UPDATE SKIP LOCKED` and leased to
//   one worker; it is claimable again only when that lease has expired. Completion is fenced by
//   (leaseOwner, attempts), so a worker whose lease was taken over cannot overwrite the new owner's
//   state: its late result is logged and dropped. The handler's AbortSignal fires shortly before
//   the lease ends (10 %, at most 5 s, by the worker's own monotonic time).
// - Ordered per aggregate: only the first not-DELIVERED message (by seq) of an aggregate
//   (aggregateType, aggregateId) is ever claimable. A later message is never attempted before an
//   earlier one is DELIVERED — so a DEAD message blocks the rest of its aggregate (and only its
//   aggregate) until an operator calls retryDeadMessage(). enqueueOutbox() takes a transaction-scoped
//   advisory lock per aggregate, so seq order equals commit order within an aggregate even when
//   two transactions enqueue for the same aggregate concurrently.
// - Nothing sent twice *at the platform* is the handler's job: it must send message.idempotencyKey
//   (an Idempotency-Key header) so the receiving system dedupes a redelivery after a crash.
//
// Time: by default every time decision (due, lease expiry, backoff, deliveredAt) uses the
// database's clock, so workers on several hosts agree; an injected clock (tests) replaces it.
import { hostname } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ConnectorError } from '../../connectors/core/connector-error';
import type { ConnectorLogger } from '../../connectors/core/types';
import { ConflictError, NotFoundError } from '../errors/domain-errors';
import { Prisma, type OutboxMessage, type PrismaClient } from '../generated/prisma/client';

/** First key of the two-key advisory lock taken per aggregate by enqueueOutbox (its own key space). */
export const OUTBOX_AGGREGATE_LOCK_CLASS = 0x0b07;
/** Retry-After values beyond this are treated as this (a broken upstream must not park a message for ever). */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

export interface OutboxMessageInput {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  idempotencyKey: string;
  payload: Prisma.InputJsonValue;
  /** Not before this time (default: now, on the database's clock). */
  availableAt?: Date;
  /** Default 12 (schema default). */
  maxAttempts?: number;
}

/**
 * Inside the caller's transaction, so the change and the message commit together.
 * Same idempotencyKey twice → the existing row (no duplicate, the new input is ignored), not an error.
 * Two transactions enqueueing for one aggregate are serialized (advisory lock until commit), so
 * messages of an aggregate are numbered in commit order; enqueueing for several aggregates in one
 * transaction should follow a stable order to avoid deadlocks, as with row locks.
 */
export async function enqueueOutbox(tx: Prisma.TransactionClient, input: OutboxMessageInput): Promise<OutboxMessage> {
  for (const field of ['topic', 'aggregateType', 'aggregateId', 'idempotencyKey'] as const) {
    if (typeof input[field] !== 'string' || input[field].length === 0) throw new TypeError(`enqueueOutbox: ${field} must be a non-empty string`);
  }
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1)) {
    throw new RangeError('enqueueOutbox: maxAttempts must be an integer ≥ 1');
  }
  if (input.availableAt !== undefined && Number.isNaN(input.availableAt.getTime())) throw new RangeError('enqueueOutbox: availableAt is not a valid date');
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_AGGREGATE_LOCK_CLASS}::int4, hashtext(${input.aggregateType} || chr(31) || ${input.aggregateId}))`;
  const maxAttempts = input.maxAttempts === undefined ? Prisma.sql`DEFAULT` : Prisma.sql`${input.maxAttempts}::int4`;
  const availableAt = input.availableAt === undefined ? Prisma.sql`DEFAULT` : Prisma.sql`${input.availableAt.toISOString()}::timestamptz`;
  const inserted = await tx.$queryRaw<OutboxMessage[]>`
    INSERT INTO "OutboxMessage" ("id", "topic", "aggregateType", "aggregateId", "idempotencyKey", "payload", "maxAttempts", "availableAt")
    VALUES (${randomUUID()}::uuid, ${input.topic}, ${input.aggregateType}, ${input.aggregateId}, ${input.idempotencyKey},
            ${JSON.stringify(input.payload)}::jsonb, ${maxAttempts}, ${availableAt})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING *`;
  if (inserted.length > 0) return inserted[0];
  return tx.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
}

/** A handler throws this when the message can never succeed: DEAD at once, no retry. */
export class PermanentOutboxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentOutboxError';
  }
}

/** The reason of a delivery's AbortSignal when the worker's lease runs out. */
export class OutboxLeaseExpiredError extends Error {
  constructor() {
    super('the lease of this delivery expired; another worker may take the message over');
    this.name = 'OutboxLeaseExpiredError';
  }
}

export interface OutboxDeliveryContext {
  /** 1 for the first delivery attempt. */
  attempt: number;
  /** Aborted shortly before the lease expires (reason: OutboxLeaseExpiredError); pass it to fetch/axios. */
  signal: AbortSignal;
  workerId: string;
}

/**
 * resolve = delivered (the value is stored as `result`); throw = retry later (a ConnectorError's
 * retryAfterMs is honoured; a non-retryable ConnectorError = DEAD), PermanentOutboxError = DEAD.
 * Send message.idempotencyKey to the receiving system so it can drop a redelivery.
 */
export type OutboxHandler = (message: OutboxMessage, ctx: OutboxDeliveryContext) => Promise<Prisma.InputJsonValue | void>;

export type OutboxHook = (message: OutboxMessage) => void | Promise<void>;

export interface OutboxWorkerOptions {
  /** Default: host:pid:random. Must be unique per running worker. */
  workerId?: string;
  /** Default 30 s. */
  leaseMs?: number;
  /** Idle poll interval, default 1 s. */
  pollMs?: number;
  /** Messages claimed at once, default 10. */
  batchSize?: number;
  /** Deliveries in parallel, default batchSize. */
  concurrency?: number;
  /** First retry delay, default 1 s; doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Default 15 min. */
  maxDelayMs?: number;
  /** Default: the database's clock. */
  clock?: { now(): Date };
  random?: () => number;
  logger?: ConnectorLogger;
  /** After a message is marked DELIVERED (errors are logged, never change the message). */
  onDelivered?: OutboxHook;
  /** After a message is marked DEAD. */
  onDead?: OutboxHook;
}

type Outcome = { ok: true; result: Prisma.InputJsonValue | undefined } | { ok: false; error: unknown };

const noopLogger: ConnectorLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Exponential backoff with "equal jitter": between half and all of min(max, base·2^(attempt−1)). */
export function backoffDelayMs(attempt: number, options: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}

/** A short, safe description of a delivery failure: a code and the first line of the message, never a stack. */
export function describeOutboxError(error: unknown): string {
  let code: string;
  let message: string;
  if (error instanceof ConnectorError) {
    code = `${error.code}(${error.system}${error.upstreamCode ? `/${error.upstreamCode}` : ''}${error.httpStatus ? ` ${error.httpStatus}` : ''})`;
    message = error.message;
  } else if (error instanceof PermanentOutboxError) {
    code = 'PERMANENT';
    message = error.message;
  } else if (error instanceof OutboxLeaseExpiredError) {
    code = 'LEASE_EXPIRED';
    message = error.message;
  } else if (error instanceof Error) {
    const own = (error as { code?: unknown }).code;
    code = typeof own === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(own) ? own : error.name || 'Error';
    message = error.message;
  } else {
    code = 'UNKNOWN';
    message = typeof error === 'string' ? error : 'non-Error thrown';
  }
  const firstLine = (message ?? '').split(/\r?\n/, 1)[0].replace(/\s+/g, ' ').trim();
  const text = firstLine ? `${code}: ${firstLine}` : code;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentOutboxError) return true;
  return error instanceof ConnectorError && !error.retryable;
}

function serializeResult(result: Prisma.InputJsonValue | undefined): string | null {
  if (result === undefined || result === null) return null;
  return JSON.stringify(result);
}

export class OutboxWorker {
  readonly workerId: string;
  onDelivered: OutboxHook | undefined;
  onDead: OutboxHook | undefined;

  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly clock: { now(): Date } | undefined;
  private readonly random: () => number;
  private readonly logger: ConnectorLogger;
  private readonly topics: string[];

  private running = false;
  private loopDone: Promise<void> | null = null;
  private readonly active = new Set<Promise<void>>();
  private wakeRequested = false;
  private wakeWaiter: (() => void) | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly handlers: Record<string, OutboxHandler>,
    options: OutboxWorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.leaseMs = positive(options.leaseMs ?? 30_000, 'leaseMs');
    this.pollMs = positive(options.pollMs ?? 1_000, 'pollMs');
    this.batchSize = positiveInteger(options.batchSize ?? 10, 'batchSize');
    this.concurrency = positiveInteger(options.concurrency ?? this.batchSize, 'concurrency');
    this.baseDelayMs = positive(options.baseDelayMs ?? 1_000, 'baseDelayMs');
    this.maxDelayMs = positive(options.maxDelayMs ?? 15 * 60_000, 'maxDelayMs');
    this.clock = options.clock;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? noopLogger;
    this.onDelivered = options.onDelivered;
    this.onDead = options.onDead;
    this.topics = Object.keys(handlers);
  }

  /** Starts the background loop (idempotent). It wakes early on notify() and whenever a delivery settles. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /**
   * Stops claiming, then waits for the deliveries in flight to settle — at most one lease period:
   * a handler still running then is abandoned (its message is taken over after the lease, and its
   * late completion is refused by the fence).
   */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    if (this.loopDone) await this.loopDone;
    this.loopDone = null;
    if (this.active.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const leaseOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.leaseMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.active]), leaseOver]);
    clearTimeout(timer);
  }

  /** After a commit that enqueued something: deliver soon. */
  notify(): void {
    this.wake();
  }

  /**
   * Claims one batch (up to min(batchSize, concurrency)) and delivers it; resolves with how many
   * were handled. `topics` narrows the claim (tests sharing a database drive only their own topics).
   */
  async runOnce(options: { topics?: string[] } = {}): Promise<number> {
    const topics = options.topics ? options.topics.filter((t) => this.topics.includes(t)) : this.topics;
    const { messages, leaseStart } = await this.claim(Math.min(this.batchSize, this.concurrency), topics);
    await Promise.all(messages.map((message) => this.track(message, leaseStart)));
    return messages.length;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      const free = this.concurrency - this.active.size;
      let full = false;
      if (free > 0) {
        const want = Math.min(this.batchSize, free);
        try {
          const { messages, leaseStart } = await this.claim(want);
          for (const message of messages) void this.track(message, leaseStart);
          full = messages.length === want;
        } catch (error) {
          this.logger.error({ workerId: this.workerId, err: describeOutboxError(error) }, 'outbox: claiming failed');
        }
      }
      if (!this.running) break;
      // More may be waiting and there is room: claim again at once.
      if (full && this.active.size < this.concurrency) continue;
      await this.waitForWake();
    }
  }

  private wake(): void {
    this.wakeRequested = true;
    const waiter = this.wakeWaiter;
    this.wakeWaiter = null;
    waiter?.();
  }

  private waitForWake(): Promise<void> {
    if (this.wakeRequested || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeWaiter = null;
        resolve();
      }, this.pollMs);
      this.wakeWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private track(message: OutboxMessage, leaseStart: number): Promise<void> {
    const delivery = this.deliver(message, leaseStart)
      .catch((error: unknown) => {
        this.logger.error({ workerId: this.workerId, messageId: message.id, err: describeOutboxError(error) }, 'outbox: delivery crashed');
      })
      .finally(() => {
      this.active.delete(delivery);
      if (this.running) this.wake();
    });
    this.active.add(delivery);
    return delivery;
  }

  private nowSql(): Prisma.Sql {
    const now = this.clock?.now();
    return now ? Prisma.sql`${now.toISOString()}::timestamptz` : Prisma.sql`now()`;
  }

  /**
   * One statement: leases up to `limit` messages that are the first not-DELIVERED message of their
   * aggregate and either PENDING and due, or IN_FLIGHT with an expired lease (a crashed worker).
   */
  private async claim(limit: number, topics: string[] = this.topics): Promise<{ messages: OutboxMessage[]; leaseStart: number }> {
    // The lease can start no earlier than this (local monotonic time), whatever the clocks say.
    const leaseStart = performance.now();
    if (limit <= 0 || topics.length === 0) return { messages: [], leaseStart };
    const now = this.nowSql();
    const firstOfAggregate = Prisma.sql`NOT EXISTS (
      SELECT 1 FROM "OutboxMessage" e
      WHERE e."aggregateType" = m."aggregateType" AND e."aggregateId" = m."aggregateId"
        AND e."seq" < m."seq" AND e."status" <> 'DELIVERED')`;
    const rows = await this.prisma.$queryRaw<OutboxMessage[]>`
      WITH expired AS (
        SELECT m."id" FROM "OutboxMessage" m
        WHERE m."status" = 'IN_FLIGHT' AND m."leaseUntil" < ${now}
          AND m."topic" = ANY(${topics}::text[]) AND ${firstOfAggregate}
        ORDER BY m."seq"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), due AS (
        SELECT m."id" FROM "OutboxMessage" m
        WHERE m."status" = 'PENDING' AND m."availableAt" <= ${now}
          AND m."topic" = ANY(${topics}::text[]) AND ${firstOfAggregate}
        ORDER BY m."availableAt", m."seq"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), picked AS (
        SELECT "id" FROM expired UNION ALL SELECT "id" FROM due LIMIT ${limit}
      )
      UPDATE "OutboxMessage" o
      SET "status" = 'IN_FLIGHT', "leaseOwner" = ${this.workerId},
          "leaseUntil" = ${now} + (${this.leaseMs}::float8 * interval '1 millisecond'), "attempts" = o."attempts" + 1
      FROM picked WHERE o."id" = picked."id"
      RETURNING o.*`;
    rows.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    return { messages: rows, leaseStart };
  }

  private async deliver(message: OutboxMessage, leaseStart: number): Promise<void> {
    const handler = this.handlers[message.topic];
    const controller = new AbortController();
    // Abort a little before the lease ends (10 %, at most 5 s), so a handler that honours the signal
    // stops before another worker may take the message over.
    const margin = Math.min(5_000, this.leaseMs / 10);
    const abortIn = Math.max(0, leaseStart + this.leaseMs - margin - performance.now());
    const timer = setTimeout(() => controller.abort(new OutboxLeaseExpiredError()), abortIn);
    timer.unref();
    let outcome: Outcome;
    try {
      const result = await handler(message, { attempt: message.attempts, signal: controller.signal, workerId: this.workerId });
      outcome = { ok: true, result: result ?? undefined };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearTimeout(timer);
    }
    let updated: OutboxMessage | null;
    try {
      updated = outcome.ok ? await this.markDelivered(message, outcome.result) : await this.markFailed(message, outcome.error);
    } catch (error) {
      // The message stays IN_FLIGHT and is taken over when the lease expires (at-least-once).
      this.logger.error({ workerId: this.workerId, messageId: message.id, err: describeOutboxError(error) }, 'outbox: recording the outcome failed');
      return;
    }
    if (!updated) {
      this.logger.warn(
        { workerId: this.workerId, messageId: message.id, attempt: message.attempts, delivered: outcome.ok },
        'outbox: lease was taken over by another worker; outcome dropped',
      );
      return;
    }
    const hook = updated.status === 'DELIVERED' ? this.onDelivered : updated.status === 'DEAD' ? this.onDead : undefined;
    if (updated.status === 'DEAD') {
      this.logger.error({ workerId: this.workerId, messageId: message.id, topic: message.topic, attempts: updated.attempts, lastError: updated.lastError }, 'outbox: message is DEAD');
    }
    if (hook) {
      try {
        await hook(updated);
      } catch (error) {
        this.logger.error({ workerId: this.workerId, messageId: message.id, err: describeOutboxError(error) }, 'outbox: hook failed');
      }
    }
  }

  /** Fenced: only the lease owner of this very attempt may complete it. */
  private async markDelivered(message: OutboxMessage, result: Prisma.InputJsonValue | undefined): Promise<OutboxMessage | null> {
    let json: string | null;
    try {
      json = serializeResult(result);
    } catch (error) {
      this.logger.warn({ workerId: this.workerId, messageId: message.id, err: describeOutboxError(error) }, 'outbox: handler result is not JSON; stored as null');
      json = null;
    }
    const rows = await this.prisma.$queryRaw<OutboxMessage[]>`
      UPDATE "OutboxMessage"
      SET "status" = 'DELIVERED', "result" = ${json}::jsonb, "deliveredAt" = ${this.nowSql()}, "leaseUntil" = NULL
      WHERE "id" = ${message.id}::uuid AND "leaseOwner" = ${this.workerId} AND "status" = 'IN_FLIGHT' AND "attempts" = ${message.attempts}::int4
      RETURNING *`;
    return rows[0] ?? null;
  }

  private async markFailed(message: OutboxMessage, error: unknown): Promise<OutboxMessage | null> {
    const lastError = describeOutboxError(error);
    const dead = isPermanent(error) || message.attempts >= message.maxAttempts;
    let rows: OutboxMessage[];
    if (dead) {
      rows = await this.prisma.$queryRaw<OutboxMessage[]>`
        UPDATE "OutboxMessage" SET "status" = 'DEAD', "lastError" = ${lastError}, "leaseUntil" = NULL
        WHERE "id" = ${message.id}::uuid AND "leaseOwner" = ${this.workerId} AND "status" = 'IN_FLIGHT' AND "attempts" = ${message.attempts}::int4
        RETURNING *`;
    } else {
      const retryAfter = error instanceof ConnectorError && error.retryAfterMs !== undefined && error.retryAfterMs >= 0 ? error.retryAfterMs : undefined;
      const delayMs =
        retryAfter !== undefined
          ? Math.min(retryAfter, MAX_RETRY_AFTER_MS)
          : backoffDelayMs(message.attempts, { baseDelayMs: this.baseDelayMs, maxDelayMs: this.maxDelayMs, random: this.random });
      rows = await this.prisma.$queryRaw<OutboxMessage[]>`
        UPDATE "OutboxMessage"
        SET "status" = 'PENDING', "lastError" = ${lastError}, "leaseOwner" = NULL, "leaseUntil" = NULL,
            "availableAt" = ${this.nowSql()} + (${delayMs}::float8 * interval '1 millisecond')
        WHERE "id" = ${message.id}::uuid AND "leaseOwner" = ${this.workerId} AND "status" = 'IN_FLIGHT' AND "attempts" = ${message.attempts}::int4
        RETURNING *`;
      if (rows[0]) {
        this.logger.warn({ workerId: this.workerId, messageId: message.id, topic: message.topic, attempt: message.attempts, delayMs, lastError }, 'outbox: delivery failed; will retry');
      }
    }
    return rows[0] ?? null;
  }
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`OutboxWorker: ${name} must be a positive number`);
  return value;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`OutboxWorker: ${name} must be a positive integer`);
  return value;
}

/** Operator action: DEAD → PENDING, attempts reset to 0, due now (lastError is kept until the next attempt). */
export async function retryDeadMessage(prisma: PrismaClient, id: string): Promise<OutboxMessage> {
  const existing = await prisma.outboxMessage.findUnique({ where: { id } }).catch((error: unknown) => {
    // An id that is not a uuid cannot name a message.
    if (error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientValidationError) return null;
    throw error;
  });
  if (!existing) throw new NotFoundError('OutboxMessage', id);
  const rows = await prisma.$queryRaw<OutboxMessage[]>`
    UPDATE "OutboxMessage"
    SET "status" = 'PENDING', "attempts" = 0, "availableAt" = now(), "leaseOwner" = NULL, "leaseUntil" = NULL
    WHERE "id" = ${id}::uuid AND "status" = 'DEAD'
    RETURNING *`;
  if (!rows[0]) throw new ConflictError(`outbox message ${id} is not DEAD`, { id, status: existing.status });
  return rows[0];
}

export interface OutboxStats {
  pending: number;
  inFlight: number;
  delivered: number;
  dead: number;
  /** createdAt of the oldest PENDING message (how far the backlog reaches back). */
  oldestPendingAt: Date | null;
}

/** Counts by status; `topic` narrows them to one topic. */
export async function outboxStats(prisma: PrismaClient, filter: { topic?: string } = {}): Promise<OutboxStats> {
  const topic = filter.topic ?? null;
  const rows = await prisma.$queryRaw<OutboxStats[]>`
    SELECT count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
           count(*) FILTER (WHERE "status" = 'IN_FLIGHT')::int AS "inFlight",
           count(*) FILTER (WHERE "status" = 'DELIVERED')::int AS "delivered",
           count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead",
           min("createdAt") FILTER (WHERE "status" = 'PENDING') AS "oldestPendingAt"
    FROM "OutboxMessage"
    WHERE ${topic}::text IS NULL OR "topic" = ${topic}::text`;
  const row = rows[0];
  return { pending: row.pending, inFlight: row.inFlight, delivered: row.delivered, dead: row.dead, oldestPendingAt: row.oldestPendingAt ?? null };
}
