// Credit standing from the public credit platform, batched per request (≤ 50 codes a call).
import type { CreditProfile } from '../../../connectors/social-credit';
import type { RequestScope } from '../../context';

export class CreditService {
  /** Null when the platform has no record of the party. */
  partyCredit(scope: RequestScope, party: { code: string }): Promise<CreditProfile | null> {
    return scope.upstream.creditProfile.load(party.code);
  }
}
