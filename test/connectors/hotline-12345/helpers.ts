// Shared helpers of the 12345 hotline connector tests.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HOTLINE_DEFAULTS, type HotlineConfig } from '../../../connectors/hotline-12345/config';
import type { WorkOrderEvent } from '../../../connectors/hotline-12345/types';
import { verifyWebhookSignature, type WebhookVerification } from '../../../connectors/hotline-12345/webhooks';
import { fakeClock as sharedFakeClock, type FakeClock } from '../support/policy-test-kit';

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

/** Polls `condition` every 5 ms; fails (instead of hanging) when it is not met within `ms`. */
export async function until(condition: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
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

export interface ReceivedWebhook {
  raw: Buffer;
  header: string | undefined;
  verification: WebhookVerification;
  event: WorkOrderEvent;
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers with these statuses first (one per request), then 204. */
  failNext(...statuses: number[]): void;
  /** Resolves once `count` webhooks arrived; fails after a few seconds instead of hanging. */
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A local HTTP server standing in for `POST {hub}/webhooks/hotline/work-orders`; verifies every signature. */
export async function startReceiver(secrets: () => string[], nowSeconds: () => number): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const planned: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = req.headers['x-hotline-signature'];
      const value = typeof header === 'string' ? header : undefined;
      const verification = verifyWebhookSignature(raw, value, secrets(), nowSeconds());
      const status = !verification.ok ? 401 : (planned.shift() ?? 204);
      received.push({ raw, header: value, verification, event: JSON.parse(raw.toString('utf8')) as WorkOrderEvent, answered: status });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/hotline/work-orders`,
    received,
    failNext: (...statuses) => planned.push(...statuses),
    waitFor: async (count) => {
      await until(() => received.length >= count, `${count} webhooks (got ${received.length})`);
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
