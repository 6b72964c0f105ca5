import type { PrismaClient } from '../../generated/prisma/client';
import type { DepartmentKind } from '../../generated/prisma/enums';

export class DepartmentService {
  constructor(private readonly prisma: PrismaClient) {}

  list(kind?: DepartmentKind | null) {
    return this.prisma.department.findMany({ where: kind ? { kind } : {}, orderBy: { code: 'asc' } });
  }

  /** Used by authentication: the department a token names, with the case categories shared with it today. */
  async forPrincipal(code: string, now: Date) {
    const department = await this.prisma.department.findUnique({ where: { code } });
    if (!department) return null;
    const agreements = await this.prisma.dataSharingAgreement.findMany({
      where: { departmentId: department.id, revokedAt: null, validFrom: { lte: now }, validTo: { gt: now } },
      select: { categories: true },
    });
    return { department, sharedCategories: [...new Set(agreements.flatMap((a) => a.categories))] };
  }
}
