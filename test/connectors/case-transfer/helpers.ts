// Shared helpers of the case-transfer connector tests.
import { fakeClock as sharedFakeClock, type FakeClock } from '../support/policy-test-kit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { verifyCallbackSignature, type CallbackVerification } from '../../../connectors/case-transfer/callbacks';
import { CASE_TRANSFER_DEFAULTS, type CaseTransferConfig } from '../../../connectors/case-transfer/config';
import type { Material, MaterialKind, StatusEvent, TransferRequest } from '../../../connectors/case-transfer/types';

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

/** Polls `condition` every 5 ms; fails (instead of hanging) when it is not met within `ms`. */
export async function until(condition: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
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

/** Everything an error could reveal: message, stack, own fields, cause chain. */
export function everythingIn(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current != null && depth < 5; depth += 1) {
    const e = current as Error & Record<string, unknown>;
    parts.push(String(e.message), String(e.stack), JSON.stringify(e, Object.getOwnPropertyNames(e)));
    current = e.cause;
  }
  return parts.join('\n');
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

export interface ReceivedCallback {
  raw: Buffer;
  header: string | undefined;
  verification: CallbackVerification;
  event: StatusEvent;
  answered: number;
}

export interface CallbackReceiver {
  url: string;
  received: ReceivedCallback[];
  /** Answers with these statuses first (one per request), then 204. */
  failNext(...statuses: number[]): void;
  /** Resolves once `count` callbacks arrived; fails after a few seconds instead of hanging. */
  waitFor(count: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

/** A local HTTP server standing in for `POST {hub}/callbacks/case-transfer/status`; verifies every signature. */
export async function startReceiver(secrets: () => string[], nowSeconds: () => number): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const planned: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = req.headers['x-platform-signature'];
      const value = typeof header === 'string' ? header : undefined;
      const verification = verifyCallbackSignature(raw, value, secrets(), nowSeconds());
      const status = !verification.ok ? 401 : (planned.shift() ?? 204);
      received.push({ raw, header: value, verification, event: JSON.parse(raw.toString('utf8')) as StatusEvent, answered: status });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks/case-transfer/status`,
    received,
    failNext: (...statuses) => planned.push(...statuses),
    waitFor: async (count) => {
      await until(() => received.length >= count, `${count} callbacks (got ${received.length})`);
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
