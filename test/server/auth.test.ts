// Authentication and row-level access through the real server, over HTTP and over the
// graphql-ws WebSocket endpoint on the same path.
import { print } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { signToken } from '../../src/auth/jwt';
import type { Role } from '../../src/auth/principal';
import {
  CaseByIdDocument,
  CaseKeysetPageDocument,
  DepartmentCodesOverSocketDocument,
  FileCaseDocument,
  type CaseKeysetPageQuery,
} from '../generated/graphql';
import type { CaseFilter } from '../generated/schema-types';
import { startTestHub, TEST_SECRET, type GraphQLResponse, type TestHub } from '../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';
const SEEDED_SQL = `c."registeredAt" < '${SEEDED_TO}'::timestamptz`;

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
});

afterAll(async () => {
  await t?.stop();
});

async function seededIds(where: string, params: unknown[] = []): Promise<string[]> {
  const rows = await t.db.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id::text AS id FROM "EnforcementCase" c
       JOIN "Department" d ON d.id = c."departmentId" JOIN "PowerItem" p ON p.id = c."powerItemId"
      WHERE ${SEEDED_SQL} AND (${where}) ORDER BY c."registeredAt" DESC, c.id DESC`,
    ...params,
  );
  return rows.map((r) => r.id);
}

type Edge = CaseKeysetPageQuery['cases']['edges'][number];

async function listAll(token: string, filter: CaseFilter = {}): Promise<{ edges: Edge[]; totalCount: number }> {
  const edges: Edge[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let guard = 0; guard < 50; guard += 1) {
    const res: GraphQLResponse<CaseKeysetPageQuery> = await t.gql(
      CaseKeysetPageDocument,
      { filter: { registeredTo: SEEDED_TO, ...filter }, first: 100, after },
      token,
    );
    expect(res.errors).toBeUndefined();
    totalCount = res.data!.cases.totalCount;
    edges.push(...res.data!.cases.edges);
    if (!res.data!.cases.pageInfo.hasNextPage) return { edges, totalCount };
    after = res.data!.cases.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

// ───────────────────────────── authentication ─────────────────────────────

describe('HTTP authentication', () => {
  const QUERY = '{ departments { code } }';

  async function expectUnauthenticated(headers: Record<string, string>) {
    const res = await t.gql(QUERY, undefined, null, headers);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].extensions?.stacktrace).toBeUndefined();
    return res.errors![0];
  }

  it('accepts a valid token (control)', async () => {
    const res = await t.gql(QUERY, undefined, await t.token('LH-GH', 'OFFICER'));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect((res.data as { departments: unknown[] }).departments.length).toBeGreaterThan(0);
  });

  it('answers 401 UNAUTHENTICATED without a token, and sends no data', async () => {
    const err = await expectUnauthenticated({});
    expect(err.message).toMatch(/bearer token/i);
  });

  it.each([
    ['a scheme other than Bearer', async () => `Basic ${Buffer.from('officer:password').toString('base64')}`],
    ['"Bearer" with nothing after it', async () => 'Bearer'],
    ['a token with a space in it', async () => `Bearer ${await t.token('LH-GH', 'OFFICER')} extra`],
    ['a token that is not a JWT', async () => 'Bearer not.a.jwt'],
  ])('answers 401 for a malformed Authorization header (%s)', async (_label, header) => {
    await expectUnauthenticated({ authorization: await header() });
  });

  it('answers 401 for a token signed with another secret', async () => {
    const forged = await signToken('another-secret-of-at-least-thirty-two-chars', { sub: 'x', dept: 'LH-CGJ', roles: ['SUPERVISOR'] });
    await expectUnauthenticated({ authorization: `Bearer ${forged}` });
  });

  it('answers 401 for an unsigned (alg: none) token', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'x', dept: 'LH-CGJ', roles: ['SUPERVISOR'], exp })}.`;
    await expectUnauthenticated({ authorization: `Bearer ${unsigned}` });
  });

  it('answers 401 for an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ dept: 'LH-GH', roles: ['OFFICER'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('expired-officer')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_SECRET));
    const err = await expectUnauthenticated({ authorization: `Bearer ${expired}` });
    expect(err.message).toMatch(/expired/);
  });

  it('answers 401 for a token naming an unknown department', async () => {
    const err = await expectUnauthenticated({ authorization: `Bearer ${await t.token('LH-XX', 'OFFICER')}` });
    expect(err.message).toContain('LH-XX');
  });

  it.each([[['SUPERUSER']], [['OFFICER', 'ROOT']], [[]]])('answers 401 for a token with roles %j', async (roles) => {
    const token = await signToken(TEST_SECRET, { sub: 'x', dept: 'LH-GH', roles: roles as Role[] });
    await expectUnauthenticated({ authorization: `Bearer ${token}` });
  });
});

