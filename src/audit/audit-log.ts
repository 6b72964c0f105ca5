// The audit log: one append-only, hash-chained record per request, read or write. Writers take
// a transaction-scoped advisory lock so concurrent requests (and several hub instances) extend
// one chain without forks.
import type { PrismaClient } from '../generated/prisma/client';
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
}
