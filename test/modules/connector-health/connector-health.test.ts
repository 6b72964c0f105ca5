// connectorHealth: what supervisors see of the external systems, and who may see it.
import { ConnectorHealthDocument, PartyViewDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

it('reports every connected system, with calls, latency and the last error', async () => {
  const supervisor = await t.token('LH-CGJ', 'SUPERVISOR');
  await t.gql(PartyViewDocument, { code: '91440309MA5H2R7W2D' }, supervisor);
  t.hub.services.upstream.socialCredit.simulator!.control.set({ malformed: true });
  await t.gql(PartyViewDocument, { code: '91440300MA5DTB8661' }, supervisor);
  t.hub.services.upstream.socialCredit.simulator!.control.reset();

  const res = await t.gql(ConnectorHealthDocument, {}, supervisor);
  expect(res.errors).toBeUndefined();
  const bySystem = Object.fromEntries(res.data!.connectorHealth.map((h) => [h.system, h]));
  expect(Object.keys(bySystem).sort()).toEqual(['case-transfer', 'hotline-12345', 'permits', 'public-security', 'social-credit']);
  expect(bySystem.permits).toMatchObject({ mode: 'simulator', circuit: 'CLOSED', errorRate: 0 });
  expect(bySystem.permits.recentCalls).toBeGreaterThan(0);
  expect(bySystem.permits.p50Ms).not.toBeNull();
  expect(bySystem['social-credit'].errorRate).toBeGreaterThan(0);
  expect(bySystem['social-credit'].lastErrorAt).not.toBeNull();
  expect(bySystem['social-credit'].lastErrorCode).toBeTruthy();
});

it('is refused to an officer', async () => {
  const officer = await t.token('LH-GH', 'OFFICER');
  const res = await t.gql(ConnectorHealthDocument, {}, officer);
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