// ───────────────────────────── row-level access ─────────────────────────────

describe('row-level access to cases', () => {
  it('an LH-GH officer lists exactly the LH-GH cases', async () => {
    const officer = await t.token('LH-GH', 'OFFICER', 'gh-officer-auth');
    const expected = await seededIds(`d.code = 'LH-GH'`);
    expect(expected.length).toBeGreaterThan(0);
    const { edges, totalCount } = await listAll(officer);
    expect(edges.every((e) => e.node.department.code === 'LH-GH')).toBe(true);
    expect(totalCount).toBe(expected.length);
    expect(edges.map((e) => e.node.id)).toEqual(expected);

    // Asking for another team's cases by filter yields nothing, not their cases.
    const mz = await listAll(officer, { departmentCode: ['LH-MZ'] });
    expect(mz.totalCount).toBe(0);
    expect(mz.edges).toHaveLength(0);
  });

  it('an LH-GH officer reading an LH-MZ case by id or case number is FORBIDDEN (CASE_SCOPE)', async () => {
    const officer = await t.token('LH-GH', 'OFFICER', 'gh-officer-auth');
    const [mzCase] = await t.db.prisma.$queryRawUnsafe<{ id: string; caseNo: string }[]>(
      `SELECT c.id::text AS id, c."caseNo" FROM "EnforcementCase" c JOIN "Department" d ON d.id = c."departmentId"
        WHERE d.code = 'LH-MZ' AND ${SEEDED_SQL} ORDER BY c."caseNo" LIMIT 1`,
    );
    for (const vars of [{ id: mzCase.id }, { caseNo: mzCase.caseNo }]) {
      const res = await t.gql(CaseByIdDocument, vars, officer);
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'CASE_SCOPE' });
    }
  });

  it('a SUPERVISOR sees every case', async () => {
    const supervisor = await t.token('LH-CGJ', 'SUPERVISOR');
    const expected = await seededIds('TRUE');
    const { edges, totalCount } = await listAll(supervisor);
    expect(totalCount).toBe(expected.length);
    expect(edges.map((e) => e.node.id)).toEqual(expected);
    expect(new Set(edges.map((e) => e.node.department.code)).size).toBe(6);
  });

  it('the PARTNER LH-SCJG sees only the categories of its data-sharing agreement', async () => {
    const rows = await t.db.prisma.$queryRawUnsafe<{ category: string }[]>(
      `SELECT DISTINCT unnest(a.categories)::text AS category
         FROM "DataSharingAgreement" a JOIN "Department" d ON d.id = a."departmentId"
        WHERE d.code = 'LH-SCJG' AND a."revokedAt" IS NULL AND a."validFrom" <= now() AND a."validTo" > now()`,
    );
    const shared = rows.map((r) => r.category).sort();
    expect(shared).toEqual(['AFTER_SCHOOL_CARE', 'CITY_APPEARANCE', 'EDUCATION_TRAINING', 'GAS']);

    const partner = await t.token('LH-SCJG', 'PARTNER', 'scjg-partner');
    const expected = await seededIds(`p.category::text = ANY($1::text[])`, [shared]);
    expect(expected.length).toBeGreaterThan(0);
    const { edges, totalCount } = await listAll(partner);
    expect(edges.every((e) => shared.includes(e.node.powerItem.category))).toBe(true);
    expect(totalCount).toBe(expected.length);
    expect(edges.map((e) => e.node.id)).toEqual(expected);

    // A case of another category is refused even by id, naming the agreement rule.
    const [other] = await seededIds(`NOT (p.category::text = ANY($1::text[]))`, [shared]);
    const res = await t.gql(CaseByIdDocument, { id: other }, partner);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'AGREEMENT_CATEGORY' });
  });

  it('a PARTNER without an agreement (LH-ZJJ) sees nothing', async () => {
    const agreements = await t.db.prisma.dataSharingAgreement.count({
      where: { department: { is: { code: 'LH-ZJJ' } }, revokedAt: null, validTo: { gt: new Date() } },
    });
    expect(agreements).toBe(0);
    const partner = await t.token('LH-ZJJ', 'PARTNER', 'zjj-partner');
    const res = await t.gql(CaseKeysetPageDocument, { first: 100 }, partner);
    expect(res.errors).toBeUndefined();
    expect(res.data!.cases.totalCount).toBe(0);
    expect(res.data!.cases.edges).toHaveLength(0);
  });

  describe('lifecycle steps outside one’s remit change nothing', () => {
    let target: { id: string; version: number };

    beforeAll(async () => {
      [target] = await t.db.prisma.$queryRawUnsafe<{ id: string; version: number }[]>(
        `SELECT c.id::text AS id, c.version FROM "EnforcementCase" c JOIN "Department" d ON d.id = c."departmentId"
          WHERE d.code = 'LH-GH' AND c.stage = 'RECEIVED' AND ${SEEDED_SQL} ORDER BY c."caseNo" LIMIT 1`,
      );
      expect(target).toBeDefined();
    });

    async function snapshot() {
      const c = await t.db.prisma.enforcementCase.findUniqueOrThrow({ where: { id: target.id } });
      const events = await t.db.prisma.caseEvent.count({ where: { caseId: target.id } });
      return { version: c.version, stage: c.stage, filedAt: c.filedAt, events };
    }

    it('an LH-MZ officer cannot file an LH-GH case', async () => {
      const before = await snapshot();
      expect(before.stage).toBe('RECEIVED');
      const officer = await t.token('LH-MZ', 'OFFICER', 'mz-officer-auth');
      const res = await t.gql(FileCaseDocument, { caseId: target.id, note: '越权立案' }, officer);
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('a SUPERVISOR cannot take lifecycle steps', async () => {
      const before = await snapshot();
      const supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'sup-auth');
      const res = await t.gql(FileCaseDocument, { caseId: target.id, note: '监督越权' }, supervisor);
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'OFFICER' });
      expect(await snapshot()).toEqual(before);
    });
  });
});

