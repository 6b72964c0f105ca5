// Permits as the permits system (行政许可) reports them, joined to parties and cases. A failure
// of that system fails only the permit fields of an answer (partial results).
import type { EnforcementCase, Party } from '../../generated/prisma/client';
import type { Permit } from '../../../connectors/permits';
import type { RequestScope } from '../../context';
import { NotFoundError, ValidationError } from '../../errors/domain-errors';
import type { CaseService } from '../case/case.service';

const PERMIT_NO = /^[0-9]{6}[A-Z]{4}[0-9]{10}$/;

export class PermitService {
  constructor(private readonly cases: CaseService) {}

  async getPermit(scope: RequestScope, permitNo: string): Promise<Permit | null> {
    if (!PERMIT_NO.test(permitNo)) {
      throw new ValidationError('permitNo', 'PERMIT_NO_FORMAT', 'must be 6 digits, 4 upper-case letters and 10 digits, e.g. 440309HWGG2025000123');
    }
    return scope.upstream.permits.permitByNo.load(permitNo);
  }

  partyPermits(scope: RequestScope, party: Pick<Party, 'code'>): Promise<Permit[]> {
    return scope.upstream.permits.permitsByHolder.load(party.code);
  }

  /** The parties' permits of the types that matter for the case's power item (e.g. 户外广告 → OUTDOOR_AD). */
  async caseRelatedPermits(scope: RequestScope, c: Pick<EnforcementCase, 'id' | 'powerItemId'>): Promise<Permit[]> {
    const [item, parties] = await Promise.all([scope.loaders.powerItemById.load(c.powerItemId), scope.loaders.partiesByCaseId.load(c.id)]);
    const types = new Set(item?.permitTypes ?? []);
    if (types.size === 0 || parties.length === 0) return [];
    const lists = await Promise.all(parties.map((p) => scope.upstream.permits.permitsByHolder.load(p.party.code)));
    return lists.flat().filter((permit) => types.has(permit.type));
  }

  /** Records on the case what the permits system says about a permit now, as evidence. */
  async recordPermitCheck(scope: RequestScope, caseId: string, permitNo: string): Promise<EnforcementCase> {
    const permit = await this.getPermit(scope, permitNo);
    if (!permit) throw new NotFoundError('Permit', permitNo);
    return this.cases.recordPermitCheck(scope, caseId, permit as unknown as Record<string, unknown> & { permitNo: string; status: string });
  }
}
