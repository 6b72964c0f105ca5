// Shared helpers of the 12345 hotline connector tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HOTLINE_DEFAULTS, type HotlineConfig } from '../../../connectors/hotline-12345/config';
import type { WorkOrderEvent } from '../../../connectors/hotline-12345/types';
import { verifyWebhookSignature } from '../../../connectors/hotline-12345/webhooks';
import { fakeClock as sharedFakeClock, type FakeClock } from '../support/policy-test-kit';
import { startSignedReceiver, type ReceivedSigned, type SignedReceiver } from '../support/webhook-test-kit';

export { everythingIn, until } from '../support/webhook-test-kit';

export const API_KEY = 'hk_unit_test_9Zx4Qw7Rt2Yp';
export const WEBHOOK_SECRET = 'whsec_unit_test_12345_6f5e4d';
export const ASSIGNEE = '440309-GH-ZHZF';

/** The contract's examples (shared/contracts/examples/hotline-12345), read as published. */
export const CONTRACT_EXAMPLES = path.resolve(__dirname, '../../../../shared/contracts/examples/hotline-12345');

export function example<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(path.join(CONTRACT_EXAMPLES, file), 'utf8')) as T;
}

export function exampleBytes(file: string): Buffer {
  return readFileSync(path.join(CONTRACT_EXAMPLES, file));
}

export function testConfig(overrides: Partial<HotlineConfig> = {}): HotlineConfig {
  return {
    ...HOTLINE_DEFAULTS,
    url: 'http://hotline.test',
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    previousWebhookSecret: null,
    assignee: ASSIGNEE,
    ...overrides,
  };
}

export { captureLogger, failure, type CapturedLog, type FakeClock } from '../support/policy-test-kit';

/** A clock that records waits instead of sleeping; random() = 0 unless given. */
export function fakeClock(startMs: number, random = 0): FakeClock {
  return sharedFakeClock(startMs, random);
}

/** A deterministic random source (mulberry32) for the simulator's generated content. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ───────────── webhook receiver (the hub's endpoint, for simulator tests) ─────────────

export type ReceivedWebhook = ReceivedSigned<WorkOrderEvent>;
export type WebhookReceiver = SignedReceiver<WorkOrderEvent>;

/** A local HTTP server standing in for `POST {hub}/webhooks/hotline/work-orders`; verifies every signature. */
export function startReceiver(secrets: () => string[], nowSeconds: () => number): Promise<WebhookReceiver> {
  return startSignedReceiver<WorkOrderEvent>(
    { path: '/webhooks/hotline/work-orders', header: 'x-hotline-signature', verify: verifyWebhookSignature, noun: 'webhooks' },
    secrets,
    nowSeconds,
  );
}
