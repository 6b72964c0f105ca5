// The identity of an operation in the persisted-operation manifest and in Apollo's APQ
// extension: the lowercase hex SHA-256 of the query text, as sent.
import { createHash } from 'node:crypto';

export function operationHash(query: string): string {
  return createHash('sha256').update(query, 'utf8').digest('hex');
}
