// The shared background loop: runs on its interval and on demand, never twice at once, logs a
// failure instead of throwing, and stop() waits for the run under way.
import { PeriodicTask } from '../../src/workers/periodic-task';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (err: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => jest.useRealTimers());

it('does not start a second run while one is under way, and stop() waits for it', async () => {
  const gate = deferred();
  let runs = 0;
  const task = new PeriodicTask('test job', async () => {
    runs += 1;
    await gate.promise;
  });
  task.kick();
  task.kick();
  expect(runs).toBe(1);
  let stopped = false;
  const stopping = task.stop().then(() => {
    stopped = true;
  });
  await Promise.resolve();
  expect(stopped).toBe(false);
  gate.resolve();
  await stopping;
  expect(stopped).toBe(true);
  task.kick(); // free again after the run ended
  expect(runs).toBe(2);
  await task.stop();
});

it('logs a failed run with its name and keeps going', async () => {
  const warnings: Array<{ obj: Record<string, unknown>; msg?: string }> = [];
  let runs = 0;
  const task = new PeriodicTask(
    'reconciliation',
    async () => {
      runs += 1;
      throw new Error('platform down');
    },
    { warn: (obj, msg) => warnings.push({ obj, msg }) },
  );
  task.kick();
  await task.stop();
  task.kick();
  await task.stop();
  expect(runs).toBe(2);
  expect(warnings).toEqual([
    { obj: { err: 'platform down' }, msg: 'reconciliation failed' },
    { obj: { err: 'platform down' }, msg: 'reconciliation failed' },
  ]);
});

it('runs on its interval once started, never with an interval of 0, and not after stop()', async () => {
  jest.useFakeTimers();
  let runs = 0;
  const idle = new PeriodicTask('idle', async () => {
    runs += 1;
  });
  idle.start(0);
  jest.advanceTimersByTime(60_000);
  expect(runs).toBe(0);

  const task = new PeriodicTask('every second', async () => {
    runs += 1;
  });
  task.start(1000);
  task.start(10); // a second start is ignored
  for (let i = 0; i < 3; i += 1) {
    jest.advanceTimersByTime(1000);
    for (let tick = 0; tick < 10; tick += 1) await Promise.resolve(); // let the run settle
  }
  expect(runs).toBe(3);
  await task.stop();
  jest.advanceTimersByTime(5000);
  expect(runs).toBe(3);
});
