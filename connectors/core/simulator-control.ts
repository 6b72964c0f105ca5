// Switches every simulator understands, and the counters tests and benchmarks read. A simulator
// serves them at /__simulator (GET to read, POST a partial SimulatorSwitches to change, DELETE to
// reset) so a standalone simulator can be steered from another process.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SimulatorSwitches {
  /** Added to every answer. */
  latencyMs: number;
  /** Share of calls (0–1) answered with an internal error (500 / soap:Server fault). */
  errorRate: number;
  /** Answer 429 with Retry-After. */
  rateLimited: boolean;
  retryAfterSeconds: number;
  /** Answer 503 maintenance with Retry-After. */
  maintenance: boolean;
  /** Answer 200 with a body that is not valid for the contract (broken JSON / XML). */
  malformed: boolean;
  /** Answer with this error code of the system's own enum (e.g. INVALID_CODE, AUTH_FAILED). */
  fault: string | null;
  /** Answer 503 with a gateway HTML page instead of the system's own body. */
  gatewayError: boolean;
}

export const DEFAULT_SWITCHES: SimulatorSwitches = {
  latencyMs: 0,
  errorRate: 0,
  rateLimited: false,
  retryAfterSeconds: 1,
  maintenance: false,
  malformed: false,
  fault: null,
  gatewayError: false,
};

export class SimulatorControl {
  switches: SimulatorSwitches = { ...DEFAULT_SWITCHES };
  /** Calls received per operation, counted before any switch is applied. */
  calls: Record<string, number> = {};
  /** Items asked for per operation (e.g. codes in a batch), for batching assertions. */
  items: Record<string, number> = {};

  set(partial: Partial<SimulatorSwitches>): void {
    this.switches = { ...this.switches, ...partial };
  }

  reset(): void {
    this.switches = { ...DEFAULT_SWITCHES };
    this.calls = {};
    this.items = {};
  }

  count(operation: string, items = 1): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.items[operation] = (this.items[operation] ?? 0) + items;
  }

  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  /** Whether this call should fail as an internal error, by errorRate. */
  shouldFail(random: () => number = Math.random): boolean {
    return this.switches.errorRate > 0 && random() < this.switches.errorRate;
  }

  delay(): Promise<void> {
    const ms = this.switches.latencyMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** Handles /__simulator; returns true when it answered. */
  handleControlRequest(req: IncomingMessage, res: ServerResponse): boolean {
    if (!req.url || !req.url.startsWith('/__simulator')) return false;
    const reply = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ switches: this.switches, calls: this.calls, items: this.items }));
    };
    if (req.method === 'GET') {
      reply();
      return true;
    }
    if (req.method === 'DELETE') {
      this.reset();
      reply();
      return true;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      try {
        this.set(JSON.parse(body || '{}') as Partial<SimulatorSwitches>);
        reply();
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'body must be a JSON object of switches' }));
      }
    });
    return true;
  }
}