// ───────────────────────────── WebSocket ─────────────────────────────

describe('the graphql-ws endpoint on /graphql', () => {
  const DEPARTMENT_CODES = print(DepartmentCodesOverSocketDocument);
  const clients: Client[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  function connect(connectionParams: Record<string, unknown>) {
    const events = { connected: 0, closedCode: null as number | null };
    const client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: {
        connected: () => {
          events.connected += 1;
        },
        closed: (e) => {
          events.closedCode = (e as { code?: number }).code ?? null;
        },
      },
    });
    clients.push(client);
    return { client, events };
  }

  function run(client: Client, query: string): Promise<{ results: FormattedExecutionResult[]; error?: unknown }> {
    return new Promise((resolve) => {
      const results: FormattedExecutionResult[] = [];
      client.subscribe(
        { query },
        {
          next: (r) => results.push(r as FormattedExecutionResult),
          error: (error) => resolve({ results, error }),
          complete: () => resolve({ results }),
        },
      );
    });
  }

  it('acknowledges a connection with a valid bearer token and runs a query over it', async () => {
    const token = await t.token('LH-GH', 'OFFICER', 'ws-officer');
    const { client, events } = connect({ authorization: `Bearer ${token}` });
    const { results, error } = await run(client, DEPARTMENT_CODES);
    expect(error).toBeUndefined();
    expect(events.connected).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0].errors).toBeUndefined();
    const codes = (results[0].data as { departments: { code: string }[] }).departments.map((d) => d.code);
    const sql = await t.db.prisma.department.findMany({ select: { code: true }, orderBy: { code: 'asc' } });
    expect(codes).toEqual(sql.map((d) => d.code));
  });

  it.each([
    ['no token', async () => ({})],
    ['a token signed with another secret', async () => ({
      authorization: `Bearer ${await signToken('another-secret-of-at-least-thirty-two-chars', { sub: 'x', dept: 'LH-GH', roles: ['OFFICER'] })}`,
    })],
    ['a malformed header', async () => ({ authorization: 'Token abc' })],
    ['a token for an unknown department', async () => ({ authorization: `Bearer ${await t.token('LH-XX', 'OFFICER')}` })],
  ])('closes a connection with %s (4403) and runs nothing', async (_label, params) => {
    const { client, events } = connect(await params());
    const { results, error } = await run(client, DEPARTMENT_CODES);
    expect(results).toHaveLength(0);
    expect(events.connected).toBe(0);
    expect((error as { code?: number }).code).toBe(4403);
    expect(events.closedCode).toBe(4403);
  });
});
