// Per-request DataLoaders over the permits client. Create one set per GraphQL request (the cache
// is the request's: permit status is evaluated at read time by the system, so nothing is kept
// across requests). A failed call rejects every key it covered with the same ConnectorError, so
// each GraphQL field resolves to null with that error while the rest of the response survives.
import DataLoader from 'dataloader';
import { ConnectorError } from '../core/connector-error';
import type { PermitsClient } from './client';
import { BATCH_GET_LIMIT } from './client';
import { invalidArgument } from './errors';
import { PERMIT_NO_PATTERN, type Permit } from './types';
import { settleLimit } from './util';

export interface PermitsLoaders {
  /** Permit by number; null when the system does not know it. Batched into batchGetPermits (≤100 per call, one call per tick). */
  permitByNo: DataLoader<string, Permit | null>;
  /** All permits of a holder (USCC or ID number), every status; one listHolderPermits per distinct holder per request. */
  permitsByHolder: DataLoader<string, Permit[]>;
}

/** Parallel holder look-ups of one tick (the system allows 20 requests/s per app). */
const HOLDER_CONCURRENCY = 4;

function asError(err: unknown): Error {
  return err instanceof Error ? err : new ConnectorError('UPSTREAM_UNAVAILABLE', 'permits', 'permits call failed');
}

export function createPermitsLoaders(client: PermitsClient): PermitsLoaders {
  const permitByNo = new DataLoader<string, Permit | null>(
    async (keys) => {
      // DataLoader has already removed duplicate keys. A malformed number fails alone (the system
      // would refuse the whole batch with 400), the well-formed rest goes out in one call.
      const wellFormed = keys.filter((k) => PERMIT_NO_PATTERN.test(k));
      let byNo = new Map<string, Permit>();
      let failure: Error | null = null;
      if (wellFormed.length > 0) {
        try {
          const result = await client.batchGetPermits(wellFormed);
          byNo = new Map(result.found.map((p) => [p.permitNo, p]));
        } catch (err) {
          failure = asError(err);
        }
      }
      return keys.map((key) => {
        if (!PERMIT_NO_PATTERN.test(key)) return invalidArgument('permitNo is not a permit number (6-digit region, 4-letter type, 10 digits)');
        if (failure) return failure;
        return byNo.get(key) ?? null;
      });
    },
    { maxBatchSize: BATCH_GET_LIMIT },
  );

  // The contract has no batch-by-holder endpoint, so one listHolderPermits call (all of its pages)
  // per distinct holder per request, cached for the request, is the best possible under it.
  // Holders asked in the same tick are fetched in parallel, a few at a time.
  const permitsByHolder = new DataLoader<string, Permit[]>(async (holderCodes) => {
    const settled = await settleLimit(holderCodes, HOLDER_CONCURRENCY, (code) => client.listHolderPermits(code));
    return settled.map((s) => {
      if (!s.ok) return asError(s.error);
      // What a holder look-up returned also answers later look-ups by number in this request.
      for (const permit of s.value) permitByNo.prime(permit.permitNo, permit);
      return s.value;
    });
  });

  return { permitByNo, permitsByHolder };
}
