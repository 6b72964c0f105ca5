// Parties are looked up by their legal identifier; a malformed code is refused before any query.
import type { PrismaClient, Party } from '../../generated/prisma/client';
import type { RequestScope } from '../../context';
import { validatePartyCode } from '../../domain/identifiers';
import { NotFoundError } from '../../errors/domain-errors';
import { identifierError } from '../common/identifier-error';

export class PartyService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async getParty(_scope: RequestScope, code: string): Promise<Party> {
    const { kind, problem } = validatePartyCode(code, this.clock());
    if (problem) throw identifierError('code', kind, problem);
    const party = await this.prisma.party.findUnique({ where: { code } });
    if (!party) throw new NotFoundError('Party', code);
    return party;
  }
}
