// 数据共享协议 through the real server: only an ADMIN manages agreements; a partner reads only the
// categories and fields of its agreement in force, every other field is null or refused with the
// rule that decided it, and an ADMIN's change applies from the partner's next request.
// The partner here is 生态环境 (LH-STHJ), which the demo data gives no agreement.
import { randomUUID } from 'node:crypto';
import {
  CreateDataSharingAgreementDocument,
  DataSharingAgreementsDocument,
  RevokeDataSharingAgreementDocument,
  SharedCaseDocument,
  SharedCaseListDocument,
  SharedCaseNullableOnlyDocument,
  UpdateDataSharingAgreementDocument,
} from '../../generated/graphql';
import type { CreateDataSharingAgreementInput, PowerCategory } from '../../generated/schema-types';
import { startTestHub, type GraphQLResponse, type TestHub } from '../../support/test-hub';

const PARTNER_DEPT = 'LH-STHJ';
const SEEDED_TO = '2026-11-19T00:00:00+08:00';
const DAY = 86_400_000;

let t: TestHub;
let admin: string;
let auditor: string;
let partner: string;
/** A seeded case with facts, a decision and a person as party, and a case of another category. */
let shared: { id: string; caseNo: string; category: PowerCategory };
let other: { id: string; caseNo: string; category: PowerCategory };

const iso = (ms: number) => new Date(ms).toISOString();

function errorsOf(res: GraphQLResponse<unknown>): Record<string, unknown>[] {
  return (res.errors ?? []).map((e) => ({ ...e.extensions, path: e.path?.join('.') }));
}

async function create(input: Partial<CreateDataSharingAgreementInput> = {}, token = admin) {
  return t.gql(
    CreateDataSharingAgreementDocument,
    {
      input: {
        agreementNo: `DSA-TEST-${randomUUID().slice(0, 8).toUpperCase()}`,
        departmentCode: PARTNER_DEPT,
        purpose: '生态环境执法协同',
        categories: [shared.category],
        fields: ['EnforcementCase.caseNo', 'EnforcementCase.stage', 'EnforcementCase.powerItem'],
        validFrom: iso(Date.now() - DAY),
        validTo: iso(Date.now() + 30 * DAY),
        ...input,
      },
    },
    token,
  );
}

beforeAll(async () => {
  t = await startTestHub();
  admin = await t.token('LH-CGJ', 'ADMIN', 'dsa-admin');
  auditor = await t.token('LH-CGJ', 'AUDITOR', 'dsa-auditor');
  partner = await t.token(PARTNER_DEPT, 'PARTNER', 'sthj-partner');
  const rows = await t.db.prisma.$queryRawUnsafe<{ id: string; caseNo: string; category: PowerCategory }[]>(
    `SELECT c.id::text AS id, c."caseNo", p.category::text AS category
       FROM "EnforcementCase" c JOIN "PowerItem" p ON p.id = c."powerItemId"
      WHERE c.facts IS NOT NULL AND c."registeredAt" < $1::timestamptz
        AND EXISTS (SELECT 1 FROM "PenaltyDecision" d WHERE d."caseId" = c.id)
        AND EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "Party" pa ON pa.id = cp."partyId"
                     WHERE cp."caseId" = c.id AND pa.kind = 'PERSON' AND pa.phone IS NOT NULL)
      ORDER BY c."caseNo"`,
    SEEDED_TO,
  );
  shared = rows[0];
  other = rows.find((r) => r.category !== shared.category)!;
  expect(shared).toBeDefined();
  expect(other).toBeDefined();
  // This file owns LH-STHJ's agreements.
  expect(await t.db.prisma.dataSharingAgreement.count({ where: { department: { is: { code: PARTNER_DEPT } } } })).toBe(0);
});

afterAll(async () => {
  await t?.stop();
});

