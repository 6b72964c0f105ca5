// A partner's subscription payloads follow the same agreement rules as its queries: caseUpdated
// repeats case fields (caseNo, stage, version…), each governed by the catalogue field it copies.
// The partner here is 教育局 (LH-JYJ), which the demo data gives no agreement.
import { CreateDataSharingAgreementDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';
import { fileCase, registerCase, streetSetup, subscribe, subscriptionsOpen, waitFor, wsUrl, type Subscriber } from '../../events/support';

let t: TestHub;
const open: Subscriber<unknown>[] = [];

beforeAll(async () => {
  t = await startTestHub();
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await t?.stop();
});

type Update = { sequence?: string; caseId: string; caseNo: string; stage?: string };

it('a partner’s caseUpdated payload carries the shared fields and refuses the others with AGREEMENT_FIELD', async () => {
  const street = await streetSetup(t, 'LH-GH');
  const item = await t.db.prisma.powerItem.findUniqueOrThrow({ where: { code: street.powerItemCode } });
  const admin = await t.token('LH-CGJ', 'ADMIN', 'dsa-sub-admin');
  const made = await t.gql(
    CreateDataSharingAgreementDocument,
    {
      input: {
        agreementNo: `DSA-SUB-${Date.now()}`,
        departmentCode: 'LH-JYJ',
        purpose: '校外培训监管',
        categories: [item.category],
        fields: ['EnforcementCase.caseNo'],
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      },
    },
    admin,
  );
  expect(made.errors).toBeUndefined();
  const agreementId = made.data!.createDataSharingAgreement.id;
  const created = await registerCase(t, street);

  const partner = await t.token('LH-JYJ', 'PARTNER', 'jyj-partner');
  const shared = subscribe<Update>(wsUrl(t), partner, `subscription($caseId: ID!) { caseUpdated(caseId: $caseId) { sequence caseId caseNo } }`, {
    caseId: created.id,
  });
  const withStage = subscribe<Update>(wsUrl(t), partner, `subscription($caseId: ID!) { caseUpdated(caseId: $caseId) { caseId caseNo stage } }`, {
    caseId: created.id,
  });
  const handling = subscribe<Update>(wsUrl(t), street.token, `subscription($caseId: ID!) { caseUpdated(caseId: $caseId) { caseId caseNo stage } }`, {
    caseId: created.id,
  });
  open.push(shared as Subscriber<unknown>, withStage as Subscriber<unknown>, handling as Subscriber<unknown>);
  await subscriptionsOpen(t, 3);

  await fileCase(t, street.token, created.id);
  await waitFor(() => shared.events.length >= 1 && withStage.errors.length >= 1 && handling.events.length >= 1, 'the FILED event for every subscriber');

  expect(shared.errors).toEqual([]);
  expect(shared.events[0]).toMatchObject({ caseId: created.id, caseNo: created.caseNo });
  // stage is not shared: the non-null field's error nulls the payload.
  expect(withStage.events).toEqual([]);
  expect(withStage.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_FIELD', field: 'EnforcementCase.stage', agreementId });
  // The handling team sees its own case in full.
  expect(handling.errors).toEqual([]);
  expect(handling.events[0]).toEqual({ caseId: created.id, caseNo: created.caseNo, stage: 'FILED' });
});
