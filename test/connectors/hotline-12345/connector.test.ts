// createHotlineConnector: simulator mode without HOTLINE_URL (client → in-process simulator over
// HTTP, webhooks to the hub's URL verified with the connector's secrets), remote mode, health,
// close; and the per-request loaders.
import { createHotlineConnector, createHotlineLoaders, parseHotlineConfig, type HotlineConnector } from '../../../connectors/hotline-12345';
import { ConnectorError } from '../../../connectors/core/connector-error';
import { captureLogger, startReceiver, until, type WebhookReceiver } from './helpers';

let receiver: WebhookReceiver | null = null;
let connector: HotlineConnector | null = null;

afterEach(async () => {
  await connector?.close();
  connector = null;
  await receiver?.close();
  receiver = null;
});

function simulatorOf(c: HotlineConnector) {
  if (!c.simulator) throw new Error('expected the simulator');
  return c.simulator;
}

describe('createHotlineConnector', () => {
  it('without HOTLINE_URL runs the simulator for the sandbox unit, calls it over HTTP and pushes signed webhooks to webhookUrl()', async () => {
    let secrets: string[] = [];
    const r = await startReceiver(() => secrets, () => Math.floor(Date.now() / 1000));
    receiver = r;
    const logger = captureLogger();
    connector = await createHotlineConnector(parseHotlineConfig({ HOTLINE_SIMULATOR_DISPATCH_MS: '0' }), { logger, webhookUrl: () => r.url });
    secrets = connector.webhookSecrets;
    expect(connector.system).toBe('hotline-12345');
    expect(connector.assignee).toBe('440309-LH-ZHZF');
    expect(connector.health()).toMatchObject({ system: 'hotline-12345', mode: 'simulator', circuit: 'CLOSED', recentCalls: 0 });

    const sim = simulatorOf(connector);
    const o = sim.dispatch({ street: '观湖街道' });
    expect(o.assignee.deptCode).toBe('440309-LH-ZHZF');
    await sim.flushWebhooks();
    const [got] = await r.waitFor(1);
    expect(got.verification).toEqual({ ok: true });
    expect(got.event).toMatchObject({ type: 'WORK_ORDER_DISPATCHED', orderNo: o.orderNo });

    const signed = await connector.client.signWorkOrder(o.orderNo, { signedBy: '刘振华' });
    expect(signed.status).toBe('SIGNED');
    expect((await connector.client.listWorkOrdersSince(null)).map((x) => x.orderNo)).toEqual([o.orderNo]);
    expect(connector.health()).toMatchObject({ recentCalls: 2, errorRate: 0 });
    expect(logger.lines.filter((l) => l.msg === 'upstream call').map((l) => l.obj.operation)).toEqual(['signWorkOrder', 'listWorkOrders']);
  });

  it('keeps webhooks while webhookUrl() has no URL yet (NO_URL, retried later)', async () => {
    connector = await createHotlineConnector(parseHotlineConfig({ HOTLINE_SIMULATOR_DISPATCH_MS: '0' }), { webhookUrl: () => null });
    const sim = simulatorOf(connector);
    sim.dispatch();
    await sim.flushWebhooks();
    expect(sim.deliveries()).toEqual([expect.objectContaining({ attempt: 1, outcome: 'NO_URL' })]);
    expect(sim.pendingWebhooks()).toBe(1);
  });

  it('uses the configured unit and the injected clock in simulator mode', async () => {
    const at = Date.parse('2025-03-18T09:42:10+08:00');
    connector = await createHotlineConnector(parseHotlineConfig({ HOTLINE_ASSIGNEE: '440309-GH-ZHZF', HOTLINE_SIMULATOR_DISPATCH_MS: '0' }), {
      clock: { now: () => at, sleep: async () => undefined, random: () => 0 },
    });
    const o = simulatorOf(connector).dispatch({ category: 'COMPLAINT', urgency: 'NORMAL' });
    expect(o).toMatchObject({ assignee: { deptCode: '440309-GH-ZHZF' }, dispatchedAt: '2025-03-18T09:42:10+08:00', replyDeadline: '2025-04-09T18:00:00+08:00' });
    expect((await connector.client.getWorkOrder(o.orderNo)).orderNo).toBe(o.orderNo);
  });

  it('dispatches by itself when HOTLINE_SIMULATOR_DISPATCH_MS > 0', async () => {
    connector = await createHotlineConnector(parseHotlineConfig({ HOTLINE_SIMULATOR_DISPATCH_MS: '10' }));
    const sim = simulatorOf(connector);
    await until(() => sim.orders().length >= 2, 'automatic dispatches');
    expect((await connector.client.listWorkOrdersSince(null)).length).toBeGreaterThanOrEqual(2);
  });

  it('with HOTLINE_URL talks to the remote hotline (no simulator); close() is idempotent and stops the simulator', async () => {
    connector = await createHotlineConnector(
      parseHotlineConfig({
        HOTLINE_URL: 'http://127.0.0.1:9',
        HOTLINE_API_KEY: 'hk-remote',
        HOTLINE_WEBHOOK_SECRET: 'wh',
        HOTLINE_WEBHOOK_SECRET_PREVIOUS: 'wh-old',
        HOTLINE_ASSIGNEE: '440309-GH-ZHZF',
        HOTLINE_MAX_ATTEMPTS: '1',
      }),
    );
    expect(connector.simulator).toBeNull();
    expect(connector.health().mode).toBe('remote');
    expect(connector.webhookSecrets).toEqual(['wh', 'wh-old']);
    expect(connector.assignee).toBe('440309-GH-ZHZF');
    const err = await connector.client.getWorkOrder('SZ1234520250318000417').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'hotline-12345' });
    expect(connector.health()).toMatchObject({ errorRate: 1, lastErrorCode: 'ECONNREFUSED' });
    await connector.close();
    await connector.close();

    const local = await createHotlineConnector(parseHotlineConfig({ HOTLINE_SIMULATOR_DISPATCH_MS: '0' }));
    const url = simulatorOf(local).url;
    expect((await fetch(`${url}/__simulator`)).status).toBe(200);
    await local.close();
    await expect(fetch(`${url}/__simulator`)).rejects.toThrow();
  });
});

describe('createHotlineLoaders', () => {
  it('loads orders by number per request: null for unknown ones, the error for another unit’s, each number once', async () => {
    connector = await createHotlineConnector(parseHotlineConfig({ HOTLINE_SIMULATOR_DISPATCH_MS: '0' }));
    const sim = simulatorOf(connector);
    const a = sim.dispatch();
    const b = sim.dispatch();
    const foreign = sim.dispatch({ assignee: '440309-GL-ZHZF' });
    const { workOrderByNo } = createHotlineLoaders(connector.client);
    const results = await Promise.all([
      workOrderByNo.load(a.orderNo),
      workOrderByNo.load(b.orderNo),
      workOrderByNo.load(a.orderNo),
      workOrderByNo.load('SZ1234520250318999999'),
      workOrderByNo.load(foreign.orderNo).catch((e: unknown) => e),
      workOrderByNo.load('not-an-order').catch((e: unknown) => e),
    ]);
    expect(results.slice(0, 4)).toEqual([a, b, a, null]);
    expect(results[4]).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'FORBIDDEN' });
    expect(results[5]).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'INVALID_ARGUMENT' });
    expect(sim.calls('getWorkOrder')).toBe(4);
  });
});
