import type { RequestScope } from '../../context';
import { hasRole } from '../../auth/principal';
import { ForbiddenError } from '../../errors/domain-errors';
import type { Upstream } from '../../upstream/upstream';
import type { ConnectorHealthReport } from './connector-health.type';

export class ConnectorHealthService {
  constructor(private readonly upstream: Upstream) {}

  report(scope: RequestScope): ConnectorHealthReport[] {
    if (!hasRole(scope.principal, 'SUPERVISOR', 'ADMIN')) {
      throw new ForbiddenError('connector health is for supervisors and administrators', { requiredRole: 'SUPERVISOR' });
    }
    return this.upstream.all().map((c) => c.health() as ConnectorHealthReport);
  }
}
