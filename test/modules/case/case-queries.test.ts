// Case reads through the real HTTP server: keyset pagination in every order, the list filters,
// single-case lookup, parties, departments, the power list and the statutory deadlines — each
// compared with SQL run directly against the same database.
//
// Other test files register new cases (dated now) while these run, so every list check is
// restricted to the seeded cases with `registeredTo` and the SQL uses the same restriction.
import { randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { USCC_ALPHABET, usccCheckChar } from '../../../src/domain/identifiers';
import { DEPARTMENT_SEEDS, OFFICER_SEEDS, STREET_TEAMS } from '../../../src/db/seed-data/departments';
import { PowerCategory as PowerCategories } from '../../../src/generated/prisma/enums';
import {
  CaseByIdDocument,
  CaseDeadlinesByIdDocument,
  CaseKeysetPageDocument,
  DepartmentsDocument,
  PartyByCodeDocument,
  PowerItemsDocument,
  type CaseKeysetPageQuery,
} from '../../generated/graphql';
import type { CaseFilter, CaseOrder, PowerCategory } from '../../generated/schema-types';
import { startTestHub, type GraphQLResponse, type TestHub } from '../../support/test-hub';

/** Seeded cases are registered 2026-01-05..2026-11-18; anything later was made by a test. */
const SEEDED_TO = '2026-11-19T00:00:00+08:00';
const SEEDED_SQL = `c."registeredAt" < '${SEEDED_TO}'::timestamptz`;

const ORDER_SQL: Record<CaseOrder, string> = {
  REGISTERED_AT_DESC: 'c."registeredAt" DESC, c.id DESC',
  REGISTERED_AT_ASC: 'c."registeredAt" ASC, c.id ASC',
  UPDATED_AT_DESC: 'c."updatedAt" DESC, c.id DESC',
  CASE_NO_ASC: 'c."caseNo" ASC, c.id ASC',
};
const ORDERS = Object.keys(ORDER_SQL) as CaseOrder[];

let t: TestHub;
let supervisor: string;

beforeAll(async () => {
  t = await startTestHub();
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'sup-case-queries');
});

afterAll(async () => {
  await t?.stop();
});

function errorOf(res: GraphQLResponse<unknown>) {
  expect(res.errors).toBeDefined();
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}

