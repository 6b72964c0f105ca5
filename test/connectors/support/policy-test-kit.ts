// Test doubles shared by the connectors' tests: a clock that records waits instead of sleeping,
// a logger that keeps what it was given (to prove credentials never reach it), and a helper to
// inspect a rejection.
import type { PolicyClock } from '../../../connectors/core/call-policy';
import type { ConnectorLogger } from '../../../connectors/core/types';

export interface FakeClock extends PolicyClock {
  /** Every wait CallPolicy asked for, in ms, instead of sleeping. */
  sleeps: number[];
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock whose sleep records the request and moves time on, without waiting. */
export function fakeClock(startMs: number, random: number): FakeClock {
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
