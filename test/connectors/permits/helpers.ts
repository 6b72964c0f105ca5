// Shared helpers of the permits connector tests.
import { fakeClock as sharedFakeClock, type FakeClock } from '../support/policy-test-kit';
import path from 'node:path';
import { readFileSync } from 'node:fs';
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

export { captureLogger, failure, type CapturedLog, type FakeClock } from '../support/policy-test-kit';

/** A clock that records waits instead of sleeping; random() = 1 unless given. */
export function fakeClock(startMs: number, random = 1): FakeClock {
  return sharedFakeClock(startMs, random);
}
