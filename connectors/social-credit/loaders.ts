// Per-request DataLoaders over the credit platform: every profile asked for in one tick goes out
// as BatchQueryCreditProfile calls of at most 50 subjects. Codes that fail their check character
// are refused here, alone, because one bad code would fail the platform's whole batch (INVALID_CODE).
// An optional shared cache (short TTL, created once per connector) spares repeated calls across requests.
import DataLoader from 'dataloader';
import { ConnectorError } from '../core';
import { validatePartyCode } from '../../src/domain/identifiers';
import { CREDIT_BATCH_LIMIT, type SocialCreditClient } from './client';
import type { CreditProfile, CreditQueryPurpose } from './types';

/** Cross-request cache of profiles (and of "no record": null), each entry living ttlMs. */
export class CreditProfileCache {
  private readonly entries = new Map<string, { value: CreditProfile | null; expiresAt: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** Oldest entries are dropped beyond this many. */
    private readonly maxEntries = 10_000,
  ) {
    if (!(ttlMs > 0)) throw new RangeError('CreditProfileCache needs a positive ttlMs');
  }

  /** The cached value, or undefined when absent or expired (expired entries are dropped). */
  get(code: string): { value: CreditProfile | null } | undefined {
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(code);
      return undefined;
    }
    return { value: entry.value };
  }

  set(code: string, value: CreditProfile | null): void {
    this.entries.delete(code);
    this.entries.set(code, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(code: string): void {
    this.entries.delete(code);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface SocialCreditLoaders {
  /** Profile by USCC or ID number; null when the platform has no record of the subject. */
  creditProfile: DataLoader<string, CreditProfile | null>;
}

export interface SocialCreditLoaderOptions {
  /** Sent with every batch (audited by the platform); default: the client's configured purpose. */
  purpose?: CreditQueryPurpose;
  /** "Today" for the ID-number birth-date rule; default now. */
  today?: () => Date;
}

function invalidCode(code: string, problem: string): ConnectorError {
  return new ConnectorError('UPSTREAM_REJECTED', 'social-credit', `subject code is invalid (INVALID_CODE): ${problem}`, {
    retryable: false,
    upstreamCode: 'INVALID_CODE',
  });
}

/** Create once per request. `sharedCache` is the connector's CreditProfileCache, when configured. */
export function createSocialCreditLoaders(
  client: SocialCreditClient,
  sharedCache?: CreditProfileCache | null,
  options: SocialCreditLoaderOptions = {},
): SocialCreditLoaders {
  const creditProfile = new DataLoader<string, CreditProfile | null>(
    async (codes) => {
      const results: Array<CreditProfile | null | Error> = new Array(codes.length);
      const toFetch = new Map<string, number[]>();
      const today = options.today?.() ?? new Date();
      codes.forEach((code, i) => {
        const { problem } = validatePartyCode(code, today);
        if (problem) {
          results[i] = invalidCode(code, problem.message);
          return;
        }
        const cached = sharedCache?.get(code);
        if (cached) {
          results[i] = cached.value;
          return;
        }
        const slots = toFetch.get(code);
        if (slots) slots.push(i);
        else toFetch.set(code, [i]);
      });
      if (toFetch.size > 0) {
        try {
          const { profiles } = await client.batchQueryCreditProfile([...toFetch.keys()], { purpose: options.purpose });
          const byCode = new Map(profiles.map((p) => [p.subjectCode, p]));
          for (const [code, slots] of toFetch) {
            // Listed in notFound — or, against the contract, in neither list: no record either way.
            const value = byCode.get(code) ?? null;
            sharedCache?.set(code, value);
            for (const i of slots) results[i] = value;
          }
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          for (const slots of toFetch.values()) for (const i of slots) results[i] = error;
        }
      }
      return results;
    },
    { maxBatchSize: CREDIT_BATCH_LIMIT },
  );
  return { creditProfile };
}
