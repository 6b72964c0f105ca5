// Shared helpers of the case-transfer connector tests.
import { fakeClock as sharedFakeClock, type FakeClock } from '../support/policy-test-kit';
import { startSignedReceiver, type ReceivedSigned, type SignedReceiver } from '../support/webhook-test-kit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyCallbackSignature } from '../../../connectors/case-transfer/callbacks';
import { CASE_TRANSFER_DEFAULTS, type CaseTransferConfig } from '../../../connectors/case-transfer/config';
import type { Material, MaterialKind, StatusEvent, TransferRequest } from '../../../connectors/case-transfer/types';

export { everythingIn, until } from '../support/webhook-test-kit';

export const CLIENT_ID = 'lfxj-unit-test-hub';
export const CLIENT_SECRET = 'cs_unit_test_Zq8Wm3Rt6Yp1';
export const CALLBACK_SECRET = 'whsec_unit_test_7a6b5c4d3e';

/** The contract's examples (shared/contracts/examples/case-transfer), read as published. */
export const CONTRACT_EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/case-transfer');

export function example<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(path.join(CONTRACT_EXAMPLES, file), 'utf8')) as T;
}

export function exampleBytes(file: string): Buffer {
  return readFileSync(path.join(CONTRACT_EXAMPLES, file));
}

export function testConfig(overrides: Partial<CaseTransferConfig> = {}): CaseTransferConfig {
  return {
    ...CASE_TRANSFER_DEFAULTS,
    url: 'http://lfxj.test',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    callbackSecret: CALLBACK_SECRET,
    previousCallbackSecret: null,
    ...overrides,
  };
}

export { captureLogger, failure, type CapturedLog, type FakeClock } from '../support/policy-test-kit';

/** A clock that records waits instead of sleeping; random() = 0 unless given. */
export function fakeClock(startMs: number, random = 0): FakeClock {
  return sharedFakeClock(startMs, random);
}

/** Waits for a dispatcher to have nothing in flight or scheduled; fails after `ms` instead of hanging. */
export async function settled(dispatcher: { idle(): Promise<void>; pending: number }, ms = 4000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`callbacks still pending after ${ms} ms (${dispatcher.pending})`)), ms);
  });
  try {
    await Promise.race([dispatcher.idle(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The contract's createTransfer example (its materials reference the example's uploads). */
export function exampleTransferRequest(): TransferRequest {
  return example<TransferRequest>('createTransfer.request.json');
}

export const MANDATORY: MaterialKind[] = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT'];

/** The example request with another transferNo and the given materials. */
export function transferRequestWith(transferNo: string, materials: Material[]): TransferRequest {
  return { ...exampleTransferRequest(), transferNo, materials };
}

/** A file's bytes for a material kind (distinct per label). */
export function fileFor(kind: MaterialKind, label: string): Buffer {
  return Buffer.from(`%PDF-1.7 simulated ${kind} for ${label}\n`, 'utf8');
}

// ───────────── callback receiver (the hub's endpoint, for simulator tests) ─────────────

export type ReceivedCallback = ReceivedSigned<StatusEvent>;
export type CallbackReceiver = SignedReceiver<StatusEvent>;

/** A local HTTP server standing in for `POST {hub}/callbacks/case-transfer/status`; verifies every signature. */
export function startReceiver(secrets: () => string[], nowSeconds: () => number): Promise<CallbackReceiver> {
  return startSignedReceiver<StatusEvent>(
    { path: '/callbacks/case-transfer/status', header: 'x-platform-signature', verify: verifyCallbackSignature, noun: 'callbacks' },
    secrets,
    nowSeconds,
  );
}
