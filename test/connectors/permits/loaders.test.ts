// Per-request DataLoaders through the whole connector in simulator mode (real HTTP), counted by
// the simulator.
import { ConnectorError } from '../../../connectors/core/connector-error';
import type { PolicyClock } from '../../../connectors/core/call-policy';
import { createPermitsConnector, parsePermitsConfig, type PermitsConnector } from '../../../connectors/permits';
import type { PermitsSimulator } from '../../../connectors/permits/simulator/server';
import { failure } from './helpers';

/** Real time, but retries do not wait. */
const sleeps: number[] = [];
const clock: PolicyClock = {
  now: Date.now,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  random: () => 1,
};

let connector: PermitsConnector;
let sim: PermitsSimulator;

beforeEach(async () => {
  sleeps.length = 0;
  connector = await createPermitsConnector(parsePermitsConfig({}), { clock });
  sim = connector.simulator as PermitsSimulator;
});
afterEach(async () => {
  await connector.close();
});

function numbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `440309NONE2031${String(i).padStart(6, '0')}`);
}

describe('permits connector', () => {
  it('runs against the in-process simulator when PERMITS_URL is unset', () => {
    expect(sim).not.toBeNull();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(connector.health()).toMatchObject({ system: 'permits', mode: 'simulator', circuit: 'CLOSED', recentCalls: 0 });
  });

  it('reports calls and the last error in health()', async () => {
    await connector.client.getPermit('440309HWGG2025000123');
    sim.control.set({ fault: 'INVALID_ARGUMENT' });
    await failure(connector.client.getPermit('440309HWGG2025000123'));
    const health = connector.health();
    expect(health.recentCalls).toBe(2);
    expect(health.errorRate).toBe(0.5);
    expect(health.lastErrorCode).toBe('INVALID_ARGUMENT');
    expect(health.lastErrorAt).toBeInstanceOf(Date);
  });
});

describe('permitByNo loader', () => {
  it('loads 150 distinct numbers asked in one tick with exactly 2 batchGet calls (100 + 50)', async () => {
    const loaders = connector.createLoaders();
    const keys = [...numbers(148), '440309HWGG2025000123', '440309RQJY2023000045'];
    const results = await Promise.all(keys.map((k) => loaders.permitByNo.load(k)));
    expect(sim.control.calls.batchGetPermits).toBe(2);
    expect(sim.control.items.batchGetPermits).toBe(150);
    expect(results.slice(0, 148).every((r) => r === null)).toBe(true);
    expect(results[148]).toMatchObject({ permitNo: '440309HWGG2025000123', type: 'OUTDOOR_AD' });
    expect(results[149]).toMatchObject({ permitNo: '440309RQJY2023000045', status: 'REVOKED' });
  });

  it('asks duplicate keys once and answers repeats from the request cache', async () => {
    const loaders = connector.createLoaders();
    const [a, b, c, many] = await Promise.all([
      loaders.permitByNo.load('440309HWGG2025000123'),
      loaders.permitByNo.load('440309HWGG2025000123'),
      loaders.permitByNo.load('440309ZDJY2025000999'),
      loaders.permitByNo.loadMany(['440309ZDJY2025000999', '440309HWGG2025000123']),
    ]);
    expect(sim.control.calls.batchGetPermits).toBe(1);
    expect(sim.control.items.batchGetPermits).toBe(2);
    expect(a).toBe(b);
    expect(c).toBeNull();
    expect(many).toEqual([null, a]);
    await loaders.permitByNo.load('440309HWGG2025000123');
    expect(sim.control.calls.batchGetPermits).toBe(1);

    // A new request has its own cache.
    await connector.createLoaders().permitByNo.load('440309HWGG2025000123');
    expect(sim.control.calls.batchGetPermits).toBe(2);
  });

  it('rejects every key of a failed batch with the ConnectorError', async () => {
    sim.control.set({ maintenance: true, retryAfterSeconds: 1 });
    const loaders = connector.createLoaders();
    const keys = numbers(5);
    const settled = await Promise.allSettled(keys.map((k) => loaders.permitByNo.load(k)));
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    const reasons = settled.map((s) => (s as PromiseRejectedResult).reason as unknown);
    expect(reasons[0]).toBeInstanceOf(ConnectorError);
    expect(reasons[0]).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'UPSTREAM_MAINTENANCE', httpStatus: 503, retryAfterMs: 1000 });
    expect(reasons.every((r) => r === reasons[0])).toBe(true);
    // One batch, tried 3 times, waiting Retry-After between tries.
    expect(sim.control.calls.batchGetPermits).toBe(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('rejects a malformed number alone and loads the rest', async () => {
    const loaders = connector.createLoaders();
    const [bad, good] = await Promise.allSettled([loaders.permitByNo.load('HWGG-123'), loaders.permitByNo.load('440309HWGG2025000123')]);
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(good).toMatchObject({ status: 'fulfilled', value: { permitNo: '440309HWGG2025000123' } });
    expect(sim.control.items.batchGetPermits).toBe(1);
  });
});

describe('permitsByHolder loader', () => {
  it('makes one listHolderPermits call per distinct holder per request, and primes permitByNo', async () => {
    const loaders = connector.createLoaders();
    const [a1, b, a2] = await Promise.all([
      loaders.permitsByHolder.load('91440309MA5H2R7W2D'),
      loaders.permitsByHolder.load('91440300MA5DTB8661'),
      loaders.permitsByHolder.load('91440309MA5H2R7W2D'),
    ]);
    expect(sim.control.calls.listHolderPermits).toBe(2);
    expect(a1).toBe(a2);
    expect(a1.map((p) => p.permitNo)).toContain('440309ZYDL2024000311');
    expect(b.find((p) => p.status === 'REVOKED')?.statusReason).toBeTruthy();

    await loaders.permitsByHolder.load('91440300MA5DTB8661');
    const permit = await loaders.permitByNo.load('440309RQJY2023000045');
    expect(permit?.holderCode).toBe('91440300MA5DTB8661');
    expect(sim.control.calls.listHolderPermits).toBe(2);
    expect(sim.control.calls.batchGetPermits).toBeUndefined();
  });

  it('rejects only the holder whose look-up failed', async () => {
    const loaders = connector.createLoaders();
    const [bad, good] = await Promise.allSettled([
      loaders.permitsByHolder.load('91440309MA5H2R7W2E'),
      loaders.permitsByHolder.load('92440309MA5J3Q1E1R'),
    ]);
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(good.status).toBe('fulfilled');
    expect(sim.control.calls.listHolderPermits).toBe(1);
  });

  it('rejects the holder keys of a failing system with the ConnectorError', async () => {
    sim.control.set({ malformed: true });
    const loaders = connector.createLoaders();
    const settled = await Promise.allSettled([loaders.permitsByHolder.load('91440309MA5H2R7W2D'), loaders.permitsByHolder.load('92440309MA5J3Q1E1R')]);
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason).toBeInstanceOf(ConnectorError);
      expect((s as PromiseRejectedResult).reason).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    }
  });
});
