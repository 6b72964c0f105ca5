// Per-request DataLoader over the hotline client, for live look-ups of work orders (the hub
// normally reads its own mirrored copy). Create one per GraphQL request: orders change all the
// time, so nothing is cached across requests. The contract has no batch endpoint, so one
// getWorkOrder per distinct order number, a few at a time (10 requests/s per key). A failed call
// rejects only its own key, with the ConnectorError, so the rest of the response survives.
import DataLoader from 'dataloader';
import { ConnectorError } from '../core/connector-error';
import type { HotlineClient } from './client';
import { invalidArgument } from './errors';
import { ORDER_NO_PATTERN, type WorkOrder } from './types';

export interface HotlineLoaders {
  /** Work order by orderNo; null when the hotline answers 404 NOT_FOUND. Another unit's order fails with FORBIDDEN. */
  workOrderByNo: DataLoader<string, WorkOrder | null>;
}

/** Parallel look-ups of one tick (the hotline allows 10 requests/s per key). */
const CONCURRENCY = 4;

function asError(err: unknown): Error {
  return err instanceof Error ? err : new ConnectorError('UPSTREAM_UNAVAILABLE', 'hotline-12345', 'hotline-12345 call failed');
}

async function settleLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<Array<{ ok: true; value: R } | { ok: false; error: unknown }>> {
  const results = new Array<{ ok: true; value: R } | { ok: false; error: unknown }>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = { ok: true, value: await fn(items[index]) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function createHotlineLoaders(client: Pick<HotlineClient, 'getWorkOrder'>): HotlineLoaders {
  const workOrderByNo = new DataLoader<string, WorkOrder | null>(async (orderNos) => {
    const settled = await settleLimit(orderNos, CONCURRENCY, async (orderNo) => {
      if (!ORDER_NO_PATTERN.test(orderNo)) throw invalidArgument('orderNo is not a hotline order number (SZ12345 + 14 digits)');
      return client.getWorkOrder(orderNo);
    });
    return settled.map((s) => {
      if (s.ok) return s.value;
      if (s.error instanceof ConnectorError && s.error.upstreamCode === 'NOT_FOUND' && s.error.httpStatus === 404) return null;
      return asError(s.error);
    });
  });
  return { workOrderByNo };
}
