import type { IdentifierProblem, PartyCodeKind } from '../../domain/identifiers';
import { ValidationError } from '../../errors/domain-errors';

/** A BAD_USER_INPUT error naming the field and the identifier rule broken, e.g. USCC_CHECK_CHARACTER. */
export function identifierError(field: string, kind: PartyCodeKind, problem: IdentifierProblem): ValidationError {
  const prefix = kind === 'PERSON' ? 'ID_NUMBER' : 'USCC';
  const label = kind === 'PERSON' ? '居民身份证号 (GB 11643-1999)' : '统一社会信用代码 (GB 32100-2015)';
  return new ValidationError(field, `${prefix}_${problem.rule}`, `${label} ${problem.message}`);
}