/** Ids of seeded cases matching `where` (aliases: c case, d department, p power item), in `order`. */
async function sqlCaseIds(where: string, params: unknown[] = [], order: string = ORDER_SQL.REGISTERED_AT_DESC): Promise<string[]> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id::text AS id
       FROM "EnforcementCase" c
       JOIN "Department" d ON d.id = c."departmentId"
       JOIN "PowerItem" p ON p.id = c."powerItemId"
      WHERE ${SEEDED_SQL} AND (${where})
      ORDER BY ${order}`,
    ...params,
  );
  return rows.map((r) => r.id);
}

type Page = CaseKeysetPageQuery['cases'];

/** Follows endCursor until hasNextPage is false; returns every page and the ids in order. */
async function walk(token: string, filter: CaseFilter, orderBy: CaseOrder, first = 50): Promise<{ ids: string[]; pages: Page[] }> {
  const ids: string[] = [];
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const res: GraphQLResponse<CaseKeysetPageQuery> = await t.gql(CaseKeysetPageDocument, { filter, first, after, orderBy }, token);
    expect(res.errors).toBeUndefined();
    const page = res.data!.cases;
    pages.push(page);
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    after = page.pageInfo.endCursor;
    expect(after).toBeTruthy();
  }
  throw new Error('pagination did not end');
}

const seeded = (extra: CaseFilter = {}): CaseFilter => ({ registeredTo: SEEDED_TO, ...extra });

// ───────────────────────────── pagination ─────────────────────────────

describe('cursor pagination over every seeded case a supervisor sees', () => {
  it.each(ORDERS)('orderBy %s: every case exactly once, in SQL order, with consistent page info', async (orderBy) => {
    const expected = await sqlCaseIds('TRUE', [], ORDER_SQL[orderBy]);
    expect(expected.length).toBeGreaterThanOrEqual(200);

    const { ids, pages } = await walk(supervisor, seeded(), orderBy, 50);

    expect(new Set(ids).size).toBe(ids.length); // no case twice
    expect(ids).toEqual(expected); // every case, in exactly the order SQL gives
    expect(pages.length).toBe(Math.ceil(expected.length / 50));
    pages.forEach((page, i) => {
      const last = i === pages.length - 1;
      expect(page.totalCount).toBe(ids.length);
      expect(page.pageInfo.hasNextPage).toBe(!last);
      expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(page.edges.length).toBe(last ? expected.length - 50 * (pages.length - 1) : 50);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    });
  });

  it('refuses a cursor made for one order when used with another (field `after`)', async () => {
    const first = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 5, orderBy: 'REGISTERED_AT_DESC' }, supervisor);
    const cursor = first.data!.cases.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    for (const other of ORDERS.filter((o) => o !== 'REGISTERED_AT_DESC')) {
      const res = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 5, after: cursor, orderBy: other }, supervisor);
      const err = errorOf(res);
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.field).toBe('after');
      expect(res.data).toBeNull();
    }
  });

  it.each([
    ['random text', 'not-a-cursor!!'],
    ['base64 of a non-cursor', Buffer.from('{"order":"REGISTERED_AT_DESC"}').toString('base64url')],
    ['an empty array', Buffer.from('[]').toString('base64url')],
  ])('refuses a garbage cursor (%s) with BAD_USER_INPUT on `after`', async (_label, cursor) => {
    const res = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 5, after: cursor }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('after');
    expect(err.message).not.toMatch(/prisma|invalid `|at .*\.ts/i);
  });

  it.each([
    ['a cursor whose date is not a date', (id: string) => ['REGISTERED_AT_DESC', 'yesterday-ish', id]],
    ['a cursor whose id is not a UUID', () => ['REGISTERED_AT_DESC', '2026-06-01T00:00:00.000Z', 'robert-tables']],
    ['a case-number cursor whose id is not a UUID', () => ['CASE_NO_ASC', 'GH-2026-00001', '1 OR 1=1']],
  ])('refuses a forged cursor with the right shape (%s) as bad input, not an internal error', async (_label, make) => {
    const cursor = Buffer.from(JSON.stringify(make(randomUUID())), 'utf8').toString('base64url');
    const orderBy = (make(randomUUID()) as string[])[0] as CaseOrder;
    const res = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 5, after: cursor, orderBy }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('after');
  });

  it.each([0, -1, 101, 1000])('refuses first: %i with BAD_USER_INPUT naming `first`', async (first) => {
    const res = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('first');
    expect(err.message).toMatch(/first/);
  });

  it('accepts the bounds first: 1 and first: 100', async () => {
    const one = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 1 }, supervisor);
    expect(one.errors).toBeUndefined();
    expect(one.data!.cases.edges).toHaveLength(1);
    const hundred = await t.gql(CaseKeysetPageDocument, { filter: seeded(), first: 100 }, supervisor);
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.cases.edges).toHaveLength(100);
    expect(hundred.data!.cases.pageInfo.hasNextPage).toBe(true);
  });
});

// ───────────────────────────── filters ─────────────────────────────

