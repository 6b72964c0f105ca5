// Operators' view of the outbox: how much waits, what died, and a retry for a dead message.
import type { PrismaClient } from '../../generated/prisma/client';
import type { RequestScope } from '../../context';
import { hasRole } from '../../auth/principal';
import { ForbiddenError } from '../../errors/domain-errors';
import { outboxStats, retryDeadMessage } from '../../outbox/outbox';

export class OutboxService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly wake: () => void,
  ) {}

  stats(scope: RequestScope, topic?: string | null) {
    if (!hasRole(scope.principal, 'SUPERVISOR', 'ADMIN')) {
      throw new ForbiddenError('outbox statistics are for supervisors and administrators', { requiredRole: 'ADMIN' });
    }
    return outboxStats(this.prisma, topic ? { topic } : {});
  }

  async retry(scope: RequestScope, id: string) {
    if (!hasRole(scope.principal, 'ADMIN')) throw new ForbiddenError('only an administrator retries a dead delivery', { requiredRole: 'ADMIN' });
    const message = await retryDeadMessage(this.prisma, id);
    this.wake();
    return message;
  }
}
