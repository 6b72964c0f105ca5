// Personal data of natural persons (个人信息) through the real server: masked by default for every
// role; in full only for a role that needs it (the handling team, supervisors, auditors) AND a stated
// purpose (X-Purpose header or the purpose argument), and then every field returned in full is in
// the request's audit record with the purpose. Partners never see it in full.
import { randomUUID } from 'node:crypto';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../src/domain/masking';
import { CasePartiesPersonalDocument, PartyPersonalDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';
const PURPOSE = '案件核查：送达告知书前核对当事人信息';
const PERSON_FIELDS = ['Party.address', 'Party.code', 'Party.name', 'Party.phone'];

let t: TestHub;
/** A seeded case handled by `dept` naming a person with a mobile phone and an address. */
let target: { caseId: string; dept: string; partyId: string; code: string; name: string; phone: string; address: string };
/** A street team with no case naming that person. */
let otherDept: string;

const header = (purpose: string) => ({ 'X-Purpose': encodeURIComponent(purpose) });

async function recordOf(requestId: string) {
  const records = await t.db.prisma.auditRecord.findMany({ where: { requestId } });
  expect(records).toHaveLength(1);
  return records[0];
}

function personOf(parties: { party: { id: string } & Record<string, unknown> }[]) {
  return parties.find((p) => p.party.id === target.partyId)!.party;
}

const masked = () => ({
  code: maskIdNumber(target.code),
  name: maskName(target.name),
  phone: maskPhone(target.phone),
  address: maskAddress(target.address),
});

beforeAll(async () => {
  t = await startTestHub();
  const [row] = await t.db.prisma.$queryRawUnsafe<(typeof target)[]>(
    `SELECT c.id::text AS "caseId", d.code AS dept, pa.id::text AS "partyId", pa.code, pa.name, pa.phone, pa.address
       FROM "EnforcementCase" c JOIN "Department" d ON d.id = c."departmentId"
       JOIN "CaseParty" cp ON cp."caseId" = c.id JOIN "Party" pa ON pa.id = cp."partyId"
      WHERE pa.kind = 'PERSON' AND pa.phone ~ '^1[3-9][0-9]{9}$' AND pa.address IS NOT NULL
        AND d.kind = 'STREET_TEAM' AND c."registeredAt" < $1::timestamptz
      ORDER BY c."caseNo" LIMIT 1`,
    SEEDED_TO,
  );
  target = row;
  expect(target).toBeDefined();
  const [other] = await t.db.prisma.$queryRawUnsafe<{ code: string }[]>(
    `SELECT d.code FROM "Department" d WHERE d.kind = 'STREET_TEAM' AND d.code <> $1
        AND NOT EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "EnforcementCase" c ON c.id = cp."caseId"
                         WHERE cp."partyId" = $2::uuid AND c."departmentId" = d.id)
      ORDER BY d.code LIMIT 1`,
    target.dept,
    target.partyId,
  );
  otherDept = other.code;
});

afterAll(async () => {
  await t?.stop();
});

describe('the handling team', () => {
  it('without a purpose sees the person masked (4403**********123X, 138****5678 style), and nothing personal is audited', async () => {
    const officer = await t.token(target.dept, 'OFFICER', `mask-officer-${randomUUID().slice(0, 8)}`);
    const rid = `mask-${randomUUID()}`;
    const res = await t.gql(CasePartiesPersonalDocument, { id: target.caseId }, officer, { 'X-Request-Id': rid });
    expect(res.errors).toBeUndefined();
    const person = personOf(res.data!.case.parties);
    expect(person).toMatchObject({ kind: 'PERSON', ...masked() });
    expect(person.code).toMatch(/^\d{4}\*{10}[0-9X]{4}$/);
    expect(person.phone).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
    expect(person.name).not.toBe(target.name);
    expect(person.address).toMatch(/\*{4}$/);
    expect(await recordOf(rid)).toMatchObject({ purpose: null, personalFields: [], caseIds: [target.caseId] });
  });

  it('with X-Purpose sees the person in full; the audit record names the fields returned and the purpose', async () => {
    const officer = await t.token(target.dept, 'OFFICER', `mask-officer-${randomUUID().slice(0, 8)}`);
    const rid = `mask-${randomUUID()}`;
    const res = await t.gql(CasePartiesPersonalDocument, { id: target.caseId }, officer, { 'X-Request-Id': rid, ...header(PURPOSE) });
    expect(res.errors).toBeUndefined();
    expect(personOf(res.data!.case.parties)).toMatchObject({ code: target.code, name: target.name, phone: target.phone, address: target.address });
    const record = await recordOf(rid);
    expect(record.purpose).toBe(PURPOSE);
    expect(record.personalFields).toEqual(expect.arrayContaining(PERSON_FIELDS));
    expect(record.personalFields.every((f) => f.startsWith('Party.'))).toBe(true);
    expect(record.caseIds).toEqual([target.caseId]);
  });

  it('the purpose argument works as the header does, and is audited', async () => {
    const officer = await t.token(target.dept, 'TRANSFER_OFFICER', `mask-transfer-${randomUUID().slice(0, 8)}`);
    const rid = `mask-${randomUUID()}`;
    const res = await t.gql(CasePartiesPersonalDocument, { id: target.caseId, purpose: '移送前核对当事人身份' }, officer, { 'X-Request-Id': rid });
    expect(res.errors).toBeUndefined();
    expect(personOf(res.data!.case.parties)).toMatchObject({ code: target.code, phone: target.phone });
    const record = await recordOf(rid);
    expect(record.purpose).toBe('移送前核对当事人身份');
    expect(record.personalFields).toEqual(expect.arrayContaining(PERSON_FIELDS));
  });

  it('a party looked up on its own is in full for the team handling a case naming it, masked for another team', async () => {
    const own = await t.token(target.dept, 'OFFICER', 'mask-own');
    const mine = await t.gql(PartyPersonalDocument, { code: target.code, purpose: PURPOSE }, own);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.party).toMatchObject({ code: target.code, name: target.name, phone: target.phone });

    const stranger = await t.token(otherDept, 'OFFICER', 'mask-stranger');
    const rid = `mask-${randomUUID()}`;
    const theirs = await t.gql(PartyPersonalDocument, { code: target.code, purpose: PURPOSE }, stranger, { 'X-Request-Id': rid });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.party).toMatchObject(masked());
    expect((await recordOf(rid)).personalFields).toEqual([]);
  });

  it('an organisation’s name, 统一社会信用代码 and address stay; its legal representative and phone are masked without a purpose', async () => {
    const org = await t.db.prisma.party.findUniqueOrThrow({ where: { code: '91440309MA5H2R7W2D' } });
    const supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'mask-org-supervisor');
    const res = await t.gql(
      `query($code: String!) { party(code: $code) { kind code name address legalRepName phone } }`,
      { code: org.code },
      supervisor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      party: { kind: 'ORGANISATION', code: org.code, name: org.name, address: org.address, legalRepName: maskName(org.legalRepName), phone: maskPhone(org.phone) },
    });
  });
});

