// The audit log through the real server: one record per request (read, write, refused), with
// who, what and why; and the hash chain over all records, which names a record changed behind
// the hub's back. Records are found by the X-Request-Id header each request sends.
import { randomUUID } from 'node:crypto';
import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { AuditLog } from '../../src/audit/audit-log';
import { CaseByIdDocument, CaseKeysetPageDocument, FileCaseDocument, RegisterCaseDocument } from '../generated/graphql';
import { startTestHub, type TestHub } from '../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';

let t: TestHub;
let officer: string;
const OFFICER_SUB = `audit-officer-${randomUUID().slice(0, 8)}`;
/** Ids of records written by this file's requests; the tamper test changes one of them. */
const myRecordIds: bigint[] = [];

beforeAll(async () => {
  t = await startTestHub();
  officer = await t.token('LH-GH', 'OFFICER', OFFICER_SUB);
});

afterAll(async () => {
  await t?.stop();
});

function requestId(label: string): string {
  return `audit-test-${label}-${randomUUID()}`;
}

async function theRecordOf(id: string) {
  const records = await t.db.prisma.auditRecord.findMany({ where: { requestId: id } });
  expect(records).toHaveLength(1); // exactly one record per request
  myRecordIds.push(records[0].id);
  return records[0];
}

describe('one audit record per request', () => {
  it('a list query by an officer records who asked and exactly the case ids returned', async () => {
    const rid = requestId('list');
    const startedAt = Date.now();
    const res = await t.gql(CaseKeysetPageDocument, { filter: { registeredTo: SEEDED_TO }, first: 25 }, officer, { 'X-Request-Id': rid });
    expect(res.errors).toBeUndefined();
    const returned = res.data!.cases.edges.map((e) => e.node.id);
    expect(returned).toHaveLength(25);
    expect(res.data!.cases.pageInfo.hasNextPage).toBe(true); // the look-ahead row is not "returned"

    const record = await theRecordOf(rid);
    expect(record).toMatchObject({
      sub: OFFICER_SUB,
      dept: 'LH-GH',
      roles: ['OFFICER'],
      purpose: null,
      operationType: 'query',
      operationName: 'CaseKeysetPage',
      fields: ['cases'],
      outcome: 'OK',
      requestId: rid,
    });
    expect([...record.caseIds].sort()).toEqual([...returned].sort());
    expect(record.at.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a query with several root fields records each of them', async () => {
    const rid = requestId('multi');
    const res = await t.gql('query TwoLists { departments { code } powerItems(category: GAS) { code } }', undefined, officer, {
      'X-Request-Id': rid,
    });
    expect(res.errors).toBeUndefined();
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({ operationType: 'query', operationName: 'TwoLists', fields: ['departments', 'powerItems'], caseIds: [] });
  });

  it('a mutation records operationType mutation and the case it touched', async () => {
    const officers = await t.db.prisma.officer.findMany({
      where: { active: true, department: { is: { code: 'LH-GH' } } },
      orderBy: { badgeNo: 'asc' },
      take: 2,
    });
    const item = await t.db.prisma.powerItem.findFirstOrThrow({ where: { active: true, category: 'CITY_APPEARANCE' }, orderBy: { code: 'asc' } });
    const rid = requestId('mutation');
    const res = await t.gql(
      RegisterCaseDocument,
      {
        input: {
          source: 'PATROL',
          powerItemCode: item.code,
          summary: '审计测试：巡查发现店外占道经营',
          address: '深圳市龙华区观湖街道环观南路 18 号',
          officerBadgeNos: officers.map((o) => o.badgeNo),
        },
      },
      officer,
      { 'X-Request-Id': rid },
    );
    expect(res.errors).toBeUndefined();
    const created = res.data!.registerCase;

    const record = await theRecordOf(rid);
    expect(record).toMatchObject({
      sub: OFFICER_SUB,
      dept: 'LH-GH',
      operationType: 'mutation',
      operationName: 'RegisterCase',
      fields: ['registerCase'],
      caseIds: [created.id],
      outcome: 'OK',
    });
  });

  it('a refused mutation is recorded with its error code', async () => {
    const target = await t.db.prisma.enforcementCase.findFirstOrThrow({
      where: { department: { is: { code: 'LH-MZ' } }, registeredAt: { lt: new Date(SEEDED_TO) } },
      orderBy: { caseNo: 'asc' },
    });
    const rid = requestId('forbidden');
    const res = await t.gql(FileCaseDocument, { caseId: target.id }, officer, { 'X-Request-Id': rid });
    expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.enforcementCase.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ version: target.version, stage: target.stage });
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({ operationType: 'mutation', operationName: 'FileCase', fields: ['fileCase'], outcome: 'ERROR:FORBIDDEN' });
  });

  it('a query answered with a domain error (NOT_FOUND) is recorded with that code', async () => {
    const rid = requestId('not-found');
    const res = await t.gql(CaseByIdDocument, { id: randomUUID() }, officer, { 'X-Request-Id': rid });
    expect(res.errors![0].extensions?.code).toBe('NOT_FOUND');
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({ operationType: 'query', operationName: 'CaseById', fields: ['case'], caseIds: [], outcome: 'ERROR:NOT_FOUND' });
  });

  it('a query that fails validation is still recorded, once, with the validation code', async () => {
    const rid = requestId('invalid');
    const res = await t.gql('query Broken { cases(first: 2) { edges { node { noSuchField } } } }', undefined, officer, { 'X-Request-Id': rid });
    expect(res.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({ sub: OFFICER_SUB, caseIds: [], outcome: 'ERROR:GRAPHQL_VALIDATION_FAILED' });
  });

  it('a request refused for want of a token is recorded as anonymous with ERROR:UNAUTHENTICATED', async () => {
    const rid = requestId('anonymous');
    const res = await t.gql(CaseKeysetPageDocument, { first: 5 }, null, { 'X-Request-Id': rid });
    expect(res.status).toBe(401);
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({
      sub: 'anonymous',
      dept: null,
      roles: [],
      operationType: 'query',
      operationName: 'CaseKeysetPage',
      fields: ['cases'],
      caseIds: [],
      outcome: 'ERROR:UNAUTHENTICATED',
    });
  });

  it('a request with a bad token is recorded as anonymous too', async () => {
    const rid = requestId('bad-token');
    const res = await t.gql(CaseKeysetPageDocument, { first: 5 }, `${officer}x`, { 'X-Request-Id': rid });
    expect(res.status).toBe(401);
    const record = await theRecordOf(rid);
    expect(record).toMatchObject({ sub: 'anonymous', outcome: 'ERROR:UNAUTHENTICATED' });
  });

  it('records the stated purpose (X-Purpose, percent-encoded) decoded', async () => {
    const rid = requestId('purpose');
    const res = await t.gql(CaseKeysetPageDocument, { filter: { registeredTo: SEEDED_TO }, first: 3 }, officer, {
      'X-Request-Id': rid,
      'X-Purpose': '%E6%A1%88%E4%BB%B6%E6%A0%B8%E6%9F%A5',
    });
    expect(res.errors).toBeUndefined();
    const record = await theRecordOf(rid);
    expect(record.purpose).toBe('案件核查');
  });
});

