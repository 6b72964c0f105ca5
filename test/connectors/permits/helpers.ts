// Shared helpers of the permits connector tests.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { PolicyClock } from '../../../connectors/core/call-policy';
import type { ConnectorLogger } from '../../../connectors/core/types';
import { PERMITS_DEFAULTS, type PermitsConfig } from '../../../connectors/permits/config';

export const APP_ID = 'test-app-lh';
export const APP_SECRET = 'pk_unit_test_secret_3c9d1e7a';

/** The contract's examples (shared/contracts/examples/permits), read as published. */
export const CONTRACT_EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/permits');

export function example<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(path.join(CONTRACT_EXAMPLES, file), 'utf8')) as T;
}

export function exampleBytes(file: string): Buffer {
  return readFileSync(path.join(CONTRACT_EXAMPLES, file));
}

export function testConfig(overrides: Partial<PermitsConfig> = {}): PermitsConfig {
  return { ...PERMITS_DEFAULTS, url: 'http://permits.test', appId: APP_ID, appSecret: APP_SECRET, ...overrides };
}

export interface FakeClock extends PolicyClock {
  /** Every wait CallPolicy asked for, in ms, instead of sleeping. */
  sleeps: number[];
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock whose sleep records the request and moves time on, without waiting. */
export function fakeClock(startMs: number, random = 1): FakeClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

export interface CapturedLog {
  level: string;
  obj: Record<string, unknown>;
  msg?: string;
}

export function captureLogger(): ConnectorLogger & { lines: CapturedLog[] } {
  const lines: CapturedLog[] = [];
  const push = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error'), debug: push('debug') };
}

/** Rejection of a promise, for assertions on its fields. */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject');
}
