// The audit log: one append-only, hash-chained record per request, read or write. Writers take
// a transaction-scoped advisory lock so concurrent requests (and several hub instances) extend
// one chain without forks.
import type { AuditRecord, Prisma, PrismaClient } from '../generated/prisma/client';
import { GENESIS_HASH, chainHash } from '../domain/hash-chain';

export interface AuditEntry {
  sub: string;
  dept: string | null;
  roles: string[];
  purpose: string | null;
  operationType: string;
  operationName: string | null;
  fields: string[];
  caseIds: string[];
  personalFields: string[];
  outcome: string;
  requestId: string;
  at: Date;
}

/** Any 64-bit constant works; it names the audit chain's lock. */
const AUDIT_CHAIN_LOCK = 7_310_022_001;

export function auditHashContent(e: AuditEntry & { id: bigint | string }): Record<string, unknown> {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    sub: e.sub,
    dept: e.dept,
    roles: e.roles,
    purpose: e.purpose,
    operationType: e.operationType,
    operationName: e.operationName,
    fields: e.fields,
    caseIds: e.caseIds,
    personalFields: e.personalFields,
    outcome: e.outcome,
    requestId: e.requestId,
  };
}

export interface AuditChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  problem: string | null;
}

/** What can be wrong with a record of the chain (names as ChainProblemKind of case histories). */
export type AuditProblemKind = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQUENCE_GAP';

export interface AuditProblem {
  /** The record that does not verify (for a gap: the first record after it). */
  recordId: string;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditInspection {
  valid: boolean;
  checked: number;
  problems: AuditProblem[];
  /** The newest record: keep its id and hash elsewhere to detect a removed or re-hashed tail. */
  head: { id: string; hash: string } | null;
}

export interface AuditRecordFilter {
  sub?: string | null;
  dept?: string | null;
  /** Operation name, or a root field of the operation. */
  operation?: string | null;
  /** OK, PARTIAL or ERROR (any code), or an exact outcome such as ERROR:FORBIDDEN. */
  outcome?: string | null;
  caseId?: string | null;
  from?: Date | null;
  to?: Date | null;
  personalDataOnly?: boolean | null;
}

/** The Prisma filter of an audit-record query. */
export function auditRecordWhere(filter: AuditRecordFilter): Prisma.AuditRecordWhereInput {
  const and: Prisma.AuditRecordWhereInput[] = [];
  if (filter.sub) and.push({ sub: filter.sub });
  if (filter.dept) and.push({ dept: filter.dept });
  if (filter.operation) and.push({ OR: [{ operationName: filter.operation }, { fields: { has: filter.operation } }] });
  if (filter.outcome) {
    and.push(filter.outcome.includes(':') ? { outcome: filter.outcome } : { OR: [{ outcome: filter.outcome }, { outcome: { startsWith: `${filter.outcome}:` } }] });
  }
  if (filter.caseId) and.push({ caseIds: { has: filter.caseId } });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.to) and.push({ at: { lt: filter.to } });
  if (filter.personalDataOnly) and.push({ personalFields: { isEmpty: false } });
  return { AND: and };
}

type AuditReader = { auditRecord: Pick<PrismaClient['auditRecord'], 'findMany'> };

export class AuditLog {
  constructor(private readonly prisma: PrismaClient) {}

