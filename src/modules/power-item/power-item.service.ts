import type { PrismaClient } from '../../generated/prisma/client';
import type { PowerCategory } from '../../generated/prisma/enums';

export class PowerItemService {
  constructor(private readonly prisma: PrismaClient) {}

  list(category?: PowerCategory | null) {
    return this.prisma.powerItem.findMany({ where: { active: true, ...(category ? { category } : {}) }, orderBy: { code: 'asc' } });
  }
}