describe('other roles', () => {
  it.each([
    ['SUPERVISOR', 'LH-CGJ'],
    ['AUDITOR', 'LH-CGJ'],
  ] as const)('a %s sees the person masked without a purpose, in full with one', async (role, dept) => {
    const token = await t.token(dept, role, `mask-${role.toLowerCase()}`);
    const plain = await t.gql(PartyPersonalDocument, { code: target.code }, token);
    expect(plain.data!.party).toMatchObject(masked());
    const rid = `mask-${randomUUID()}`;
    const full = await t.gql(PartyPersonalDocument, { code: target.code }, token, { 'X-Request-Id': rid, ...header(PURPOSE) });
    expect(full.data!.party).toMatchObject({ code: target.code, name: target.name, phone: target.phone, address: target.address });
    expect(await recordOf(rid)).toMatchObject({ purpose: PURPOSE, personalFields: PERSON_FIELDS });
  });

  it.each([
    ['ADMIN', 'LH-CGJ'],
    ['HOTLINE', 'LH-12345'],
  ] as const)('a %s never sees the person in full, even with a purpose', async (role, dept) => {
    const token = await t.token(dept, role, `mask-${role.toLowerCase()}`);
    const res = await t.gql(PartyPersonalDocument, { code: target.code, purpose: PURPOSE }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.party).toMatchObject(masked());
  });

  it('a partner never sees a person in full, even when its agreement shares the field and it states a purpose', async () => {
    // 市场监管 (DSA-LH-2026-001) shares Party.code and Party.name of its categories' cases.
    const agreement = await t.db.prisma.dataSharingAgreement.findFirstOrThrow({ where: { agreementNo: 'DSA-LH-2026-001' } });
    expect(agreement.fields).toEqual(expect.arrayContaining(['EnforcementCase.parties', 'CaseParty.party', 'Party.code', 'Party.name']));
    const [row] = await t.db.prisma.$queryRawUnsafe<{ caseId: string; partyId: string; code: string; name: string }[]>(
      `SELECT c.id::text AS "caseId", pa.id::text AS "partyId", pa.code, pa.name
         FROM "EnforcementCase" c JOIN "PowerItem" p ON p.id = c."powerItemId"
         JOIN "CaseParty" cp ON cp."caseId" = c.id JOIN "Party" pa ON pa.id = cp."partyId"
        WHERE pa.kind = 'PERSON' AND p.category::text = ANY($1::text[]) AND c."registeredAt" < $2::timestamptz
        ORDER BY c."caseNo" LIMIT 1`,
      agreement.categories,
      SEEDED_TO,
    );
    expect(row).toBeDefined();
    const partner = await t.token('LH-SCJG', 'PARTNER', 'mask-partner');
    const rid = `mask-${randomUUID()}`;
    const res = await t.gql(
      `query($id: ID!) { case(id: $id, purpose: "市场主体信用核查") { parties { party { id code name } } } }`,
      { id: row.caseId },
      partner,
      { 'X-Request-Id': rid, ...header(PURPOSE) },
    );
    expect(res.errors).toBeUndefined();
    const person = (res.data as { case: { parties: { party: { id: string; code: string; name: string } }[] } }).case.parties.find(
      (p) => p.party.id === row.partyId,
    )!.party;
    expect(person).toEqual({ id: row.partyId, code: maskIdNumber(row.code), name: maskName(row.name) });
    expect(await recordOf(rid)).toMatchObject({ personalFields: [], purpose: `${PURPOSE}; 市场主体信用核查` });
  });
});
