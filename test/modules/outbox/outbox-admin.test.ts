// Operators see the outbox backlog and put a dead delivery back in line.
import { randomUUID } from 'node:crypto';
import { enqueueOutbox } from '../../../src/outbox/outbox';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ env: { WORKERS_ENABLED: '0' } });
});
afterAll(() => t.stop());

const STATS = `query ($topic: String) { outboxStats(topic: $topic) { pending inFlight delivered dead oldestPendingAt } }`;
const RETRY = `mutation ($id: ID!) { retryOutboxMessage(id: $id) { id status attempts lastError } }`;

it('shows dead deliveries to supervisors and lets an administrator retry one', async () => {
  const topic = `test.admin.${randomUUID()}`;
  const message = await t.db.prisma.$transaction((tx) =>
    enqueueOutbox(tx, { topic, aggregateType: 'Test', aggregateId: randomUUID(), idempotencyKey: randomUUID(), payload: {} }),
  );
  await t.db.prisma.outboxMessage.update({ where: { id: message.id }, data: { status: 'DEAD', attempts: 12, lastError: 'UPSTREAM_REJECTED: refused' } });

  const supervisor = await t.token('LH-CGJ', 'SUPERVISOR');
  const stats = await t.gql<{ outboxStats: { dead: number; pending: number } }>(STATS, { topic }, supervisor);
  expect(stats.data!.outboxStats).toMatchObject({ dead: 1, pending: 0 });

  const officer = await t.token('LH-GH', 'OFFICER');
  expect((await t.gql(STATS, { topic }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await t.gql(RETRY, { id: message.id }, supervisor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const admin = await t.token('LH-CGJ', 'ADMIN');
  const retried = await t.gql<{ retryOutboxMessage: { status: string; attempts: number } }>(RETRY, { id: message.id }, admin);
  expect(retried.errors).toBeUndefined();
  expect(retried.data!.retryOutboxMessage).toMatchObject({ status: 'PENDING', attempts: 0 });
  const again = await t.gql(RETRY, { id: message.id }, admin);
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const after = await t.gql<{ outboxStats: { dead: number; pending: number } }>(STATS, { topic }, supervisor);
  expect(after.data!.outboxStats).toMatchObject({ dead: 0, pending: 1 });
});
