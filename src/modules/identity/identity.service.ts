// Identity checks against public security (公安). Minimum necessary: the hub sends name, number,
// purpose and case number, and keeps only MATCH/MISMATCH/NOT_FOUND and the verification id.
import type { IdentityCheck } from '../../generated/prisma/client';
import type { RequestScope } from '../../context';
import { validateIdNumber } from '../../domain/identifiers';
import { PreconditionError } from '../../errors/domain-errors';
import { identifierError } from '../common/identifier-error';
import type { CaseService } from '../case/case.service';
import type { PersonToVerify } from './identity.input';
import type { VerificationPurpose } from './identity.type';

export class IdentityService {
  constructor(
    private readonly cases: CaseService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Checks several persons in one batched call and records every result on the case. */
  async verify(scope: RequestScope, caseId: string, persons: PersonToVerify[], purpose: VerificationPurpose): Promise<IdentityCheck[]> {
    const today = this.clock();
    persons.forEach((p, i) => {
      const problem = validateIdNumber(p.idNumber, today);
      if (problem) throw identifierError(persons.length === 1 ? 'idNumber' : `persons[${i}].idNumber`, 'PERSON', problem);
    });
    const c = await this.cases.getCase(scope, { id: caseId });
    this.cases.assertMayHandle(scope, c);
    // Loaded in one tick: the loader turns them into BatchVerifyIdentity calls of ≤ 20.
    const outcomes = await Promise.all(
      persons.map((p) => scope.upstream.identity.load({ name: p.name, idNumber: p.idNumber, purpose, caseNo: c.caseNo })),
    );
    const parties = await scope.loaders.partiesByCaseId.load(c.id);
    return this.cases.recordIdentityChecks(
      scope,
      c.id,
      outcomes.map((o, i) => ({
        result: o.match,
        verificationId: o.verificationId,
        purpose,
        partyId: parties.find((p) => p.party.code === persons[i].idNumber)?.partyId ?? null,
      })),
    );
  }

  /** Checks every natural person named on the case, with the names the case records. */
  async verifyCaseParties(scope: RequestScope, caseId: string, purpose: VerificationPurpose): Promise<IdentityCheck[]> {
    const c = await this.cases.getCase(scope, { id: caseId });
    const persons = (await scope.loaders.partiesByCaseId.load(c.id)).filter((p) => p.party.kind === 'PERSON');
    if (persons.length === 0) throw new PreconditionError('NO_PERSON_PARTY', 'the case names no natural person to verify');
    return this.verify(scope, caseId, persons.map((p) => ({ name: p.party.name, idNumber: p.party.code })), purpose);
  }
}
