// 数据共享协议 as data: ADMIN manages them, AUDITOR reads them, and the field policy
// (src/auth/field-policy.ts) asks which are in force for a partner on every request.
import type { DataSharingAgreement as AgreementRow, Prisma, PrismaClient } from '../../generated/prisma/client';
import type { DepartmentKind, PowerCategory } from '../../generated/prisma/enums';
import type { RequestScope } from '../../context';
import { hasRole } from '../../auth/principal';
import type { AgreementInForce, CaseAccess, FieldCatalogue, FieldPolicyStore } from '../../auth/field-policy';
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '../../errors/domain-errors';
import type { CreateDataSharingAgreementInput, UpdateDataSharingAgreementInput } from './data-sharing.input';
import { AgreementStatus } from './data-sharing.type';

/** Departments outside the enforcement system that read cases under an agreement (职能部门, 公安, 检察院). */
export const PARTNER_KINDS: readonly DepartmentKind[] = ['FUNCTIONAL_DEPT', 'PUBLIC_SECURITY', 'PROCURATORATE'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class DataSharingService implements FieldPolicyStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  // ───────────── management (ADMIN) and review (AUDITOR) ─────────────

  async list(scope: RequestScope, filter: { departmentCode?: string | null; status?: AgreementStatus[] | null }): Promise<AgreementRow[]> {
    if (!hasRole(scope.principal, 'ADMIN', 'AUDITOR')) {
      throw new ForbiddenError('data-sharing agreements are read by administrators and auditors', { rule: 'AGREEMENT_READER', requiredRole: 'ADMIN' });
    }
    const where: Prisma.DataSharingAgreementWhereInput = filter.departmentCode ? { department: { is: { code: filter.departmentCode } } } : {};
    const rows = await this.prisma.dataSharingAgreement.findMany({ where, orderBy: [{ agreementNo: 'asc' }] });
    const wanted = filter.status?.length ? new Set(filter.status) : null;
    return wanted ? rows.filter((r) => wanted.has(this.statusOf(r))) : rows;
  }

  async create(scope: RequestScope, input: CreateDataSharingAgreementInput, catalogue: FieldCatalogue): Promise<AgreementRow> {
    this.assertAdmin(scope);
    const department = await this.prisma.department.findUnique({ where: { code: input.departmentCode } });
    if (!department) throw new ValidationError('departmentCode', 'UNKNOWN_DEPARTMENT', `no department ${input.departmentCode}`);
    if (!PARTNER_KINDS.includes(department.kind)) {
      throw new ValidationError(
        'departmentCode',
        'PARTNER_DEPARTMENT',
        `${input.departmentCode} is a ${department.kind}; agreements are made with ${PARTNER_KINDS.join(', ')} departments`,
      );
    }
    const fields = validFields(input.fields, catalogue);
    const categories = validCategories(input.categories);
    assertPeriod(input.validFrom, input.validTo);
    if (await this.prisma.dataSharingAgreement.findUnique({ where: { agreementNo: input.agreementNo }, select: { id: true } })) {
      throw new ValidationError('agreementNo', 'UNIQUE', `agreement ${input.agreementNo} exists already`);
    }
    try {
      return await this.prisma.dataSharingAgreement.create({
        data: {
          agreementNo: input.agreementNo,
          departmentId: department.id,
          purpose: input.purpose.trim(),
          categories,
          fields,
          validFrom: input.validFrom,
          validTo: input.validTo,
          createdAt: this.clock(),
        },
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') throw new ValidationError('agreementNo', 'UNIQUE', `agreement ${input.agreementNo} exists already`);
      throw err;
    }
  }

  async update(scope: RequestScope, id: string, input: UpdateDataSharingAgreementInput, catalogue: FieldCatalogue): Promise<AgreementRow> {
    this.assertAdmin(scope);
    const current = await this.get(id);
    if (current.revokedAt) throw new PreconditionError('AGREEMENT_REVOKED', `agreement ${current.agreementNo} was revoked; make a new one`);
    const data: Prisma.DataSharingAgreementUpdateInput = {};
    if (input.purpose !== undefined && input.purpose !== null) data.purpose = input.purpose.trim();
    if (input.categories) data.categories = validCategories(input.categories);
    if (input.fields) data.fields = validFields(input.fields, catalogue);
    const validFrom = input.validFrom ?? current.validFrom;
    const validTo = input.validTo ?? current.validTo;
    assertPeriod(validFrom, validTo, input.validTo ? 'validTo' : 'validFrom');
    if (input.validFrom) data.validFrom = input.validFrom;
    if (input.validTo) data.validTo = input.validTo;
    return this.prisma.dataSharingAgreement.update({ where: { id }, data });
  }

  /** Ends the agreement now; the partner's next request reads nothing under it. */
  async revoke(scope: RequestScope, id: string): Promise<AgreementRow> {
    this.assertAdmin(scope);
    const current = await this.get(id);
    if (current.revokedAt) throw new PreconditionError('AGREEMENT_REVOKED', `agreement ${current.agreementNo} was revoked already`);
    return this.prisma.dataSharingAgreement.update({ where: { id }, data: { revokedAt: this.clock() } });
  }

  statusOf(a: Pick<AgreementRow, 'validFrom' | 'validTo' | 'revokedAt'>): AgreementStatus {
    const now = this.clock().getTime();
    if (a.revokedAt) return AgreementStatus.REVOKED;
    if (now < a.validFrom.getTime()) return AgreementStatus.PENDING;
    if (now >= a.validTo.getTime()) return AgreementStatus.EXPIRED;
    return AgreementStatus.IN_FORCE;
  }

  private assertAdmin(scope: RequestScope): void {
    if (!hasRole(scope.principal, 'ADMIN')) {
      throw new ForbiddenError('data-sharing agreements are managed by an administrator', { rule: 'AGREEMENT_ADMIN', requiredRole: 'ADMIN' });
    }
  }

  private async get(id: string): Promise<AgreementRow> {
    if (!UUID.test(id)) throw new ValidationError('id', 'UUID', 'must be a UUID');
    const found = await this.prisma.dataSharingAgreement.findUnique({ where: { id } });
    if (!found) throw new NotFoundError('DataSharingAgreement', id);
    return found;
  }

  // ───────────── for the field policy ─────────────

  async agreementsInForce(departmentId: string): Promise<AgreementInForce[]> {
    const now = this.clock();
    const rows = await this.prisma.dataSharingAgreement.findMany({
      where: { departmentId, revokedAt: null, validFrom: { lte: now }, validTo: { gt: now } },
      orderBy: { agreementNo: 'asc' },
      select: { id: true, agreementNo: true, categories: true, fields: true },
    });
    return rows.map((r) => ({ id: r.id, agreementNo: r.agreementNo, categories: r.categories, fields: new Set(r.fields) }));
  }

  async caseAccess(caseIds: readonly string[], departmentId: string): Promise<Map<string, CaseAccess>> {
    const rows = await this.prisma.enforcementCase.findMany({
      where: { id: { in: [...caseIds] } },
      select: {
        id: true,
        departmentId: true,
        powerItem: { select: { category: true } },
        transfers: { where: { toDepartmentId: departmentId }, select: { id: true }, take: 1 },
      },
    });
    return new Map(
      rows.map((r) => [r.id, { departmentId: r.departmentId, category: r.powerItem.category, transferredToCaller: r.transfers.length > 0 }]),
    );
  }

  async partyConcernsDepartment(partyId: string, departmentId: string): Promise<boolean> {
    const found = await this.prisma.caseParty.findFirst({
      where: {
        partyId,
        case: { is: { OR: [{ departmentId }, { transfers: { some: { toDepartmentId: departmentId } } }] } },
      },
      select: { caseId: true },
    });
    return found !== null;
  }
}

function validFields(fields: string[], catalogue: FieldCatalogue): string[] {
  const out: string[] = [];
  fields.forEach((raw, i) => {
    const path = raw.trim();
    if (!catalogue.paths.has(path)) {
      throw new ValidationError(`fields[${i}]`, 'SHAREABLE_FIELD', `${path} is not a shareable field (see the shareableFields query, e.g. EnforcementCase.caseNo)`);
    }
    if (!out.includes(path)) out.push(path);
  });
  return out;
}

function validCategories(categories: PowerCategory[]): PowerCategory[] {
  return [...new Set(categories)];
}

function assertPeriod(validFrom: Date, validTo: Date, field = 'validTo'): void {
  if (!(validFrom.getTime() < validTo.getTime())) {
    throw new ValidationError(field, 'VALID_PERIOD', 'validFrom must be before validTo');
  }
}
