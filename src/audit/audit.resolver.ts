// The audit log over the API: records for auditors, and the chain check (also `npm run audit:verify`).
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { hasRole } from '../auth/principal';
import { ForbiddenError, ValidationError } from '../errors/domain-errors';
import { AuditRecordConnection, AuditRecordFilterInput, AuditVerification } from './audit.type';
import type { ChainProblemKind } from '../modules/case/case.type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 100;

function encodeAuditCursor(id: bigint): string {
  return Buffer.from(`audit:${id}`, 'utf8').toString('base64url');
}

function decodeAuditCursor(cursor: string): bigint {
  const match = /^audit:([1-9][0-9]{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('after', 'CURSOR', 'is not a cursor returned by this API');
  return BigInt(match[1]);
}

@Resolver()
export class AuditResolver {
  @Query(() => AuditRecordConnection, {
    description: 'The audit log, newest first (AUDITOR): who read or changed what, why, which cases and which personal data were returned',
  })
  async auditRecords(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => AuditRecordFilterInput, { nullable: true }) filter?: AuditRecordFilterInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditRecordConnection> {
    // Separation of duties: the log is read by auditors only, not by the administrators it also records.
    if (!hasRole(ctx.principal, 'AUDITOR')) {
      throw new ForbiddenError('the audit log is read by auditors', { rule: 'AUDIT_READER', requiredRole: 'AUDITOR' });
    }
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new ValidationError('first', 'PAGE_SIZE', `must be between 1 and ${MAX_PAGE}`);
    if (filter?.caseId && !UUID.test(filter.caseId)) throw new ValidationError('filter.caseId', 'UUID', 'must be a UUID');
    const afterId = after ? decodeAuditCursor(after) : null;
    const f = filter ?? {};
    const { rows, hasNextPage } = await ctx.services.audit.list(f, { first: size, afterId });
    const edges = rows.map((r) => ({
      cursor: encodeAuditCursor(r.id),
      node: { ...r, id: r.id.toString(), rootFields: r.fields },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: afterId !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: await ctx.services.audit.count(f),
    };
  }

  @Query(() => AuditVerification, { description: 'Recomputes every hash of the audit log and names each record that does not verify (AUDITOR, ADMIN)' })
  async verifyAuditLog(@Ctx() ctx: HubContext): Promise<AuditVerification> {
    if (!hasRole(ctx.principal, 'AUDITOR', 'ADMIN')) {
      throw new ForbiddenError('the audit chain is verified by auditors and administrators', { rule: 'AUDIT_VERIFIER', requiredRole: 'AUDITOR' });
    }
    const result = await ctx.services.audit.inspect();
    return {
      valid: result.valid,
      checked: result.checked,
      problems: result.problems.map((p) => ({ ...p, kind: p.kind as ChainProblemKind })),
      headId: result.head?.id ?? null,
      headHash: result.head?.hash ?? null,
      verifiedAt: new Date(),
    };
  }
}
