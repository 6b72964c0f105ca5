// createCaseTransferConnector: simulator mode without TRANSFER_URL (client → in-process simulator
// over HTTP, callbacks to the hub's URL verified with the connector's callback secrets), health, close.
import { createCaseTransferConnector, parseCaseTransferConfig, type CaseTransferConnector } from '../../../connectors/case-transfer';
import { captureLogger, fileFor, MANDATORY, settled, sha256, startReceiver, transferRequestWith, until, type CallbackReceiver } from './helpers';
import type { Material } from '../../../connectors/case-transfer/types';

let receiver: CallbackReceiver;
let connector: CaseTransferConnector | null = null;

afterEach(async () => {
  await connector?.close();
  connector = null;
  await receiver?.close();
});

async function materialsVia(c: CaseTransferConnector): Promise<Material[]> {
  const out: Material[] = [];
  for (const kind of MANDATORY) {
    const content = fileFor(kind, 'connector');
    const u = await c.client.uploadMaterial({ fileName: `${kind}.pdf`, contentType: 'application/pdf', content, sha256: sha256(content) });
    out.push({ kind, title: kind, sha256: u.sha256, sizeBytes: u.sizeBytes, uploadId: u.uploadId });
  }
  return out;
}

describe('createCaseTransferConnector', () => {
  it('without TRANSFER_URL runs the simulator, calls it over HTTP and delivers signed callbacks to callbackUrl()', async () => {
    let secrets: string[] = [];
    receiver = await startReceiver(() => secrets, () => Math.floor(Date.now() / 1000));
    const logger = captureLogger();
    connector = await createCaseTransferConnector(parseCaseTransferConfig({ TRANSFER_SIMULATOR_ADVANCE_MS: '0' }), {
      logger,
      callbackUrl: () => receiver.url,
    });
    secrets = connector.callbackSecrets;
    expect(connector.system).toBe('case-transfer');
    expect(connector.simulator).not.toBeNull();
    expect(connector.health()).toMatchObject({ system: 'case-transfer', mode: 'simulator', circuit: 'CLOSED', recentCalls: 0 });

    const accepted = await connector.client.createTransfer(transferRequestWith('移〔2026〕E1', await materialsVia(connector)), 'connector-test-key-0001');
    const sim = connector.simulator;
    if (!sim) throw new Error('expected the simulator');
    sim.advance(accepted.transferId, 'FILED');
    await settled(sim.callbacks);
    const got = await receiver.waitFor(3);
    expect(got.map((r) => [r.event.sequence, r.event.status, r.verification.ok])).toEqual([
      [1, 'RECEIVED', true],
      [2, 'UNDER_REVIEW', true],
      [3, 'FILED', true],
    ]);
    expect((await connector.client.getTransfer(accepted.transferId))?.status).toBe('FILED');
    const health = connector.health();
    expect(health.recentCalls).toBe(6);
    expect(health.errorRate).toBe(0);
    expect(logger.lines.some((l) => l.msg === 'upstream call' && l.obj.system === 'case-transfer')).toBe(true);
  });

  it('keeps callbacks while callbackUrl() has no URL yet', async () => {
    receiver = await startReceiver(() => [], () => Math.floor(Date.now() / 1000));
    connector = await createCaseTransferConnector(parseCaseTransferConfig({ TRANSFER_SIMULATOR_ADVANCE_MS: '0' }), { callbackUrl: () => null });
    await connector.client.createTransfer(transferRequestWith('移〔2026〕E2', await materialsVia(connector)), 'connector-test-key-0002');
    await until(() => (connector?.simulator?.callbacks.deliveries.length ?? 0) > 0, 'a first delivery attempt');
    expect(connector.simulator?.callbacks.deliveries[0].outcome).toBe('NO_URL');
    expect(receiver.received).toHaveLength(0);
  });

  it('with TRANSFER_URL talks to the remote platform (no simulator); close() is idempotent and stops the simulator', async () => {
    connector = await createCaseTransferConnector(
      parseCaseTransferConfig({
        TRANSFER_URL: 'http://127.0.0.1:9',
        TRANSFER_CLIENT_ID: 'hub',
        TRANSFER_CLIENT_SECRET: 'cs',
        TRANSFER_CALLBACK_SECRET: 'wh',
        TRANSFER_CALLBACK_SECRET_PREVIOUS: 'wh-old',
      }),
    );
    expect(connector.simulator).toBeNull();
    expect(connector.health().mode).toBe('remote');
    expect(connector.callbackSecrets).toEqual(['wh', 'wh-old']);
    await connector.close();
    await connector.close();

    const sim = await createCaseTransferConnector(parseCaseTransferConfig({ TRANSFER_SIMULATOR_ADVANCE_MS: '0' }));
    const url = sim.simulator?.url as string;
    expect((await fetch(`${url}/__simulator`)).status).toBe(200);
    await sim.close();
    await expect(fetch(`${url}/__simulator`)).rejects.toThrow();
  });
});