describe('list filters, each equal to the same SQL', () => {
  let allSeeded: number;

  beforeAll(async () => {
    allSeeded = (await sqlCaseIds('TRUE')).length;
  });

  /** The API's ids (all pages) equal SQL's, totalCount agrees, and the filter really narrows. */
  async function expectSameAsSql(filter: CaseFilter, where: string, params: unknown[] = []): Promise<string[]> {
    const expected = await sqlCaseIds(where, params);
    const { ids, pages } = await walk(supervisor, seeded(filter), 'REGISTERED_AT_DESC', 100);
    expect(ids).toEqual(expected);
    expect(pages[0].totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allSeeded);
    return ids;
  }

  it('stage', async () => {
    await expectSameAsSql({ stage: ['INVESTIGATING', 'CLOSED'] }, `c.stage::text = ANY($1::text[])`, [['INVESTIGATING', 'CLOSED']]);
  });

  it('source', async () => {
    await expectSameAsSql({ source: ['HOTLINE_12345'] }, `c.source::text = ANY($1::text[])`, [['HOTLINE_12345']]);
  });

  it('street', async () => {
    await expectSameAsSql({ street: ['观湖', '观澜'] }, `c.street = ANY($1::text[])`, [['观湖', '观澜']]);
  });

  it('departmentCode', async () => {
    const ids = await expectSameAsSql({ departmentCode: ['LH-MZ'] }, `d.code = ANY($1::text[])`, [['LH-MZ']]);
    const { pages } = await walk(supervisor, seeded({ departmentCode: ['LH-MZ'] }), 'REGISTERED_AT_DESC', 100);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.department.code)).every((code) => code === 'LH-MZ')).toBe(true);
    expect(ids.length).toBe(pages.flatMap((p) => p.edges).length);
  });

  it('category', async () => {
    await expectSameAsSql({ category: ['GAS', 'CITY_APPEARANCE'] }, `p.category::text = ANY($1::text[])`, [['GAS', 'CITY_APPEARANCE']]);
  });

  it('partyCode of a seeded party with cases', async () => {
    const [party] = await t.db.prisma.$queryRawUnsafe<{ code: string; n: bigint }[]>(
      `SELECT pa.code, count(*) AS n
         FROM "Party" pa JOIN "CaseParty" cp ON cp."partyId" = pa.id JOIN "EnforcementCase" c ON c.id = cp."caseId"
        WHERE ${SEEDED_SQL}
        GROUP BY pa.code ORDER BY count(*) DESC, pa.code LIMIT 1`,
    );
    expect(party).toBeDefined();
    await expectSameAsSql(
      { partyCode: party.code },
      `EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "Party" pa ON pa.id = cp."partyId" WHERE cp."caseId" = c.id AND pa.code = $1)`,
      [party.code],
    );
  });

  it('registered date range (from inclusive, to exclusive)', async () => {
    const from = '2026-03-01T00:00:00+08:00';
    const to = '2026-06-01T00:00:00+08:00';
    const expected = await sqlCaseIds(`c."registeredAt" >= $1::timestamptz AND c."registeredAt" < $2::timestamptz`, [from, to]);
    const { ids, pages } = await walk(supervisor, { registeredFrom: from, registeredTo: to }, 'REGISTERED_AT_ASC', 100);
    expect(ids.sort()).toEqual([...expected].sort());
    expect(pages[0].totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allSeeded);
  });

  const TEXT_WHERE = `(c."caseNo" ILIKE '%' || $1 || '%' OR c.summary ILIKE '%' || $1 || '%' OR c.facts ILIKE '%' || $1 || '%'
      OR c.address ILIKE '%' || $1 || '%'
      OR EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "Party" pa ON pa.id = cp."partyId" WHERE cp."caseId" = c.id AND pa.name ILIKE '%' || $1 || '%'))`;

  it('free text: a word from one seeded summary', async () => {
    const [row] = await t.db.prisma.$queryRawUnsafe<{ id: string; summary: string }[]>(
      `SELECT c.id::text AS id, c.summary FROM "EnforcementCase" c WHERE ${SEEDED_SQL} AND char_length(c.summary) >= 6 ORDER BY c."caseNo" LIMIT 1`,
    );
    expect(row).toBeDefined();
    // A 4-character piece of the summary that is not in every case (so the filter narrows).
    let word: string | null = null;
    for (let i = 0; i + 4 <= row.summary.length && !word; i += 1) {
      const candidate = row.summary.slice(i, i + 4);
      if (/[%_\\\s]/.test(candidate)) continue;
      const n = (await sqlCaseIds(TEXT_WHERE, [candidate])).length;
      if (n > 0 && n < allSeeded) word = candidate;
    }
    expect(word).not.toBeNull();
    const ids = await expectSameAsSql({ text: word! }, TEXT_WHERE, [word]);
    expect(ids).toContain(row.id);
  });

  it('free text: a party name', async () => {
    const [row] = await t.db.prisma.$queryRawUnsafe<{ name: string; id: string }[]>(
      `SELECT pa.name, c.id::text AS id
         FROM "Party" pa JOIN "CaseParty" cp ON cp."partyId" = pa.id JOIN "EnforcementCase" c ON c.id = cp."caseId"
        WHERE ${SEEDED_SQL} AND pa.kind = 'ORGANISATION'
        ORDER BY pa.code LIMIT 1`,
    );
    expect(row).toBeDefined();
    const ids = await expectSameAsSql({ text: row.name }, TEXT_WHERE, [row.name]);
    expect(ids).toContain(row.id);
  });

  it('a combination of two filters (street and category) is their intersection', async () => {
    const [pair] = await t.db.prisma.$queryRawUnsafe<{ street: string; category: PowerCategory }[]>(
      `SELECT c.street, p.category::text AS category
         FROM "EnforcementCase" c JOIN "PowerItem" p ON p.id = c."powerItemId"
        WHERE ${SEEDED_SQL}
        GROUP BY c.street, p.category ORDER BY count(*) DESC, c.street, p.category LIMIT 1`,
    );
    const ids = await expectSameAsSql(
      { street: [pair.street], category: [pair.category] },
      `c.street = $1 AND p.category::text = $2`,
      [pair.street, pair.category],
    );
    const streetOnly = await sqlCaseIds(`c.street = $1`, [pair.street]);
    const categoryOnly = await sqlCaseIds(`p.category::text = $1`, [pair.category]);
    expect(ids.length).toBeLessThan(streetOnly.length);
    expect(ids.length).toBeLessThan(categoryOnly.length);
  });

  it('refuses a partyCode (USCC) with a wrong check character, naming filter.partyCode and the rule', async () => {
    const orgs = await t.db.prisma.$queryRawUnsafe<{ code: string }[]>(`SELECT code FROM "Party" WHERE kind = 'ORGANISATION' ORDER BY code`);
    const org = orgs.find((o) => /[A-Z]/.test(o.code.slice(0, 17)));
    expect(org).toBeDefined();
    const code = org!.code;
    const wrong = code.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[17]) + 1) % USCC_ALPHABET.length];
    const res = await t.gql(CaseKeysetPageDocument, { filter: seeded({ partyCode: wrong }), first: 5 }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('filter.partyCode');
    expect(err.extensions?.rule).toBe('USCC_CHECK_CHARACTER');
    expect(res.data).toBeNull();
  });

  it('refuses a partyCode (居民身份证号) with a wrong check character with the ID-number rule', async () => {
    const [person] = await t.db.prisma.$queryRawUnsafe<{ code: string }[]>(`SELECT code FROM "Party" WHERE kind = 'PERSON' ORDER BY code LIMIT 1`);
    expect(person).toBeDefined();
    const checks = '0123456789X';
    const wrong = person.code.slice(0, 17) + checks[(checks.indexOf(person.code[17]) + 1) % checks.length];
    const res = await t.gql(CaseKeysetPageDocument, { filter: seeded({ partyCode: wrong }), first: 5 }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('filter.partyCode');
    expect(err.extensions?.rule).toBe('ID_NUMBER_CHECK_CHARACTER');
  });
});

