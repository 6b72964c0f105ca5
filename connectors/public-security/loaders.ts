// Per-request DataLoader of identity verifications. Keys asked for in the same tick are grouped by
// purpose + caseNo (one audited BatchVerifyIdentity call covers a single purpose and case) and
// sent in calls of ≤20 persons. Invalid keys are refused here and never sent: one bad ID number
// would fail the whole upstream batch, and every person sent counts against the daily quota.
import DataLoader from 'dataloader';
import { validateIdNumber } from '../../src/domain/identifiers';
import type { PublicSecurityClient } from './client';
import { invalidIdNumberError, invalidRequestError } from './errors';
import { PSB_MAX_BATCH, VERIFICATION_PURPOSES, type IdentityCheck, type VerificationOutcome } from './types';

export type IdentityKey = IdentityCheck;

export interface PublicSecurityLoaders {
  identity: DataLoader<IdentityKey, VerificationOutcome, string>;
}

export interface PublicSecurityLoaderOptions {
  /** "Today" for the birth-date rule of ID numbers. */
  today?: () => Date;
  /** BatchVerifyIdentity calls in flight at once per tick (the system allows 5 requests/s). Default 3. */
  maxConcurrentCalls?: number;
}

/** Same person, same name, same purpose and case → same verification. */
export function identityCacheKey(key: IdentityKey): string {
  return JSON.stringify([key.purpose, key.caseNo, key.idNumber, key.name]);
}

function localProblem(key: IdentityKey, today: Date): Error | null {
  if (!key || typeof key !== 'object') return invalidRequestError('identity key is mandatory');
  if (!(VERIFICATION_PURPOSES as ReadonlyArray<string>).includes(key.purpose)) {
    return invalidRequestError(`purpose is mandatory and must be one of ${VERIFICATION_PURPOSES.join(', ')}`);
  }
  if (typeof key.caseNo !== 'string' || key.caseNo.trim() === '' || key.caseNo.length > 64) {
    return invalidRequestError('caseNo is mandatory (1–64 characters)');
  }
  const name = typeof key.name === 'string' ? key.name.trim() : '';
  if (name.length === 0 || name.length > 50) return invalidRequestError('name is mandatory (1–50 characters)');
  const problem = validateIdNumber(typeof key.idNumber === 'string' ? key.idNumber : '', today);
  return problem ? invalidIdNumberError(undefined, `fails the GB 11643 ${problem.rule} rule`) : null;
}

async function runLimited(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), tasks.length) }, worker));
}

export function createPublicSecurityLoaders(
  client: Pick<PublicSecurityClient, 'batchVerifyIdentity'>,
  options: PublicSecurityLoaderOptions = {},
): PublicSecurityLoaders {
  const today = options.today ?? (() => new Date());
  const maxConcurrentCalls = options.maxConcurrentCalls ?? 3;

  const identity = new DataLoader<IdentityKey, VerificationOutcome, string>(
    async (keys) => {
      const results: Array<VerificationOutcome | Error> = new Array<VerificationOutcome | Error>(keys.length);
      const groups = new Map<string, number[]>();
      const now = today();
      keys.forEach((key, i) => {
        const problem = localProblem(key, now);
        if (problem) {
          results[i] = problem;
          return;
        }
        const group = JSON.stringify([key.purpose, key.caseNo]);
        const members = groups.get(group);
        if (members) members.push(i);
        else groups.set(group, [i]);
      });

      const calls: Array<() => Promise<void>> = [];
      for (const members of groups.values()) {
        const { purpose, caseNo } = keys[members[0]];
        for (let offset = 0; offset < members.length; offset += PSB_MAX_BATCH) {
          const chunk = members.slice(offset, offset + PSB_MAX_BATCH);
          calls.push(async () => {
            try {
              const outcomes = await client.batchVerifyIdentity(
                chunk.map((i) => ({ name: keys[i].name, idNumber: keys[i].idNumber })),
                purpose,
                caseNo,
              );
              chunk.forEach((i, j) => {
                results[i] = outcomes[j];
              });
            } catch (err) {
              // A failed call fails every key it carried, with the same ConnectorError.
              const error = err instanceof Error ? err : new Error('public-security verification failed');
              for (const i of chunk) results[i] = error;
            }
          });
        }
      }
      await runLimited(calls, maxConcurrentCalls);
      return results;
    },
    { cacheKeyFn: identityCacheKey },
  );

  return { identity };
}