describe('operations over the WebSocket', () => {
  it('a query over graphql-ws is recorded once, with its root fields, purpose and the case ids returned', async () => {
    const sub = `audit-ws-${randomUUID().slice(0, 8)}`;
    const token = await t.token('LH-GH', 'OFFICER', sub);
    const client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}`, purpose: '案件核查' },
      retryAttempts: 0,
    });
    let result: FormattedExecutionResult | undefined;
    try {
      result = await new Promise<FormattedExecutionResult>((resolve, reject) => {
        let last: FormattedExecutionResult | undefined;
        client.subscribe(
          { operationName: 'WsCases', query: `query WsCases { cases(first: 3, filter: { registeredTo: "${SEEDED_TO}" }) { edges { node { id } } } }` },
          { next: (r) => (last = r as FormattedExecutionResult), error: reject, complete: () => resolve(last!) },
        );
      });
    } finally {
      await client.dispose();
    }
    expect(result.errors).toBeUndefined();
    const returned = (result.data as { cases: { edges: { node: { id: string } }[] } }).cases.edges.map((e) => e.node.id);
    expect(returned).toHaveLength(3);

    const records = await t.db.prisma.auditRecord.findMany({ where: { sub } });
    expect(records).toHaveLength(1);
    myRecordIds.push(records[0].id);
    expect(records[0]).toMatchObject({ dept: 'LH-GH', roles: ['OFFICER'], purpose: '案件核查', operationName: 'WsCases', outcome: 'OK' });
    expect({ fields: records[0].fields, caseIds: [...records[0].caseIds].sort() }).toEqual({ fields: ['cases'], caseIds: [...returned].sort() });
  });
});

describe('the audit hash chain', () => {
  it('verifies after those requests', async () => {
    expect(myRecordIds.length).toBeGreaterThanOrEqual(10);
    const newest = myRecordIds.reduce((a, b) => (a > b ? a : b));
    const result = await new AuditLog(t.db.prisma).verify();
    expect(result).toMatchObject({ valid: true, firstBrokenId: null, problem: null });
    expect(BigInt(result.checked)).toBeGreaterThanOrEqual(newest);
  });

  // Last on purpose: other files verify the chain too, so the tampered value is restored at once.
  it('reports a record whose operationName was changed with SQL, and names it', async () => {
    const victim = myRecordIds[0];
    const [before] = await t.db.prisma.$queryRawUnsafe<{ operationName: string | null }[]>(
      `SELECT "operationName" FROM "AuditRecord" WHERE id = $1`,
      victim,
    );
    expect(before.operationName).toBe('CaseKeysetPage');
    let tampered: Awaited<ReturnType<AuditLog['verify']>> | undefined;
    try {
      await t.db.prisma.$executeRawUnsafe(`UPDATE "AuditRecord" SET "operationName" = 'HarmlessLookingQuery' WHERE id = $1`, victim);
      tampered = await new AuditLog(t.db.prisma).verify();
    } finally {
      await t.db.prisma.$executeRawUnsafe(`UPDATE "AuditRecord" SET "operationName" = $2 WHERE id = $1`, victim, before.operationName);
    }
    expect(tampered?.valid).toBe(false);
    expect(tampered?.firstBrokenId).toBe(victim.toString());
    expect(tampered?.problem).toMatch(/hash/);
    // Every record before it still verifies.
    expect(tampered?.checked).toBe(await t.db.prisma.auditRecord.count({ where: { id: { lt: victim } } }));

    const restored = await new AuditLog(t.db.prisma).verify();
    expect(restored.valid).toBe(true);
  });
});