// ───────────────────────────── one case ─────────────────────────────

describe('case(id) and case(caseNo)', () => {
  let sample: { id: string; caseNo: string; stage: string; code: string; category: string };

  beforeAll(async () => {
    [sample] = await t.db.prisma.$queryRawUnsafe<typeof sample[]>(
      `SELECT c.id::text AS id, c."caseNo", c.stage::text AS stage, d.code, p.category::text AS category
         FROM "EnforcementCase" c JOIN "Department" d ON d.id = c."departmentId" JOIN "PowerItem" p ON p.id = c."powerItemId"
        WHERE ${SEEDED_SQL} AND c.stage = 'DECIDED' ORDER BY c."caseNo" LIMIT 1`,
    );
    expect(sample).toBeDefined();
  });

  it('finds the same case by id and by case number', async () => {
    const byId = await t.gql(CaseByIdDocument, { id: sample.id }, supervisor);
    const byNo = await t.gql(CaseByIdDocument, { caseNo: sample.caseNo }, supervisor);
    expect(byId.errors).toBeUndefined();
    expect(byNo.errors).toBeUndefined();
    expect(byId.data!.case).toEqual(byNo.data!.case);
    expect(byId.data!.case).toMatchObject({
      id: sample.id,
      caseNo: sample.caseNo,
      stage: sample.stage,
      department: { code: sample.code },
      powerItem: { category: sample.category },
    });
    expect(byId.data!.case.decision?.decisionNo).toBeTruthy();
  });

  it.each([
    ['both id and caseNo', () => ({ id: sample.id, caseNo: sample.caseNo })],
    ['neither id nor caseNo', () => ({})],
  ])('refuses %s with BAD_USER_INPUT', async (_label, vars) => {
    const res = await t.gql(CaseByIdDocument, vars(), supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.rule).toBe('EXACTLY_ONE_KEY');
    expect(res.data).toBeNull();
  });

  it('answers NOT_FOUND for an unknown id and an unknown case number', async () => {
    const id = randomUUID();
    const res = await t.gql(CaseByIdDocument, { id }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('NOT_FOUND');
    expect(err.message).toContain(id);
    const byNo = await t.gql(CaseByIdDocument, { caseNo: 'GH-1999-99999' }, supervisor);
    expect(errorOf(byNo).extensions?.code).toBe('NOT_FOUND');
  });

  it.each(['not-a-uuid', '12345', `${randomUUID()}x`])('refuses the malformed id %s with BAD_USER_INPUT on `id`', async (id) => {
    const res = await t.gql(CaseByIdDocument, { id }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('id');
  });
});

// ───────────────────────────── parties, departments, power list ─────────────────────────────

describe('party(code)', () => {
  it('returns the party, its kind and its cases as SQL has them', async () => {
    const [party] = await t.db.prisma.$queryRawUnsafe<{ code: string; kind: string; name: string; n: bigint }[]>(
      `SELECT pa.code, pa.kind::text AS kind, pa.name, count(*) AS n
         FROM "Party" pa JOIN "CaseParty" cp ON cp."partyId" = pa.id JOIN "EnforcementCase" c ON c.id = cp."caseId"
        WHERE ${SEEDED_SQL}
        GROUP BY pa.code, pa.kind, pa.name HAVING count(*) BETWEEN 1 AND 40
        ORDER BY count(*) DESC, pa.code LIMIT 1`,
    );
    expect(party).toBeDefined();
    const seededIds = await sqlCaseIds(
      `EXISTS (SELECT 1 FROM "CaseParty" cp JOIN "Party" pa ON pa.id = cp."partyId" WHERE cp."caseId" = c.id AND pa.code = $1)`,
      [party.code],
    );
    const res = await t.gql(PartyByCodeDocument, { code: party.code }, supervisor);
    expect(res.errors).toBeUndefined();
    const p = res.data!.party;
    expect(p).toMatchObject({ code: party.code, kind: party.kind, name: party.name });
    const returned = p.cases.edges.map((e) => e.node.id);
    // Every seeded case of the party is there; anything else is a case a concurrent test registered for it.
    expect(returned).toEqual(expect.arrayContaining(seededIds));
    expect(p.cases.totalCount).toBe(returned.length);
    const allOfParty = await t.db.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT cp."caseId"::text AS id FROM "CaseParty" cp JOIN "Party" pa ON pa.id = cp."partyId" WHERE pa.code = $1`,
      party.code,
    );
    expect(new Set(allOfParty.map((r) => r.id))).toEqual(new Set(returned));
  });

  it('answers NOT_FOUND for a valid code nobody has', async () => {
    let code = '';
    for (let i = 0; i < 20; i += 1) {
      const body = Array.from({ length: 5 }, () => USCC_ALPHABET[Math.floor(Math.random() * 10)]).join('');
      const first17 = `91440309MA5G${body}`;
      code = first17 + usccCheckChar(first17);
      const taken = await t.db.prisma.party.findUnique({ where: { code } });
      if (!taken) break;
    }
    const res = await t.gql(PartyByCodeDocument, { code }, supervisor);
    const err = errorOf(res);
    expect(err.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a code with a wrong check character before looking it up', async () => {
    const [org] = await t.db.prisma.$queryRawUnsafe<{ code: string }[]>(
      `SELECT code FROM "Party" WHERE kind = 'ORGANISATION' AND substr(code, 1, 17) ~ '[A-Z]' ORDER BY code LIMIT 1`,
    );
    const wrong = org.code.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(org.code[17]) + 1) % USCC_ALPHABET.length];
    const err = errorOf(await t.gql(PartyByCodeDocument, { code: wrong }, supervisor));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', rule: 'USCC_CHECK_CHARACTER' });
  });
});

describe('departments', () => {
  it('lists every seeded department with the right kind and street, and its active officers', async () => {
    const res = await t.gql(DepartmentsDocument, {}, supervisor);
    expect(res.errors).toBeUndefined();
    const departments = res.data!.departments;

    // The brief's list: 6 street teams, the district and city bureaus, 7 functional departments,
    // public security, the procuratorate and the 12345 centre.
    const expectedKinds: Record<string, string> = {
      'LH-GH': 'STREET_TEAM',
      'LH-MZ': 'STREET_TEAM',
      'LH-DL': 'STREET_TEAM',
      'LH-LH': 'STREET_TEAM',
      'LH-FC': 'STREET_TEAM',
      'LH-GL': 'STREET_TEAM',
      'LH-CGJ': 'DISTRICT_BUREAU',
      'SZ-CGJ': 'CITY_BUREAU',
      'LH-GTZY': 'FUNCTIONAL_DEPT',
      'LH-SCJG': 'FUNCTIONAL_DEPT',
      'LH-ZJJ': 'FUNCTIONAL_DEPT',
      'LH-STHJ': 'FUNCTIONAL_DEPT',
      'LH-WTJ': 'FUNCTIONAL_DEPT',
      'LH-JYJ': 'FUNCTIONAL_DEPT',
      'LH-SWJ': 'FUNCTIONAL_DEPT',
      'LH-GAJ': 'PUBLIC_SECURITY',
      'LH-JCY': 'PROCURATORATE',
      'LH-12345': 'HOTLINE_CENTER',
    };
    const byCode = new Map(departments.map((d) => [d.code, d]));
    for (const [code, kind] of Object.entries(expectedKinds)) {
      expect(byCode.get(code)?.kind).toBe(kind);
    }
    for (const seed of DEPARTMENT_SEEDS) {
      expect(byCode.get(seed.code)).toMatchObject({ kind: seed.kind, name: seed.name, street: seed.street ?? null });
    }
    const sqlCount = await t.db.prisma.department.count();
    expect(departments).toHaveLength(sqlCount);
    expect(departments).toHaveLength(DEPARTMENT_SEEDS.length);
    expect(departments.map((d) => d.code)).toEqual([...departments.map((d) => d.code)].sort());

    // Officers: exactly the active officers SQL has for each department, by badge number.
    const officers = await t.db.prisma.officer.findMany({ where: { active: true }, include: { department: true }, orderBy: { badgeNo: 'asc' } });
    for (const d of departments) {
      expect(d.officers.map((o) => o.badgeNo)).toEqual(officers.filter((o) => o.department.code === d.code).map((o) => o.badgeNo));
    }
    for (const [code, seeds] of Object.entries(OFFICER_SEEDS)) {
      expect(new Set(byCode.get(code)!.officers.map((o) => o.name))).toEqual(new Set(seeds.map((s) => s.name)));
    }
    for (const team of STREET_TEAMS) expect(byCode.get(team.departmentCode)!.officers.length).toBeGreaterThanOrEqual(2);
  });

  it('filters by kind', async () => {
    const res = await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, supervisor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.departments.map((d) => d.code).sort()).toEqual(STREET_TEAMS.map((s) => s.departmentCode).sort());
    expect(res.data!.departments.map((d) => d.street).sort()).toEqual(STREET_TEAMS.map((s) => s.street).sort());
  });
});

describe('powerItems(category)', () => {
  const categories = Object.values(PowerCategories) as PowerCategory[];

  it('covers the 18 street matters', () => {
    expect(categories).toHaveLength(18);
  });

  it.each(categories)('%s has at least one active item with its legal basis and a discretion benchmark', async (category) => {
    const res = await t.gql(PowerItemsDocument, { category }, supervisor);
    expect(res.errors).toBeUndefined();
    const items = res.data!.powerItems;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items).toHaveLength(await t.db.prisma.powerItem.count({ where: { category, active: true } }));
    for (const item of items) {
      expect(item.category).toBe(category);
      expect(item.legalBasis.trim()).not.toBe('');
      expect(item.penaltyBasis.trim()).not.toBe('');
      expect(item.tiers.length).toBeGreaterThanOrEqual(1);
      expect(item.tiers.map((tier) => tier.level)).toEqual(item.tiers.map((_, i) => i + 1));
      for (const tier of item.tiers) {
        if (tier.penaltyKind === 'FINE') {
          expect(tier.fineMin).not.toBeNull();
          if (tier.fineMax !== null) expect(Number(tier.fineMax)).toBeGreaterThanOrEqual(Number(tier.fineMin));
        }
      }
    }
  });
});

// ───────────────────────────── deadlines ─────────────────────────────

describe('statutory deadlines of seeded cases', () => {
  const calendar = new WorkingDayCalendar();
  const DAY = 86_400_000;

  it('an open case filed more than 90 days ago is overdue for its decision, due 90 days after filing (end of day, Shanghai)', async () => {
    const candidates = await t.db.prisma.$queryRawUnsafe<{ id: string; filedAt: Date }[]>(
      `SELECT c.id::text AS id, c."filedAt" FROM "EnforcementCase" c
        WHERE ${SEEDED_SQL} AND c.stage IN ('FILED', 'INVESTIGATING') AND c."decidedAt" IS NULL AND c."filedAt" < now() - interval '91 days'
        ORDER BY c."filedAt" DESC`,
    );
    const pick = candidates.find((c) => calendar.endOfCalendarDaysAfter(c.filedAt, 90).getTime() < Date.now());
    expect(pick).toBeDefined();
    const res = await t.gql(CaseDeadlinesByIdDocument, { id: pick!.id }, supervisor);
    expect(res.errors).toBeUndefined();
    const decision = res.data!.case.deadlines.filter((d) => d.kind === 'DECISION');
    expect(decision).toHaveLength(1);
    expect(decision[0]).toMatchObject({
      startsAt: pick!.filedAt.toISOString(),
      dueAt: calendar.endOfCalendarDaysAfter(pick!.filedAt, 90).toISOString(),
      metAt: null,
      overdue: true,
    });
    expect(decision[0].dueAt).toMatch(/T15:59:59\.999Z$/); // 23:59:59.999 in Asia/Shanghai
    expect(decision[0].legalBasis).toContain('第六十条');
  });

  it('a case filed recently and still open is not overdue for its decision', async () => {
    const [recent] = await t.db.prisma.$queryRawUnsafe<{ id: string; filedAt: Date }[]>(
      `SELECT c.id::text AS id, c."filedAt" FROM "EnforcementCase" c
        WHERE ${SEEDED_SQL} AND c.stage IN ('FILED', 'INVESTIGATING') AND c."decidedAt" IS NULL AND c."filedAt" > now() - interval '60 days'
        ORDER BY c."filedAt" DESC LIMIT 1`,
    );
    expect(recent).toBeDefined();
    const res = await t.gql(CaseDeadlinesByIdDocument, { id: recent.id }, supervisor);
    const decision = res.data!.case.deadlines.find((d) => d.kind === 'DECISION');
    expect(decision).toMatchObject({ dueAt: calendar.endOfCalendarDaysAfter(recent.filedAt, 90).toISOString(), metAt: null, overdue: false });
  });

  it('a CLOSED case handled on time has every deadline met and none overdue', async () => {
    const closed = await t.db.prisma.$queryRawUnsafe<
      { id: string; registeredAt: Date; filedAt: Date; decidedAt: Date; servedAt: Date; executedAt: Date | null; fine: string }[]
    >(
      `SELECT c.id::text AS id, c."registeredAt", c."filedAt", c."decidedAt", c."servedAt", c."executedAt", pd."fineAmount"::text AS fine
         FROM "EnforcementCase" c JOIN "PenaltyDecision" pd ON pd."caseId" = c.id
        WHERE ${SEEDED_SQL} AND c.stage = 'CLOSED' AND c."filedAt" IS NOT NULL AND c."decidedAt" IS NOT NULL AND c."servedAt" IS NOT NULL
        ORDER BY c."caseNo"`,
    );
    // On time by plain calendar arithmetic, well inside each period.
    const pick = closed.find(
      (c) =>
        c.filedAt.getTime() - c.registeredAt.getTime() <= 10 * DAY &&
        c.decidedAt.getTime() - c.filedAt.getTime() <= 80 * DAY &&
        c.servedAt.getTime() - c.decidedAt.getTime() <= 5 * DAY &&
        (Number(c.fine) === 0 || (c.executedAt !== null && c.executedAt.getTime() - c.servedAt.getTime() <= 14 * DAY)),
    );
    expect(pick).toBeDefined();
    const res = await t.gql(CaseDeadlinesByIdDocument, { id: pick!.id }, supervisor);
    expect(res.errors).toBeUndefined();
    const deadlines = res.data!.case.deadlines;
    const kinds = deadlines.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['FILING', 'DECISION', 'SERVICE']));
    if (Number(pick!.fine) > 0) expect(kinds).toContain('PAYMENT');
    for (const d of deadlines) {
      expect(d.metAt).not.toBeNull();
      expect(d.overdue).toBe(false);
    }
    expect(deadlines.find((d) => d.kind === 'DECISION')!.metAt).toBe(pick!.decidedAt.toISOString());
    expect(deadlines.find((d) => d.kind === 'SERVICE')!.metAt).toBe(pick!.servedAt.toISOString());
  });
});
