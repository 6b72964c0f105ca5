// Shared helpers of the public-security connector tests.
import type { ConnectorLogger, PolicyClock } from '../../../connectors/core';
import { PSB_DEFAULTS, type PublicSecurityClientConfig } from '../../../connectors/public-security';
import { idNumberCheckChar } from '../../../src/domain/identifiers';

export const APP_ID = 'hub-test-app';
export const TOKEN = 'tk_secret_Zq81Lm4Nw0Pp7';

export const PURPOSE = 'CASE_INVESTIGATION' as const;
export const CASE_NO = 'GH-ZF-2025-000112';

/** The README's persons. */
export const CHEN = { name: '陈建国', idNumber: '440306198503122310' };
export const LI = { name: '李秀英', idNumber: '43052419920718402X' };
export const WANG = { name: '王丽娟', idNumber: '360731199005063429' };

export function clientConfig(url: string, overrides: Partial<PublicSecurityClientConfig> = {}): PublicSecurityClientConfig {
  return {
    url,
    appId: APP_ID,
    token: TOKEN,
    timeoutMs: 5_000,
    maxAttempts: PSB_DEFAULTS.maxAttempts,
    baseDelayMs: PSB_DEFAULTS.baseDelayMs,
    maxDelayMs: PSB_DEFAULTS.maxDelayMs,
    maxRetryAfterMs: PSB_DEFAULTS.maxRetryAfterMs,
    breakerFailureThreshold: PSB_DEFAULTS.breakerFailureThreshold,
    breakerOpenMs: PSB_DEFAULTS.breakerOpenMs,
    ...overrides,
  };
}

export interface TestClock extends PolicyClock {
  t: number;
  sleeps: number[];
  /** Called on every sleep (e.g. to switch a simulator fault off before the retry). */
  onSleep: (ms: number) => void;
}

/** A PolicyClock that never really waits: sleep records the milliseconds and advances `t`. */
export function testClock(start = Date.parse('2026-03-18T09:00:00+08:00')): TestClock {
  const clock: TestClock = {
    t: start,
    sleeps: [],
    onSleep: () => undefined,
    now: () => clock.t,
    random: () => 0.5,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
      clock.onSleep(ms);
    },
  };
  return clock;
}

export interface CapturingLogger extends ConnectorLogger {
  lines: Array<{ level: string; obj: Record<string, unknown>; msg?: string }>;
  text(): string;
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return {
    lines,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    text: () => JSON.stringify(lines, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v)),
  };
}

/** A valid ID number: region 440309, the given birth date, sequence `seq` (0–999). */
export function validIdNumber(seq: number, birth = '19900101', region = '440309'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Same number with a wrong check character. */
export function withBadCheck(idNumber: string): string {
  const right = idNumber[17];
  return idNumber.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** Every string property of an error, for leak checks (message, stack, own fields, cause). */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const own: Record<string, unknown> = {};
  for (const k of Object.getOwnPropertyNames(err)) own[k] = (err as unknown as Record<string, unknown>)[k];
  return JSON.stringify(own, (_k, v: unknown) => (v instanceof Error ? errorText(v) : v)) + String(err.stack);
}

export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}
