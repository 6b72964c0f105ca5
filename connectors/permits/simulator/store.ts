// The simulator's permits, as recorded; `present` evaluates status at read time like the system.
import type { Permit } from '../types';
import { shanghaiDate } from '../types';
import {
  CURATED_HOLDERS,
  EXAMPLE_PERMITS,
  KNOWN_HOLDERS,
  addDays,
  generatePermits,
  generatedHolderName,
  storyPermits,
  type HolderSeed,
} from './fixtures';

export class PermitStore {
  private readonly byNo = new Map<string, Permit>();
  private readonly holders = new Map<string, HolderSeed>();
  private readonly materialised = new Set<string>();
  /** Asia/Shanghai date the generated data is relative to. */
  readonly today: string;

  constructor(startMs: number, holders: ReadonlyArray<HolderSeed> = []) {
    this.today = shanghaiDate(startMs);
    for (const h of [...KNOWN_HOLDERS, ...holders]) this.holders.set(h.code, h);
    for (const p of EXAMPLE_PERMITS) this.put(p);
    for (const p of storyPermits(this.today)) this.put(p);
    for (const code of CURATED_HOLDERS) this.materialised.add(code);
    // Known holders' permits exist from the start, so look-ups by number find them.
    for (const code of this.holders.keys()) this.ensureHolder(code);
  }

  /** Adds or replaces a permit as recorded (tests and demos). */
  put(permit: Permit): void {
    this.byNo.set(permit.permitNo, structuredClone(permit));
    this.materialised.add(permit.holderCode);
  }

  get(permitNo: string): Permit | undefined {
    return this.byNo.get(permitNo);
  }

  /** Generates a valid holder code's permits the first time it is asked about. */
  ensureHolder(code: string): void {
    if (this.materialised.has(code)) return;
    this.materialised.add(code);
    const known = this.holders.get(code);
    const holder = known ?? { code, name: generatedHolderName(code) };
    for (const permit of generatePermits(holder, this.today, { atLeastOne: known !== undefined })) {
      let candidate = permit;
      // Sequence numbers are drawn from a hash; on the rare clash take the next free one.
      while (this.byNo.has(candidate.permitNo)) {
        const next = Number(candidate.permitNo.slice(14)) + 1;
        candidate = { ...candidate, permitNo: `${candidate.permitNo.slice(0, 14)}${String(next % 1_000_000).padStart(6, '0')}` };
      }
      this.byNo.set(candidate.permitNo, candidate);
    }
  }

  /** All recorded permits ordered by permitNo. */
  all(): Permit[] {
    return [...this.byNo.values()].sort((a, b) => (a.permitNo < b.permitNo ? -1 : a.permitNo > b.permitNo ? 1 : 0));
  }

  byHolder(code: string): Permit[] {
    this.ensureHolder(code);
    return this.all().filter((p) => p.holderCode === code);
  }
}

/**
 * The permit as the system reports it at `nowMs`: past validTo (Asia/Shanghai) it is EXPIRED
 * unless REVOKED, without the SUSPENDED reason, and its updatedAt moves to the nightly run that
 * expired it (00:00:05 the day after validTo), as in the contract's example.
 */
export function present(permit: Permit, nowMs: number): Permit {
  const copy = structuredClone(permit);
  if (copy.status === 'REVOKED' || copy.validTo >= shanghaiDate(nowMs)) return copy;
  if (copy.status !== 'EXPIRED') {
    copy.status = 'EXPIRED';
    delete copy.statusReason;
    delete copy.statusChangedAt;
  }
  const expiredAt = `${addDays(copy.validTo, 1)}T00:00:05+08:00`;
  if (Date.parse(expiredAt) > Date.parse(copy.updatedAt)) copy.updatedAt = expiredAt;
  return copy;
}
