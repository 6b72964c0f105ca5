// What the connector tests of the systems that push signed events (case transfer, 12345) share:
// a local server standing in for the hub's endpoint that verifies every signature, polling with a
// deadline, and a look at everything an error could reveal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SignedWebhookVerification } from '../../../connectors/core/signed-webhook';

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

export interface ReceivedSigned<E> {
  raw: Buffer;
  header: string | undefined;
  verification: SignedWebhookVerification;
  event: E;
  answered: number;
}

export interface SignedReceiver<E> {
  url: string;
  received: ReceivedSigned<E>[];
  /** Answers with these statuses first (one per request), then 204. */
  failNext(...statuses: number[]): void;
  /** Resolves once `count` events arrived; fails after a few seconds instead of hanging. */
  waitFor(count: number): Promise<ReceivedSigned<E>[]>;
  close(): Promise<void>;
}

export interface SignedEndpoint {
  /** e.g. /webhooks/hotline/work-orders */
  path: string;
  /** Lower-case header name, e.g. x-hotline-signature */
  header: string;
  verify(raw: Buffer, header: string | undefined, secrets: string[], nowSeconds: number): SignedWebhookVerification;
  /** In timeout messages: "callbacks", "webhooks". */
  noun: string;
}

/** A local HTTP server standing in for the hub's endpoint; 401 for a bad signature, else the planned status or 204. */
export async function startSignedReceiver<E>(endpoint: SignedEndpoint, secrets: () => string[], nowSeconds: () => number): Promise<SignedReceiver<E>> {
  const received: ReceivedSigned<E>[] = [];
  const planned: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = req.headers[endpoint.header];
      const value = typeof header === 'string' ? header : undefined;
      const verification = endpoint.verify(raw, value, secrets(), nowSeconds());
      const status = !verification.ok ? 401 : (planned.shift() ?? 204);
      received.push({ raw, header: value, verification, event: JSON.parse(raw.toString('utf8')) as E, answered: status });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${endpoint.path}`,
    received,
    failNext: (...statuses) => planned.push(...statuses),
    waitFor: async (count) => {
      await until(() => received.length >= count, `${count} ${endpoint.noun} (got ${received.length})`);
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