  async write(entry: AuditEntry): Promise<void> {
    const caseIds = [...new Set(entry.caseIds)].sort();
    const personalFields = [...new Set(entry.personalFields)].sort();
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', AUDIT_CHAIN_LOCK);
      const last = await tx.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { id: true, hash: true } });
      const id = (last?.id ?? 0n) + 1n;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const record = { ...entry, caseIds, personalFields, id };
      await tx.auditRecord.create({ data: { ...record, prevHash, hash: chainHash(prevHash, auditHashContent(record)) } });
    });
  }

  /** Recomputes the chain in id order, in pages, and names the first record that does not verify. */
  async verify(pageSize = 5000): Promise<AuditChainCheck> {
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let after = 0n;
    for (;;) {
      const page = await this.prisma.auditRecord.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: pageSize });
      if (page.length === 0) return { valid: true, checked, firstBrokenId: null, problem: null };
      for (const row of page) {
        if (row.prevHash !== prevHash) {
          return { valid: false, checked, firstBrokenId: row.id.toString(), problem: 'does not link to the record before it' };
        }
        const expected = chainHash(prevHash, auditHashContent({ ...row, dept: row.dept, purpose: row.purpose, operationName: row.operationName }));
        if (expected !== row.hash) {
          return { valid: false, checked, firstBrokenId: row.id.toString(), problem: 'content does not match its hash' };
        }
        prevHash = row.hash;
        checked += 1;
        after = row.id;
      }
    }
  }

  /**
   * Checks the whole chain and names every record that does not verify: one changed after it was
   * written (HASH_MISMATCH), one that no longer links to the record before it because that one was
   * changed and re-hashed, removed or inserted (PREV_HASH_MISMATCH), and missing ids (SEQUENCE_GAP:
   * ids are consecutive from 1). `reader` may be a transaction. A removed or re-hashed newest record
   * leaves no trace in the chain itself: compare `head` with a copy kept elsewhere.
   */
  async inspect(options: { pageSize?: number; maxProblems?: number; reader?: AuditReader } = {}): Promise<AuditInspection> {
    const pageSize = options.pageSize ?? 5000;
    const maxProblems = options.maxProblems ?? 100;
    const reader = options.reader ?? this.prisma;
    const problems: AuditProblem[] = [];
    let prevHash = GENESIS_HASH;
    let expectedId = 1n;
    let checked = 0;
    let head: AuditInspection['head'] = null;
    for (;;) {
      const page: AuditRecord[] = await reader.auditRecord.findMany({ where: { id: { gte: expectedId } }, orderBy: { id: 'asc' }, take: pageSize });
      if (page.length === 0) break;
      for (const row of page) {
        const id = row.id.toString();
        const gap = row.id !== expectedId;
        if (gap) {
          const missing = row.id - expectedId === 1n ? `record ${expectedId} is` : `records ${expectedId}–${row.id - 1n} are`;
          problems.push({ recordId: id, kind: 'SEQUENCE_GAP', message: `${missing} missing before record ${id} (removed)` });
        } else if (row.prevHash !== prevHash) {
          problems.push({
            recordId: id,
            kind: 'PREV_HASH_MISMATCH',
            message: `record ${id} does not link to record ${row.id - 1n}: that record was changed and re-hashed, removed or inserted`,
          });
        }
        if (chainHash(row.prevHash, auditHashContent(row)) !== row.hash) {
          problems.push({ recordId: id, kind: 'HASH_MISMATCH', message: `record ${id} was changed after it was written (its content does not match its hash)` });
        }
        prevHash = row.hash;
        expectedId = row.id + 1n;
        checked += 1;
        head = { id, hash: row.hash };
        if (problems.length >= maxProblems) return { valid: false, checked, problems: problems.slice(0, maxProblems), head };
      }
      if (page.length < pageSize) break;
    }
    return { valid: problems.length === 0, checked, problems, head };
  }

  /** Newest first, keyset-paged by id. */
  async list(filter: AuditRecordFilter, page: { first: number; afterId: bigint | null }): Promise<{ rows: AuditRecord[]; hasNextPage: boolean }> {
    const where = auditRecordWhere(filter);
    const rows = await this.prisma.auditRecord.findMany({
      where: page.afterId === null ? where : { AND: [where, { id: { lt: page.afterId } }] },
      orderBy: { id: 'desc' },
      take: page.first + 1,
    });
    return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first };
  }

  count(filter: AuditRecordFilter): Promise<number> {
    return this.prisma.auditRecord.count({ where: auditRecordWhere(filter) });
  }
}
