// The shared call policy every connector uses: which failures are retried, how long it waits,
// and when the circuit opens and closes. Time is injected: nothing here sleeps.
import { CallPolicy } from '../../../connectors/core/call-policy';
import { ConnectorError } from '../../../connectors/core/connector-error';
import { silentLogger } from '../../../connectors/core/types';
import { fakeClock as sharedFakeClock } from '../support/policy-test-kit';

function fakeClock(random = 0) {
  return sharedFakeClock(1_000_000, random);
}

const OPTIONS = { timeoutMs: 1000, maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 10_000, breaker: { failureThreshold: 3, openMs: 30_000 } };
const unavailable = (extra: Record<string, unknown> = {}) => new ConnectorError('UPSTREAM_UNAVAILABLE', 'permits', 'down', { retryable: true, ...extra });

it('retries a safe call with the contract schedule plus jitter, and gives up after maxAttempts', async () => {
  const clock = fakeClock(0.5);
  const policy = new CallPolicy('permits', OPTIONS, silentLogger, clock);
  let attempts = 0;
  await expect(
    policy.run('op', { safe: true }, async () => {
      attempts += 1;
      throw unavailable();
    }),
  ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  expect(attempts).toBe(3);
  expect(clock.sleeps).toEqual([1125, 2250]);
});

it('never retries an unsafe call', async () => {
  const policy = new CallPolicy('permits', OPTIONS, silentLogger, fakeClock());
  let attempts = 0;
  await expect(
    policy.run('write', { safe: false }, async () => {
      attempts += 1;
      throw unavailable();
    }),
  ).rejects.toBeInstanceOf(ConnectorError);
  expect(attempts).toBe(1);
});

it('waits what Retry-After says, and does not wait for one longer than allowed', async () => {
  const clock = fakeClock();
  const policy = new CallPolicy('permits', OPTIONS, silentLogger, clock);
  let attempts = 0;
  const result = await policy.run('op', { safe: true }, async () => {
    attempts += 1;
    if (attempts === 1) throw unavailable({ retryAfterMs: 4000, httpStatus: 429 });
    return 'ok';
  });
  expect(result).toBe('ok');
  expect(clock.sleeps).toEqual([4000]);
  const long = new CallPolicy('permits', OPTIONS, silentLogger, fakeClock());
  await expect(long.run('op', { safe: true }, async () => Promise.reject(unavailable({ retryAfterMs: 3_600_000 })))).rejects.toMatchObject({
    retryAfterMs: 3_600_000,
  });
});

it('does not retry a rejection of our own input, and it does not count against the breaker', async () => {
  const policy = new CallPolicy('permits', OPTIONS, silentLogger, fakeClock());
  for (let i = 0; i < 5; i += 1) {
    await expect(
      policy.run('op', { safe: true }, async () => Promise.reject(new ConnectorError('UPSTREAM_REJECTED', 'permits', 'bad input'))),
    ).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED' });
  }
  expect(policy.breaker.current).toBe('CLOSED');
  expect(policy.metrics.totalCalls).toBe(5);
});

it('opens the circuit after consecutive failures, fails fast, and closes after a good trial call', async () => {
  const clock = fakeClock();
  const policy = new CallPolicy('permits', { ...OPTIONS, maxAttempts: 1 }, silentLogger, clock);
  for (let i = 0; i < 3; i += 1) await expect(policy.run('op', { safe: true }, async () => Promise.reject(unavailable()))).rejects.toThrow();
  expect(policy.breaker.current).toBe('OPEN');
  let reached = 0;
  await expect(
    policy.run('op', { safe: true }, async () => {
      reached += 1;
      return 'never';
    }),
  ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'CIRCUIT_OPEN' });
  expect(reached).toBe(0);
  clock.advance(30_000);
  expect(policy.breaker.current).toBe('HALF_OPEN');
  await expect(policy.run('op', { safe: true }, async () => 'back')).resolves.toBe('back');
  expect(policy.breaker.current).toBe('CLOSED');
});

it('re-opens when the half-open trial fails', async () => {
  const clock = fakeClock();
  const policy = new CallPolicy('permits', { ...OPTIONS, maxAttempts: 1 }, silentLogger, clock);
  for (let i = 0; i < 3; i += 1) await expect(policy.run('op', { safe: true }, async () => Promise.reject(unavailable()))).rejects.toThrow();
  clock.advance(30_000);
  await expect(policy.run('op', { safe: true }, async () => Promise.reject(unavailable()))).rejects.toThrow();
  expect(policy.breaker.current).toBe('OPEN');
});

it('classifies a timeout and an unknown network error', async () => {
  const policy = new CallPolicy('permits', { ...OPTIONS, timeoutMs: 5, maxAttempts: 1 }, silentLogger, fakeClock());
  await expect(
    policy.run('slow', { safe: true }, ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))),
  ).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', system: 'permits' });
  await expect(
    policy.run('refused', { safe: true }, async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))),
  ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'ECONNREFUSED' });
});
