// 身份核验 through public security: results only, batched, refused before any call when malformed.
import { CaseByIdDocument, DepartmentsDocument, RegisterCaseDocument, VerifyCasePartiesDocument, VerifyIdentitiesDocument, VerifyIdentityDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
let officer: string;
let caseId: string;

beforeAll(async () => {
  t = await startTestHub();
  officer = await t.token('LH-GH', 'OFFICER', 'gh-officer');
  const depts = await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, officer);
  const badges = depts.data!.departments.find((d) => d.code === 'LH-GH')!.officers.map((o) => o.badgeNo);
  const item = await t.db.prisma.powerItem.findFirstOrThrow({ where: { category: 'ROAD_OCCUPATION' } });
  const reg = await t.gql(
    RegisterCaseDocument,
    {
      input: {
        source: 'PATROL',
        powerItemCode: item.code,
        summary: '流动摊贩占道经营',
        address: '深圳市龙华区观湖街道环观南路88号',
        officerBadgeNos: badges.slice(0, 2),
        parties: [
          { code: '440306198503122310', name: '陈建国' },
          { code: '360731199005063429', name: '王丽娟' },
        ],
      },
    },
    officer,
  );
  expect(reg.errors).toBeUndefined();
  caseId = reg.data!.registerCase.id;
});

afterAll(() => t.stop());

const psb = () => t.hub.services.upstream.publicSecurity.simulator!.control;

it('verifies every natural-person party in one batched call and records only the results', async () => {
  psb().reset();
  const res = await t.gql(VerifyCasePartiesDocument, { caseId, purpose: 'CASE_INVESTIGATION' }, officer);
  expect(res.errors).toBeUndefined();
  expect(res.data!.verifyCaseParties.map((c) => c.result)).toEqual(['MATCH', 'MATCH']);
  expect(psb().calls.BatchVerifyIdentity).toBe(1);
  expect(psb().totalCalls()).toBe(1);
  const rows = await t.db.prisma.identityCheck.findMany({ where: { caseId } });
  expect(rows).toHaveLength(2);
  // Minimum necessary: the stored row carries no name and no ID number.
  for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/陈建国|王丽娟|440306198503122310|360731199005063429/);
  const events = await t.db.prisma.caseEvent.findMany({ where: { caseId, type: 'IDENTITY_VERIFIED' } });
  expect(events).toHaveLength(1);
  expect(JSON.stringify(events[0].payload)).not.toMatch(/440306198503122310/);
});

it('answers MISMATCH for a wrong name', async () => {
  const res = await t.gql(VerifyIdentityDocument, { caseId, name: '陈建华', idNumber: '440306198503122310', purpose: 'DOCUMENT_SERVICE' }, officer);
  expect(res.data!.verifyIdentity.result).toBe('MISMATCH');
});

it('checks several persons in one upstream call', async () => {
  psb().reset();
  const res = await t.gql(
    VerifyIdentitiesDocument,
    {
      caseId,
      purpose: 'CASE_INVESTIGATION',
      input: {
        persons: [
          { name: '陈建国', idNumber: '440306198503122310' },
          { name: '李秀英', idNumber: '43052419920718402X' },
          { name: '王丽娟', idNumber: '360731199005063429' },
        ],
      },
    },
    officer,
  );
  expect(res.data!.verifyIdentities.map((c) => c.result)).toEqual(['MATCH', 'MATCH', 'MATCH']);
  expect(psb().calls.BatchVerifyIdentity).toBe(1);
  expect(psb().items.BatchVerifyIdentity).toBe(3);
});

it('refuses a malformed ID number before calling public security, naming the field and rule', async () => {
  psb().reset();
  const before = await t.gql(CaseByIdDocument, { id: caseId }, officer);
  const res = await t.gql(VerifyIdentityDocument, { caseId, name: '陈建国', idNumber: '440306198503122311', purpose: 'CASE_INVESTIGATION' }, officer);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber', rule: 'ID_NUMBER_CHECK_CHARACTER' });
  expect(psb().totalCalls()).toBe(0);
  const after = await t.gql(CaseByIdDocument, { id: caseId }, officer);
  expect(after.data!.case.version).toBe(before.data!.case.version);
});

it('refuses another street team', async () => {
  const other = await t.token('LH-MZ', 'OFFICER');
  const res = await t.gql(VerifyIdentityDocument, { caseId, name: '陈建国', idNumber: '440306198503122310', purpose: 'CASE_INVESTIGATION' }, other);
  expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('fails only the mutation, with the system named, when public security is down', async () => {
  psb().set({ maintenance: true, retryAfterSeconds: 3600 });
  try {
    const res = await t.gql(VerifyIdentityDocument, { caseId, name: '陈建国', idNumber: '440306198503122310', purpose: 'CASE_INVESTIGATION' }, officer);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: 'public-security' });
    expect(JSON.stringify(res.errors)).not.toMatch(/440306198503122310/);
  } finally {
    psb().reset();
  }
});