describe('managing agreements', () => {
  it('only an ADMIN creates, changes or revokes an agreement; AUDITOR and ADMIN read them', async () => {
    for (const [dept, role] of [
      ['LH-CGJ', 'AUDITOR'],
      ['LH-CGJ', 'SUPERVISOR'],
      ['LH-GH', 'OFFICER'],
      [PARTNER_DEPT, 'PARTNER'],
    ] as const) {
      const token = await t.token(dept, role, `dsa-${role.toLowerCase()}`);
      const res = await create({}, token);
      expect(res.data ?? null).toBeNull();
      expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_ADMIN', requiredRole: 'ADMIN' });
    }
    expect(await t.db.prisma.dataSharingAgreement.count({ where: { department: { is: { code: PARTNER_DEPT } } } })).toBe(0);

    const seeded = await t.db.prisma.dataSharingAgreement.findFirstOrThrow({ where: { agreementNo: 'DSA-LH-2026-001' } });
    const officer = await t.token('LH-GH', 'OFFICER', 'dsa-officer');
    for (const res of [
      await t.gql(UpdateDataSharingAgreementDocument, { id: seeded.id, input: { fields: ['EnforcementCase.caseNo'] } }, officer),
      await t.gql(RevokeDataSharingAgreementDocument, { id: seeded.id }, auditor),
    ]) {
      expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_ADMIN' });
    }
    expect(await t.db.prisma.dataSharingAgreement.findUniqueOrThrow({ where: { id: seeded.id } })).toEqual(seeded);

    const listed = await t.gql(DataSharingAgreementsDocument, { departmentCode: 'LH-SCJG' }, auditor);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.dataSharingAgreements).toEqual([
      expect.objectContaining({ agreementNo: 'DSA-LH-2026-001', department: { code: 'LH-SCJG' }, status: 'IN_FORCE' }),
    ]);
    expect(errorsOf(await t.gql(DataSharingAgreementsDocument, {}, officer))[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_READER' });
    expect(errorsOf(await t.gql(DataSharingAgreementsDocument, {}, partner))[0]).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an unknown or non-partner department, a field outside the catalogue, an empty or inverted period, a duplicate number', async () => {
    const expectRefused = async (input: Partial<CreateDataSharingAgreementInput>, expected: Record<string, unknown>) => {
      const res = await create(input);
      expect(res.data ?? null).toBeNull();
      expect(errorsOf(res)[0]).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
    };
    await expectRefused({ departmentCode: 'LH-NOPE' }, { field: 'departmentCode', rule: 'UNKNOWN_DEPARTMENT' });
    await expectRefused({ departmentCode: 'LH-GH' }, { field: 'departmentCode', rule: 'PARTNER_DEPARTMENT' });
    await expectRefused({ departmentCode: 'LH-12345' }, { field: 'departmentCode', rule: 'PARTNER_DEPARTMENT' });
    await expectRefused({ fields: ['EnforcementCase.caseNo', 'EnforcementCase.secretNotes'] }, { field: 'fields[1]', rule: 'SHAREABLE_FIELD' });
    // The old free-form names are not catalogue paths; nor are reference types' own fields or work orders.
    await expectRefused({ fields: ['caseNo'] }, { field: 'fields[0]', rule: 'SHAREABLE_FIELD' });
    await expectRefused({ fields: ['Department.name'] }, { field: 'fields[0]', rule: 'SHAREABLE_FIELD' });
    await expectRefused({ fields: ['WorkOrder.requester'] }, { field: 'fields[0]', rule: 'SHAREABLE_FIELD' });
    await expectRefused({ fields: [] }, { field: 'fields' });
    await expectRefused({ categories: [] }, { field: 'categories' });
    const at = Date.now() + DAY;
    await expectRefused({ validFrom: iso(at), validTo: iso(at) }, { field: 'validTo', rule: 'VALID_PERIOD' });
    await expectRefused({ validFrom: iso(at), validTo: iso(at - DAY) }, { field: 'validTo', rule: 'VALID_PERIOD' });
    await expectRefused({ agreementNo: 'DSA-LH-2026-001' }, { field: 'agreementNo', rule: 'UNIQUE' });
    expect(await t.db.prisma.dataSharingAgreement.count({ where: { department: { is: { code: PARTNER_DEPT } } } })).toBe(0);
  });
});

describe('a partner under its agreement', () => {
  let agreementId: string;

  it('without any agreement: the case is refused with NO_AGREEMENT and no case is listed', async () => {
    const res = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(res.data ?? null).toBeNull();
    expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_AGREEMENT', department: PARTNER_DEPT });
    const list = await t.gql(SharedCaseListDocument, { first: 5 }, partner);
    expect(list.errors).toBeUndefined();
    expect(list.data!.cases.totalCount).toBe(0);
  });

  it('an agreement not yet valid shares nothing (NO_AGREEMENT); moved into force by the ADMIN, the next request reads', async () => {
    const made = await create({ validFrom: iso(Date.now() + DAY), validTo: iso(Date.now() + 30 * DAY) });
    expect(made.errors).toBeUndefined();
    expect(made.data!.createDataSharingAgreement).toMatchObject({ status: 'PENDING', department: { code: PARTNER_DEPT }, categories: [shared.category] });
    agreementId = made.data!.createDataSharingAgreement.id;

    const pending = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(errorsOf(pending)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_AGREEMENT' });

    const moved = await t.gql(UpdateDataSharingAgreementDocument, { id: agreementId, input: { validFrom: iso(Date.now() - DAY) } }, admin);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateDataSharingAgreement.status).toBe('IN_FORCE');

    const res = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(res.data!.case).toEqual({ id: shared.id, caseNo: shared.caseNo, facts: null, notFiledReason: null });
    // Each field the agreement does not list is null with the rule, the field and the agreement.
    expect(errorsOf(res)).toEqual(
      expect.arrayContaining(
        ['facts', 'notFiledReason'].map((f) =>
          expect.objectContaining({ code: 'FORBIDDEN', rule: 'AGREEMENT_FIELD', field: `EnforcementCase.${f}`, agreementId, path: `case.${f}` }),
        ),
      ),
    );
    expect(res.errors).toHaveLength(2);
  });

  it('lists only cases of the agreed categories, with the agreed fields', async () => {
    const list = await t.gql(SharedCaseListDocument, { first: 50, filter: { registeredTo: SEEDED_TO } }, partner);
    expect(list.errors).toBeUndefined();
    const expected = await t.db.prisma.enforcementCase.count({ where: { powerItem: { is: { category: shared.category } }, registeredAt: { lt: new Date(SEEDED_TO) } } });
    expect(list.data!.cases.totalCount).toBe(expected);
    expect(list.data!.cases.edges.every((e) => e.node.powerItem.category === shared.category)).toBe(true);
  });

  it('a case outside the agreed categories is refused naming AGREEMENT_CATEGORY and the agreement', async () => {
    const res = await t.gql(SharedCaseNullableOnlyDocument, { id: other.id }, partner);
    expect(res.data ?? null).toBeNull();
    expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_CATEGORY', agreementIds: [agreementId], sharedCategories: [shared.category] });
  });

  it('a non-null field not shared is an error at that field and nulls its parent; nested types follow their own fields', async () => {
    // summary is String!: refusing it nulls the case, and the non-null root nulls data.
    const whole = await t.gql(SharedCaseDocument, { id: shared.id }, partner);
    expect(whole.data ?? null).toBeNull();
    expect(errorsOf(whole)).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'AGREEMENT_FIELD', field: 'EnforcementCase.summary', path: 'case.summary' })]));

    const widened = await t.gql(
      UpdateDataSharingAgreementDocument,
      {
        id: agreementId,
        input: {
          fields: [
            'EnforcementCase.caseNo',
            'EnforcementCase.stage',
            'EnforcementCase.summary',
            'EnforcementCase.powerItem',
            'EnforcementCase.parties',
            'CaseParty.role',
            'CaseParty.party',
            'Party.kind',
            'Party.code',
            'Party.name',
            'EnforcementCase.decision',
            'PenaltyDecision.decisionNo',
            'PenaltyDecision.fineAmount',
          ],
        },
      },
      admin,
    );
    expect(widened.errors).toBeUndefined();
    const res = await t.gql(SharedCaseDocument, { id: shared.id }, partner);
    const c = res.data!.case;
    expect(c).toMatchObject({ id: shared.id, caseNo: shared.caseNo, facts: null });
    expect(c.summary.length).toBeGreaterThan(0);
    // PenaltyDecision.reasoning (String!) is not shared: the decision (nullable) is null.
    expect(c.decision).toBeNull();
    // Party.phone is not shared: null. Persons' names and ID numbers are shared masked.
    const person = c.parties.find((p) => p.party.kind === 'PERSON')!;
    expect(person.party.phone).toBeNull();
    expect(person.party.code).toMatch(/^\d{4}\*{10}[0-9X]{4}$/);
    expect(person.party.name).toMatch(/^.\*+$/);
    const fields = errorsOf(res).map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['EnforcementCase.facts', 'PenaltyDecision.reasoning', 'Party.phone']));
    expect(errorsOf(res).every((e) => e.rule === 'AGREEMENT_FIELD' && e.agreementId === agreementId)).toBe(true);
  });

  it('follows an ADMIN’s change of categories from the next request', async () => {
    const moved = await t.gql(UpdateDataSharingAgreementDocument, { id: agreementId, input: { categories: [other.category] } }, admin);
    expect(moved.errors).toBeUndefined();
    const before = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(errorsOf(before)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_CATEGORY' });
    const now = await t.gql(SharedCaseNullableOnlyDocument, { id: other.id }, partner);
    expect(now.data!.case).toMatchObject({ id: other.id, caseNo: other.caseNo });
    await t.gql(UpdateDataSharingAgreementDocument, { id: agreementId, input: { categories: [shared.category] } }, admin);
  });

  it('an expired agreement shares nothing (NO_AGREEMENT)', async () => {
    const expired = await t.gql(
      UpdateDataSharingAgreementDocument,
      { id: agreementId, input: { validFrom: iso(Date.now() - 10 * DAY), validTo: iso(Date.now() - DAY) } },
      admin,
    );
    expect(expired.errors).toBeUndefined();
    expect(expired.data!.updateDataSharingAgreement.status).toBe('EXPIRED');
    const res = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_AGREEMENT' });
    const list = await t.gql(SharedCaseListDocument, { first: 5 }, partner);
    expect(list.data!.cases.totalCount).toBe(0);

    const renewed = await t.gql(UpdateDataSharingAgreementDocument, { id: agreementId, input: { validTo: iso(Date.now() + 30 * DAY) } }, admin);
    expect(renewed.data!.updateDataSharingAgreement.status).toBe('IN_FORCE');
    expect((await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner)).data!.case.caseNo).toBe(shared.caseNo);
  });

  it('a revoked agreement shares nothing from the next request, and stays revoked', async () => {
    const revoked = await t.gql(RevokeDataSharingAgreementDocument, { id: agreementId }, admin);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeDataSharingAgreement.status).toBe('REVOKED');
    expect(revoked.data!.revokeDataSharingAgreement.revokedAt).not.toBeNull();
    const res = await t.gql(SharedCaseNullableOnlyDocument, { id: shared.id }, partner);
    expect(errorsOf(res)[0]).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_AGREEMENT' });

    const again = await t.gql(RevokeDataSharingAgreementDocument, { id: agreementId }, admin);
    expect(errorsOf(again)[0]).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'AGREEMENT_REVOKED' });
    const changed = await t.gql(UpdateDataSharingAgreementDocument, { id: agreementId, input: { validTo: iso(Date.now() + 60 * DAY) } }, admin);
    expect(errorsOf(changed)[0]).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'AGREEMENT_REVOKED' });
    const listed = await t.gql(DataSharingAgreementsDocument, { departmentCode: PARTNER_DEPT, status: ['REVOKED'] }, admin);
    expect(listed.data!.dataSharingAgreements.map((a) => a.id)).toEqual([agreementId]);
  });
});
